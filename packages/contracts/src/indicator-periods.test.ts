import { describe, expect, it } from 'vitest';
import { lastYearPeriod, previousPeriod } from './indicator-periods.js';

describe('previous period (环比)', () => {
  it('a whole month compares with the whole month before, whatever their lengths', () => {
    expect(previousPeriod('2026-03-01', '2026-03-31')).toEqual({ from: '2026-02-01', to: '2026-02-28' });
    expect(previousPeriod('2026-11-01', '2026-11-30')).toEqual({ from: '2026-10-01', to: '2026-10-31' });
    expect(previousPeriod('2026-01-01', '2026-01-31')).toEqual({ from: '2025-12-01', to: '2025-12-31' });
  });
  it('a quarter compares with the quarter before; a year with the year before', () => {
    expect(previousPeriod('2026-04-01', '2026-06-30')).toEqual({ from: '2026-01-01', to: '2026-03-31' });
    expect(previousPeriod('2026-01-01', '2026-12-31')).toEqual({ from: '2025-01-01', to: '2025-12-31' });
  });
  it('month to date compares with the same days of the month before, clipped to its end', () => {
    expect(previousPeriod('2026-12-01', '2026-12-02')).toEqual({ from: '2026-11-01', to: '2026-11-02' });
    expect(previousPeriod('2026-03-01', '2026-03-30')).toEqual({ from: '2026-02-01', to: '2026-02-28' });
    expect(previousPeriod('2026-01-01', '2026-12-02')).toEqual({ from: '2025-01-01', to: '2025-12-02' });
  });
  it('any other period compares with as many days just before', () => {
    expect(previousPeriod('2026-11-24', '2026-11-30')).toEqual({ from: '2026-11-17', to: '2026-11-23' });
    expect(previousPeriod('2026-03-05', '2026-03-05')).toEqual({ from: '2026-03-04', to: '2026-03-04' });
    expect(previousPeriod('2024-03-01', '2024-03-15')).toEqual({ from: '2024-02-01', to: '2024-02-15' });
    expect(previousPeriod('2026-01-10', '2026-02-10')).toEqual({ from: '2025-12-09', to: '2026-01-09' });
  });
});

describe('a year earlier (同比)', () => {
  it('shifts the dates by a year, month ends staying month ends', () => {
    expect(lastYearPeriod('2026-11-01', '2026-11-30')).toEqual({ from: '2025-11-01', to: '2025-11-30' });
    expect(lastYearPeriod('2025-02-01', '2025-02-28')).toEqual({ from: '2024-02-01', to: '2024-02-29' });
    expect(lastYearPeriod('2024-02-29', '2024-03-10')).toEqual({ from: '2023-02-28', to: '2023-03-10' });
    expect(lastYearPeriod('2026-12-01', '2026-12-02')).toEqual({ from: '2025-12-01', to: '2025-12-02' });
  });
});
