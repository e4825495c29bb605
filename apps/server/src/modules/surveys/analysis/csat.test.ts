import { describe, expect, it } from 'vitest';
import { AppError } from '../../../lib/errors.js';
import { csatFromCounts, csatFromRatings } from './csat.js';

describe('CSAT (满意度)', () => {
  it('kpis.md vector: 74 of 107 responses at 4–5 → 69.16', () => {
    // 74 / 107 × 100 = 69.158878… → 69.16
    const counts = [
      { score: 1, count: 6 },
      { score: 2, count: 9 },
      { score: 3, count: 18 }, // 6 + 9 + 18 = 33 below 4
      { score: 4, count: 40 },
      { score: 5, count: 34 }, // 40 + 34 = 74 at 4–5; 33 + 74 = 107
    ];
    expect(csatFromCounts(counts)).toEqual({ value: 69.16, numerator: 74, denominator: 107 });
  });

  it('gives the same figure from raw ratings as from their counts', () => {
    const ratings = [...Array(74).fill(5), ...Array(33).fill(2)];
    expect(csatFromRatings(ratings)).toEqual({ value: 69.16, numerator: 74, denominator: 107 });
  });

  it('counts 4 and 5 only: [5, 4, 3, 2, 1] → 2 of 5 = 40', () => {
    expect(csatFromRatings([5, 4, 3, 2, 1])).toEqual({ value: 40, numerator: 2, denominator: 5 });
  });

  it('1 of 3 → 33.333… → 33.33; 2 of 3 → 66.666… → 66.67', () => {
    expect(csatFromRatings([5, 1, 1]).value).toBe(33.33);
    expect(csatFromRatings([5, 4, 1]).value).toBe(66.67);
  });

  it('all satisfied → 100, none satisfied → 0 (both with data)', () => {
    expect(csatFromRatings([4, 5, 5])).toEqual({ value: 100, numerator: 3, denominator: 3 });
    expect(csatFromRatings([1, 2, 3])).toEqual({ value: 0, numerator: 0, denominator: 3 });
  });

  it('no responses is no data (null), never 0 or 100', () => {
    expect(csatFromRatings([])).toEqual({ value: null, numerator: 0, denominator: 0 });
    expect(csatFromCounts([{ score: 5, count: 0 }])).toEqual({ value: null, numerator: 0, denominator: 0 });
  });

  it('merges repeated score rows (counts from several groups)', () => {
    // 4: 3 + 2 = 5 satisfied; 2: 5 → 5 of 10 = 50
    const counts = [
      { score: 4, count: 3 },
      { score: 2, count: 5 },
      { score: 4, count: 2 },
    ];
    expect(csatFromCounts(counts)).toEqual({ value: 50, numerator: 5, denominator: 10 });
  });

  it('refuses a rating off the 1–5 scale with a 400', () => {
    expect(() => csatFromRatings([5, 0])).toThrow('CSAT: score 0 is not a whole number from 1 to 5');
    try {
      csatFromCounts([{ score: 9, count: 1 }]);
      expect.unreachable();
    } catch (e) {
      expect(e).toBeInstanceOf(AppError);
      expect(e).toMatchObject({ code: 'VALIDATION_FAILED', status: 400 });
    }
  });
});
