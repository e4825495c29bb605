import { describe, expect, it } from 'vitest';
import {
  gapChartHeight,
  gapChartOption,
  ipaAxisRange,
  ipaChartOption,
  sortGapBars,
  type GapBar,
  type IpaPoint,
} from './analysis-charts';
import { GAP_COLOURS, QUADRANT_COLOURS } from './analysis-format';

type Series = {
  type: string;
  data: {
    value: unknown;
    name?: string;
    itemStyle: { color: string };
    label?: { position: string; formatter: () => string };
  }[];
  markLine?: { data: unknown[] };
  markArea?: { data: { name?: string; coord: number[]; label?: { position: string } }[][] };
};
const seriesOf = (o: unknown) => (o as { series: Series[] }).series[0]!;
const tooltip = (o: unknown, p: object) =>
  (o as { tooltip: { formatter: (p: object) => string } }).tooltip.formatter(p);

const texts = { gap: '差距', expectation: '期望', perception: '感知' };
const bars: GapBar[] = [
  { key: 'staff', name: '人员专业', gap: -0.67, expectation: 6, perception: 5.33 },
  { key: 'none', name: '无答卷', gap: null, expectation: null, perception: null },
  { key: 'speed', name: '处理速度', gap: -2.33, expectation: 6.33, perception: 4, note: '维度: 响应性' },
  { key: 'hall', name: '营业厅环境', gap: 1, expectation: 4, perception: 5 },
];

describe('the SERVQUAL gap chart', () => {
  it('worst gap first, bars without a gap last', () => {
    expect(sortGapBars(bars).map((b) => b.key)).toEqual(['speed', 'staff', 'hall', 'none']);
  });
  it('a bar per item, red below zero and green above, labelled with the signed gap', () => {
    const o = gapChartOption(bars, texts, 'zh-CN');
    expect(o.yAxis as { data: string[]; inverse: boolean }).toMatchObject({
      data: ['处理速度', '人员专业', '营业厅环境', '无答卷'],
      inverse: true,
    });
    const s = seriesOf(o);
    expect(s.data.map((d) => d.value)).toEqual([-2.33, -0.67, 1, 0]);
    expect(s.data.map((d) => d.itemStyle.color)).toEqual([
      GAP_COLOURS.negative,
      GAP_COLOURS.negative,
      GAP_COLOURS.positive,
      GAP_COLOURS.neutral,
    ]);
    expect(s.data.map((d) => d.label!.position)).toEqual(['left', 'left', 'right', 'right']);
    expect(s.data.map((d) => d.label!.formatter())).toEqual(['−2.33', '−0.67', '+1', '—']);
    // symmetric around zero with room for the labels
    expect(o.xAxis).toMatchObject({ min: -4, max: 4 });
  });
  it('the tooltip gives expectation, perception and gap, escaped', () => {
    const o = gapChartOption(
      [{ key: 'x', name: '<b>速度</b>', gap: -2.33, expectation: 6.33, perception: 4, note: '维度: 响应性' }],
      texts,
      'zh-CN',
    );
    const tip = tooltip(o, { dataIndex: 0 });
    expect(tip).toContain('&lt;b&gt;速度&lt;/b&gt;');
    expect(tip).toContain('维度: 响应性');
    expect(tip).toContain('期望: 6.33');
    expect(tip).toContain('感知: 4');
    expect(tip).toContain('−2.33');
  });
  it('grows with the bars', () => {
    expect(gapChartHeight(1)).toBe(180);
    expect(gapChartHeight(10)).toBe(456);
  });
});

describe('the IPA chart', () => {
  // the server test's example: cuts at the means (6.165, 4.665)
  const points: IpaPoint[] = [
    { key: 'speed', name: '处理速度', importance: 6.33, performance: 4, quadrant: 'concentrate_here' },
    { key: 'staff', name: '人员专业', importance: 6, performance: 5.33, quadrant: 'possible_overkill' },
  ];
  const cuts = { importance: 6.165, performance: 4.665 };
  const ipaTexts = {
    importance: '重要性',
    performance: '表现',
    cut: (v: string) => `均值 ${v}`,
    quadrant: {
      concentrate_here: '重点改进区',
      keep_up: '继续保持区',
      low_priority: '次要改进区',
      possible_overkill: '过度投入区',
    },
  };

  it('axis ranges on half points around the values and the cut, within 1–7', () => {
    expect(ipaAxisRange([4, 5.33], 4.665)).toEqual({ min: 3.5, max: 6 });
    expect(ipaAxisRange([6.33, 6], 6.165)).toEqual({ min: 5.5, max: 7 });
    expect(ipaAxisRange([1, 7], 4)).toEqual({ min: 1, max: 7 });
    expect(ipaAxisRange([], null)).toEqual({ min: 1, max: 7 });
  });
  it('points at (performance, importance), coloured and named by quadrant', () => {
    const o = ipaChartOption(points, cuts, ipaTexts, 'zh-CN')!;
    const s = seriesOf(o);
    expect(s.type).toBe('scatter');
    expect(s.data.map((d) => [d.value, d.name, d.itemStyle.color])).toEqual([
      [[4, 6.33], '处理速度', QUADRANT_COLOURS.concentrate_here],
      [[5.33, 6], '人员专业', QUADRANT_COLOURS.possible_overkill],
    ]);
    expect(o.xAxis).toMatchObject({ name: '表现', min: 3.5, max: 6 });
    expect(o.yAxis).toMatchObject({ name: '重要性', min: 5.5, max: 7 });
  });
  it('the two cut lines and the four quadrants, each in its corner', () => {
    const s = seriesOf(ipaChartOption(points, cuts, ipaTexts, 'zh-CN'));
    expect(s.markLine!.data).toMatchObject([{ xAxis: 4.665 }, { yAxis: 6.165 }]);
    const areas = s.markArea!.data.map(([a, b]) => ({
      name: a!.name,
      from: a!.coord,
      to: b!.coord,
      at: a!.label!.position,
    }));
    expect(areas).toEqual([
      { name: '重点改进区', from: [3.5, 6.165], to: [4.665, 7], at: 'insideTopLeft' },
      { name: '继续保持区', from: [4.665, 6.165], to: [6, 7], at: 'insideTopRight' },
      { name: '次要改进区', from: [3.5, 5.5], to: [4.665, 6.165], at: 'insideBottomLeft' },
      { name: '过度投入区', from: [4.665, 5.5], to: [6, 6.165], at: 'insideBottomRight' },
    ]);
  });
  it('the tooltip names the point, its figures and its quadrant; nothing for the lines', () => {
    const o = ipaChartOption(points, cuts, ipaTexts, 'zh-CN');
    const tip = tooltip(o, { seriesType: 'scatter', dataIndex: 0 });
    expect(tip).toContain('处理速度');
    expect(tip).toContain('重要性: 6.33');
    expect(tip).toContain('表现: 4');
    expect(tip).toContain('重点改进区');
  });
  it('nothing to draw without points or cuts', () => {
    expect(ipaChartOption([], { importance: null, performance: null }, ipaTexts, 'zh-CN')).toBeNull();
    expect(ipaChartOption(points, { importance: null, performance: 4 }, ipaTexts, 'zh-CN')).toBeNull();
  });
});
