import type { SurveyTrend } from '@qloop/contracts';
import type { ChartOption } from '../../components/echart';
import { escapeHtml } from './analysis-charts';
import { formatScore } from './analysis-format';
import { bucketLabel } from './insights-format';

/**
 * The trend chart as an ECharts option: answers as bars (right axis), CSAT (%) and NPS as lines
 * (left axis). A bucket without answers leaves a gap in the lines (no figure is not 0); a figure
 * from a small sample is drawn as a hollow point and said so in the tooltip. Pure.
 */

type Bucket = SurveyTrend['buckets'][number];

export interface TrendChartTexts {
  answers: string;
  csat: string;
  nps: string;
  /** e.g. 样本少 */
  small: string;
  /** the tooltip's line for a bucket without a figure */
  none: string;
  /** the bucket's days, e.g. 3/9 – 3/15 */
  range: (from: string, to: string) => string;
}

export const TREND_COLOURS = { answers: '#d6e4ff', csat: '#1677ff', nps: '#fa8c16' } as const;

/** One line's points: null where there is no figure, a hollow point where the sample is small. */
export function linePoints(buckets: readonly Bucket[], which: 'csat' | 'nps') {
  return buckets.map((b) => {
    const f = b[which];
    if (f.value === null) return { value: null as number | null };
    return f.small
      ? {
          value: f.value as number | null,
          symbol: 'emptyCircle',
          symbolSize: 7,
          itemStyle: { borderType: 'dashed' as const },
        }
      : { value: f.value as number | null, symbol: 'circle', symbolSize: 6 };
  });
}

/** The left axis: down to the lowest NPS (in steps of 20) but never above 0, up to 100. */
export function leftAxisMin(buckets: readonly Bucket[]): number {
  const lows = buckets.flatMap((b) => [b.csat.value, b.nps.value]).filter((v): v is number => v !== null);
  return Math.min(0, Math.floor(Math.min(0, ...lows) / 20) * 20);
}

export function trendChartOption(trend: SurveyTrend, texts: TrendChartTexts, locale: string): ChartOption {
  const { buckets, granularity } = trend;
  const line = (which: 'csat' | 'nps', name: string) => ({
    type: 'line' as const,
    name,
    yAxisIndex: 0,
    connectNulls: false,
    data: linePoints(buckets, which),
    itemStyle: { color: TREND_COLOURS[which] },
    lineStyle: { width: 2 },
  });
  const figure = (b: Bucket, which: 'csat' | 'nps', name: string) => {
    const f = b[which];
    if (f.value === null) return `${escapeHtml(name)}: ${escapeHtml(texts.none)}`;
    const parts = which === 'csat' ? `${b.csat.numerator}/${b.csat.denominator}` : `n=${b.nps.n}`;
    const small = f.small ? ` <span style="color:#d46b08">${escapeHtml(texts.small)}</span>` : '';
    return `${escapeHtml(name)}: <b>${formatScore(f.value, locale)}${which === 'csat' ? '%' : ''}</b> (${parts})${small}`;
  };
  return {
    backgroundColor: 'transparent',
    grid: { left: 8, right: 8, top: 36, bottom: 8, containLabel: true },
    legend: { top: 0, data: [texts.csat, texts.nps, texts.answers] },
    tooltip: {
      trigger: 'axis',
      formatter: (ps: unknown) => {
        const i = (ps as { dataIndex: number }[])[0]?.dataIndex;
        const b = i === undefined ? undefined : buckets[i];
        if (!b) return '';
        return [
          `<b>${escapeHtml(b.from === b.to ? b.from : texts.range(b.from, b.to))}</b>`,
          `${escapeHtml(texts.answers)}: ${formatScore(b.responses, locale, 0)}`,
          figure(b, 'csat', texts.csat),
          figure(b, 'nps', texts.nps),
        ].join('<br/>');
      },
    },
    xAxis: {
      type: 'category',
      // each point by the first day it covers (a week cut by the period starts on its first day in it)
      data: buckets.map((b) => bucketLabel(b.from, granularity, locale)),
      axisTick: { alignWithLabel: true },
    },
    yAxis: [
      {
        type: 'value',
        min: leftAxisMin(buckets),
        max: 100,
        interval: 20,
        splitLine: { lineStyle: { type: 'dashed' } },
      },
      { type: 'value', minInterval: 1, splitLine: { show: false } },
    ],
    series: [
      {
        type: 'bar',
        name: texts.answers,
        yAxisIndex: 1,
        barMaxWidth: 24,
        itemStyle: { color: TREND_COLOURS.answers },
        data: buckets.map((b) => b.responses),
      },
      line('csat', texts.csat),
      line('nps', texts.nps),
    ],
  };
}
