import type { Indicator, IndicatorValue } from '@qloop/contracts';

/** Whether a value meets the target in the indicator's direction; null without a target or a value. */
export function meetsTarget(ind: Pick<Indicator, 'target' | 'direction'>, value: number | null): boolean | null {
  if (value === null || ind.target === null) return null;
  return ind.direction === 'higher_better' ? value >= ind.target : value <= ind.target;
}

/** The target that holds for the figure's org unit (its own, an ancestor's, or the default). */
export const targetOf = (ind: Pick<Indicator, 'target'>, v: IndicatorValue | undefined): number | null => (v?.target !== undefined ? v.target : ind.target);

/** The unit in the reader's language. */
export const unitOf = (ind: Pick<Indicator, 'unit' | 'unitEn'>, locale: string) => (locale.startsWith('zh') ? ind.unit : ind.unitEn);

/** The number ("17.5", "0.07", "126") and its unit ("%", "件/万户") apart, for a big number and a small unit. */
export function figureParts(ind: Pick<Indicator, 'unit' | 'unitEn' | 'formula'>, v: Pick<IndicatorValue, 'value'> | undefined, locale: string): { n: string; unit: string } | null {
  if (!v || v.value === null) return null;
  // counts are whole; rates per customer are small numbers (0.07 件/万户) and keep two decimals
  const digits = ind.formula.kind === 'live' || ind.formula.kind === 'count' ? 0 : ind.formula.kind === 'per_customers' ? 2 : 1;
  const n = new Intl.NumberFormat(locale, { maximumFractionDigits: digits, minimumFractionDigits: digits }).format(v.value);
  return { n, unit: unitOf(ind, locale) };
}

/** "17.5%", "0.07 件/万户", "126 min", "12 件". */
export function formatFigure(ind: Pick<Indicator, 'unit' | 'unitEn' | 'formula'>, v: Pick<IndicatorValue, 'value'> | undefined, locale: string): string | null {
  const p = figureParts(ind, v, locale);
  if (!p) return null;
  return p.unit === '%' ? `${p.n}%` : `${p.n} ${p.unit}`;
}

/** Numerator and denominator as people read them: "2 / 5". */
export function formatParts(v: Pick<IndicatorValue, 'numerator' | 'denominator'> | undefined, locale: string): string | null {
  if (!v) return null;
  const f = new Intl.NumberFormat(locale, { maximumFractionDigits: 0 });
  // a percentile has no numerator: its denominator is how many tickets were measured
  if (v.numerator === null) return v.denominator === null ? null : `n = ${f.format(v.denominator)}`;
  return v.denominator === null ? f.format(v.numerator) : `${f.format(v.numerator)} / ${f.format(v.denominator)}`;
}

/** Whether the figure is a percentage, whose changes are percentage points (pp, 个百分点). */
export const isPercent = (ind: Pick<Indicator, 'unit'>) => ind.unit === '%';

/** The indicator's name in the reader's language. */
export const indicatorName = (ind: Pick<Indicator, 'nameZh' | 'nameEn'>, locale: string) => (locale.startsWith('zh') ? ind.nameZh : ind.nameEn);
