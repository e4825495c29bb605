import { Card, Flex, Segmented, Table, Tag, Tooltip, Typography } from 'antd';
import {
  SURVEY_BREAKDOWN_DIMENSIONS,
  SURVEY_SMALL_SAMPLE,
  type SURVEY_BREAKDOWN_SORTS,
  type SurveyBreakdownDimension,
  type SurveyBreakdownRow,
} from '@qloop/contracts';
import type { SortOrder } from 'antd/es/table/interface';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { SurveyAnalysisParams } from '../../api/survey-analysis';
import { useSurveyBreakdown, type BreakdownParams } from '../../api/survey-insights';
import { formatScore } from './analysis-format';

type Sort = (typeof SURVEY_BREAKDOWN_SORTS)[number];
const PAGE_SIZE = 10;

/** The table's sort order of a column, as antd shows it, from the server's sort. */
const orderOf = (sort: Sort, field: string): SortOrder =>
  sort === field ? 'ascend' : sort === `-${field}` ? 'descend' : null;

/**
 * 满意度分布: answers, CSAT and NPS by service channel, ticket category (level 1 or 2), the staff who
 * served, or child unit — sorted and paged by the server, a row resting on fewer than 30 answers
 * tagged 样本少.
 */
export function BreakdownCard({ params }: { params: SurveyAnalysisParams }) {
  const { t, i18n } = useTranslation();
  const locale = i18n.language;
  const en = locale === 'en-US';
  const [b, setB] = useState<BreakdownParams>({
    by: 'channel',
    categoryLevel: 2,
    sort: '-responses',
    page: 1,
    pageSize: PAGE_SIZE,
  });
  const { data, isFetching, error } = useSurveyBreakdown(params, b);
  const patch = (p: Partial<BreakdownParams>) => setB((x) => ({ ...x, page: 1, ...p }));

  const nameOf = (r: SurveyBreakdownRow) => {
    if (r.key === null)
      return <Typography.Text type="secondary">{t(`surveyInsights.none_${b.by}`)}</Typography.Text>;
    if (b.by === 'channel')
      return t(`channel.${r.key}`, {
        defaultValue: t(`surveyInsights.surveyChannel_${r.key}`, { defaultValue: r.key }),
      });
    return (en && r.nameEn) || r.name || r.key;
  };
  const n = (v: number) => formatScore(v, locale, 0);

  return (
    <Card
      size="small"
      title={t('surveyInsights.breakdownTitle')}
      data-testid="analysis-breakdown"
      extra={
        <Flex gap={8} align="center">
          {b.by === 'category' && (
            <Segmented
              size="small"
              value={b.categoryLevel}
              onChange={(v) => patch({ categoryLevel: v as 1 | 2 })}
              options={[
                { value: 1, label: t('surveyInsights.level1') },
                { value: 2, label: t('surveyInsights.level2') },
              ]}
              data-testid="breakdown-level"
            />
          )}
          <Segmented
            size="small"
            value={b.by}
            onChange={(v) => patch({ by: v as SurveyBreakdownDimension })}
            options={SURVEY_BREAKDOWN_DIMENSIONS.map((d) => ({
              value: d,
              label: t(`surveyInsights.by_${d}`),
            }))}
            data-testid="breakdown-by"
          />
        </Flex>
      }
    >
      {error && !data && <Typography.Text type="danger">{error.message}</Typography.Text>}
      <Table<SurveyBreakdownRow>
        rowKey={(r) => r.key ?? '∅'}
        size="small"
        loading={isFetching}
        dataSource={data?.items ?? []}
        locale={{ emptyText: t('surveyInsights.noBreakdown') }}
        data-testid="breakdown-table"
        pagination={{
          current: b.page,
          pageSize: b.pageSize,
          total: data?.total ?? 0,
          showSizeChanger: false,
          hideOnSinglePage: true,
          size: 'small',
        }}
        onChange={(pg, _f, sorter) => {
          const s = Array.isArray(sorter) ? sorter[0] : sorter;
          const field = s?.columnKey as string | undefined;
          const sort = (
            s?.order && field ? (s.order === 'ascend' ? field : `-${field}`) : '-responses'
          ) as Sort;
          if (sort !== b.sort) patch({ sort });
          else setB((x) => ({ ...x, page: pg.current ?? 1 }));
        }}
        columns={[
          {
            title: t(`surveyInsights.col_${b.by}`),
            key: 'name',
            ellipsis: true,
            sorter: true,
            sortOrder: orderOf(b.sort, 'name'),
            render: (_, r) => (
              <Flex gap={6} align="center">
                <Typography.Text ellipsis>{nameOf(r)}</Typography.Text>
                {r.small && (
                  <Tooltip title={t('surveyInsights.smallHint', { min: SURVEY_SMALL_SAMPLE })}>
                    <Tag
                      color="warning"
                      bordered={false}
                      style={{ marginInlineEnd: 0 }}
                      data-testid="small-sample"
                    >
                      {t('surveyInsights.small')}
                    </Tag>
                  </Tooltip>
                )}
              </Flex>
            ),
          },
          {
            title: t('surveyInsights.answers'),
            key: 'responses',
            dataIndex: 'responses',
            width: 96,
            align: 'right',
            sorter: true,
            sortOrder: orderOf(b.sort, 'responses'),
            render: (v: number) => n(v),
          },
          {
            title: 'CSAT',
            key: 'csat',
            width: 140,
            align: 'right',
            sorter: true,
            sortOrder: orderOf(b.sort, 'csat'),
            render: (_, r) =>
              r.csat.value === null ? (
                '—'
              ) : (
                <span style={{ fontVariantNumeric: 'tabular-nums' }}>
                  {formatScore(r.csat.value, locale)}%{' '}
                  <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                    ({n(r.csat.numerator)}/{n(r.csat.denominator)})
                  </Typography.Text>
                </span>
              ),
          },
          {
            title: 'NPS',
            key: 'nps',
            width: 120,
            align: 'right',
            sorter: true,
            sortOrder: orderOf(b.sort, 'nps'),
            render: (_, r) =>
              r.nps.value === null ? (
                '—'
              ) : (
                <span style={{ fontVariantNumeric: 'tabular-nums' }}>
                  {formatScore(r.nps.value, locale)}{' '}
                  <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                    (n={n(r.nps.n)})
                  </Typography.Text>
                </span>
              ),
          },
        ]}
      />
    </Card>
  );
}
