import { describe, expect, it } from 'vitest';
import {
  SERVQUAL_DIMENSION_LABELS,
  servqualGaps,
  type ServqualItem,
  type ServqualResponse,
} from './servqual.js';

const items: ServqualItem[] = [
  { key: 'T1', dimension: 'tangibles' }, // 营业厅环境
  { key: 'T2', dimension: 'tangibles' }, // 员工仪表
  { key: 'R1', dimension: 'reliability' }, // 按承诺办理
  { key: 'E1', dimension: 'empathy' }, // 个性化关注 (nobody answers it in full)
];
const pair = (expectation: number | null, perception: number | null) => ({ expectation, perception });

describe('SERVQUAL gaps (服务质量差距)', () => {
  // 7-point answers; gaps P − E:
  //   r1: T1 5−7 = −2, T2 6−6 = 0, R1 4−7 = −3, E1 only expectation
  //   r2: T1 5−6 = −1, T2 no perception, R1 6−7 = −1
  //   r3: T1 no expectation, T2 6−4 = +2
  const responses: ServqualResponse[] = [
    { T1: pair(7, 5), T2: pair(6, 6), R1: pair(7, 4), E1: pair(6, null) },
    { T1: pair(6, 5), T2: pair(5, null), R1: pair(7, 6) },
    { T1: pair(null, 3), T2: pair(4, 6) },
  ];
  const result = servqualGaps(items, responses);

  it('per item: mean of P − E over the respondents that answered both', () => {
    expect(result.items).toEqual([
      // T1: r1, r2 → E (7 + 6)/2 = 6.5, P (5 + 5)/2 = 5, gap (−2 − 1)/2 = −1.5
      { key: 'T1', dimension: 'tangibles', expectation: 6.5, perception: 5, gap: -1.5, n: 2 },
      // T2: r1, r3 → E (6 + 4)/2 = 5, P (6 + 6)/2 = 6, gap (0 + 2)/2 = +1
      { key: 'T2', dimension: 'tangibles', expectation: 5, perception: 6, gap: 1, n: 2 },
      // R1: r1, r2 → E 7, P 5, gap (−3 − 1)/2 = −2
      { key: 'R1', dimension: 'reliability', expectation: 7, perception: 5, gap: -2, n: 2 },
      { key: 'E1', dimension: 'empathy', expectation: null, perception: null, gap: null, n: 0 },
    ]);
  });

  it('per dimension: mean of its item gaps, with the respondents behind it; all five in order', () => {
    expect(result.dimensions).toEqual([
      // (−1.5 + 1) / 2 = −0.25; r1, r2 (T1) and r3 (T2) answered a tangibles pair → n 3
      { dimension: 'tangibles', gap: -0.25, items: 2, n: 3 },
      { dimension: 'reliability', gap: -2, items: 1, n: 2 },
      { dimension: 'responsiveness', gap: null, items: 0, n: 0 },
      { dimension: 'assurance', gap: null, items: 0, n: 0 },
      { dimension: 'empathy', gap: null, items: 0, n: 0 },
    ]);
  });

  it('names the dimensions as Chinese sources do', () => {
    expect(result.dimensions.map((d) => SERVQUAL_DIMENSION_LABELS[d.dimension])).toEqual([
      '有形性',
      '可靠性',
      '响应性',
      '保证性',
      '移情性',
    ]);
  });

  it('overall: mean of the dimension gaps present: (−0.25 − 2) / 2 = −1.125', () => {
    expect(result.overall).toEqual({ gap: -1.125, n: 3 });
  });

  it('a dimension is the unweighted mean over its items, not pooled over answers', () => {
    // T1: one respondent, gap −3; T2: three respondents, gap 0 each
    // unweighted: (−3 + 0) / 2 = −1.5  (pooled would be −3 / 4 = −0.75)
    const r = servqualGaps(items.slice(0, 2), [
      { T1: pair(7, 4), T2: pair(5, 5) },
      { T2: pair(6, 6) },
      { T2: pair(3, 3) },
    ]);
    expect(r.dimensions[0]).toEqual({ dimension: 'tangibles', gap: -1.5, items: 2, n: 3 });
    expect(r.overall).toEqual({ gap: -1.5, n: 3 });
  });

  it('rounds to 4 decimals: gaps −1, −1, 0 → −0.6667', () => {
    const r = servqualGaps([items[2]!], [{ R1: pair(6, 5) }, { R1: pair(7, 6) }, { R1: pair(5, 5) }]);
    expect(r.items[0]!.gap).toBe(-0.6667);
    expect(r.items[0]!.expectation).toBe(6);
    expect(r.items[0]!.perception).toBe(5.3333);
  });

  it('no paired answers is no data', () => {
    const r = servqualGaps(items, [{ T1: pair(7, null) }, {}]);
    expect(r.items.every((i) => i.gap === null && i.n === 0)).toBe(true);
    expect(r.dimensions.every((d) => d.gap === null && d.n === 0)).toBe(true);
    expect(r.overall).toEqual({ gap: null, n: 0 });
    expect(servqualGaps([], []).overall).toEqual({ gap: null, n: 0 });
  });

  it('refuses unknown items, duplicate items, bad dimensions and non-numbers', () => {
    expect(() => servqualGaps(items, [{ X9: pair(1, 2) }])).toThrow(
      "response 1 answers 'X9', which is not an item",
    );
    expect(() => servqualGaps([items[0]!, items[0]!], [])).toThrow(/'T1' is listed twice/);
    expect(() => servqualGaps([{ key: 'Q', dimension: 'speed' as never }], [])).toThrow(
      /no such dimension 'speed'/,
    );
    expect(() => servqualGaps(items, [{}, { T1: pair(Number.NaN, 3) }])).toThrow(
      "response 2: the answer to 'T1' is not a number",
    );
  });
});
