import { sql } from 'drizzle-orm';
import type { IndicatorSlice } from '@qloop/contracts';
import { rowsOf, type Db } from '../../db/client.js';
import { csatFromCounts } from '../surveys/analysis/csat.js';
import { npsFromCounts } from '../surveys/analysis/nps.js';
import { inSubtreeAndPeriod } from '../surveys/analysis-filter.js';
import type { ScoreCount } from '../surveys/analysis/score-counts.js';
import { satisfactionIndex } from '../surveys/analysis/sat-index.js';
import type { FormulaResult } from './indicator-value.js';
import { sliceConditions } from './measure-filter-sql.js';
import type { Grain } from './period-buckets.js';
import { ORG_TIME_ZONE } from './ticket-facts.js';

/**
 * Satisfaction figures from the answers (survey_responses): CSAT (4–5 of 1–5 ÷ answers × 100) and
 * NPS ((promoters − detractors) ÷ answers × 100, so its numerator is promoters − detractors), for an
 * org subtree over days in the organisation's time zone. The dashboard's type / channel / category
 * filters cut the answers by the ticket they follow up (answers without a ticket drop out of a
 * filtered figure). The satisfaction index (满意度指数) is the weighted mean of the perception
 * elements' mean scores on 0–100 (CSAT / star answers (s − 1) × 25, NPS s × 10), weights from
 * survey_element_weights (1 where none is set); its denominator is the number of element answers.
 */
export type SurveyWhat = 'csat' | 'nps' | 'sat_index';

async function scoreCounts(db: Db, what: 'csat' | 'nps', o: { orgUnitId: string; from: string; to: string; slice: IndicatorSlice; bucket?: Grain }): Promise<Map<string, ScoreCount[]>> {
  const col = sql.raw(`r.${what}`);
  const local = sql`(r.created_at AT TIME ZONE ${ORG_TIME_ZONE})`;
  const sliced = sliceConditions('t', o.slice);
  const bucket = o.bucket ? sql`to_char(date_trunc(${o.bucket}, ${local}), 'YYYY-MM-DD')` : sql`''`;
  const rows = rowsOf<{ b: string; score: number; n: number }>(
    await db.execute(sql`
      SELECT ${bucket} AS b, ${col} AS score, count(*)::int AS n FROM survey_responses r
      ${sliced.length ? sql`JOIN tickets t ON t.id = r.ticket_id` : sql``}
      WHERE ${inSubtreeAndPeriod('r', { unitId: o.orgUnitId, from: o.from, to: o.to })} AND ${col} IS NOT NULL
        ${sliced.length ? sql`AND ${sql.join(sliced, sql` AND `)}` : sql``}
      GROUP BY 1, 2`),
  );
  const out = new Map<string, ScoreCount[]>();
  for (const r of rows) (out.get(r.b) ?? out.set(r.b, []).get(r.b)!).push({ score: Number(r.score), count: Number(r.n) });
  return out;
}

const figure = (what: 'csat' | 'nps', counts: readonly ScoreCount[]): FormulaResult => {
  if (what === 'csat') return csatFromCounts(counts);
  const n = npsFromCounts(counts);
  return { value: n.value, numerator: n.promoters - n.detractors, denominator: n.n };
};

/** Element means (0–100) and answer counts, per bucket. */
async function elementMeans(db: Db, o: { orgUnitId: string; from: string; to: string; slice: IndicatorSlice; bucket?: Grain }): Promise<Map<string, { element: string; mean: number; n: number }[]>> {
  const local = sql`(i.created_at AT TIME ZONE ${ORG_TIME_ZONE})`;
  const sliced = sliceConditions('t', o.slice);
  const bucket = o.bucket ? sql`to_char(date_trunc(${o.bucket}, ${local}), 'YYYY-MM-DD')` : sql`''`;
  const rows = rowsOf<{ b: string; element_id: string; mean: string | number; n: number }>(
    await db.execute(sql`
      SELECT ${bucket} AS b, i.element_id, avg(CASE WHEN i.type = 'nps' THEN i.score * 10.0 ELSE (i.score - 1) * 25.0 END) AS mean, count(*)::int AS n
      FROM survey_response_items i
      ${sliced.length ? sql`JOIN survey_responses r ON r.id = i.response_id JOIN tickets t ON t.id = r.ticket_id` : sql``}
      WHERE i.element_id IS NOT NULL AND i.score IS NOT NULL AND ${inSubtreeAndPeriod('i', { unitId: o.orgUnitId, from: o.from, to: o.to })}
        ${sliced.length ? sql`AND ${sql.join(sliced, sql` AND `)}` : sql``}
      GROUP BY 1, 2`),
  );
  const out = new Map<string, { element: string; mean: number; n: number }[]>();
  for (const r of rows) (out.get(r.b) ?? out.set(r.b, []).get(r.b)!).push({ element: r.element_id, mean: Number(r.mean), n: Number(r.n) });
  return out;
}

async function elementWeights(db: Db): Promise<Map<string, number>> {
  return new Map(rowsOf<{ element_id: string; weight: string | number }>(await db.execute(sql`SELECT element_id, weight FROM survey_element_weights`)).map((w) => [w.element_id, Number(w.weight)]));
}

const indexOf = (elements: readonly { element: string; mean: number; n: number }[], weights: Map<string, number>): FormulaResult => {
  const idx = satisfactionIndex(
    elements.map((e) => ({ key: e.element, mean: e.mean, scale: { min: 0, max: 100 } })),
    Object.fromEntries(elements.map((e) => [e.element, weights.get(e.element) ?? 1])),
  );
  return { value: idx.value, numerator: null, denominator: elements.reduce((a, e) => a + e.n, 0) };
};

export async function surveyFigure(db: Db, what: SurveyWhat, o: { orgUnitId: string; from: string; to: string; slice: IndicatorSlice }): Promise<FormulaResult> {
  if (what === 'sat_index') {
    const [means, weights] = await Promise.all([elementMeans(db, o), elementWeights(db)]);
    return indexOf(means.get('') ?? [], weights);
  }
  return figure(what, (await scoreCounts(db, what, o)).get('') ?? []);
}

/** Per day, ISO week or month (keyed by the bucket's first day). */
export async function surveyFiguresByBucket(db: Db, what: SurveyWhat, o: { orgUnitId: string; from: string; to: string; slice: IndicatorSlice; bucket: Grain }): Promise<(bucket: string) => FormulaResult> {
  if (what === 'sat_index') {
    const [means, weights] = await Promise.all([elementMeans(db, o), elementWeights(db)]);
    return (b) => indexOf(means.get(b) ?? [], weights);
  }
  const counts = await scoreCounts(db, what, o);
  return (b) => figure(what, counts.get(b) ?? []);
}
