import { describe, expect, it } from 'vitest';
import { risePValue, riseVerdict } from './rise-test.js';

const rule = { yellowPct: 30, orangePct: 60, redPct: 100, alpha: 0.05, minCount: 10 };

describe('week-on-week rise test', () => {
  it('computes exact binomial tails', () => {
    // P(X ≥ 3 | 5, ½) = (10 + 5 + 1) / 32
    expect(risePValue(3, 2)).toBeCloseTo(0.5, 12);
    // P(X ≥ 6 | 6, ½) = 1/64
    expect(risePValue(6, 0)).toBeCloseTo(1 / 64, 12);
    expect(risePValue(0, 4)).toBe(1);
    expect(risePValue(0, 0)).toBe(1);
    // P(X ≥ 10 | 10, ½)
    expect(risePValue(10, 0)).toBeCloseTo(2 ** -10, 12);
    // large counts: 1040 vs 1000 (+4%) is noise, 1300 vs 1000 (+30%) is not
    expect(risePValue(1040, 1000)).toBeGreaterThan(0.1);
    expect(risePValue(1300, 1000)).toBeLessThan(1e-9);
    // symmetric: P(X ≥ 50 | 100) = ½ + P(X = 50)/2
    expect(risePValue(50, 50)).toBeCloseTo(0.5397946187, 8);
  });

  it('2 → 3 is no rise; a 30% rise on enough volume is yellow', () => {
    expect(riseVerdict(3, 2, rule).level).toBeNull();
    expect(riseVerdict(3, 2, { ...rule, minCount: 1 }).level).toBeNull(); // the test alone refuses it (p = 0.5)
    const v = riseVerdict(130, 100, rule);
    expect(v.level).toBe('yellow');
    expect(v.risePct).toBeCloseTo(30, 10);
    expect(v.pValue).toBeLessThan(0.05);
  });

  it('needs the minimum count, the percentage and significance together', () => {
    expect(riseVerdict(9, 0, rule).level).toBeNull(); // below minCount although p < 0.05
    expect(riseVerdict(12, 10, rule).level).toBeNull(); // +20%
    expect(riseVerdict(13, 10, rule).level).toBeNull(); // +30% but p ≈ 0.34
    expect(riseVerdict(26, 20, rule).level).toBeNull(); // +30%, p ≈ 0.2
  });

  it('grades by the highest percentage reached', () => {
    expect(riseVerdict(165, 100, rule).level).toBe('orange');
    expect(riseVerdict(200, 100, rule).level).toBe('red');
    expect(riseVerdict(12, 0, rule)).toMatchObject({ level: 'red', risePct: null });
    expect(riseVerdict(200, 100, { ...rule, orangePct: null, redPct: null }).level).toBe('yellow');
  });
});
