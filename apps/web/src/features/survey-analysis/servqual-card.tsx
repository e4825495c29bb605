import { Card, Col, Empty, Row, Table, Tag, Typography } from 'antd';
import type { SurveyAnalysis } from '@qloop/contracts';
import { useCallback, useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { EChart } from '../../components/echart';
import { gapChartHeight, gapChartOption, type GapBar } from './analysis-charts';
import {
  dimensionLabelKey,
  dimensionRows,
  formatGap,
  formatScore,
  gapColour,
  type ServqualItem,
} from './analysis-format';

/**
 * 服务质量差距 (SERVQUAL): a horizontal bar per question and per dimension, gap = perception −
 * expectation (red below zero, green above), expectation and perception in the tooltip; then the
 * questions in a table. `hasServqual`: whether the survey asks any SERVQUAL question at all.
 */
export function ServqualCard({
  servqual,
  textOf,
  order,
  hasServqual,
}: {
  servqual: SurveyAnalysis['servqual'];
  textOf: (key: string) => string;
  order: (key: string) => number;
  hasServqual: boolean;
}) {
  const { t, i18n } = useTranslation();
  const locale = i18n.language;
  const dimName = useCallback(
    (d: string) => {
      const k = dimensionLabelKey(d);
      return k ? t(k) : d;
    },
    [t],
  );
  const items = useMemo(
    () => [...servqual.items].sort((a, b) => order(a.key) - order(b.key) || a.key.localeCompare(b.key)),
    [servqual.items, order],
  );
  const texts = useMemo(
    () => ({
      gap: t('surveyAnalysis.gap'),
      expectation: t('surveyAnalysis.expectation'),
      perception: t('surveyAnalysis.perception'),
    }),
    [t],
  );
  const itemBars = useMemo<GapBar[]>(
    () =>
      items.map((i) => ({
        key: i.key,
        name: textOf(i.key),
        gap: i.gap,
        expectation: i.expectation,
        perception: i.perception,
        note: `${t('surveyAnalysis.dimension')}: ${dimName(i.dimension)} · ${t('surveyAnalysis.answers')}: ${i.n}`,
      })),
    [items, textOf, t, dimName],
  );
  const dimBars = useMemo<GapBar[]>(
    () =>
      dimensionRows(servqual).map((d) => ({
        key: d.dimension,
        name: dimName(d.dimension),
        gap: d.gap,
        expectation: d.expectation,
        perception: d.perception,
        note: t('surveyAnalysis.dimensionItems', { n: d.items }),
      })),
    [servqual, t, dimName],
  );
  const itemOption = useMemo(() => gapChartOption(itemBars, texts, locale), [itemBars, texts, locale]);
  const dimOption = useMemo(() => gapChartOption(dimBars, texts, locale), [dimBars, texts, locale]);

  return (
    <Card
      size="small"
      title={t('surveyAnalysis.gapTitle')}
      data-testid="analysis-servqual"
      extra={
        servqual.overall !== null && (
          <Tag
            bordered={false}
            color={servqual.overall < 0 ? 'red' : servqual.overall > 0 ? 'green' : 'default'}
            style={{ marginInlineEnd: 0 }}
            data-testid="servqual-overall"
          >
            {t('surveyAnalysis.overallGap', { gap: formatGap(servqual.overall, locale) })}
          </Tag>
        )
      }
    >
      {!items.length ? (
        <Empty
          image={Empty.PRESENTED_IMAGE_SIMPLE}
          description={t(hasServqual ? 'surveyAnalysis.noServqualAnswers' : 'surveyAnalysis.noServqual')}
        />
      ) : (
        <>
          <Typography.Paragraph type="secondary" style={{ fontSize: 12, marginBottom: 8 }}>
            {t('surveyAnalysis.gapHint')}
          </Typography.Paragraph>
          <Row gutter={[16, 16]}>
            <Col xs={24} xl={14}>
              <Typography.Text strong>{t('surveyAnalysis.gapByItem')}</Typography.Text>
              <div data-testid="gap-chart-items">
                <EChart option={itemOption} height={gapChartHeight(itemBars.length)} />
              </div>
            </Col>
            <Col xs={24} xl={10}>
              <Typography.Text strong>{t('surveyAnalysis.gapByDimension')}</Typography.Text>
              <div data-testid="gap-chart-dimensions">
                <EChart
                  option={dimOption}
                  height={gapChartHeight(Math.max(dimBars.length, itemBars.length))}
                />
              </div>
            </Col>
          </Row>
          <Table<ServqualItem>
            rowKey="key"
            size="small"
            pagination={false}
            dataSource={items}
            style={{ marginTop: 12 }}
            data-testid="servqual-table"
            columns={[
              {
                title: t('surveyAnalysis.question'),
                key: 'question',
                ellipsis: true,
                render: (_, r) => textOf(r.key),
              },
              {
                title: t('surveyAnalysis.dimension'),
                dataIndex: 'dimension',
                width: 120,
                render: (d: string) => dimName(d),
              },
              {
                title: t('surveyAnalysis.expectation'),
                dataIndex: 'expectation',
                width: 100,
                align: 'right',
                render: (v: number | null) => formatScore(v, locale),
              },
              {
                title: t('surveyAnalysis.perception'),
                dataIndex: 'perception',
                width: 100,
                align: 'right',
                render: (v: number | null) => formatScore(v, locale),
              },
              {
                title: t('surveyAnalysis.gap'),
                dataIndex: 'gap',
                width: 100,
                align: 'right',
                sorter: (a, b) => (a.gap ?? 0) - (b.gap ?? 0),
                render: (v: number | null) => (
                  <span
                    style={{ color: v ? gapColour(v) : undefined, fontWeight: 600 }}
                    data-testid="servqual-gap"
                  >
                    {formatGap(v, locale)}
                  </span>
                ),
              },
              { title: t('surveyAnalysis.answers'), dataIndex: 'n', width: 90, align: 'right' },
            ]}
          />
        </>
      )}
    </Card>
  );
}
