import type { WarningLevel } from '@qloop/contracts';

/**
 * Is a week-on-week rise real? Two counts over windows of equal length are, under "nothing changed",
 * two Poisson counts with one rate; given their sum n, the current count is Binomial(n, ½). The
 * one-sided p-value is P(X ≥ current | n, ½), computed exactly (no normal approximation, which is
 * wrong on the small counts that matter). We chose this conditional test over EWMA because it needs
 * no history to warm up and no smoothing constant to tune, and it says plainly why 2 → 3 is not a
 * rise: p = 0.5. A minimum count on top keeps tiny units quiet even when the test passes (0 → 6).
 */
export function risePValue(current: number, previous: number): number {
  const n = current + previous;
  if (current <= 0 || n === 0) return 1;
  if (current > n) return 0;
  // Σ_{i=current..n} C(n,i) / 2^n, summed in log space from the first term down: the terms shrink
  // quickly past the mean, so the loop stops long before n on large counts.
  const ln2n = n * Math.LN2;
  let sum = 0;
  for (let i = current; i <= n; i++) {
    const term = Math.exp(lnChoose(n, i) - ln2n);
    sum += term;
    if (i > n / 2 && term < sum * 1e-15) break;
  }
  return Math.min(1, sum);
}

/** ln C(n, k) by ln Γ. */
function lnChoose(n: number, k: number): number {
  return lnGamma(n + 1) - lnGamma(k + 1) - lnGamma(n - k + 1);
}

const LANCZOS = [676.5203681218851, -1259.1392167224028, 771.32342877765313, -176.61502916214059, 12.507343278686905, -0.13857109526572012, 9.9843695780195716e-6, 1.5056327351493116e-7];

/** ln Γ(x) for x ≥ 1 (Lanczos, g = 7): ~15 significant digits. */
function lnGamma(x: number): number {
  if (x < 0.5) return Math.log(Math.PI / Math.sin(Math.PI * x)) - lnGamma(1 - x);
  const z = x - 1;
  let a = 0.99999999999980993;
  const t = z + 7.5;
  for (let i = 0; i < LANCZOS.length; i++) a += LANCZOS[i]! / (z + i + 1);
  return 0.5 * Math.log(2 * Math.PI) + (z + 0.5) * Math.log(t) - t + Math.log(a);
}

export type RiseRule = { yellowPct: number; orangePct: number | null; redPct: number | null; alpha: number; minCount: number };
export type RiseVerdict = { level: WarningLevel | null; risePct: number | null; pValue: number };

/**
 * The level a rise from `previous` to `current` deserves: none unless the current window holds at
 * least minCount, the rise reaches yellowPct and the test rejects "no change" at alpha; then the
 * highest level whose percentage the rise reaches. From zero the rise is unbounded (risePct null)
 * and reaches every level. Pure.
 */
export function riseVerdict(current: number, previous: number, rule: RiseRule): RiseVerdict {
  const pValue = risePValue(current, previous);
  const risePct = previous > 0 ? ((current - previous) / previous) * 100 : null;
  const reached = (pct: number | null) => pct !== null && (risePct === null ? current > 0 : risePct >= pct);
  if (current < rule.minCount || pValue > rule.alpha || !reached(rule.yellowPct)) return { level: null, risePct, pValue };
  const level: WarningLevel = reached(rule.redPct) ? 'red' : reached(rule.orangePct) ? 'orange' : 'yellow';
  return { level, risePct, pValue };
}
