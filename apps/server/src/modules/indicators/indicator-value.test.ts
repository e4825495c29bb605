import { describe, expect, it } from 'vitest';
import type { IndicatorFormula } from '@qloop/contracts';
import { DURATION_BUCKET_EDGES, durationBucket } from '@qloop/contracts';
import { formulaValue, histogramPercentile, monthsOf, periodCustomerBase } from './indicator-value.js';
import { BUILT_IN_INDICATORS } from './built-in-indicators.js';

const pct: IndicatorFormula = { kind: 'ratio', numerator: { measure: 'escalated' }, denominator: { measure: 'accepted' }, scale: 100 };
const per10k: IndicatorFormula = { kind: 'per_customers', numerator: { measure: 'accepted' }, scale: 10_000 };

describe('formula values', () => {
  it('a ratio: 7 escalated of 40 complaints = 17.5%, with numerator and denominator', () => {
    expect(formulaValue(pct, { numerator: 7, denominator: 40 })).toEqual({ value: 17.5, numerator: 7, denominator: 40 });
  });
  it('a zero denominator is no data, never 0% or 100%', () => {
    expect(formulaValue(pct, { numerator: 0, denominator: 0 })).toEqual({ value: null, numerator: 0, denominator: 0 });
  });
  it('万客户投诉率: 36 complaints over a base of 120,000 customers = 3 per 10,000; no base is no data', () => {
    expect(formulaValue(per10k, { numerator: 36, denominator: 120_000 })).toEqual({ value: 3, numerator: 36, denominator: 120_000 });
    expect(formulaValue(per10k, { numerator: 36, denominator: null }).value).toBeNull();
  });
  it('rounded to 4 decimals: 1 of 3 = 33.3333%', () => {
    expect(formulaValue(pct, { numerator: 1, denominator: 3 }).value).toBe(33.3333);
  });
});

describe('periods and the customer base', () => {
  it('the months a period touches, across a year end', () => {
    expect(monthsOf('2025-11-15', '2026-02-01')).toEqual(['2025-11', '2025-12', '2026-01', '2026-02']);
  });
  it('the base of a period is the mean of the months that have one (an unimported month is not zero customers)', () => {
    const totals = new Map([['2026-01', 100_000], ['2026-02', 110_000]]);
    expect(periodCustomerBase(totals, ['2026-01', '2026-02', '2026-03'])).toBe(105_000);
    expect(periodCustomerBase(totals, ['2026-04'])).toBeNull();
  });
});

describe('the built-in library', () => {
  it('keeps the keys of kpis.md', () => {
    const keys = BUILT_IN_INDICATORS.map((i) => i.key);
    for (const k of ['complaint_rate_10k', 'appeal_rate_1m', 'escalation_rate', 'on_time_rate', 'resolution_rate', 'repeat_rate', 'fcr', 'first_response_met', 'frt_mean', 'handle_mean', 'followup_rate', 'reopen_rate', 'backlog', 'overdue_backlog', 'csat', 'nps', 'sat_index']) {
      expect(keys).toContain(k);
    }
    expect(new Set(keys).size).toBe(keys.length);
  });
});

describe('duration percentiles from the histogram (a sketch)', () => {
  const counts = (minutes: number[]) => {
    const c = DURATION_BUCKET_EDGES.map(() => 0);
    for (const m of minutes) c[durationBucket(m)]!++;
    return c;
  };
  it('files durations in their buckets: an edge opens its bucket', () => {
    expect([0, 0.5, 1, 4.9, 5, 59, 60, 14_399, 14_400, 99_999].map(durationBucket)).toEqual([0, 0, 1, 2, 3, 8, 9, 30, 31, 31]);
  });
  it('10, 20 … 100 minutes: p90 lies in the 90–120 bucket, interpolated to 105 (exact: 90–91), within the bucket width', () => {
    const p90 = histogramPercentile(counts([10, 20, 30, 40, 50, 60, 70, 80, 90, 100]), DURATION_BUCKET_EDGES, 0.9)!;
    expect(p90).toBe(105);
    expect(Math.abs(p90 - 91)).toBeLessThan(30);
  });
  it('every duration in one bucket: the percentile moves through it with q', () => {
    const c = counts(Array.from({ length: 100 }, () => 65));
    expect(histogramPercentile(c, DURATION_BUCKET_EDGES, 0.5)).toBe(75);
    expect(histogramPercentile(c, DURATION_BUCKET_EDGES, 0.9)).toBe(87);
  });
  it('no durations is no data; the open-ended last bucket answers its lower edge', () => {
    expect(histogramPercentile(counts([]), DURATION_BUCKET_EDGES, 0.9)).toBeNull();
    expect(histogramPercentile(counts([50_000, 60_000]), DURATION_BUCKET_EDGES, 0.9)).toBe(14_400);
  });
  it('agrees with the exact percentile within a bucket on a spread of real-looking durations', () => {
    let seed = 7;
    const rand = () => ((seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31);
    const minutes = Array.from({ length: 2000 }, () => Math.round(-Math.log(1 - rand()) * 300));
    const exact = [...minutes].sort((a, b) => a - b)[Math.ceil(0.9 * minutes.length) - 1]!;
    const sketch = histogramPercentile(counts(minutes), DURATION_BUCKET_EDGES, 0.9)!;
    const b = durationBucket(exact);
    expect(Math.abs(sketch - exact)).toBeLessThanOrEqual(DURATION_BUCKET_EDGES[b + 1]! - DURATION_BUCKET_EDGES[b]!);
  });
});
