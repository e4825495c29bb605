import { Empty, Spin } from 'antd';
import type { Indicator } from '@qloop/contracts';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { useIndicatorSeries, type Figure } from '../../api/indicators';
import { EChart, type ChartOption } from '../../components/echart';
import { unitOf } from './figure';
import { grainFor } from './periods';

/**
 * The figure's trend over the period: by day up to a month, by ISO week up to half a year, by month
 * beyond. Days without data are gaps, not zeros; the tooltip gives numerator and denominator.
 */
export function TrendChart({ ind, figure }: { ind: Indicator; figure: Figure }) {
  const { t, i18n } = useTranslation();
  const unit = unitOf(ind, i18n.language);
  const grain = grainFor(figure.from, figure.to);
  const { data, isLoading } = useIndicatorSeries(ind.key, { ...figure, grain });
  const option = useMemo<ChartOption>(() => {
    const points = data?.points ?? [];
    return {
      grid: { left: 48, right: 16, top: 24, bottom: 32 },
      tooltip: {
        trigger: 'axis',
        formatter: (ps: unknown) => {
          const p = (ps as { dataIndex: number }[])[0];
          const pt = p ? points[p.dataIndex] : undefined;
          if (!pt) return '';
          const parts = pt.denominator === null ? `${pt.numerator ?? ''}` : `${pt.numerator} / ${pt.denominator}`;
          return `${pt.from}${pt.to !== pt.from ? ` – ${pt.to}` : ''}<br/>${pt.value === null ? t('dashboard.noData') : `${pt.value}${ind.unit === '%' ? '%' : ` ${unit}`}`}<br/>${parts}`;
        },
      },
      xAxis: { type: 'category', data: points.map((p) => p.from.slice(5)) },
      yAxis: { type: 'value', name: unit },
      series: [{ type: 'line', data: points.map((p) => p.value), connectNulls: false, showSymbol: true, smooth: false }],
    };
  }, [data, ind.unit, unit, t]);
  if (isLoading) return <Spin />;
  if (!data?.points.some((p) => p.value !== null)) return <Empty description={t('dashboard.noData')} />;
  return (
    <div data-testid="figure-trend">
      <EChart option={option} height={280} />
    </div>
  );
}
