import type { ChartOption } from '../../components/echart';
import {
  formatGap,
  formatScore,
  gapColour,
  QUADRANT_COLOURS,
  QUADRANTS,
  type Quadrant,
} from './analysis-format';

/**
 * The analysis's two charts as ECharts options, built from the figures and the words already
 * translated: pure data transforms (no React, no i18n), so they are tested as such.
 */

/* ---------- SERVQUAL gaps (服务质量差距) ---------- */

/** One horizontal bar: an item or a dimension, its gap and the means it comes from. */
export interface GapBar {
  key: string;
  name: string;
  gap: number | null;
  expectation: number | null;
  perception: number | null;
  /** a second line in the tooltip (the dimension of an item, the items of a dimension) */
  note?: string;
}

export interface GapChartTexts {
  gap: string;
  expectation: string;
  perception: string;
}

/** The bars worst first (the most negative gap on top); bars without a gap last, in their order. */
export function sortGapBars(bars: readonly GapBar[]): GapBar[] {
  return bars
    .map((b, i) => ({ b, i }))
    .sort((x, y) => (x.b.gap ?? Infinity) - (y.b.gap ?? Infinity) || x.i - y.i)
    .map((x) => x.b);
}

/** The chart's height for n bars: a comfortable bar each, never squashed below a small chart. */
export const gapChartHeight = (n: number) => Math.max(180, n * 40 + 56);

/** A horizontal bar per item or dimension, gap = perception − expectation: below 0 red, above green. */
export function gapChartOption(bars: readonly GapBar[], texts: GapChartTexts, locale: string): ChartOption {
  const sorted = sortGapBars(bars);
  const gaps = sorted.map((b) => b.gap ?? 0);
  // a point of room beyond the longest bar for its label, the same on both sides of 0
  const reach = Math.max(1, ...gaps.map((g) => Math.abs(g)));
  const bound = Math.ceil(reach) + 1;
  return {
    backgroundColor: 'transparent',
    grid: { left: 8, right: 24, top: 8, bottom: 8, containLabel: true },
    tooltip: {
      trigger: 'item',
      formatter: (p: unknown) => {
        const b = sorted[(p as { dataIndex: number }).dataIndex];
        if (!b) return '';
        return [
          `<b>${escapeHtml(b.name)}</b>`,
          ...(b.note ? [escapeHtml(b.note)] : []),
          `${escapeHtml(texts.expectation)}: ${formatScore(b.expectation, locale)}`,
          `${escapeHtml(texts.perception)}: ${formatScore(b.perception, locale)}`,
          `${escapeHtml(texts.gap)}: <b style="color:${gapColour(b.gap)}">${formatGap(b.gap, locale)}</b>`,
        ].join('<br/>');
      },
    },
    xAxis: {
      type: 'value',
      min: -bound,
      max: bound,
      interval: 1,
      splitLine: { lineStyle: { type: 'dashed' } },
    },
    yAxis: {
      type: 'category',
      inverse: true,
      data: sorted.map((b) => b.name),
      axisTick: { show: false },
      axisLabel: { width: 180, overflow: 'truncate' },
    },
    series: [
      {
        type: 'bar',
        name: texts.gap,
        barMaxWidth: 22,
        data: sorted.map((b) => ({
          value: b.gap ?? 0,
          itemStyle: {
            color: gapColour(b.gap),
            borderRadius: (b.gap ?? 0) < 0 ? [3, 0, 0, 3] : [0, 3, 3, 0],
          },
          label: {
            show: true,
            position: (b.gap ?? 0) < 0 ? 'left' : 'right',
            formatter: () => formatGap(b.gap, locale),
            color: '#595959',
          },
        })),
        markLine: {
          silent: true,
          symbol: 'none',
          label: { show: false },
          lineStyle: { color: '#8c8c8c', type: 'solid' },
          data: [{ xAxis: 0 }],
        },
      },
    ],
  };
}

/* ---------- importance–performance (重要性–表现分析) ---------- */

export interface IpaPoint {
  key: string;
  name: string;
  importance: number;
  performance: number;
  quadrant: Quadrant;
}

export interface IpaChartTexts {
  importance: string;
  performance: string;
  /** the cut line's label, e.g. 均值 4.67 */
  cut: (value: string) => string;
  quadrant: Record<Quadrant, string>;
}

/** SERVQUAL answers lie on 1–7. */
export const IPA_SCALE = { min: 1, max: 7 } as const;

/**
 * An axis's range around the values and the cut: half a point of room each side, on half points,
 * kept within the scale; at least one point wide.
 */
export function ipaAxisRange(
  values: readonly number[],
  cut: number | null,
  scale: { min: number; max: number } = IPA_SCALE,
): { min: number; max: number } {
  const all = [...values, ...(cut === null ? [] : [cut])];
  if (!all.length) return { ...scale };
  let min = Math.max(scale.min, Math.floor((Math.min(...all) - 0.5) * 2) / 2);
  let max = Math.min(scale.max, Math.ceil((Math.max(...all) + 0.5) * 2) / 2);
  if (max - min < 1) {
    min = Math.max(scale.min, min - 0.5);
    max = Math.min(scale.max, max + 0.5);
  }
  return { min, max };
}

/** Where each quadrant's name sits: importance up, performance right. */
const QUADRANT_CORNERS: Record<
  Quadrant,
  {
    x: 'lo' | 'hi';
    y: 'lo' | 'hi';
    position: 'insideTopLeft' | 'insideTopRight' | 'insideBottomLeft' | 'insideBottomRight';
  }
> = {
  concentrate_here: { x: 'lo', y: 'hi', position: 'insideTopLeft' },
  keep_up: { x: 'hi', y: 'hi', position: 'insideTopRight' },
  low_priority: { x: 'lo', y: 'lo', position: 'insideBottomLeft' },
  possible_overkill: { x: 'hi', y: 'lo', position: 'insideBottomRight' },
};

/**
 * A scatter of the items (x = performance, the mean perception; y = importance, the mean
 * expectation), split by the two cut lines into the four quadrants, each named in its corner and
 * tinted; every point is labelled with its question. Null without points or cuts.
 */
export function ipaChartOption(
  points: readonly IpaPoint[],
  cuts: { importance: number | null; performance: number | null },
  texts: IpaChartTexts,
  locale: string,
): ChartOption | null {
  if (!points.length || cuts.importance === null || cuts.performance === null) return null;
  const x = ipaAxisRange(
    points.map((p) => p.performance),
    cuts.performance,
  );
  const y = ipaAxisRange(
    points.map((p) => p.importance),
    cuts.importance,
  );
  const cx = cuts.performance;
  const cy = cuts.importance;
  const area = (q: Quadrant) => {
    const c = QUADRANT_CORNERS[q];
    const [x0, x1] = c.x === 'lo' ? [x.min, cx] : [cx, x.max];
    const [y0, y1] = c.y === 'lo' ? [y.min, cy] : [cy, y.max];
    return [
      {
        name: texts.quadrant[q],
        coord: [x0, y0],
        itemStyle: { color: QUADRANT_COLOURS[q], opacity: 0.06 },
        label: {
          show: true,
          position: c.position,
          color: QUADRANT_COLOURS[q],
          fontWeight: 'bold' as const,
          fontSize: 12,
        },
      },
      { coord: [x1, y1] },
    ];
  };
  return {
    backgroundColor: 'transparent',
    grid: { left: 56, right: 24, top: 24, bottom: 40, containLabel: true },
    tooltip: {
      trigger: 'item',
      formatter: (p: unknown) => {
        const { seriesType, dataIndex } = p as { seriesType?: string; dataIndex: number };
        const pt = seriesType === 'scatter' ? points[dataIndex] : undefined;
        if (!pt) return '';
        return [
          `<b>${escapeHtml(pt.name)}</b>`,
          `${escapeHtml(texts.importance)}: ${formatScore(pt.importance, locale)}`,
          `${escapeHtml(texts.performance)}: ${formatScore(pt.performance, locale)}`,
          `<span style="color:${QUADRANT_COLOURS[pt.quadrant]}">● ${escapeHtml(texts.quadrant[pt.quadrant])}</span>`,
        ].join('<br/>');
      },
    },
    xAxis: {
      type: 'value',
      name: texts.performance,
      nameLocation: 'middle',
      nameGap: 30,
      nameTextStyle: { color: '#595959' },
      min: x.min,
      max: x.max,
      interval: 0.5,
      splitLine: { show: false },
    },
    yAxis: {
      type: 'value',
      name: texts.importance,
      nameLocation: 'middle',
      nameGap: 36,
      nameTextStyle: { color: '#595959' },
      min: y.min,
      max: y.max,
      interval: 0.5,
      splitLine: { show: false },
    },
    series: [
      {
        type: 'scatter',
        symbolSize: 14,
        data: points.map((p) => ({
          value: [p.performance, p.importance],
          name: p.name,
          itemStyle: { color: QUADRANT_COLOURS[p.quadrant] },
        })),
        label: {
          show: true,
          position: 'right',
          formatter: '{b}',
          color: '#262626',
          width: 160,
          overflow: 'truncate',
        },
        labelLayout: { hideOverlap: false, moveOverlap: 'shiftY' },
        markLine: {
          silent: true,
          symbol: 'none',
          lineStyle: { type: 'dashed', color: '#595959' },
          label: {
            formatter: (p: unknown) => texts.cut(formatScore((p as { value: number }).value, locale)),
            color: '#595959',
            fontSize: 11,
          },
          data: [
            { xAxis: cx, label: { position: 'end' } },
            { yAxis: cy, label: { position: 'insideEndTop' } },
          ],
        },
        markArea: { silent: true, data: QUADRANTS.map(area) as never },
      },
    ],
  };
}

/** Text safe inside a tooltip's HTML. */
export function escapeHtml(s: string): string {
  return s.replace(
    /[&<>"']/g,
    (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!,
  );
}
