import { badRequest } from '../../../lib/errors.js';

/** A stratum as the allocation sees it: its population size, optional bounds on its quota, and a name for messages. */
export type QuotaRequest = { size: number; min?: number; max?: number; name?: string };

/** share: the exact bounded proportional quota before rounding; quota: the whole number allocated. */
export type Quota = { share: number; quota: number };

/**
 * Split a sample of `total` over strata in proportion to their sizes, within bounds, in whole
 * numbers (配额分配):
 * 1. Each stratum's quota must lie in [floor, cap], where cap = min(max, size) — never more than
 *    the stratum holds — and floor = min(min, cap): a minimum above the stratum's population is
 *    capped at the population (nobody else could be asked there).
 * 2. Exact shares: eᵢ = clamp(λ·sizeᵢ, floorᵢ, capᵢ) with the one λ that makes Σ eᵢ = total. So
 *    unbounded strata stay proportional to size, and whatever the bounds take from or give to a
 *    stratum is redistributed over the others in proportion to their sizes.
 * 3. Whole numbers by the largest-remainder (Hamilton) method: everyone gets ⌊eᵢ⌋, the units left
 *    go one each to the largest fractional parts (ties: the larger stratum, then the earlier one).
 *    Bounds are whole, so ⌊eᵢ⌋ ≥ floorᵢ, and a stratum with a fraction has ⌊eᵢ⌋ < eᵢ ≤ capᵢ.
 * Impossible requests are errors (400), never a silent shortfall: minimums adding up to more than
 * the total; a total above the population, or above what the maxima allow; a minimum above its
 * maximum. Pure and deterministic.
 */
export function allocateQuotas(strata: readonly QuotaRequest[], total: number): Quota[] {
  whole(total, 'the sample size');
  const bounds = strata.map((s, i) => {
    const where = s.name === undefined ? `stratum ${i + 1}` : `stratum '${s.name}'`;
    whole(s.size, `the population of ${where}`);
    if (s.min !== undefined) whole(s.min, `the minimum of ${where}`);
    if (s.max !== undefined) whole(s.max, `the maximum of ${where}`);
    if (s.min !== undefined && s.max !== undefined && s.min > s.max) {
      throw badRequest(`the minimum of ${where} (${s.min}) is above its maximum (${s.max})`);
    }
    const cap = Math.min(s.max ?? s.size, s.size);
    return { size: s.size, floor: Math.min(s.min ?? 0, cap), cap };
  });
  const population = sum(bounds.map((b) => b.size));
  const floors = sum(bounds.map((b) => b.floor));
  const caps = sum(bounds.map((b) => b.cap));
  if (total > population)
    throw badRequest(`a sample of ${total} is more than the ${population} people in the strata`);
  if (floors > total)
    throw badRequest(`the minimums add up to ${floors}, more than the sample size of ${total}`);
  if (caps < total)
    throw badRequest(`the maximums allow at most ${caps} people, fewer than the sample size of ${total}`);

  // Read at 12 significant digits: floating-point noise must not make a share of 3.5 a hair less
  // than a half, nor a share sitting on a whole bound a hair below it.
  const shares = boundedShares(bounds, total).map((e) => Number(e.toPrecision(12)));
  const quotas = shares.map((e, i) => Math.min(Math.max(Math.floor(e), bounds[i]!.floor), bounds[i]!.cap));
  let left = total - sum(quotas);
  const order = shares
    .map((e, i) => ({ i, fraction: e - Math.floor(e), size: bounds[i]!.size }))
    .sort((a, b) => b.fraction - a.fraction || b.size - a.size || a.i - b.i);
  for (const { i } of order) {
    if (left === 0) break;
    if (quotas[i]! < bounds[i]!.cap) {
      quotas[i]!++;
      left--;
    }
  }
  if (left !== 0) throw new Error(`quota allocation left ${left} unallocated`); // unreachable: Σcap ≥ total
  return shares.map((share, i) => ({ share, quota: quotas[i]! }));
}

type Bound = { size: number; floor: number; cap: number };

/**
 * The exact shares eᵢ = clamp(λ·sizeᵢ, floorᵢ, capᵢ) summing to total (requires Σfloor ≤ total ≤
 * Σcap). Σ eᵢ(λ) is continuous, piecewise linear and non-decreasing in λ, with kinks only at
 * floorᵢ/sizeᵢ and capᵢ/sizeᵢ: find the first kink where it reaches the total; between that kink
 * and the one before, each stratum is either at a bound or free (proportional), so λ follows
 * exactly from the free strata: they share what the bounded ones leave, in proportion to size.
 */
function boundedShares(bounds: readonly Bound[], total: number): number[] {
  const clamp = (b: Bound, lambda: number) => Math.min(Math.max(lambda * b.size, b.floor), b.cap);
  const reach = (lambda: number) => sum(bounds.map((b) => clamp(b, lambda)));
  const kinks = [
    ...new Set(bounds.filter((b) => b.size > 0).flatMap((b) => [b.floor / b.size, b.cap / b.size])),
  ].sort((a, b) => a - b);
  let lo = 0;
  let hi = 0;
  for (const k of kinks) {
    hi = k;
    if (reach(k) >= total) break;
    lo = k;
  }
  const mid = (lo + hi) / 2;
  const free = bounds.map((b) => mid * b.size > b.floor && mid * b.size < b.cap);
  const fixed = sum(bounds.map((b, i) => (free[i] ? 0 : clamp(b, mid))));
  const freeSize = sum(bounds.map((b, i) => (free[i] ? b.size : 0)));
  return bounds.map((b, i) => (free[i] ? (b.size * (total - fixed)) / freeSize : clamp(b, mid)));
}

function whole(n: number, what: string): void {
  if (!Number.isSafeInteger(n) || n < 0) throw badRequest(`${what} must be a whole number ≥ 0, not ${n}`);
}

const sum = (xs: readonly number[]) => xs.reduce((a, b) => a + b, 0);
