import type { IndicatorDirection } from '@qloop/contracts';

/**
 * The change of a figure against another period (环比 against the previous one, 同比 against the
 * same period a year earlier). Percentages change by percentage points (pp, 个百分点): 95% → 97% is
 * +2 pp, not +2.1%; everything else by its relative change. Pure.
 */
export interface FigureChange {
  kind: 'pp' | 'relative';
  /** pp, or % of the earlier value; rounded to one decimal */
  delta: number;
}

export type ChangeTone = 'good' | 'bad' | 'flat';

const round1 = (n: number) => Math.round(n * 10) / 10 || 0; // `|| 0`: no −0

/** null when either value is missing; a relative change is null when the earlier value is 0 (no base to divide by). */
export function figureChange(current: number | null | undefined, previous: number | null | undefined, percent: boolean): FigureChange | null {
  if (current === null || current === undefined || previous === null || previous === undefined) return null;
  if (percent) return { kind: 'pp', delta: round1(current - previous) };
  if (previous === 0) return null;
  return { kind: 'relative', delta: round1(((current - previous) / Math.abs(previous)) * 100) };
}

/** Good when the figure moved the way the indicator wants it to; flat when it did not move (at one decimal). */
export function changeTone(change: FigureChange, direction: IndicatorDirection): ChangeTone {
  if (change.delta === 0) return 'flat';
  return (change.delta > 0) === (direction === 'higher_better') ? 'good' : 'bad';
}

/** The signed number: "+2.5", "−1.2" (a true minus sign), "0". */
export function signedDelta(delta: number, locale: string): string {
  const s = new Intl.NumberFormat(locale, { maximumFractionDigits: 1, minimumFractionDigits: delta === 0 ? 0 : 1, signDisplay: 'exceptZero' }).format(delta);
  return s.replace('-', '−');
}
