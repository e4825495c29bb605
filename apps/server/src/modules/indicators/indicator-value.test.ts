import { describe, expect, it } from 'vitest';
import type { IndicatorFormula } from '@qloop/contracts';
import { formulaValue, monthsOf, periodCustomerBase } from './indicator-value.js';
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
