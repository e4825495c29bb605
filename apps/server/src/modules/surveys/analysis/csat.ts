import { roundTo } from './rounding.js';
import { checkScoreCounts, tallyScores, type ScoreCount, type ScoreScale } from './score-counts.js';

/** CSAT is defined on 1–5 (kpis.md): the "4–5 are satisfied" rule only means something on that scale. */
const CSAT_SCALE: ScoreScale = { min: 1, max: 5 };

/** A CSAT figure: the percentage with the counts it comes from (kpis.md: ratios show both). */
export type CsatFigure = { value: number | null; numerator: number; denominator: number };

/**
 * 满意度 CSAT from grouped counts (one row per score, as `GROUP BY score` returns them):
 * value = responses scoring 4 or 5 ÷ all responses × 100, rounded to 2 decimals
 * (kpis.md vector: 74 of 107 → 69.16). No responses is no data: value null, never 0 or 100.
 * Pure; a score off 1–5 is an error rather than a silently smaller denominator.
 */
export function csatFromCounts(counts: readonly ScoreCount[]): CsatFigure {
  checkScoreCounts(counts, CSAT_SCALE, 'CSAT');
  let numerator = 0;
  let denominator = 0;
  for (const { score, count } of counts) {
    denominator += count;
    if (score >= 4) numerator += count;
  }
  const value = denominator === 0 ? null : roundTo((numerator / denominator) * 100, 2);
  return { value, numerator, denominator };
}

/** CSAT from individual 1–5 ratings: the same figure as {@link csatFromCounts} over their tally. */
export function csatFromRatings(ratings: readonly number[]): CsatFigure {
  return csatFromCounts(tallyScores(ratings, CSAT_SCALE, 'CSAT'));
}
