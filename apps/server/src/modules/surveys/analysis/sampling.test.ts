import { describe, expect, it } from 'vitest';
import { drawStratifiedSample, type SamplingStratum } from './sampling.js';

const ids = (prefix: string, n: number) =>
  Array.from({ length: n }, (_, i) => `${prefix}-${String(i).padStart(4, '0')}`);
const strata: SamplingStratum[] = [
  { key: '城区', memberIds: ids('c', 500) },
  { key: '县区', memberIds: ids('x', 300) },
  { key: '农村', memberIds: ids('n', 200) },
];

describe('stratified sampling with quotas (分层抽样)', () => {
  it('500/300/200, n = 10 → quotas 5/3/2, each drawn from its own stratum without duplicates', () => {
    const s = drawStratifiedSample({ strata, sampleSize: 10, seed: 2026 });
    expect(s.total).toBe(10);
    expect(s.strata.map((x) => [x.key, x.population, x.quota])).toEqual([
      ['城区', 500, 5],
      ['县区', 300, 3],
      ['农村', 200, 2],
    ]);
    for (const [i, x] of s.strata.entries()) {
      expect(x.ids).toHaveLength(x.quota);
      expect(new Set(x.ids).size).toBe(x.quota);
      for (const id of x.ids) expect(strata[i]!.memberIds).toContain(id);
    }
  });

  it('500/300/200, n = 7 → shares 3.5/2.1/1.4 → quotas 4/2/1', () => {
    const s = drawStratifiedSample({ strata, sampleSize: 7, seed: 1 });
    expect(s.strata.map((x) => [x.share, x.quota, x.ids.length])).toEqual([
      [3.5, 4, 4],
      [2.1, 2, 2],
      [1.4, 1, 1],
    ]);
    expect(s.total).toBe(7);
  });

  it('is deterministic for a seed, whatever order the members come in; another seed draws differently', () => {
    const a = drawStratifiedSample({ strata, sampleSize: 30, seed: 77 });
    const b = drawStratifiedSample({ strata, sampleSize: 30, seed: 77 });
    expect(b).toEqual(a);
    const shuffled = strata.map((s) => ({ ...s, memberIds: [...s.memberIds].reverse() }));
    expect(drawStratifiedSample({ strata: shuffled, sampleSize: 30, seed: 77 })).toEqual(a);
    const c = drawStratifiedSample({ strata, sampleSize: 30, seed: 78 });
    expect(c.strata.map((x) => x.quota)).toEqual(a.strata.map((x) => x.quota));
    expect(c.strata.flatMap((x) => x.ids)).not.toEqual(a.strata.flatMap((x) => x.ids));
  });

  it("a stratum's draw does not depend on the order or the contents of the other strata", () => {
    // 40/40 and n = 8 → 4/4 in either order; each stratum keeps its ids
    const two = [
      { key: 'A', memberIds: ids('a', 40) },
      { key: 'B', memberIds: ids('b', 40) },
    ];
    const forward = drawStratifiedSample({ strata: two, sampleSize: 8, seed: 5 });
    const backward = drawStratifiedSample({ strata: [two[1]!, two[0]!], sampleSize: 8, seed: 5 });
    expect(backward.strata[1]).toEqual(forward.strata[0]);
    expect(backward.strata[0]).toEqual(forward.strata[1]);
  });

  it('never draws more than a stratum holds, and a census takes everyone', () => {
    const small = [
      { key: 'big', memberIds: ids('b', 98) },
      { key: 'tiny', memberIds: ids('t', 2) },
    ];
    // min 5 each, n = 10: tiny's minimum is capped at its 2 members, big takes the other 8
    const s = drawStratifiedSample({ strata: small, sampleSize: 10, seed: 3, minPerStratum: 5 });
    expect(s.strata.map((x) => x.quota)).toEqual([8, 2]);
    expect([...s.strata[1]!.ids].sort()).toEqual(ids('t', 2));
    const census = drawStratifiedSample({ strata: small, sampleSize: 100, seed: 3 });
    expect(census.strata.map((x) => x.ids.length)).toEqual([98, 2]);
    expect(new Set(census.strata.flatMap((x) => x.ids)).size).toBe(100);
  });

  it('applies per-stratum bounds over the defaults', () => {
    // 900/50/50, minPerStratum 2 but 农村 asks for 4, n = 10:
    // proportional 9/0.5/0.5 → 县区 raised to 2, 农村 to 4, 城区 10 − 6 = 4
    const s = drawStratifiedSample({
      strata: [
        { key: '城区', memberIds: ids('c', 900) },
        { key: '县区', memberIds: ids('x', 50) },
        { key: '农村', memberIds: ids('n', 50), min: 4 },
      ],
      sampleSize: 10,
      seed: 9,
      minPerStratum: 2,
    });
    expect(s.strata.map((x) => x.quota)).toEqual([4, 2, 4]);
    // maxPerStratum 4 on 500/300/200, n = 10 → 4/4/2 (the first's excess goes to the others in proportion)
    expect(
      drawStratifiedSample({ strata, sampleSize: 10, seed: 9, maxPerStratum: 4 }).strata.map((x) => x.quota),
    ).toEqual([4, 4, 2]);
  });

  it('refuses impossible requests instead of capping them', () => {
    expect(() => drawStratifiedSample({ strata, sampleSize: 1001, seed: 1 })).toThrow(
      'a sample of 1001 is more than the 1000 people in the strata',
    );
    expect(() =>
      drawStratifiedSample({ strata: [{ ...strata[0]!, min: 3, max: 2 }], sampleSize: 2, seed: 1 }),
    ).toThrow("the minimum of stratum '城区' (3) is above its maximum (2)");
    const three = [900, 50, 50].map((n, i) => ({ key: `s${i}`, memberIds: ids(`s${i}`, n) }));
    // minimum 2 each with n = 5: 2 + 2 + 2 = 6 > 5
    expect(() => drawStratifiedSample({ strata: three, sampleSize: 5, seed: 1, minPerStratum: 2 })).toThrow(
      'the minimums add up to 6, more than the sample size of 5',
    );
  });

  it('refuses duplicate keys, members listed twice or in two strata, and a seed that is not whole', () => {
    expect(() => drawStratifiedSample({ strata: [strata[0]!, strata[0]!], sampleSize: 1, seed: 1 })).toThrow(
      "stratum '城区' is listed twice",
    );
    expect(() =>
      drawStratifiedSample({ strata: [{ key: 'A', memberIds: ['u1', 'u2', 'u1'] }], sampleSize: 1, seed: 1 }),
    ).toThrow("member u1 is listed twice in stratum 'A'");
    expect(() =>
      drawStratifiedSample({
        strata: [
          { key: 'A', memberIds: ['u1'] },
          { key: 'B', memberIds: ['u2', 'u1'] },
        ],
        sampleSize: 1,
        seed: 1,
      }),
    ).toThrow("member u1 is in both stratum 'A' and 'B'");
    expect(() => drawStratifiedSample({ strata, sampleSize: 1, seed: 0.5 })).toThrow(
      'the seed must be a whole number, not 0.5',
    );
  });

  it('gives every member of a stratum the same chance: 2 of 4, 2,000 seeds → each ~1,000 times', () => {
    const one = [{ key: 'A', memberIds: ['p', 'q', 'r', 's'] }];
    const hits = new Map<string, number>();
    for (let seed = 0; seed < 2000; seed++) {
      for (const id of drawStratifiedSample({ strata: one, sampleSize: 2, seed }).strata[0]!.ids) {
        hits.set(id, (hits.get(id) ?? 0) + 1);
      }
    }
    // each is in the sample with p = 1/2: sd = √(2,000 · ¼) ≈ 22; ±110 is five sd
    expect([...hits.keys()].sort()).toEqual(['p', 'q', 'r', 's']);
    for (const h of hits.values()) expect(Math.abs(h - 1000)).toBeLessThan(110);
  });
});
