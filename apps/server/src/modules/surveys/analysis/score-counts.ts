import { badRequest } from '../../../lib/errors.js';

/** A rating scale: the lowest and highest score a question allows (1–5, 0–10, 1–7 …). */
export type ScoreScale = { min: number; max: number };

/** How many responses gave one score: one row of a `GROUP BY score` count. */
export type ScoreCount = { score: number; count: number };

/**
 * Check grouped counts before a figure is computed from them: every score a whole number on the
 * scale, every count a whole number ≥ 0. A score off the scale is a broken question or import, and
 * silently dropping it would change the denominator, so it is an error (400) naming the value.
 * The same score may appear in several rows (counts merged from several groups); they add up.
 */
export function checkScoreCounts(counts: readonly ScoreCount[], scale: ScoreScale, what: string): void {
  for (const { score, count } of counts) {
    if (!Number.isInteger(score) || score < scale.min || score > scale.max) {
      throw badRequest(`${what}: score ${score} is not a whole number from ${scale.min} to ${scale.max}`);
    }
    if (!Number.isInteger(count) || count < 0) {
      throw badRequest(`${what}: the count for score ${score} must be a whole number ≥ 0, not ${count}`);
    }
  }
}

/**
 * Individual ratings tallied into one count per score (ascending), so figures computed from raw
 * answers and from grouped SQL counts go through the same code. Ratings are checked like counts.
 */
export function tallyScores(ratings: readonly number[], scale: ScoreScale, what: string): ScoreCount[] {
  const tally = new Map<number, number>();
  for (const r of ratings) tally.set(r, (tally.get(r) ?? 0) + 1);
  const counts = [...tally].sort(([a], [b]) => a - b).map(([score, count]) => ({ score, count }));
  checkScoreCounts(counts, scale, what);
  return counts;
}
