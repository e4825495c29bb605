import { Card, Empty, Flex, Segmented, Spin, Typography } from 'antd';
import { SURVEY_SMALL_SAMPLE, type TrendGranularity } from '@qloop/contracts';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { SurveyAnalysisParams } from '../../api/survey-analysis';
import { useSurveyTrend } from '../../api/survey-insights';
import { EChart } from '../../components/echart';
import { defaultGranularity, granularitiesFor } from './insights-format';
import { trendChartOption } from './trend-chart';

/**
 * 满意度趋势: answers per day, week or month as bars, CSAT and NPS as lines; hollow points where a
 * figure rests on a small sample, gaps where there were no answers. The granularity follows the
 * period unless the reader picks another.
 */
export function TrendCard({ params }: { params: SurveyAnalysisParams }) {
  const { t, i18n } = useTranslation();
  const locale = i18n.language;
  const auto = defaultGranularity(params.from, params.to);
  const offered = granularitiesFor(params.from, params.to);
  // a pick holds for the period it was made in: a new period starts from its own default again
  const period = `${params.from}~${params.to}`;
  const [picked, setPicked] = useState<{ period: string; g: TrendGranularity } | null>(null);
  const granularity = picked?.period === period && offered.includes(picked.g) ? picked.g : auto;
  const { data, isFetching, error } = useSurveyTrend(params, granularity);

  const option = useMemo(
    () =>
      data
        ? trendChartOption(
            data,
            {
              answers: t('surveyInsights.answers'),
              csat: t('surveyInsights.csat'),
              nps: t('surveyInsights.nps'),
              small: t('surveyInsights.small'),
              none: t('surveyInsights.noFigure'),
              range: (from, to) => t('surveyInsights.range', { from, to }),
            },
            locale,
          )
        : null,
    [data, t, locale],
  );
  const empty = data && data.buckets.every((b) => b.responses === 0);

  return (
    <Card
      size="small"
      title={t('surveyInsights.trendTitle')}
      data-testid="analysis-trend"
      extra={
        <Segmented
          size="small"
          value={granularity}
          onChange={(v) => setPicked({ period, g: v as TrendGranularity })}
          options={offered.map((g) => ({ value: g, label: t(`surveyInsights.granularity_${g}`) }))}
          data-testid="trend-granularity"
        />
      }
    >
      {error && !data ? (
        <Typography.Text type="danger">{error.message}</Typography.Text>
      ) : !data ? (
        <Flex justify="center" style={{ padding: 48 }}>
          <Spin />
        </Flex>
      ) : empty ? (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('surveyInsights.noTrend')} />
      ) : (
        <Spin spinning={isFetching}>
          <div
            data-testid="trend-chart"
            data-granularity={data.granularity}
            data-points={data.buckets.length}
          >
            <EChart option={option!} height={280} />
          </div>
          <Typography.Text type="secondary" style={{ fontSize: 12 }} data-testid="trend-hint">
            {t('surveyInsights.trendHint', { min: SURVEY_SMALL_SAMPLE })}
          </Typography.Text>
        </Spin>
      )}
    </Card>
  );
}
