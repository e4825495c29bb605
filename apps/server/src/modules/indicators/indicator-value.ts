import { DURATION_BUCKET_EDGES, type IndicatorFormula, type PercentileFormula } from '@qloop/contracts';

export type FormulaResult = { value: number | null; numerator: number | null; denominator: number | null };

/**
 * The value of a formula from its inputs. Pure. A ratio always carries its numerator and
 * denominator; a zero or missing denominator is no data (null), never 0 or 100%. Values are
 * rounded to 4 decimals (display rounds further), counts are whole.
 */
export function formulaValue(formula: IndicatorFormula, inputs: { numerator: number | null; denominator: number | null }): FormulaResult {
  const { numerator, denominator } = inputs;
  switch (formula.kind) {
    // an external figure from pooled parts here; the mean of plain values is external-values.ts's
    case 'ratio':
    case 'per_customers':
    case 'external': {
      if (numerator === null || denominator === null || denominator === 0) return { value: null, numerator, denominator };
      return { value: round4((numerator / denominator) * formula.scale), numerator, denominator };
    }
    case 'count':
    case 'live':
      return { value: numerator, numerator, denominator: null };
    case 'survey':
    case 'percentile': // from a histogram: see histogramPercentile
      return { value: null, numerator: null, denominator: null };
  }
}

/**
 * The q-th percentile of durations counted in the buckets of DURATION_BUCKET_EDGES: the bucket
 * where the cumulative count reaches q × n, interpolated linearly inside it (the open-ended last
 * bucket answers its lower edge). Pure; null without any duration. Rounded to 0.1 minute.
 */
export function histogramPercentile(counts: readonly number[], edges: readonly number[], q: number): number | null {
  const n = counts.reduce((a, b) => a + b, 0);
  if (n === 0) return null;
  const rank = q * n;
  let before = 0;
  for (let i = 0; i < counts.length; i++) {
    const c = counts[i]!;
    if (c > 0 && before + c >= rank) {
      const lo = edges[i]!;
      const hi = edges[i + 1] ?? lo;
      return Math.round((lo + ((hi - lo) * (rank - before)) / c) * 10) / 10;
    }
    before += c;
  }
  return edges[edges.length - 1]!;
}

const round4 = (x: number) => Math.round(x * 10_000) / 10_000;

/** The months (YYYY-MM) a period of days touches: the customer base is imported per month. */
export function monthsOf(from: string, to: string): string[] {
  const out: string[] = [];
  let [y, m] = from.slice(0, 7).split('-').map(Number) as [number, number];
  const [ty, tm] = to.slice(0, 7).split('-').map(Number) as [number, number];
  while (y < ty || (y === ty && m <= tm)) {
    out.push(`${y}-${String(m).padStart(2, '0')}`);
    m++;
    if (m > 12) { m = 1; y++; }
  }
  return out;
}

/**
 * The customer base of a period: the mean over the period's months of the org subtree's base,
 * over the months that have one (a month nobody imported is not counted as zero customers).
 * Null when no month has a base.
 */
export function periodCustomerBase(monthTotals: ReadonlyMap<string, number>, months: readonly string[]): number | null {
  const known = months.map((m) => monthTotals.get(m)).filter((v): v is number => v !== undefined);
  if (!known.length) return null;
  return known.reduce((a, b) => a + b, 0) / known.length;
}

/** A percentile formula's figure from its histogram counts: the denominator is how many tickets were measured. */
export function percentileFigure(f: PercentileFormula, counts: readonly number[]): FormulaResult {
  return { value: histogramPercentile(counts, DURATION_BUCKET_EDGES, f.quantile), numerator: null, denominator: counts.reduce((a, b) => a + b, 0) };
}
