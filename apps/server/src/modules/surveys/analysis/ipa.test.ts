import { describe, expect, it } from 'vitest';
import { IPA_QUADRANT_LABELS, importancePerformance } from './ipa.js';

describe('importance–performance analysis (四象限)', () => {
  // importance mean (5 + 4 + 2 + 1) / 4 = 3, performance mean (2 + 5 + 1 + 4) / 4 = 3
  const items = [
    { key: 'coverage', importance: 5, performance: 2 }, // high, low
    { key: 'hotline', importance: 4, performance: 5 }, // high, high
    { key: 'publicity', importance: 2, performance: 1 }, // low, low
    { key: 'handsets', importance: 1, performance: 4 }, // low, high
  ];

  it('splits at the means by default and names each quadrant', () => {
    const r = importancePerformance(items);
    expect(r.cuts).toEqual({ importance: 3, performance: 3 });
    expect(r.items.map((i) => [i.key, i.quadrant])).toEqual([
      ['coverage', 'concentrate_here'],
      ['hotline', 'keep_up'],
      ['publicity', 'low_priority'],
      ['handsets', 'possible_overkill'],
    ]);
    expect(r.items.map((i) => IPA_QUADRANT_LABELS[i.quadrant])).toEqual([
      '重点改进区',
      '继续保持区',
      '次要改进区',
      '过度投入区',
    ]);
    expect(r.items[0]).toEqual({
      key: 'coverage',
      importance: 5,
      performance: 2,
      quadrant: 'concentrate_here',
    });
  });

  it('counts a tie with a cut point as high', () => {
    // with item (3, 3) added the means stay (15/5, 15/5) = (3, 3), and the item sits on both cuts
    const r = importancePerformance([...items, { key: 'stores', importance: 3, performance: 3 }]);
    expect(r.cuts).toEqual({ importance: 3, performance: 3 });
    expect(r.items[4]!.quadrant).toBe('keep_up');
    // on the importance cut only: high importance, low performance
    expect(
      importancePerformance([{ key: 'x', importance: 3, performance: 2.9 }], {
        importance: 3,
        performance: 3,
      }).items[0]!.quadrant,
    ).toBe('concentrate_here');
    // on the performance cut only: low importance, high performance
    expect(
      importancePerformance([{ key: 'x', importance: 2.9, performance: 3 }], {
        importance: 3,
        performance: 3,
      }).items[0]!.quadrant,
    ).toBe('possible_overkill');
  });

  it('a tie survives floating-point noise in the mean', () => {
    // (0.1 + 0.2 + 0.3) / 3 = 0.20000000000000004 in floating point, yet 0.2 is on the cut
    const r = importancePerformance([
      { key: 'a', importance: 0.1, performance: 1 },
      { key: 'b', importance: 0.2, performance: 1 },
      { key: 'c', importance: 0.3, performance: 1 },
    ]);
    expect(r.cuts.importance).toBeGreaterThan(0.2);
    // every performance equals its mean 1, so all are high performance; only 'a' is below the importance cut
    expect(r.items.map((i) => i.quadrant)).toEqual(['possible_overkill', 'keep_up', 'keep_up']);
  });

  it('uses given cut points, e.g. the midpoint of a 1–5 scale', () => {
    // cut 3 on both: (4.2, 2.8) → high/low; (3.5, 3.9) → high/high; the means (3.85, 3.35) would differ
    const r = importancePerformance(
      [
        { key: 'a', importance: 4.2, performance: 2.8 },
        { key: 'b', importance: 3.5, performance: 3.9 },
      ],
      { importance: 3, performance: 3 },
    );
    expect(r.cuts).toEqual({ importance: 3, performance: 3 });
    expect(r.items.map((i) => i.quadrant)).toEqual(['concentrate_here', 'keep_up']);
    // only one cut given: the other is still the mean — performance mean (2.8 + 3.9) / 2 = 3.35
    const half = importancePerformance(
      [
        { key: 'a', importance: 4.2, performance: 2.8 },
        { key: 'b', importance: 3.5, performance: 3.9 },
      ],
      { importance: 4 },
    );
    expect(half.cuts.importance).toBe(4);
    expect(half.cuts.performance).toBeCloseTo(3.35, 12);
    expect(half.items.map((i) => i.quadrant)).toEqual(['concentrate_here', 'possible_overkill']);
  });

  it('no items: no quadrants, cuts null unless given', () => {
    expect(importancePerformance([])).toEqual({ items: [], cuts: { importance: null, performance: null } });
    expect(importancePerformance([], { importance: 3 }).cuts).toEqual({ importance: 3, performance: null });
  });

  it('refuses duplicate keys, non-finite values and cut points', () => {
    expect(() => importancePerformance([items[0]!, items[0]!])).toThrow(
      "IPA item 'coverage' is listed twice",
    );
    expect(() => importancePerformance([{ key: 'x', importance: Number.NaN, performance: 1 }])).toThrow(
      /'x' needs a finite/,
    );
    expect(() => importancePerformance(items, { performance: Infinity })).toThrow(
      /cut point must be a finite number/,
    );
  });
});
