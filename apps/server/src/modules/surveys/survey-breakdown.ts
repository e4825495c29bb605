import { sql, type SQL } from 'drizzle-orm';
import type { SurveyBreakdownDimension, SurveyBreakdown, SurveyBreakdownQuery, SurveyBreakdownRow } from '@qloop/contracts';
import { rowsOf, type Db } from '../../db/client.js';
import { childUnder } from '../indicators/breakdown-cells.js';
import { inAnalysisScope, inDayScope, type AnalysisScope } from './analysis-filter.js';
import { csatFromCounts } from './analysis/csat.js';
import { npsFromCounts } from './analysis/nps.js';
import type { ScoreCount } from './analysis/score-counts.js';
import { isSmall } from './survey-trend.js';

type Sort = NonNullable<SurveyBreakdownQuery['sort']>;
type Counted = { key: string | null; csat: number | null; nps: number | null; n: number };
/** A row's answers and its CSAT and NPS tallies (score → answers). */
export type Tally = { responses: number; csat: Map<number, number>; nps: Map<number, number> };
export const emptyTally = (): Tally => ({ responses: 0, csat: new Map(), nps: new Map() });
const add = (m: Map<number, number>, score: number, n: number) => m.set(score, (m.get(score) ?? 0) + n);

/** Adds a daily-tally row (answers, or answers with a CSAT or NPS score) to a tally. */
function addTallied(t: Tally, r: { kind: 'all' | 'csat' | 'nps'; score: number; n: number }) {
  if (r.kind === 'all') t.responses += Number(r.n);
  else add(t[r.kind], Number(r.score), Number(r.n));
}

/** Adds grouped answers (one row per CSAT × NPS) to a tally. */
export function tallyAnswers(t: Tally, rows: readonly { csat: number | null; nps: number | null; n: number }[]): Tally {
  for (const r of rows) {
    t.responses += Number(r.n);
    if (r.csat !== null) add(t.csat, Number(r.csat), Number(r.n));
    if (r.nps !== null) add(t.nps, Number(r.nps), Number(r.n));
  }
  return t;
}
type Named = { name: string | null; nameEn: string | null };

/** What each ticket-side dimension groups the answers by, and the joins it needs (answers without a ticket keep a null key). */
const KEY: Record<Exclude<SurveyBreakdownDimension, 'orgUnit' | 'channel'>, (level: number) => { key: SQL; joins: SQL }> = {
  // the ticket's category at the level asked; a category above that level stands for itself
  category: (level) => ({
    key: sql`c.path[LEAST(${level}::int, array_length(c.path, 1))]::text`,
    joins: sql`LEFT JOIN tickets t ON t.id = r.ticket_id LEFT JOIN categories c ON c.id = t.category_id`,
  }),
  staff: () => ({ key: sql`COALESCE(r.staff_user_id, t.assignee_id)::text`, joins: sql`LEFT JOIN tickets t ON t.id = r.ticket_id` }),
};

/** One row's figures from its tally. Pure. */
export function breakdownRow(key: string | null, names: Named, t: Tally): SurveyBreakdownRow {
  const counts = (m: Map<number, number>) => [...m].map(([score, count]): ScoreCount => ({ score, count }));
  const csat = csatFromCounts(counts(t.csat));
  const nps = npsFromCounts(counts(t.nps));
  return { key, ...names, responses: t.responses, csat: { ...csat, small: isSmall(csat.denominator) }, nps: { ...nps, small: isSmall(nps.n) }, small: isSmall(t.responses) };
}

/** Rows in the order asked; a figure-less row (no answers, no CSAT) sorts last either way, then by answers and name. Pure. */
export function sortBreakdown(rows: readonly SurveyBreakdownRow[], sort: Sort, locale = 'zh-CN'): SurveyBreakdownRow[] {
  const desc = sort.startsWith('-');
  const field = sort.replace(/^-/, '') as 'responses' | 'csat' | 'nps' | 'name';
  const value = (r: SurveyBreakdownRow) => (field === 'responses' ? r.responses : field === 'csat' ? r.csat.value : field === 'nps' ? r.nps.value : null);
  const name = (r: SurveyBreakdownRow) => r.name ?? r.key ?? '';
  return [...rows].sort((a, b) => {
    if (field === 'name') {
      // the row without a key ("no ticket", "nobody assigned") stays at the end
      if ((a.key === null) !== (b.key === null)) return a.key === null ? 1 : -1;
      return (desc ? -1 : 1) * name(a).localeCompare(name(b), locale);
    }
    const x = value(a);
    const y = value(b);
    if ((x === null) !== (y === null)) return x === null ? 1 : -1;
    const byValue = x === null || y === null ? 0 : desc ? y - x : x - y;
    // ties: more answers first, then the keyless row last, then by name
    return byValue || b.responses - a.responses || Number(a.key === null) - Number(b.key === null) || name(a).localeCompare(name(b), locale);
  });
}

/**
 * A survey's answers broken down by service channel, ticket category (level 1 or 2), the staff who
 * served, or child unit, in the analysis scope: answers, CSAT and NPS per row with their counts
 * and small-sample flags, sorted and paged. Child units and channels from the daily tallies;
 * category and staff in one grouped pass over the answers joined to their tickets (whose category
 * and assignee may change after the answer). Names from categories, users and org units.
 */
export async function surveyBreakdown(db: Db, o: { scope: AnalysisScope; by: SurveyBreakdownDimension; categoryLevel: number; sort: Sort; page: number; pageSize: number }): Promise<SurveyBreakdown> {
  const s = o.scope;
  const f = { surveyId: s.surveyId, unitId: s.unit.id, from: s.from, to: s.to };
  const groups = new Map<string | null, Tally>();
  const groupOf = (k: string | null) => groups.get(k) ?? groups.set(k, emptyTally()).get(k)!;
  const names = new Map<string, Named>();
  if (o.by === 'orgUnit') {
    // answers roll up to the child unit they lie under; every active child has a row, answered or not
    const [tallied, unitRows] = await Promise.all([
      db.execute(sql`SELECT d.org_unit_id, d.kind, d.score, sum(d.n)::int AS n FROM survey_day_scores d WHERE ${inDayScope('d', f)} GROUP BY 1, 2, 3`),
      db.execute(sql`SELECT id, path, parent_id, active, name, name_en FROM org_units WHERE path @> ARRAY[${s.unit.id}]::uuid[]`),
    ]);
    const units = rowsOf<{ id: string; path: string[]; parent_id: string | null; active: boolean; name: string; name_en: string | null }>(unitRows);
    const byId = new Map(units.map((u) => [u.id, u]));
    for (const u of units) {
      names.set(u.id, { name: u.name, nameEn: u.name_en });
      if (u.parent_id === s.unit.id && u.active) groupOf(u.id);
    }
    for (const r of rowsOf<{ org_unit_id: string; kind: 'all' | 'csat' | 'nps'; score: number; n: number }>(tallied)) {
      const child = childUnder(s.unit.path, byId.get(r.org_unit_id)?.path ?? []);
      if (!child) continue;
      addTallied(groupOf(child), r);
    }
  } else if (o.by === 'channel') {
    const tallied = await db.execute(sql`SELECT d.channel, d.kind, d.score, sum(d.n)::int AS n FROM survey_day_channels d WHERE ${inDayScope('d', f)} GROUP BY 1, 2, 3`);
    for (const r of rowsOf<{ channel: string; kind: 'all' | 'csat' | 'nps'; score: number; n: number }>(tallied)) addTallied(groupOf(r.channel), r);
  } else {
    const { key, joins } = KEY[o.by](o.categoryLevel);
    const counted = rowsOf<Counted>(
      await db.execute(sql`
        SELECT ${key} AS key, r.csat, r.nps, count(*)::int AS n FROM survey_responses r ${joins}
        WHERE ${inAnalysisScope('r', f)} GROUP BY 1, 2, 3`),
    );
    for (const r of counted) tallyAnswers(groupOf(r.key), [r]);
    const ids = [...groups.keys()].filter((k): k is string => k !== null);
    if (ids.length) {
      const list = sql.join(ids.map((id) => sql`${id}::uuid`), sql`, `);
      const rows = rowsOf<{ id: string; name: string; name_en: string | null }>(
        await db.execute(
          o.by === 'category'
            ? sql`SELECT id, name, name_en FROM categories WHERE id IN (${list})`
            : sql`SELECT id, display_name AS name, NULL AS name_en FROM users WHERE id IN (${list})`,
        ),
      );
      for (const r of rows) names.set(r.id, { name: r.name, nameEn: r.name_en });
    }
  }

  const rows = sortBreakdown(
    [...groups].map(([k, t]) => breakdownRow(k, (k && names.get(k)) || { name: null, nameEn: null }, t)),
    o.sort,
  );
  return { by: o.by, items: rows.slice((o.page - 1) * o.pageSize, o.page * o.pageSize), total: rows.length, page: o.page, pageSize: o.pageSize };
}
