import { sql } from 'drizzle-orm';
import type { Warning } from '@qloop/contracts';
import { rowsOf, type Db } from '../../db/client.js';
import type { Principal } from '../auth/principal.js';
import { loadIndicator } from '../indicators/indicator-catalog.js';
import { inList } from '../indicators/measure-filter-sql.js';
import { traceIndicator } from '../indicators/trace-indicator.js';
import { ticketScopeCondition } from '../tickets/tickets.repo.js';
import { orgSubtreeCondition } from '../../lib/scope.js';
import { addDays, dayStart } from './finding.js';

type Paging = { page: number; pageSize: number };
type Ids = { ticketIds: string[]; total: number };

/**
 * The tickets behind a warning, newest first, within the caller's ticket scope:
 * - batch and group complaints: the tickets recorded when it was raised and merged;
 * - threshold and rise: the numerator of its indicator over the evidence's window for its unit —
 *   the same list the dashboard's drill-down shows, so the warning and the figure agree;
 * - hot topic: the window's complaints of the unit's subtree whose words include the term.
 */
export async function warningTicketIds(db: Db, p: Principal, w: Warning, pg: Paging): Promise<Ids> {
  const ev = w.evidence;
  const scope = ticketScopeCondition(p) ?? sql`true`;
  const page = sql`ORDER BY tickets.created_at DESC, tickets.id LIMIT ${pg.pageSize} OFFSET ${(pg.page - 1) * pg.pageSize}`;
  if (ev.kind === 'threshold' || ev.kind === 'rise') {
    const ind = await loadIndicator(db, ev.indicatorKey);
    if (!ind) return { ticketIds: [], total: 0 };
    return traceIndicator(db, ind, { orgUnitId: w.orgUnitId, from: ev.from, to: ev.to, part: 'numerator', ...pg });
  }
  if (ev.kind === 'hot_topic') {
    const rule = rowsOf<{ types: string[] }>(await db.execute(sql`SELECT params->'types' AS types FROM warning_rules WHERE id = ${w.ruleId}`))[0];
    return idsOf(
      db,
      // the scope condition names the tickets table itself, so no alias here
      sql`SELECT tickets.id, count(*) OVER ()::int AS total FROM tickets
        WHERE ${orgSubtreeCondition(w.orgUnitId, sql`tickets.org_unit_id`)} AND ${scope}
          AND tickets.created_at >= ${dayStart(ev.from)} AND tickets.created_at < ${dayStart(addDays(ev.to, 1))}
          AND tickets.type IN (${inList(rule?.types ?? ['complaint'])}) AND tickets.state <> 'cancelled' AND tickets.merged_into IS NULL
          AND string_to_array(tickets.search_text, ' ') @> ARRAY[${ev.term}]::text[] ${page}`,
    );
  }
  return idsOf(db, sql`SELECT tickets.id, count(*) OVER ()::int AS total FROM warning_tickets wt JOIN tickets ON tickets.id = wt.ticket_id WHERE wt.warning_id = ${w.id} AND ${scope} ${page}`);
}

async function idsOf(db: Db, q: ReturnType<typeof sql>): Promise<Ids> {
  const rows = rowsOf<{ id: string; total: number }>(await db.execute(q));
  return { ticketIds: rows.map((r) => r.id), total: Number(rows[0]?.total ?? 0) };
}
