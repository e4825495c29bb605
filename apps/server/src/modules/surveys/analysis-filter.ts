import { sql, type SQL } from 'drizzle-orm';
import type { Db } from '../../db/client.js';
import { badRequest, notFound } from '../../lib/errors.js';
import { orgSubtreeCondition } from '../../lib/scope.js';
import type { Principal } from '../auth/principal.js';
import { ORG_TIME_ZONE } from '../indicators/ticket-facts.js';
import { loadOrgUnitInScope } from '../org/org-scope.js';
import { findSurveySummary } from './surveys.repo.js';

/**
 * The filter every satisfaction figure shares: one survey's answers in an org unit's subtree and a
 * period of calendar days in the organisation's time zone. Used by the analysis, its trend,
 * breakdowns and comments, and by the satisfaction indicators.
 */

/** A survey, an org unit (with its subtree) the caller may see, and days YYYY-MM-DD inclusive. */
export type AnalysisScope = { surveyId: string; unit: { id: string; path: string[] }; from: string; to: string };

/**
 * `col` within days `from`..`to` (inclusive) in the organisation's time zone. The days are turned
 * into instants once, so the comparison runs on the column itself and its (…, created_at) indexes
 * serve it — `(col AT TIME ZONE …)::date` would read every row of the survey instead.
 */
export function createdWithin(col: SQL, from: string, to: string): SQL {
  return sql`${col} >= (${from}::date::timestamp AT TIME ZONE ${ORG_TIME_ZONE}) AND ${col} < ((${to}::date + 1)::timestamp AT TIME ZONE ${ORG_TIME_ZONE})`;
}

/** Rows of table alias `a` (survey_id, org_unit_id, created_at) in the survey, the subtree and the period. */
export function inAnalysisScope(a: string, s: { surveyId: string; unitId: string; from: string; to: string }): SQL {
  return sql`${sql.raw(`${a}.survey_id`)} = ${s.surveyId} AND ${inSubtreeAndPeriod(a, s)}`;
}

/** Rows of table alias `a` (org_unit_id, created_at) in the subtree and the period, whatever the survey. */
export function inSubtreeAndPeriod(a: string, s: { unitId: string; from: string; to: string }): SQL {
  return sql`${orgSubtreeCondition(s.unitId, sql.raw(`${a}.org_unit_id`))} AND ${createdWithin(sql.raw(`${a}.created_at`), s.from, s.to)}`;
}

/**
 * Rows of a daily tally (alias `a`: survey_day_scores, survey_day_items — survey_id, org_unit_id
 * and day, already a calendar day in the organisation's time zone) in the survey, the subtree and
 * the period.
 */
export function inDayScope(a: string, s: { surveyId: string; unitId: string; from: string; to: string }): SQL {
  const col = (c: string) => sql.raw(`${a}.${c}`);
  return sql`${col('survey_id')} = ${s.surveyId} AND ${col('day')} BETWEEN ${s.from}::date AND ${s.to}::date AND ${orgSubtreeCondition(s.unitId, col('org_unit_id'))}`;
}

/**
 * What an analysis request reads, checked: the period in order, the survey known, the org unit (by
 * default the caller's own) within the caller's scope — one outside it is "not found", like one
 * that does not exist.
 */
export async function analysisScope(db: Db, p: Principal, q: { survey: string; orgUnit?: string | undefined; from: string; to: string }): Promise<AnalysisScope> {
  if (q.from > q.to) throw badRequest('the period ends before it starts', [{ path: 'querystring.to', message: 'must not be before from' }]);
  if (!(await findSurveySummary(db, q.survey))) throw notFound('survey');
  const unit = await loadOrgUnitInScope(db, p, q.orgUnit ?? p.orgUnitId);
  return { surveyId: q.survey, unit: { id: unit.id, path: unit.path }, from: q.from, to: q.to };
}
