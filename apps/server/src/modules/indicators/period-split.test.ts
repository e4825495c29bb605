import { describe, expect, it } from 'vitest';
import { splitPeriod } from './period-split.js';

describe('splitPeriod', () => {
  it('a period inside one month is all days', () => {
    expect(splitPeriod('2026-11-03', '2026-11-20')).toEqual({ months: null, days: [{ from: '2026-11-03', to: '2026-11-20' }] });
    expect(splitPeriod('2026-12-01', '2026-12-02')).toEqual({ months: null, days: [{ from: '2026-12-01', to: '2026-12-02' }] });
  });
  it('a period across a month boundary without a whole month is all days', () => {
    expect(splitPeriod('2026-10-15', '2026-11-20')).toEqual({ months: null, days: [{ from: '2026-10-15', to: '2026-11-20' }] });
  });
  it('whole months only', () => {
    expect(splitPeriod('2026-11-01', '2026-11-30')).toEqual({ months: { from: '2026-11-01', to: '2026-11-01' }, days: [] });
    expect(splitPeriod('2024-02-01', '2024-02-29')).toEqual({ months: { from: '2024-02-01', to: '2024-02-01' }, days: [] });
    expect(splitPeriod('2026-01-01', '2026-12-31')).toEqual({ months: { from: '2026-01-01', to: '2026-12-01' }, days: [] });
  });
  it('a rolling year: partial months at both ends, whole months between', () => {
    expect(splitPeriod('2025-12-02', '2026-12-02')).toEqual({
      months: { from: '2026-01-01', to: '2026-11-01' },
      days: [{ from: '2025-12-02', to: '2025-12-31' }, { from: '2026-12-01', to: '2026-12-02' }],
    });
  });
  it('a period from the 1st to mid-month, and from mid-month to a month end', () => {
    expect(splitPeriod('2026-01-01', '2026-03-10')).toEqual({ months: { from: '2026-01-01', to: '2026-02-01' }, days: [{ from: '2026-03-01', to: '2026-03-10' }] });
    expect(splitPeriod('2026-01-20', '2026-03-31')).toEqual({ months: { from: '2026-02-01', to: '2026-03-01' }, days: [{ from: '2026-01-20', to: '2026-01-31' }] });
  });
  it('covers every day exactly once', () => {
    const days = (a: string, b: string) => (Date.parse(b) - Date.parse(a)) / 86_400_000 + 1;
    for (const [from, to] of [['2025-12-02', '2026-12-02'], ['2026-02-28', '2026-04-01'], ['2024-01-31', '2024-03-01']] as const) {
      const s = splitPeriod(from, to);
      let n = s.days.reduce((k, r) => k + days(r.from, r.to), 0);
      if (s.months) {
        const end = new Date(Date.parse(s.months.to));
        end.setUTCMonth(end.getUTCMonth() + 1);
        n += days(s.months.from, new Date(end.getTime() - 86_400_000).toISOString().slice(0, 10));
      }
      expect(n, `${from}..${to}`).toBe(days(from, to));
    }
  });
});
