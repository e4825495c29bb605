import { sql, type SQL } from 'drizzle-orm';
import { SCORE_BAND_RANGES, type ScoreBand } from '@qloop/contracts';
import { rowsOf, type Db } from '../../db/client.js';
import { orgSubtreeCondition } from '../../lib/scope.js';
import type { AnalysisScope } from './analysis-filter.js';
import { commentConditions, type CommentFilters } from './comment-filters.js';
import { normalizeKeyword } from './comment-keywords.js';

/**
 * Keyword and comment counts over a period, read from the monthly tallies (survey_month_keywords,
 * migration 0029) for the period's whole months and from the comments themselves for the days
 * before and after them. Filters the tallies do not hold (channel, CSAT) read the comments for the
 * whole period.
 */

type Day = string; // YYYY-MM-DD

const addMonths = (month: Day, n: number): Day => {
  const d = new Date(`${month.slice(0, 7)}-01T00:00:00Z`);
  d.setUTCMonth(d.getUTCMonth() + n);
  return d.toISOString().slice(0, 10);
};
const addDays = (day: Day, n: number): Day => new Date(Date.parse(`${day}T00:00:00Z`) + n * 86_400_000).toISOString().slice(0, 10);

/** The whole calendar months within [from, to] (first days of the first and last), and the days outside them. Pure. */
export function splitByWholeMonths(from: Day, to: Day): { months: { first: Day; last: Day } | null; edges: { from: Day; to: Day }[] } {
  const first = from.endsWith('-01') ? `${from.slice(0, 7)}-01` : addMonths(from, 1);
  const last = addDays(to, 1).endsWith('-01') ? `${to.slice(0, 7)}-01` : addMonths(to, -1);
  if (first > last) return { months: null, edges: [{ from, to }] };
  const edges: { from: Day; to: Day }[] = [];
  if (from < first) edges.push({ from, to: addDays(first, -1) });
  const after = addMonths(last, 1);
  if (after <= to) edges.push({ from: after, to });
  return { months: { first, last }, edges };
}

/** Whether the monthly tallies hold what these filters ask (they know the keyword and the NPS band, not channel or CSAT). */
const tallied = (f: CommentFilters) => f.channel === undefined && f.csatMax === undefined;

// the tallies' band columns use the same ranges (migration 0029)
const DETRACTOR = SCORE_BAND_RANGES.detractor;
const BAND_COLUMN: Record<ScoreBand, SQL> = { detractor: sql`m.detractors`, passive: sql`m.passives`, promoter: sql`m.promoters` };

/**
 * Rows (k, n, d, a) to be summed per keyword k — n comments, d of them from NPS detractors, a with
 * an NPS answer — where k = '' counts the comments themselves. Within the scope and the filters;
 * with a keyword filter only the comments holding it are read (so k = '' and k = the keyword count
 * the same comments).
 */
export function keywordCountRows(scope: AnalysisScope, filters: CommentFilters): SQL {
  const split = tallied(filters) ? splitByWholeMonths(scope.from, scope.to) : { months: null, edges: [{ from: scope.from, to: scope.to }] };
  const parts: SQL[] = split.edges.map((e) => sql`
    SELECT k, 1 AS n, (c.nps BETWEEN ${DETRACTOR.min} AND ${DETRACTOR.max})::int AS d, (c.nps IS NOT NULL)::int AS a
    FROM survey_comments c CROSS JOIN LATERAL (SELECT '' AS k UNION ALL SELECT unnest(c.keywords)) AS w
    WHERE ${commentConditions({ ...scope, from: e.from, to: e.to }, filters)}`);
  if (split.months) {
    const band = filters.band;
    const n = band ? BAND_COLUMN[band] : sql`m.n`;
    const d = band ? (band === 'detractor' ? sql`m.detractors` : sql`0`) : sql`m.detractors`;
    const a = band ? BAND_COLUMN[band] : sql`m.detractors + m.passives + m.promoters`;
    parts.push(sql`
      SELECT m.keyword AS k, ${n} AS n, ${d} AS d, ${a} AS a
      FROM survey_month_keywords m
      WHERE m.survey_id = ${scope.surveyId} AND m.month BETWEEN ${split.months.first}::date AND ${split.months.last}::date
        AND ${orgSubtreeCondition(scope.unit.id, sql`m.org_unit_id`)}${filters.keyword ? sql` AND m.keyword = ${normalizeKeyword(filters.keyword)}` : sql``}`);
  }
  return sql.join(parts, sql` UNION ALL `);
}

/** How many comments are in the scope and the filters (the comment list's total). */
export async function commentCount(db: Db, scope: AnalysisScope, filters: CommentFilters): Promise<number> {
  const target = filters.keyword ? normalizeKeyword(filters.keyword) : '';
  const [row] = rowsOf<{ n: number | null }>(
    await db.execute(sql`SELECT sum(n)::int AS n FROM (${keywordCountRows(scope, filters)}) AS counted WHERE k = ${target}`),
  );
  return Number(row?.n ?? 0);
}
