import type { ExternalFormula, ExternalValueErrorCode } from '@qloop/contracts';
import { normaliseMonth } from '../customer-base/parse-customer-base-rows.js';
import type { FormulaResult } from './indicator-value.js';

/**
 * External figures, pure parts: reading a period and a number as people write them, checking one
 * supplied value, and combining the values of a subtree and period into a figure.
 */

export type ValueProblem = {
  field: string;
  code: ExternalValueErrorCode;
  params?: Record<string, string | number>;
  message: string;
};

const pad = (n: number) => String(n).padStart(2, '0');
function realDay(y: number, m: number, d: number): boolean {
  const t = new Date(Date.UTC(y, m - 1, d));
  return t.getUTCFullYear() === y && t.getUTCMonth() === m - 1 && t.getUTCDate() === d;
}

/**
 * A period as written (2026-11, 2026/11, 2026年11月, 202611; 2026-11-03, 2026/11/3, 2026年11月3日,
 * 20261103) for an indicator of the given grain. Answers the period as shown (2026-11 or
 * 2026-11-03) and the stored day (the month's first day for a monthly figure). An Excel date cell
 * on a month's first day ("2026-11-01 00:00:00": Excel turned the typed 2026-11 into a date) is
 * that month for a monthly indicator.
 */
export function parsePeriod(
  raw: string,
  grain: ExternalFormula['grain'],
): { period: string; day: string } | ValueProblem {
  const s = raw.trim();
  const bad: ValueProblem = {
    field: 'period',
    code: 'bad_period',
    params: { value: raw },
    message: `"${raw}" is not a month like 2026-11 or a day like 2026-11-03`,
  };
  const excelDate = /^(\d{4})-(\d{2})-(\d{2}) 00:00:00$/.exec(s);
  const dayMatch =
    excelDate ??
    /^(\d{4})\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})\s*日?$/.exec(s) ??
    /^(\d{4})(\d{2})(\d{2})$/.exec(s);
  if (dayMatch) {
    const [y, m, d] = [Number(dayMatch[1]), Number(dayMatch[2]), Number(dayMatch[3])];
    if (!realDay(y, m, d)) return bad;
    const day = `${y}-${pad(m)}-${pad(d)}`;
    if (grain === 'day') return { period: day, day };
    if (excelDate && d === 1) return { period: day.slice(0, 7), day };
    return {
      field: 'period',
      code: 'wrong_grain',
      params: { value: raw, grain },
      message: `this indicator takes monthly figures: write the month, like ${day.slice(0, 7)}`,
    };
  }
  const month = normaliseMonth(s);
  const mm = /^(\d{4})-(\d{2})$/.exec(month);
  if (!mm || Number(mm[2]) < 1 || Number(mm[2]) > 12) return bad;
  if (grain === 'month') return { period: month, day: `${month}-01` };
  return {
    field: 'period',
    code: 'wrong_grain',
    params: { value: raw, grain },
    message: `this indicator takes daily figures: write the day, like ${month}-01`,
  };
}

/** A number as written in a sheet: thousands separators and spaces ignored, a trailing % allowed. Null when empty. */
export function parseNumber(raw: string | undefined): number | null | 'bad' {
  const s = (raw ?? '').replace(/[,\s\u00a0]/g, '').replace(/%$/, '');
  if (s === '') return null;
  if (!/^[-+]?(\d+\.?\d*|\.\d+)([eE][-+]?\d+)?$/.test(s)) return 'bad';
  const n = Number(s);
  return Number.isFinite(n) && Math.abs(n) <= 1e15 ? n : 'bad';
}

/**
 * Checks one supplied figure. Numerator and denominator come together or not at all, the
 * denominator above zero; the value may be left out when both are given (it is numerator ÷
 * denominator × scale), and when all three are given the value must agree with them within 0.5%
 * (or 0.005, for values near zero): figures rounded for display pass, a value from another formula
 * does not.
 */
export function checkFigure(
  v: { value: number | null; numerator: number | null; denominator: number | null },
  scale: number,
): { value: number; numerator: number | null; denominator: number | null } | ValueProblem[] {
  const problems: ValueProblem[] = [];
  const { numerator, denominator } = v;
  if (numerator !== null && numerator < 0)
    problems.push({
      field: 'numerator',
      code: 'bad_numerator',
      params: { value: numerator },
      message: 'the numerator must not be negative',
    });
  if (denominator !== null && denominator <= 0)
    problems.push({
      field: 'denominator',
      code: 'bad_denominator',
      params: { value: denominator },
      message:
        'the denominator must be greater than 0 (a figure over nothing is no figure: leave the row out)',
    });
  if ((numerator === null) !== (denominator === null)) {
    problems.push({
      field: numerator === null ? 'numerator' : 'denominator',
      code: 'parts_incomplete',
      message: 'give both numerator and denominator, or neither',
    });
  }
  if (v.value === null && (numerator === null || denominator === null)) {
    problems.push({
      field: 'value',
      code: 'bad_value',
      params: { value: '' },
      message: 'the value is empty (it may be left out only when numerator and denominator are given)',
    });
  }
  if (problems.length) return problems;
  if (numerator !== null && denominator !== null) {
    const expected = (numerator / denominator) * scale;
    if (v.value !== null && Math.abs(v.value - expected) > Math.max(0.005 * Math.abs(expected), 0.005)) {
      const shown = Math.round(expected * 10_000) / 10_000;
      return [
        {
          field: 'value',
          code: 'inconsistent',
          params: { value: v.value, expected: shown },
          message: `the value ${v.value} does not agree with numerator ÷ denominator × ${scale} = ${shown}`,
        },
      ];
    }
    return { value: v.value ?? Math.round(expected * 1e8) / 1e8, numerator, denominator };
  }
  return { value: v.value!, numerator: null, denominator: null };
}

/** The sums over the values a figure takes (see ExternalFormula): how many, and how many carry their parts. */
export type ExternalSums = {
  n: number;
  valueSum: number;
  numeratorSum: number;
  denominatorSum: number;
  withParts: number;
};

/**
 * The figure from the values taken: a pooled ratio when every value carries numerator and
 * denominator, else the plain mean of the values; no values is no data.
 */
export function externalFigure(s: ExternalSums | undefined, scale: number): FormulaResult {
  if (!s || s.n === 0) return { value: null, numerator: null, denominator: null };
  if (s.withParts === s.n) {
    if (s.denominatorSum === 0) return { value: null, numerator: s.numeratorSum, denominator: 0 };
    return {
      value: round4((s.numeratorSum / s.denominatorSum) * scale),
      numerator: s.numeratorSum,
      denominator: s.denominatorSum,
    };
  }
  return { value: round4(s.valueSum / s.n), numerator: null, denominator: null };
}

const round4 = (x: number) => Math.round(x * 10_000) / 10_000;

/** The first day a monthly figure of a period may carry: the first of the period's first month. */
export const externalFrom = (f: ExternalFormula, from: string) =>
  f.grain === 'month' ? `${from.slice(0, 7)}-01` : from;

/** A stored period (a date) as shown: the month for a monthly figure. */
export const shownPeriod = (f: ExternalFormula, day: string) =>
  f.grain === 'month' ? day.slice(0, 7) : day.slice(0, 10);
