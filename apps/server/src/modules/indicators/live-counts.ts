import { sql } from 'drizzle-orm';
import { OPEN_STATES, type IndicatorSlice } from '@qloop/contracts';
import { rowsOf, type Db } from '../../db/client.js';
import { orgSubtreeCondition } from '../../lib/scope.js';
import { inList, sliceConditions } from './measure-filter-sql.js';
import type { RollupColumn, RollupColumnSums } from './rollup-sums.js';
import { ORG_TIME_ZONE } from './ticket-facts.js';

/**
 * Counts of open tickets, from the tickets themselves (they are not kept per day): the backlog at
 * the end of `to` (taken by then, not closed by then, neither cancelled nor merged), or the overdue
 * backlog now (open, past a running deadline). Optionally grouped by the rollup key columns, so a
 * league table of backlogs is one scan, not one per unit.
 */
export async function liveCounts(
  db: Db, what: 'backlog' | 'overdue_backlog', o: { orgUnitId: string; to: string; slice: IndicatorSlice; groupBy?: readonly RollupColumn[] },
): Promise<RollupColumnSums[]> {
  const cols = [...(o.groupBy ?? [])];
  const scope = sql.join([orgSubtreeCondition(o.orgUnitId, sql`t.org_unit_id`), ...sliceConditions('t', o.slice)], sql` AND `);
  const end = sql`((${o.to}::date + 1)::timestamp AT TIME ZONE ${ORG_TIME_ZONE})`;
  const which =
    what === 'backlog'
      ? sql`t.created_at < ${end} AND (t.closed_at IS NULL OR t.closed_at >= ${end}) AND t.state <> 'cancelled' AND t.merged_into IS NULL`
      : sql`t.state IN (${inList(OPEN_STATES)}) AND t.next_deadline < ${new Date().toISOString()}::timestamptz`;
  const keys = cols.map((c) => `t.${c} AS ${c}, `).join('');
  const groupBy = cols.length ? ` GROUP BY ${cols.map((_, i) => i + 1).join(', ')}` : '';
  const rows = rowsOf<Record<string, string | number>>(
    await db.execute(sql`SELECT ${sql.raw(keys)}count(*)::int AS n FROM tickets t WHERE ${scope} AND ${which}${sql.raw(groupBy)}`),
  );
  return rows.map((r) => ({ keys: Object.fromEntries(cols.map((c) => [c, String(r[c])])), sums: [Number(r.n)] }));
}

export async function liveCount(db: Db, what: 'backlog' | 'overdue_backlog', orgUnitId: string, to: string, slice: IndicatorSlice): Promise<number> {
  const [row] = await liveCounts(db, what, { orgUnitId, to, slice });
  return row?.sums[0] ?? 0;
}
