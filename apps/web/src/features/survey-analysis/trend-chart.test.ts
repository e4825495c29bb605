import { describe, expect, it } from 'vitest';
import type { SurveyTrend } from '@qloop/contracts';
import { leftAxisMin, linePoints, trendChartOption } from './trend-chart';

const bucket = (day: string, responses: number, csat: number | null, nps: number | null, small: boolean) => ({
  bucket: day,
  from: day,
  to: day,
  responses,
  csat: { value: csat, numerator: 0, denominator: responses, small },
  nps: { value: nps, promoters: 0, passives: 0, detractors: 0, n: responses, small },
  satIndex: { value: null, n: 0, small: false },
});
const trend: SurveyTrend = {
  granularity: 'day',
  buckets: [
    bucket('2026-03-01', 40, 80, 20, false),
    bucket('2026-03-02', 3, 66.67, -33.33, true),
    bucket('2026-03-03', 0, null, null, false),
  ],
};
const texts = {
  answers: '答卷数',
  csat: 'CSAT（%）',
  nps: 'NPS',
  small: '样本少',
  none: '无答卷',
  range: (a: string, b: string) => `${a} 至 ${b}`,
};

describe('the trend chart', () => {
  it('leaves a gap where there were no answers and draws small samples hollow', () => {
    const pts = linePoints(trend.buckets, 'csat');
    expect(pts[0]).toMatchObject({ value: 80, symbol: 'circle' });
    expect(pts[1]).toMatchObject({ value: 66.67, symbol: 'emptyCircle' });
    expect(pts[2]).toEqual({ value: null });
  });

  it('answers as bars on the right axis, CSAT and NPS as lines on the left, down to the lowest NPS', () => {
    const o = trendChartOption(trend, texts, 'zh-CN') as {
      series: { type: string; yAxisIndex: number; connectNulls?: boolean; data: unknown[] }[];
      yAxis: { min?: number }[];
      xAxis: { data: string[] };
    };
    expect(o.series.map((s) => [s.type, s.yAxisIndex])).toEqual([
      ['bar', 1],
      ['line', 0],
      ['line', 0],
    ]);
    expect(o.series[0]!.data).toEqual([40, 3, 0]);
    expect(o.series[1]!.connectNulls).toBe(false);
    expect(o.xAxis.data).toEqual(['3/1', '3/2', '3/3']);
    expect(o.yAxis[0]!.min).toBe(-40);
    expect(leftAxisMin([bucket('2026-03-01', 40, 80, 20, false)])).toBe(0);
  });

  it('the tooltip gives each figure with its count, and says when a sample is small or missing', () => {
    const o = trendChartOption(trend, texts, 'zh-CN') as { tooltip: { formatter: (p: unknown) => string } };
    const small = o.tooltip.formatter([{ dataIndex: 1 }]);
    expect(small).toContain('CSAT（%）: <b>66.67%</b> (0/3)');
    expect(small).toContain('样本少');
    const none = o.tooltip.formatter([{ dataIndex: 2 }]);
    expect(none).toContain('CSAT（%）: 无答卷');
    expect(o.tooltip.formatter([{ dataIndex: 0 }])).not.toContain('样本少');
  });
});
