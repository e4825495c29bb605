import { describe, expect, it } from 'vitest';
import { allocateQuotas } from './quota-allocation.js';
import { mulberry32 } from './seeded-random.js';

const quotas = (...args: Parameters<typeof allocateQuotas>) => allocateQuotas(...args).map((q) => q.quota);

describe('quota allocation (proportional, largest remainder, bounded)', () => {
  it('500/300/200 with n = 10 → exactly 5/3/2', () => {
    expect(allocateQuotas([{ size: 500 }, { size: 300 }, { size: 200 }], 10)).toEqual([
      { share: 5, quota: 5 },
      { share: 3, quota: 3 },
      { share: 2, quota: 2 },
    ]);
  });

  it('500/300/200 with n = 7 → 3.5/2.1/1.4 → floors 3/2/1 = 6, the 1 left to the largest remainder .5 → 4/2/1', () => {
    expect(allocateQuotas([{ size: 500 }, { size: 300 }, { size: 200 }], 7)).toEqual([
      { share: 3.5, quota: 4 },
      { share: 2.1, quota: 2 },
      { share: 1.4, quota: 1 },
    ]);
  });

  it('largest remainder, not rounding: 3 equal strata, n = 10 → 3.33 each → 3/3/3 + 1 to the first (tie → earlier)', () => {
    expect(quotas([{ size: 100 }, { size: 100 }, { size: 100 }], 10)).toEqual([4, 3, 3]);
    // 150/150/300, n = 3 → 0.75/0.75/1.5 → floors 0/0/1, two left → the two .75 remainders → 1/1/1
    expect(quotas([{ size: 150 }, { size: 150 }, { size: 300 }], 3)).toEqual([1, 1, 1]);
    // 100/300 n = 2 → 0.5/1.5 → 0/1, one left, remainders tie at .5 → the larger (300) → 0/2
    expect(quotas([{ size: 100 }, { size: 300 }], 2)).toEqual([0, 2]);
  });

  it('minimum 2 each with n = 5 over 900/50/50 is impossible: 2 + 2 + 2 = 6 > 5', () => {
    expect(() =>
      allocateQuotas(
        [900, 50, 50].map((size) => ({ size, min: 2 })),
        5,
      ),
    ).toThrow('the minimums add up to 6, more than the sample size of 5');
  });

  it('minimum 2 each with n = 10 over 900/50/50: proportional 9/0.5/0.5 → the small two raised to 2, the big one gets 10 − 4 = 6', () => {
    expect(
      allocateQuotas(
        [900, 50, 50].map((size) => ({ size, min: 2 })),
        10,
      ),
    ).toEqual([
      { share: 6, quota: 6 },
      { share: 2, quota: 2 },
      { share: 2, quota: 2 },
    ]);
  });

  it('minimum 1 each with n = 5 over 900/50/50: 4.5/0.25/0.25 → 1 + 1 for the small, 5 − 2 = 3 for the big', () => {
    expect(
      quotas(
        [900, 50, 50].map((size) => ({ size, min: 1 })),
        5,
      ),
    ).toEqual([3, 1, 1]);
  });

  it('a maximum is redistributed in proportion: max 4 each, 500/300/200, n = 10', () => {
    // 5/3/2 → the first capped at 4; 6 left over 300 + 200 → 3.6/2.4 → 3/2 + the 1 left to .6 → 4/4/2
    expect(
      allocateQuotas(
        [500, 300, 200].map((size) => ({ size, max: 4 })),
        10,
      ),
    ).toEqual([
      { share: 4, quota: 4 },
      { share: 3.6, quota: 4 },
      { share: 2.4, quota: 2 },
    ]);
  });

  it('never above a population: a minimum of 5 on a stratum of 2 is capped at 2, the rest goes elsewhere', () => {
    // 2/98, min 5 each, n = 10: proportional 0.2/9.8; the first's minimum is min(5, 2) = 2 → 2/8
    expect(
      quotas(
        [
          { size: 2, min: 5 },
          { size: 98, min: 5 },
        ],
        10,
      ),
    ).toEqual([2, 8]);
    // 10/2 with max 6 on the first, n = 8: 6.67 → 6; the 2 left fill the second stratum exactly
    expect(quotas([{ size: 10, max: 6 }, { size: 2 }], 8)).toEqual([6, 2]);
  });

  it('a minimum and a maximum together bind in the same pass', () => {
    // 1000/10/10, min 3, max 5, n = 9: proportional 8.82/0.09/0.09 → the small two raised to 3; the big
    // one 9 − 6 = 3 (≤ 5)
    expect(
      quotas(
        [1000, 10, 10].map((size) => ({ size, min: 3, max: 5 })),
        9,
      ),
    ).toEqual([3, 3, 3]);
    // n = 13: the big one's proportional share is above its max 5, so it is capped and the
    // excess spread over the two small ones in proportion (equal sizes → equal): 8 / 2 = 4 each → 5/4/4
    expect(
      allocateQuotas(
        [1000, 10, 10].map((size) => ({ size, min: 3, max: 5 })),
        13,
      ),
    ).toEqual([
      { share: 5, quota: 5 },
      { share: 4, quota: 4 },
      { share: 4, quota: 4 },
    ]);
    // n = 16 is beyond 5 + 5 + 5
    expect(() =>
      allocateQuotas(
        [1000, 10, 10].map((size) => ({ size, min: 3, max: 5 })),
        16,
      ),
    ).toThrow('the maximums allow at most 15 people, fewer than the sample size of 16');
  });

  it('the whole population, and nothing', () => {
    expect(quotas([{ size: 3 }, { size: 4 }], 7)).toEqual([3, 4]);
    expect(quotas([{ size: 3 }, { size: 4 }], 0)).toEqual([0, 0]);
    expect(quotas([], 0)).toEqual([]);
    expect(quotas([{ size: 0 }, { size: 5 }], 2)).toEqual([0, 2]);
  });

  it('without bounds: sums to n, each quota within 1 of its exact share n·size/N (the Hamilton property)', () => {
    for (const sizes of [
      [7, 13, 1, 0, 40],
      [1, 1, 1],
      [99, 1],
      [5, 5, 5, 5, 5, 5, 5],
    ]) {
      const population = sizes.reduce((a, b) => a + b, 0);
      for (let n = 0; n <= population; n++) {
        const q = quotas(
          sizes.map((size) => ({ size })),
          n,
        );
        expect(q.reduce((a, b) => a + b, 0)).toBe(n);
        q.forEach((x, i) => expect(Math.abs(x - (n * sizes[i]!) / population)).toBeLessThan(1));
      }
    }
  });

  it('with random bounds: either a clear refusal of an infeasible request, or a sum of n within every bound', () => {
    const random = mulberry32(11);
    const int = (below: number) => Math.floor(random() * below);
    let refused = 0;
    for (let round = 0; round < 500; round++) {
      const strata = Array.from({ length: 1 + int(5) }, () => {
        const size = int(30);
        const min = random() < 0.5 ? int(6) : undefined;
        const max = random() < 0.5 ? (min ?? 0) + int(15) : undefined;
        return { size, min, max };
      });
      const n = int(60);
      const caps = strata.map((s) => Math.min(s.max ?? s.size, s.size));
      const floors = strata.map((s, i) => Math.min(s.min ?? 0, caps[i]!));
      const feasible = floors.reduce((a, b) => a + b, 0) <= n && n <= caps.reduce((a, b) => a + b, 0);
      if (!feasible) {
        expect(() => allocateQuotas(strata, n)).toThrow(/more than|fewer than/);
        refused++;
        continue;
      }
      const q = quotas(strata, n);
      expect(q.reduce((a, b) => a + b, 0)).toBe(n);
      q.forEach((x, i) => expect(x >= floors[i]! && x <= caps[i]!).toBe(true));
    }
    expect(refused).toBeGreaterThan(50); // both branches were exercised
    expect(refused).toBeLessThan(450);
  });

  it('refuses impossible requests with a message a person can act on', () => {
    expect(() => allocateQuotas([{ size: 3 }, { size: 4 }], 8)).toThrow(
      'a sample of 8 is more than the 7 people in the strata',
    );
    expect(() =>
      allocateQuotas(
        [
          { size: 10, max: 2 },
          { size: 10, max: 3 },
        ],
        6,
      ),
    ).toThrow('the maximums allow at most 5 people, fewer than the sample size of 6');
    expect(() => allocateQuotas([{ size: 10, min: 4, max: 3 }], 3)).toThrow(
      'the minimum of stratum 1 (4) is above its maximum (3)',
    );
    expect(() => allocateQuotas([{ size: 10 }], 2.5)).toThrow(
      'the sample size must be a whole number ≥ 0, not 2.5',
    );
    expect(() => allocateQuotas([{ size: 10, min: -1 }], 2)).toThrow(
      /the minimum of stratum 1 must be a whole number/,
    );
  });
});
