import { roundTo } from './rounding.js';
import { checkScoreCounts, tallyScores, type ScoreCount, type ScoreScale } from './score-counts.js';

/** NPS is defined on 0–10 (kpis.md): its groups 0–6 / 7–8 / 9–10 only mean something on that scale. */
const NPS_SCALE: ScoreScale = { min: 0, max: 10 };

/** An NPS figure with its three groups; n = promoters + passives + detractors. */
export type NpsFigure = {
  value: number | null;
  promoters: number;
  passives: number;
  detractors: number;
  n: number;
};

/**
 * 净推荐值 NPS from grouped counts (one row per score): promoters score 9–10, passives 7–8,
 * detractors 0–6; value = (promoters − detractors) ÷ n × 100, i.e. % promoters − % detractors,
 * in −100…100, rounded to 2 decimals (computed from the counts in one division, not from two
 * rounded percentages). All passives → 0, all promoters → 100, all detractors → −100; no
 * responses is no data: value null. Pure; a score off 0–10 is an error.
 */
export function npsFromCounts(counts: readonly ScoreCount[]): NpsFigure {
  checkScoreCounts(counts, NPS_SCALE, 'NPS');
  let promoters = 0;
  let passives = 0;
  let detractors = 0;
  for (const { score, count } of counts) {
    if (score >= 9) promoters += count;
    else if (score >= 7) passives += count;
    else detractors += count;
  }
  const n = promoters + passives + detractors;
  const value = n === 0 ? null : roundTo(((promoters - detractors) / n) * 100, 2);
  return { value, promoters, passives, detractors, n };
}

/** NPS from individual 0–10 answers: the same figure as {@link npsFromCounts} over their tally. */
export function npsFromRatings(ratings: readonly number[]): NpsFigure {
  return npsFromCounts(tallyScores(ratings, NPS_SCALE, 'NPS'));
}
