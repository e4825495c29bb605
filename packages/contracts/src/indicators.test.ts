import { describe, expect, it } from 'vitest';
import { indicatorLevel, thresholdOrderIssues } from './indicators.js';

describe('threshold order', () => {
  it('lower is better: yellow ≤ orange ≤ red; empty levels are skipped', () => {
    expect(thresholdOrderIssues('lower_better', { yellow: 5, orange: 8, red: 10 })).toEqual([]);
    expect(thresholdOrderIssues('lower_better', { yellow: 5, orange: 5, red: 5 })).toEqual([]);
    expect(thresholdOrderIssues('lower_better', { yellow: 5, orange: null, red: 10 })).toEqual([]);
    expect(
      thresholdOrderIssues('lower_better', { yellow: 10, orange: 8, red: 12 }).map((i) => i.path),
    ).toEqual(['orange']);
    // red is compared with the nearest level set before it
    expect(
      thresholdOrderIssues('lower_better', { yellow: 10, orange: null, red: 9 }).map((i) => i.path),
    ).toEqual(['red']);
  });
  it('higher is better: yellow ≥ orange ≥ red', () => {
    expect(thresholdOrderIssues('higher_better', { yellow: 95, orange: 90, red: 85 })).toEqual([]);
    const issues = thresholdOrderIssues('higher_better', { yellow: 85, orange: 90, red: 95 });
    expect(issues.map((i) => i.path)).toEqual(['orange', 'red']);
    expect(issues[0]!.message).toMatch(/orange \(90\) must be at most yellow \(85\)/);
  });
});

describe('level of a value', () => {
  const t = { yellow: 95, orange: 90, red: 85 };
  it('crosses boundaries strictly, worst first; green when none is crossed', () => {
    expect(indicatorLevel(95, 'higher_better', t)).toBe('green');
    expect(indicatorLevel(94.9, 'higher_better', t)).toBe('yellow');
    expect(indicatorLevel(90, 'higher_better', t)).toBe('yellow');
    expect(indicatorLevel(89, 'higher_better', t)).toBe('orange');
    expect(indicatorLevel(10, 'higher_better', t)).toBe('red');
    expect(indicatorLevel(6, 'lower_better', { yellow: 5, orange: null, red: 10 })).toBe('yellow');
    expect(indicatorLevel(11, 'lower_better', { yellow: 5, orange: null, red: 10 })).toBe('red');
  });
  it('has no colour without a value or without thresholds', () => {
    expect(indicatorLevel(null, 'higher_better', t)).toBeNull();
    expect(indicatorLevel(50, 'higher_better', { yellow: null, orange: null, red: null })).toBeNull();
  });
});
