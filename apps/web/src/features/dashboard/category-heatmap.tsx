import { Card, Empty, Flex, Segmented, Spin } from 'antd';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { useIndicatorBreakdown, type Figure } from '../../api/indicators';
import { EChart, type ChartOption } from '../../components/echart';
import { breakdownLabel } from './breakdown-label';
import { ExportButton } from './export-button';
import { heatmapGrid } from './heatmap-grid';
import { COMPLAINTS_KEY } from './pareto-chart';
import { useWallMode } from './wall-mode';

/**
 * 热力图: complaints by category (rows; level 1 or 2 of the tree) × child unit (columns, in the org
 * tree's order): where which problem concentrates. A cell drills into that unit with that category
 * as the filter.
 */
export function CategoryHeatmap({
  figure, level, unitOrder, onLevel, onCell,
}: { figure: Figure; level: 1 | 2; unitOrder: string[]; onLevel: (l: 1 | 2) => void; onCell: (unitId: string, categoryId: string) => void }) {
  const { t, i18n } = useTranslation();
  const { wall, refetchInterval } = useWallMode();
  const breakdown = useMemo(() => ({ ...figure, by: 'category' as const, then: 'unit' as const, categoryLevel: level }), [figure, level]);
  const { data, isLoading } = useIndicatorBreakdown(COMPLAINTS_KEY, breakdown, { refetchInterval });
  // a count of 0 is no complaint: a blank cell, like the cells the answer leaves out
  const grid = useMemo(() => heatmapGrid((data?.rows ?? []).filter((r) => r.value !== 0), unitOrder), [data, unitOrder]);
  const height = Math.max(240, grid.rows.length * (wall ? 30 : 24) + 110);
  const option = useMemo<ChartOption>(() => {
    const rowNames = grid.rows.map((k) => breakdownLabel(data?.labels, k, i18n.language));
    const colNames = grid.columns.map((k) => breakdownLabel(data?.labels, k, i18n.language));
    return {
      backgroundColor: 'transparent',
      grid: { left: 8, right: 16, top: 8, bottom: 56, containLabel: true },
      tooltip: {
        position: 'top',
        formatter: (p: unknown) => {
          const [x, y, v] = (p as { value: [number, number, number] }).value;
          return `${colNames[x]} · ${rowNames[y]}<br/>${t('dashboard.complaintCount', { n: v })}`;
        },
      },
      xAxis: { type: 'category', data: colNames, splitArea: { show: true }, axisLabel: { interval: 0, rotate: colNames.length > 5 ? 30 : 0, fontSize: wall ? 14 : 11 } },
      yAxis: { type: 'category', data: rowNames, splitArea: { show: true }, inverse: true, axisLabel: { fontSize: wall ? 14 : 11, width: 110, overflow: 'truncate' } },
      visualMap: { min: 0, max: Math.max(1, grid.max), calculable: true, orient: 'horizontal', left: 'center', bottom: 0, itemHeight: 120, inRange: { color: wall ? ['#102a52', '#2f6fd6', '#ff4d4f'] : ['#f0f5ff', '#85a5ff', '#f5222d'] } },
      series: [{ type: 'heatmap', data: grid.cells, label: { show: grid.columns.length * grid.rows.length <= 150, fontSize: wall ? 13 : 10, color: wall ? '#fff' : '#262626' }, emphasis: { itemStyle: { borderColor: '#333', borderWidth: 1 } } }],
    };
  }, [grid, data?.labels, i18n.language, t, wall]);
  return (
    <Card
      title={t('dashboard.heatmap')}
      size="small"
      data-testid="dashboard-heatmap"
      extra={
        <Flex gap={8} align="center">
          <Segmented
            size="small"
            value={level}
            onChange={(v) => onLevel(v as 1 | 2)}
            options={[
              { value: 1, label: t('dashboard.categoryLevel1') },
              { value: 2, label: t('dashboard.categoryLevel2') },
            ]}
            data-testid="heatmap-level"
          />
          <ExportButton indicatorKey={COMPLAINTS_KEY} breakdown={breakdown} testId="heatmap-export" />
        </Flex>
      }
    >
      {isLoading ? (
        <Spin />
      ) : !grid.cells.length ? (
        <Empty description={t('dashboard.noData')} />
      ) : (
        <div data-testid="heatmap-chart">
          <EChart
            option={option}
            height={height}
            dark={wall}
            onClick={(e) => {
              const v = e.value as [number, number, number] | undefined;
              if (v) onCell(grid.columns[v[0]]!, grid.rows[v[1]]!);
            }}
          />
        </div>
      )}
    </Card>
  );
}
