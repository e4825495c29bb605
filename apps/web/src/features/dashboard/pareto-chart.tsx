import { Card, Empty, Flex, Spin, Typography } from 'antd';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { useIndicatorBreakdown, type Figure } from '../../api/indicators';
import { EChart, type ChartOption } from '../../components/echart';
import { breakdownLabel } from './breakdown-label';
import { ExportButton } from './export-button';
import { paretoItems, vitalFew } from './pareto';
import { useWallMode } from './wall-mode';

/** The count the complaint charts break down. */
export const COMPLAINTS_KEY = 'complaints';
const CUT = 80;

/**
 * 帕累托图: complaints by perception element (level-2 category), largest first, with the running
 * share on a second axis and the 80% line: the few categories that make most complaints. A bar
 * sets the category filter.
 */
export function ParetoChart({ figure, onCategory }: { figure: Figure; onCategory: (id: string) => void }) {
  const { t, i18n } = useTranslation();
  const { wall, refetchInterval } = useWallMode();
  const breakdown = useMemo(() => ({ ...figure, by: 'category' as const, categoryLevel: 2 }), [figure]);
  const { data, isLoading } = useIndicatorBreakdown(COMPLAINTS_KEY, breakdown, { refetchInterval });
  const items = useMemo(() => paretoItems(data?.rows ?? []), [data]);
  const few = vitalFew(items, CUT);
  const option = useMemo<ChartOption>(() => {
    const names = items.map((i) => breakdownLabel(data?.labels, i.key, i18n.language));
    return {
      backgroundColor: 'transparent',
      grid: { left: 48, right: 48, top: 32, bottom: 8, containLabel: true },
      tooltip: {
        trigger: 'axis',
        formatter: (ps: unknown) => {
          const i = (ps as { dataIndex: number }[])[0]?.dataIndex;
          const it = i === undefined ? undefined : items[i];
          return it ? `${names[i!]}<br/>${t('dashboard.complaintCount', { n: it.value })}<br/>${t('dashboard.cumulative')} ${it.cumulativePct}%` : '';
        },
      },
      xAxis: { type: 'category', data: names, axisLabel: { interval: 0, rotate: names.length > 6 ? 45 : 0, fontSize: wall ? 13 : 11, width: 80, overflow: 'truncate' } },
      yAxis: [
        { type: 'value', name: t('dashboard.complaintUnit'), minInterval: 1 },
        { type: 'value', min: 0, max: 100, axisLabel: { formatter: '{value}%' }, splitLine: { show: false } },
      ],
      series: [
        { type: 'bar', name: t('dashboard.complaintUnit'), data: items.map((i, n) => ({ value: i.value, itemStyle: { color: n < few ? '#1677ff' : '#91caff' } })), barMaxWidth: 36 },
        {
          type: 'line',
          name: t('dashboard.cumulative'),
          yAxisIndex: 1,
          data: items.map((i) => i.cumulativePct),
          showAllSymbol: true,
          symbolSize: 5,
          itemStyle: { color: '#fa8c16' },
          markLine: {
            silent: true,
            symbol: 'none',
            lineStyle: { type: 'dashed', color: '#f5222d' },
            // the right axis names the line's 80%
            label: { show: false },
            data: [{ yAxis: CUT }],
          },
        },
      ],
    };
  }, [items, few, data?.labels, i18n.language, t, wall]);
  return (
    <Card title={t('dashboard.pareto')} size="small" data-testid="dashboard-pareto" extra={<ExportButton indicatorKey={COMPLAINTS_KEY} breakdown={breakdown} testId="pareto-export" />}>
      {isLoading ? (
        <Spin />
      ) : !items.length ? (
        <Empty description={t('dashboard.noData')} />
      ) : (
        <>
          <Flex justify="space-between">
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>
              {t('dashboard.vitalFew', { n: few, total: items.length, cut: CUT })}
            </Typography.Text>
          </Flex>
          <div data-testid="pareto-chart">
            <EChart option={option} height={wall ? 420 : 360} dark={wall} onClick={(e) => e.dataIndex !== undefined && items[e.dataIndex] && onCategory(items[e.dataIndex]!.key)} />
          </div>
        </>
      )}
    </Card>
  );
}
