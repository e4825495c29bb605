import { sql } from 'drizzle-orm';
import { SURVEY_SMALL_SAMPLE, type SurveyAnalysis } from '@qloop/contracts';
import { rowsOf, type Db } from '../../db/client.js';
import { childUnder } from '../indicators/breakdown-cells.js';
import { inAnalysisScope, inDayScope } from './analysis-filter.js';
import { csatFromCounts } from './analysis/csat.js';
import { importancePerformance } from './analysis/ipa.js';
import { npsFromCounts } from './analysis/nps.js';
import { roundTo } from './analysis/rounding.js';
import { satisfactionIndex } from './analysis/sat-index.js';
import type { ScoreCount } from './analysis/score-counts.js';

const num = (v: unknown) => (v === null || v === undefined ? null : Number(v));
const r2 = (v: number | null) => (v === null ? null : roundTo(v, 2));

/**
 * A survey's analysis for an org subtree and a period (days in the organisation's time zone): CSAT,
 * NPS, each perception element's mean (0–100) and the weighted satisfaction index, SERVQUAL gaps
 * per item and dimension, the importance–performance quadrants, the child units' figures and plain
 * warnings about thin samples. Summed in SQL over the daily tallies the answer tables keep
 * (survey_day_scores, survey_day_items: a year of a province is thousands of rows, not every
 * answer), the pure formulas of ./analysis applied to the sums.
 */
export async function analyseSurvey(db: Db, o: { surveyId: string; unit: { id: string; path: string[] }; from: string; to: string }): Promise<SurveyAnalysis> {
  // the survey's daily tallies and invitations in the subtree and the period
  const f = { surveyId: o.surveyId, unitId: o.unit.id, from: o.from, to: o.to };
  const [counts, elements, servqual, invites, units, weights] = await Promise.all([
    // answers ('all'), CSAT and NPS tallies per unit
    db.execute(sql`
      SELECT s.org_unit_id, s.kind, s.score, sum(s.n)::int AS n FROM survey_day_scores s
      WHERE ${inDayScope('s', f)} GROUP BY 1, 2, 3 HAVING sum(s.n) > 0`),
    // element means on 0–100: NPS s × 10, CSAT / stars (s − 1) × 25
    db.execute(sql`
      SELECT d.element_id, sum(CASE WHEN d.type = 'nps' THEN d.score_sum * 10.0 ELSE (d.score_sum - d.scored) * 25.0 END) / sum(d.scored) AS mean, sum(d.scored)::int AS n
      FROM survey_day_items d WHERE ${inDayScope('d', f)} AND d.element_id IS NOT NULL
      GROUP BY 1 HAVING sum(d.scored) > 0 ORDER BY 1`),
    db.execute(sql`
      SELECT d.question_key AS key, d.dimension, sum(d.expectation_sum)::numeric / sum(d.paired) AS e, sum(d.perception_sum)::numeric / sum(d.paired) AS p,
             (sum(d.perception_sum) - sum(d.expectation_sum))::numeric / sum(d.paired) AS gap, sum(d.paired)::int AS n
      FROM survey_day_items d WHERE ${inDayScope('d', f)} AND d.type = 'servqual'
      GROUP BY 1, 2 HAVING sum(d.paired) > 0 ORDER BY 1`),
    db.execute(sql`
      SELECT count(*)::int AS sent, count(answered_at)::int AS answered FROM survey_invitations v
      WHERE ${inAnalysisScope('v', f)} AND v.scan_point_id IS NULL`), // a scan mints a link nobody was sent: not in the response rate
    db.execute(sql`SELECT id, path FROM org_units WHERE parent_id = ${o.unit.id} AND active OR id = ${o.unit.id}`),
    db.execute(sql`SELECT element_id, weight FROM survey_element_weights`),
  ]);

  // CSAT and NPS, overall and per child unit, from one grouped count
  const countRows = rowsOf<{ org_unit_id: string; kind: 'all' | 'csat' | 'nps'; score: number; n: number }>(counts);
  const paths = new Map(rowsOf<{ id: string; path: string[] }>(await db.execute(sql`SELECT id, path FROM org_units`)).map((u) => [u.id, u.path]));
  const tally = (rows: typeof countRows, kind: 'csat' | 'nps') => {
    const m = new Map<number, number>();
    for (const r of rows) if (r.kind === kind) m.set(Number(r.score), (m.get(Number(r.score)) ?? 0) + Number(r.n));
    return [...m].map(([score, count]): ScoreCount => ({ score, count }));
  };
  const answered = (rows: typeof countRows) => rows.reduce((a, r) => a + (r.kind === 'all' ? Number(r.n) : 0), 0);
  const responses = answered(countRows);
  const byChild = new Map<string, typeof countRows>();
  for (const r of countRows) {
    const child = r.org_unit_id ? childUnder(o.unit.path, paths.get(r.org_unit_id) ?? []) : null;
    if (child) (byChild.get(child) ?? byChild.set(child, []).get(child)!).push(r);
  }
  const children = rowsOf<{ id: string }>(units).map((u) => u.id).filter((id) => id !== o.unit.id || byChild.has(id));
  const csat = csatFromCounts(tally(countRows, 'csat'));
  const nps = npsFromCounts(tally(countRows, 'nps'));

  // perception elements and the index (an element without a weight row weighs 1)
  const w = new Map(rowsOf<{ element_id: string; weight: string | number }>(weights).map((x) => [x.element_id, Number(x.weight)]));
  const el = rowsOf<{ element_id: string; mean: string | number | null; n: number }>(elements);
  const index = satisfactionIndex(
    el.map((e) => ({ key: e.element_id, mean: num(e.mean), scale: { min: 0, max: 100 } })),
    Object.fromEntries(el.map((e) => [e.element_id, w.get(e.element_id) ?? 1])),
  );
  const share = new Map(index.elements.map((e) => [e.key, e]));

  // SERVQUAL: item means, dimension = unweighted mean of its items' gaps, overall = mean of the dimensions
  const items = rowsOf<{ key: string; dimension: string; e: string | number; p: string | number; gap: string | number; n: number }>(servqual).map((i) => ({
    key: i.key, dimension: i.dimension, expectation: r2(num(i.e)), perception: r2(num(i.p)), gap: r2(num(i.gap)), n: Number(i.n),
  }));
  const dims = [...new Set(items.map((i) => i.dimension))].map((d) => {
    const its = items.filter((i) => i.dimension === d && i.gap !== null);
    return { dimension: d, gap: its.length ? r2(its.reduce((a, i) => a + i.gap!, 0) / its.length) : null, items: its.length };
  });
  const withGap = dims.filter((d) => d.gap !== null);
  const ipa = importancePerformance(items.filter((i) => i.expectation !== null && i.perception !== null).map((i) => ({ key: i.key, importance: i.expectation!, performance: i.perception! })));

  const [inv] = rowsOf<{ sent: number; answered: number }>(invites);
  const responseRate = inv && inv.sent > 0 ? r2((inv.answered / inv.sent) * 100) : null;
  const warnings: SurveyAnalysis['warnings'] = [];
  if (responses === 0) warnings.push({ code: 'no_answers', message: 'no answers in this period and org unit' });
  else if (responses < SURVEY_SMALL_SAMPLE) warnings.push({ code: 'small_sample', message: `only ${responses} answers: read the figures as indications, not measurements (fewer than ${SURVEY_SMALL_SAMPLE})` });
  if (responseRate !== null && responseRate < 10) warnings.push({ code: 'low_response_rate', message: `only ${responseRate}% of the ${inv!.sent} invitations were answered: the answers may not stand for all customers` });

  return {
    surveyId: o.surveyId, orgUnitId: o.unit.id, from: o.from, to: o.to,
    responses, invited: inv?.sent ?? 0, responseRate,
    csat,
    nps,
    elements: el.map((e) => ({ elementId: e.element_id, mean: r2(num(e.mean)), n: Number(e.n), weight: w.get(e.element_id) ?? 1, contribution: share.get(e.element_id)?.contribution ?? null })),
    satIndex: { value: index.value, scoredWeightShare: index.scoredWeightShare },
    servqual: { items, dimensions: dims, overall: withGap.length ? r2(withGap.reduce((a, d) => a + d.gap!, 0) / withGap.length) : null },
    ipa: { items: ipa.items, cuts: ipa.cuts },
    byUnit: children.map((id) => {
      const rows = byChild.get(id) ?? [];
      return { orgUnitId: id, responses: answered(rows), csat: csatFromCounts(tally(rows, 'csat')).value, nps: npsFromCounts(tally(rows, 'nps')).value };
    }),
    warnings,
  };
}
