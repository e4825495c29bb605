import { describe, expect, it } from 'vitest';
import { grainFor, periodRange } from './periods';
import { formatFigure, formatParts, meetsTarget } from './figure';

describe('dashboard periods in Asia/Shanghai', () => {
  // 1 Dec 2026 16:30 UTC is already 2 Dec 00:30 in Beijing
  const now = new Date('2026-12-01T16:30:00Z');
  it('today, last 7 days, this month follow the Beijing date, not UTC', () => {
    expect(periodRange('today', now)).toEqual({ from: '2026-12-02', to: '2026-12-02' });
    expect(periodRange('last7', now)).toEqual({ from: '2026-11-26', to: '2026-12-02' });
    expect(periodRange('thisMonth', now)).toEqual({ from: '2026-12-01', to: '2026-12-02' });
  });
  it('last month across a year end; this year from 1 January', () => {
    const jan = new Date('2027-01-10T02:00:00Z');
    expect(periodRange('lastMonth', jan)).toEqual({ from: '2026-12-01', to: '2026-12-31' });
    expect(periodRange('thisYear', jan)).toEqual({ from: '2027-01-01', to: '2027-01-10' });
  });
});

describe('figures as shown', () => {
  const rate = { unit: '%', unitEn: '%', formula: { kind: 'ratio' as const, numerator: { measure: 'escalated' as const }, denominator: { measure: 'accepted' as const }, scale: 100 } };
  const v = (value: number | null, numerator: number | null, denominator: number | null) => ({ key: 'k', orgUnitId: 'o', from: 'a', to: 'b', value, numerator, denominator });
  it('a rate with one decimal and its parts; no data stays no data', () => {
    expect(formatFigure(rate, v(17.5, 7, 40), 'zh-CN')).toBe('17.5%');
    expect(formatParts(v(17.5, 7, 40), 'zh-CN')).toBe('7 / 40');
    expect(formatFigure(rate, v(null, 0, 0), 'zh-CN')).toBeNull();
  });
  it('a rate per customers keeps two decimals and reads its unit in the reader’s language', () => {
    const per10k = { unit: '件/万户', unitEn: 'per 10,000 customers', formula: { kind: 'per_customers' as const, numerator: { measure: 'accepted' as const }, scale: 10_000 } };
    expect(formatFigure(per10k, v(0.0678, 12, 1_774_085), 'zh-CN')).toBe('0.07 件/万户');
    expect(formatFigure(per10k, v(0.0678, 12, 1_774_085), 'en-US')).toBe('0.07 per 10,000 customers');
  });
  it('a target is met in the indicator’s direction', () => {
    expect(meetsTarget({ target: 95, direction: 'higher_better' }, 96.2)).toBe(true);
    expect(meetsTarget({ target: 95, direction: 'higher_better' }, 94)).toBe(false);
    expect(meetsTarget({ target: 2, direction: 'lower_better' }, 1.5)).toBe(true);
    expect(meetsTarget({ target: null, direction: 'lower_better' }, 1.5)).toBeNull();
    expect(meetsTarget({ target: 95, direction: 'higher_better' }, null)).toBeNull();
  });
});

describe('trend grain', () => {
  it('days up to a month, weeks up to half a year, months beyond', () => {
    expect(grainFor('2026-12-01', '2026-12-31')).toBe('day');
    expect(grainFor('2026-07-01', '2026-12-31')).toBe('week');
    expect(grainFor('2026-01-01', '2026-12-31')).toBe('month');
  });
});
