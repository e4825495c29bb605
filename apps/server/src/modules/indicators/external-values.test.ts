import { describe, expect, it } from 'vitest';
import { checkFigure, externalFigure, parseNumber, parsePeriod } from './external-values.js';

describe('external figures, pure parts', () => {
  it('reads periods as people write them, for the indicator’s grain', () => {
    expect(parsePeriod('2026-11', 'month')).toEqual({ period: '2026-11', day: '2026-11-01' });
    expect(parsePeriod('2026年11月', 'month')).toEqual({ period: '2026-11', day: '2026-11-01' });
    expect(parsePeriod('2026/3', 'month')).toEqual({ period: '2026-03', day: '2026-03-01' });
    expect(parsePeriod('2026-11-03', 'day')).toEqual({ period: '2026-11-03', day: '2026-11-03' });
    expect(parsePeriod('2026/11/3', 'day')).toEqual({ period: '2026-11-03', day: '2026-11-03' });
    expect(parsePeriod('20261103', 'day')).toEqual({ period: '2026-11-03', day: '2026-11-03' });
    // Excel turns a typed 2026-11 into 1 Nov: that is the month for a monthly indicator
    expect(parsePeriod('2026-11-01 00:00:00', 'month')).toEqual({ period: '2026-11', day: '2026-11-01' });
    expect(parsePeriod('2026-11-01 00:00:00', 'day')).toEqual({ period: '2026-11-01', day: '2026-11-01' });
  });
  it('refuses impossible dates and the wrong grain', () => {
    expect(parsePeriod('2026-02-30', 'day')).toMatchObject({ code: 'bad_period' });
    expect(parsePeriod('2026-13', 'month')).toMatchObject({ code: 'bad_period' });
    expect(parsePeriod('last month', 'month')).toMatchObject({ code: 'bad_period' });
    expect(parsePeriod('2026-11-03', 'month')).toMatchObject({ code: 'wrong_grain' });
    expect(parsePeriod('2026-11', 'day')).toMatchObject({ code: 'wrong_grain' });
  });
  it('reads numbers with separators and a trailing %', () => {
    expect(parseNumber('98.5%')).toBe(98.5);
    expect(parseNumber('1,234.5')).toBe(1234.5);
    expect(parseNumber('')).toBeNull();
    expect(parseNumber('n/a')).toBe('bad');
    expect(parseNumber('1e400')).toBe('bad');
  });
  it('checks a figure: parts together, denominator above zero, value agreeing with them', () => {
    expect(checkFigure({ value: 98.5, numerator: null, denominator: null }, 100)).toEqual({
      value: 98.5,
      numerator: null,
      denominator: null,
    });
    expect(checkFigure({ value: null, numerator: 985, denominator: 1000 }, 100)).toEqual({
      value: 98.5,
      numerator: 985,
      denominator: 1000,
    });
    // rounded for display: 2/3 → 66.7 passes
    expect(checkFigure({ value: 66.7, numerator: 2, denominator: 3 }, 100)).toMatchObject({ value: 66.7 });
    expect(checkFigure({ value: 90, numerator: 985, denominator: 1000 }, 100)).toMatchObject([
      { code: 'inconsistent', params: { expected: 98.5 } },
    ]);
    expect(checkFigure({ value: 1, numerator: 5, denominator: null }, 100)).toMatchObject([
      { code: 'parts_incomplete' },
    ]);
    expect(checkFigure({ value: 1, numerator: 0, denominator: 0 }, 100)).toMatchObject([
      { code: 'bad_denominator' },
    ]);
    expect(checkFigure({ value: null, numerator: null, denominator: null }, 100)).toMatchObject([
      { code: 'bad_value' },
    ]);
  });
  it('pools parts when every value has them, else takes the plain mean', () => {
    expect(
      externalFigure({ n: 2, valueSum: 183, numeratorSum: 1830, denominatorSum: 2000, withParts: 2 }, 100),
    ).toEqual({ value: 91.5, numerator: 1830, denominator: 2000 });
    expect(
      externalFigure({ n: 3, valueSum: 280, numeratorSum: 1830, denominatorSum: 2000, withParts: 2 }, 100),
    ).toEqual({ value: 93.3333, numerator: null, denominator: null });
    expect(
      externalFigure({ n: 0, valueSum: 0, numeratorSum: 0, denominatorSum: 0, withParts: 0 }, 100),
    ).toEqual({ value: null, numerator: null, denominator: null });
    expect(externalFigure(undefined, 100).value).toBeNull();
  });
});
