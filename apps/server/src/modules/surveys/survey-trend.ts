import { sql } from 'drizzle-orm';
import { SURVEY_INSIGHT_LIMITS, SURVEY_SMALL_SAMPLE, type SurveyTrend, type TrendGranularity } from '@qloop/contracts';
import { rowsOf, type Db } from '../../db/client.js';
import { badRequest } from '../../lib/errors.js';
import { inDayScope, type AnalysisScope } from './analysis-filter.js';
import { csatFromCounts } from './analysis/csat.js';
import { npsFromCounts } from './analysis/nps.js';
import { satisfactionIndex } from './analysis/sat-index.js';
import type { ScoreCount } from './analysis/score-counts.js';
import { bucketCount, bucketStart, trendBuckets } from './trend-buckets.js';

/** Below SURVEY_SMALL_SAMPLE answers a figure is a small sample; no answers at all is no figure, not a small one. */
export const isSmall = (n: number) => n > 0 && n < SURVEY_SMALL_SAMPLE;

type Tally = { responses: number; csat: Map<number, number>; nps: Map<number, number>; elements: Map<string, { sum: number; n: number }> };
const add = (m: Map<number, number>, k: number, n: number) => m.set(k, (m.get(k) ?? 0) + n);
const counts = (m: Map<number, number>): ScoreCount[] => [...m].map(([score, count]) => ({ score, count }));

/**
 * A survey's figures over time: answers, CSAT, NPS and the satisfaction index per day, week
 * (Monday–Sunday) or month of the organisation's calendar, each with the count it rests on and a
 * small-sample flag. Every bucket of the period is there; one without answers has null figures,
 * not 0. Read from the daily tallies (survey_day_scores, survey_day_items) per local day, rolled up
 * into buckets here.
 */
export async function surveyTrend(db: Db, o: { scope: AnalysisScope; granularity: TrendGranularity }): Promise<SurveyTrend> {
  const { scope: s, granularity: g } = o;
  const n = bucketCount(s.from, s.to, g);
  if (n > SURVEY_INSIGHT_LIMITS.trendBucketsMax) {
    throw badRequest(`the period has ${n} ${g}s: choose a coarser granularity or a shorter period (at most ${SURVEY_INSIGHT_LIMITS.trendBucketsMax} points)`, [
      { path: 'querystring.granularity', message: `at most ${SURVEY_INSIGHT_LIMITS.trendBucketsMax} points` },
    ]);
  }
  const f = { surveyId: s.surveyId, unitId: s.unit.id, from: s.from, to: s.to };
  const [scores, elements, weights] = await Promise.all([
    // per day: answers ('all'), CSAT and NPS tallies
    db.execute(sql`
      SELECT to_char(d.day, 'YYYY-MM-DD') AS day, d.kind, d.score, sum(d.n)::int AS n
      FROM survey_day_scores d WHERE ${inDayScope('d', f)} GROUP BY d.day, d.kind, d.score`),
    // per day and element: the scores on 0–100 summed (NPS s × 10, CSAT / stars (s − 1) × 25)
    db.execute(sql`
      SELECT to_char(d.day, 'YYYY-MM-DD') AS day, d.element_id, sum(CASE WHEN d.type = 'nps' THEN d.score_sum * 10.0 ELSE (d.score_sum - d.scored) * 25.0 END) AS total, sum(d.scored)::int AS n
      FROM survey_day_items d WHERE ${inDayScope('d', f)} AND d.element_id IS NOT NULL
      GROUP BY d.day, d.element_id HAVING sum(d.scored) > 0`),
    db.execute(sql`SELECT element_id, weight FROM survey_element_weights`),
  ]);

  const tallies = new Map<string, Tally>();
  const tallyOf = (d: string) => {
    const b = bucketStart(d, g);
    let t = tallies.get(b);
    if (!t) tallies.set(b, (t = { responses: 0, csat: new Map(), nps: new Map(), elements: new Map() }));
    return t;
  };
  for (const r of rowsOf<{ day: string; kind: 'all' | 'csat' | 'nps'; score: number; n: number }>(scores)) {
    const t = tallyOf(r.day);
    if (r.kind === 'all') t.responses += Number(r.n);
    else add(t[r.kind], Number(r.score), Number(r.n));
  }
  for (const e of rowsOf<{ day: string; element_id: string; total: string | number; n: number }>(elements)) {
    const m = tallyOf(e.day).elements;
    const cur = m.get(e.element_id) ?? { sum: 0, n: 0 };
    m.set(e.element_id, { sum: cur.sum + Number(e.total), n: cur.n + Number(e.n) });
  }
  const w = new Map(rowsOf<{ element_id: string; weight: string | number }>(weights).map((x) => [x.element_id, Number(x.weight)]));

  return {
    granularity: g,
    buckets: trendBuckets(s.from, s.to, g).map((b) => {
      const t = tallies.get(b.bucket);
      const csat = csatFromCounts(t ? counts(t.csat) : []);
      const nps = npsFromCounts(t ? counts(t.nps) : []);
      const els = [...(t?.elements ?? [])];
      const index = satisfactionIndex(
        // clamped: a sum of floats divided back must not stray past the scale's end
        els.map(([key, x]) => ({ key, mean: Math.min(100, Math.max(0, x.sum / x.n)), scale: { min: 0, max: 100 } })),
        Object.fromEntries(els.map(([key]) => [key, w.get(key) ?? 1])),
      );
      const responses = t?.responses ?? 0;
      return {
        ...b,
        responses,
        csat: { ...csat, small: isSmall(csat.denominator) },
        nps: { ...nps, small: isSmall(nps.n) },
        satIndex: { value: index.value, n: els.reduce((a, [, x]) => a + x.n, 0), small: isSmall(responses) },
      };
    }),
  };
}
