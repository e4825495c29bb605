import { describe, expect, it } from 'vitest';
import { deriveSeed, mulberry32, sampleWithoutReplacement } from './seeded-random.js';

describe('mulberry32', () => {
  it("matches the reference implementation (bryc's one-liner), so a seed redraws the same sample for ever", () => {
    const r = mulberry32(42);
    expect([r(), r(), r()]).toEqual([0.6011037519201636, 0.44829055899754167, 0.8524657934904099]);
    expect(mulberry32(0)()).toBe(0.26642920868471265);
    // the state wraps at 2³² correctly over long runs: the 100,000th value of seed 42
    const long = mulberry32(42);
    let x = 0;
    for (let i = 0; i < 100_000; i++) x = long();
    expect(x).toBe(0.9818388000130653);
  });
  it('stays in [0, 1) and is roughly uniform: 10,000 draws in 10 bins of ~1,000', () => {
    const r = mulberry32(2026);
    const bins = new Array<number>(10).fill(0);
    let outside = 0;
    for (let i = 0; i < 10_000; i++) {
      const v = r();
      if (!(v >= 0 && v < 1)) outside++;
      else bins[Math.floor(v * 10)]!++;
    }
    expect(outside).toBe(0);
    // binomial sd per bin = √(10,000 · 0.1 · 0.9) = 30; ±150 is five sd
    for (const b of bins) expect(Math.abs(b - 1000)).toBeLessThan(150);
  });
  it('takes the seed modulo 2³²', () => {
    expect(mulberry32(2 ** 32 + 5)()).toBe(mulberry32(5)());
    expect(mulberry32(-1)()).toBe(mulberry32(2 ** 32 - 1)());
  });
});

describe('per-stream seeds', () => {
  it('differ by name and by seed, and are stable', () => {
    expect(deriveSeed(42, 'a')).toBe(3961614487);
    expect(deriveSeed(42, 'b')).not.toBe(deriveSeed(42, 'a'));
    expect(deriveSeed(43, 'a')).not.toBe(deriveSeed(42, 'a'));
    expect(deriveSeed(42, '城区')).toBe(deriveSeed(42, '城区'));
    expect(
      Number.isInteger(deriveSeed(1, 'x')) && deriveSeed(1, 'x') >= 0 && deriveSeed(1, 'x') < 2 ** 32,
    ).toBe(true);
  });
});

describe('sampling without replacement (partial Fisher–Yates)', () => {
  const letters = ['a', 'b', 'c', 'd', 'e'];
  it('draws k distinct items and leaves the input alone', () => {
    const copy = [...letters];
    const s = sampleWithoutReplacement(letters, 3, mulberry32(7));
    expect(s).toHaveLength(3);
    expect(new Set(s).size).toBe(3);
    for (const x of s) expect(letters).toContain(x);
    expect(letters).toEqual(copy);
  });
  it('follows the swaps: random() = 0 always swaps i with itself → the first k in order', () => {
    expect(sampleWithoutReplacement(letters, 3, () => 0)).toEqual(['a', 'b', 'c']);
    // random() just below 1 picks the last remaining each time: swap 0↔4, 1↔4, 2↔4
    // [a b c d e] → [e b c d a] → [e a c d b] → [e a b d c] → first three e, a, b
    expect(sampleWithoutReplacement(letters, 3, () => 0.999999)).toEqual(['e', 'a', 'b']);
  });
  it('draws all or none at the edges, and refuses impossible sizes', () => {
    expect(sampleWithoutReplacement(letters, 5, mulberry32(1)).sort()).toEqual(letters);
    expect(sampleWithoutReplacement(letters, 0, mulberry32(1))).toEqual([]);
    expect(() => sampleWithoutReplacement(letters, 6, mulberry32(1))).toThrow('cannot draw 6 of 5 items');
    expect(() => sampleWithoutReplacement(letters, 1.5, mulberry32(1))).toThrow(RangeError);
  });
  it('is uniform over items: each of 5 is in a 2-sample 40% of the time (4,000 draws → ~1,600 each)', () => {
    const r = mulberry32(99);
    const hits = new Map(letters.map((l) => [l, 0]));
    for (let i = 0; i < 4000; i++)
      for (const x of sampleWithoutReplacement(letters, 2, r)) hits.set(x, hits.get(x)! + 1);
    // sd = √(4,000 · 0.4 · 0.6) ≈ 31; ±155 is five sd
    for (const h of hits.values()) expect(Math.abs(h - 1600)).toBeLessThan(155);
  });
});
