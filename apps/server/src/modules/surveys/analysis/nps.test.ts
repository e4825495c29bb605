import { describe, expect, it } from 'vitest';
import { npsFromCounts, npsFromRatings } from './nps.js';

describe('NPS (净推荐值)', () => {
  it('all passives → 0', () => {
    expect(npsFromRatings([7, 8, 7, 8])).toEqual({
      value: 0,
      promoters: 0,
      passives: 4,
      detractors: 0,
      n: 4,
    });
  });
  it('all promoters → 100; all detractors → −100', () => {
    expect(npsFromRatings([9, 10, 10])).toEqual({
      value: 100,
      promoters: 3,
      passives: 0,
      detractors: 0,
      n: 3,
    });
    expect(npsFromRatings([0, 3, 6])).toEqual({
      value: -100,
      promoters: 0,
      passives: 0,
      detractors: 3,
      n: 3,
    });
  });
  it('no responses is no data (null), not 0', () => {
    expect(npsFromRatings([])).toEqual({ value: null, promoters: 0, passives: 0, detractors: 0, n: 0 });
  });
  it('puts the group edges where they belong: 6 detractor, 7–8 passive, 9 promoter', () => {
    // 0..10 once each: promoters {9, 10} = 2, passives {7, 8} = 2, detractors {0..6} = 7, n = 11
    // (2 − 7) / 11 × 100 = −45.4545… → −45.45
    expect(npsFromRatings([0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10])).toEqual({
      value: -45.45,
      promoters: 2,
      passives: 2,
      detractors: 7,
      n: 11,
    });
  });
  it('from grouped counts: 50 promoters, 30 passives, 20 detractors → 50% − 20% = 30', () => {
    const counts = [
      { score: 10, count: 20 },
      { score: 9, count: 30 },
      { score: 8, count: 30 },
      { score: 5, count: 15 },
      { score: 0, count: 5 },
    ];
    expect(npsFromCounts(counts)).toEqual({ value: 30, promoters: 50, passives: 30, detractors: 20, n: 100 });
  });
  it('rounds to 2 decimals, halves away from zero: 1 promoter, 2 detractors of 3 → −33.333… → −33.33', () => {
    expect(npsFromRatings([10, 0, 0]).value).toBe(-33.33);
    // (0 − 2469) / 20000 × 100 = −12.345 exactly in decimals → −12.35 (not −12.34)
    expect(
      npsFromCounts([
        { score: 0, count: 2469 },
        { score: 8, count: 17531 },
      ]).value,
    ).toBe(-12.35);
  });
  it('refuses answers off 0–10', () => {
    expect(() => npsFromRatings([11])).toThrow('NPS: score 11 is not a whole number from 0 to 10');
    expect(() => npsFromRatings([-1])).toThrow(/score -1/);
  });
});
