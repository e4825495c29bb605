import { describe, expect, it } from 'vitest';
import { bucketStart, periodBuckets } from './period-buckets.js';

describe('period buckets', () => {
  it('ISO weeks start on Monday, clipped to the period: Wed 25 Nov – Tue 8 Dec 2026', () => {
    expect(periodBuckets('2026-11-25', '2026-12-08', 'week')).toEqual([
      { from: '2026-11-25', to: '2026-11-29' },
      { from: '2026-11-30', to: '2026-12-06' },
      { from: '2026-12-07', to: '2026-12-08' },
    ]);
    expect(bucketStart('2026-11-29', 'week')).toBe('2026-11-23'); // a Sunday belongs to the week of Monday the 23rd
  });
  it('months across a year end, and days', () => {
    expect(periodBuckets('2025-12-15', '2026-02-10', 'month')).toEqual([
      { from: '2025-12-15', to: '2025-12-31' },
      { from: '2026-01-01', to: '2026-01-31' },
      { from: '2026-02-01', to: '2026-02-10' },
    ]);
    expect(periodBuckets('2026-02-27', '2026-03-01', 'day').map((b) => b.from)).toEqual(['2026-02-27', '2026-02-28', '2026-03-01']);
  });
});
