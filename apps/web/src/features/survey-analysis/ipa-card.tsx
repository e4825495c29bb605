import { Card, Empty, Flex, Tag, Typography } from 'antd';
import type { SurveyAnalysis } from '@qloop/contracts';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { EChart } from '../../components/echart';
import { ipaChartOption, type IpaPoint } from './analysis-charts';
import { QUADRANT_COLOURS, QUADRANTS, quadrantLabelKey, type Quadrant } from './analysis-format';

/**
 * 重要性–表现分析 (IPA): the SERVQUAL questions placed by importance (mean expectation, up) and
 * performance (mean perception, right), split at the means into 重点改进区, 继续保持区, 次要改进区
 * and 过度投入区; under the chart, the questions of each quadrant.
 */
export function IpaCard({
  ipa,
  textOf,
  hasServqual,
}: {
  ipa: SurveyAnalysis['ipa'];
  textOf: (key: string) => string;
  hasServqual: boolean;
}) {
  const { t, i18n } = useTranslation();
  const locale = i18n.language;
  const points = useMemo<IpaPoint[]>(
    () => ipa.items.map((i) => ({ ...i, name: textOf(i.key) })),
    [ipa.items, textOf],
  );
  const option = useMemo(
    () =>
      ipaChartOption(
        points,
        ipa.cuts,
        {
          importance: t('surveyAnalysis.importance'),
          performance: t('surveyAnalysis.performance'),
          cut: (value) => t('surveyAnalysis.cut', { value }),
          quadrant: Object.fromEntries(QUADRANTS.map((q) => [q, t(quadrantLabelKey(q))])) as Record<
            Quadrant,
            string
          >,
        },
        locale,
      ),
    [points, ipa.cuts, t, locale],
  );

  return (
    <Card
      size="small"
      title={t('surveyAnalysis.ipaTitle')}
      data-testid="analysis-ipa"
      style={{ height: '100%' }}
    >
      {!option ? (
        <Empty
          image={Empty.PRESENTED_IMAGE_SIMPLE}
          description={t(hasServqual ? 'surveyAnalysis.noServqualAnswers' : 'surveyAnalysis.noServqual')}
        />
      ) : (
        <>
          <Typography.Paragraph type="secondary" style={{ fontSize: 12, marginBottom: 8 }}>
            {t('surveyAnalysis.ipaHint')}
          </Typography.Paragraph>
          <div data-testid="ipa-chart">
            <EChart option={option} height={380} />
          </div>
          <Flex vertical gap={4} style={{ marginTop: 8 }} data-testid="ipa-quadrants">
            {QUADRANTS.map((q) => {
              const its = points.filter((p) => p.quadrant === q);
              return its.length ? (
                <Flex key={q} gap={8} align="baseline" wrap>
                  <Tag
                    color={QUADRANT_COLOURS[q]}
                    bordered={false}
                    style={{ marginInlineEnd: 0, minWidth: 84, textAlign: 'center' }}
                  >
                    {t(quadrantLabelKey(q))}
                  </Tag>
                  <Typography.Text style={{ fontSize: 12 }}>
                    {its.map((p) => p.name).join(locale === 'en-US' ? ', ' : '、')}
                  </Typography.Text>
                </Flex>
              ) : null;
            })}
          </Flex>
        </>
      )}
    </Card>
  );
}
