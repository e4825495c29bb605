import { describe, expect, it } from 'vitest';
import { localDay } from '../indicators/ticket-facts.js';
import { bucketCount, bucketStart, trendBuckets } from './trend-buckets.js';

describe('trend buckets (Asia/Shanghai calendar)', () => {
  it('an answer at 16:00 UTC belongs to the next Shanghai day, and so to its week and month', () => {
    // 2026-02-28T16:00Z is 2026-03-01 00:00 in Shanghai (a Sunday); a second earlier is still February
    const midnight = localDay(new Date('2026-02-28T16:00:00Z'));
    const before = localDay(new Date('2026-02-28T15:59:59Z'));
    expect([midnight, before]).toEqual(['2026-03-01', '2026-02-28']);
    expect(bucketStart(midnight, 'month')).toBe('2026-03-01');
    expect(bucketStart(before, 'month')).toBe('2026-02-01');
    // both in the week starting Monday 2026-02-23
    expect(bucketStart(midnight, 'week')).toBe('2026-02-23');
    expect(bucketStart(before, 'week')).toBe('2026-02-23');
    // Monday 00:00 Shanghai (Sunday 16:00 UTC) opens the next week
    expect(bucketStart(localDay(new Date('2026-03-01T16:00:00Z')), 'week')).toBe('2026-03-02');
  });

  it('weeks start on Monday, also across a year end', () => {
    expect(bucketStart('2026-03-02', 'week')).toBe('2026-03-02'); // a Monday
    expect(bucketStart('2026-03-08', 'week')).toBe('2026-03-02'); // the Sunday after it
    expect(bucketStart('2027-01-01', 'week')).toBe('2026-12-28');
    expect(bucketStart('2026-07-15', 'day')).toBe('2026-07-15');
  });

  it('covers the period with every bucket, the ends cut to it', () => {
    expect(trendBuckets('2026-03-04', '2026-03-17', 'week')).toEqual([
      { bucket: '2026-03-02', from: '2026-03-04', to: '2026-03-08' },
      { bucket: '2026-03-09', from: '2026-03-09', to: '2026-03-15' },
      { bucket: '2026-03-16', from: '2026-03-16', to: '2026-03-17' },
    ]);
    expect(trendBuckets('2025-12-15', '2026-02-10', 'month')).toEqual([
      { bucket: '2025-12-01', from: '2025-12-15', to: '2025-12-31' },
      { bucket: '2026-01-01', from: '2026-01-01', to: '2026-01-31' },
      { bucket: '2026-02-01', from: '2026-02-01', to: '2026-02-10' },
    ]);
    // a leap February has its 29th
    expect(trendBuckets('2028-02-01', '2028-03-01', 'day')).toHaveLength(30);
    expect(trendBuckets('2026-03-05', '2026-03-05', 'month')).toEqual([{ bucket: '2026-03-01', from: '2026-03-05', to: '2026-03-05' }]);
  });

  it('counts the buckets without making them', () => {
    for (const [from, to] of [['2026-03-04', '2026-03-17'], ['2025-12-15', '2026-02-10'], ['2026-01-01', '2026-12-31'], ['2026-03-08', '2026-03-09']] as const) {
      for (const g of ['day', 'week', 'month'] as const) expect(bucketCount(from, to, g), `${from} ${to} ${g}`).toBe(trendBuckets(from, to, g).length);
    }
    expect(bucketCount('2026-01-01', '2026-12-31', 'day')).toBe(365);
  });
});
