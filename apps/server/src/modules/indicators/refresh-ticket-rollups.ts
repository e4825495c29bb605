import { sql } from 'drizzle-orm';
import { HISTOGRAM_COLUMNS, isHistogramColumn, TICKET_MEASURES, type RollupMeasure } from '@qloop/contracts';
import { rowsOf, type Db } from '../../db/client.js';
import { sumContributions, ticketFacts, type ClockFact, type Contribution, type TicketForFacts } from './ticket-facts.js';

const uuidList = (ids: readonly string[]) => sql.join(ids.map((id) => sql`${id}::uuid`), sql`, `);

/** Advisory lock id: one refresher at a time across server instances. */
const REFRESH_LOCK = 7_461_016;

type FactRow = {
  id: string; org_unit_id: string; type: string; channel: string; category_id: string; state: string;
  created_at: string | Date; closed_at: string | Date | null; escalated: boolean; regulator_appeal: boolean;
  repeat_of: string | null; merged_into: string | null; outcome: string | null; follow_up_result: string | null;
  transfer_count: number; reopen_count: number;
  fr: { status: ClockFact['status']; elapsed: number; breach: boolean } | null;
  res_first: { status: ClockFact['status']; elapsed: number; breach: boolean } | null;
  res_last: { status: ClockFact['status']; elapsed: number; breach: boolean } | null;
  followed: boolean;
};

const clockFact = (c: FactRow['fr']): ClockFact | null => (c ? { status: c.status, elapsedMinutes: Number(c.elapsed), breachFired: !!c.breach } : null);
const date = (v: string | Date) => (v instanceof Date ? v : new Date(v));

/** The tickets as facts read them, with their clocks and whether the customer came back with the same issue. */
export async function loadTicketsForFacts(db: Db, ids: readonly string[]): Promise<TicketForFacts[]> {
  if (!ids.length) return [];
  const clock = (kind: string, order: 'ASC' | 'DESC') => sql.raw(`(SELECT jsonb_build_object('status', c.status, 'elapsed', c.elapsed_minutes, 'breach', 'breach' = ANY(c.alerts_done))
      FROM ticket_clocks c WHERE c.ticket_id = t.id AND c.kind = '${kind}' ORDER BY c.cycle ${order} LIMIT 1)`);
  const rows = rowsOf<FactRow>(
    await db.execute(sql`
      SELECT t.id, t.org_unit_id, t.type, t.channel, t.category_id, t.state, t.created_at, t.closed_at, t.escalated, t.regulator_appeal,
             t.repeat_of, t.merged_into, t.outcome, t.follow_up_result, t.transfer_count, t.reopen_count,
             ${clock('first_response', 'ASC')} AS fr, ${clock('resolution', 'ASC')} AS res_first, ${clock('resolution', 'DESC')} AS res_last,
             (t.closed_at IS NOT NULL AND EXISTS (
               SELECT 1 FROM tickets n WHERE n.customer_id = t.customer_id AND n.category_l2_id = t.category_l2_id AND n.id <> t.id
                 AND n.merged_into IS NULL AND n.created_at > t.closed_at AND n.created_at <= t.closed_at + interval '7 days')) AS followed
      FROM tickets t WHERE t.id IN (${uuidList(ids)})`),
  );
  return rows.map((r) => ({
    id: r.id, orgUnitId: r.org_unit_id, type: r.type, channel: r.channel, categoryId: r.category_id, state: r.state,
    createdAt: date(r.created_at), closedAt: r.closed_at ? date(r.closed_at) : null, escalated: r.escalated, regulatorAppeal: r.regulator_appeal,
    repeatOf: r.repeat_of, mergedInto: r.merged_into, outcome: r.outcome, followUpResult: r.follow_up_result,
    transferCount: Number(r.transfer_count), reopenCount: Number(r.reopen_count),
    firstResponse: clockFact(r.fr), firstResolution: clockFact(r.res_first), lastResolution: clockFact(r.res_last), followedBySameIssue: !!r.followed,
  }));
}

/**
 * Earlier tickets whose first-contact-resolution depends on these: the same customer's tickets of
 * the same level-2 category closed in the 7 days before one of these was taken.
 */
async function dependants(db: Db, ids: readonly string[]): Promise<string[]> {
  if (!ids.length) return [];
  const rows = rowsOf<{ id: string }>(
    await db.execute(sql`
      SELECT DISTINCT p.id FROM tickets t JOIN tickets p ON p.customer_id = t.customer_id AND p.category_l2_id = t.category_l2_id AND p.id <> t.id
      WHERE t.id IN (${uuidList(ids)})
        AND p.closed_at >= t.created_at - interval '7 days' AND p.closed_at < t.created_at`),
  );
  return rows.map((r) => r.id);
}


/** The same contributions summed per month (the day of each is its month's first day). */
export const byMonth = (cs: readonly Contribution[]): Contribution[] => [...sumContributions(cs.map((c) => ({ ...c, day: `${c.day.slice(0, 7)}-01` }))).values()];

/** The rollup tables and the columns each sums: measures, and duration histograms (see migration 0021). */
const TABLES = {
  ticket_rollups: TICKET_MEASURES,
  ticket_rollups_month: TICKET_MEASURES,
  ticket_duration_rollups: HISTOGRAM_COLUMNS,
  ticket_duration_rollups_month: HISTOGRAM_COLUMNS,
} as const;
type RollupTable = keyof typeof TABLES;

/** Adds `delta` (per rollup key) to the rows of a rollup table, creating them as needed. */
async function addToTable(tx: Db, table: RollupTable, delta: readonly Contribution[]) {
  const columns: readonly string[] = TABLES[table];
  // only the non-zero values travel (most columns are zero for any one key)
  const data = delta.map((c) => ({ day: c.day, org_unit_id: c.orgUnitId, type: c.type, channel: c.channel, category_id: c.categoryId, ...c.measures }));
  const names = sql.raw(columns.join(', '));
  const cols = columns.map((m) => `${m} bigint`).join(', ');
  const values = sql.raw(columns.map((m) => `coalesce(${m}, 0)`).join(', '));
  const sets = columns.map((m) => `${m} = ${table}.${m} + excluded.${m}`).join(', ');
  for (let i = 0; i < data.length; i += 1000) {
    await tx.execute(sql`
      INSERT INTO ${sql.raw(table)} (day, org_unit_id, type, channel, category_id, ${names})
      SELECT day, org_unit_id, type, channel, category_id, ${values}
      FROM jsonb_to_recordset(${JSON.stringify(data.slice(i, i + 1000))}::jsonb)
        AS v(day date, org_unit_id uuid, type text, channel text, category_id uuid, ${sql.raw(cols)})
      ON CONFLICT (day, org_unit_id, type, channel, category_id) DO UPDATE SET ${sql.raw(sets)}`);
  }
}

/** The part of each contribution that `keep` selects; keys left with nothing are dropped. */
const partOf = (cs: readonly Contribution[], keep: (m: string) => boolean): Contribution[] =>
  cs.flatMap((c) => {
    const measures = Object.fromEntries(Object.entries(c.measures).filter(([m, v]) => keep(m) && v !== 0));
    return Object.keys(measures).length ? [{ ...c, measures }] : [];
  });

/**
 * Applies a delta to the day rollups and, summed per month, to the month rollups; its histogram
 * counts to the duration rollups likewise. One transaction: the tables never disagree.
 */
async function applyDelta(tx: Db, delta: readonly Contribution[]) {
  const measures = partOf(delta, (m) => !isHistogramColumn(m));
  const durations = partOf(delta, isHistogramColumn);
  await addToTable(tx, 'ticket_rollups', measures);
  await addToTable(tx, 'ticket_rollups_month', byMonth(measures));
  if (durations.length) {
    await addToTable(tx, 'ticket_duration_rollups', durations);
    await addToTable(tx, 'ticket_duration_rollups_month', byMonth(durations));
  }
}

/** New minus old, by rollup key; keys whose every measure nets to zero are left out. */
export function contributionDelta(oldCs: readonly Contribution[], newCs: readonly Contribution[]): Contribution[] {
  const negated = oldCs.map((c) => ({ ...c, measures: Object.fromEntries(Object.entries(c.measures).map(([m, v]) => [m, -(v as number)])) }));
  return [...sumContributions([...negated, ...newCs]).values()].filter((c) => Object.values(c.measures).some((v) => v !== 0));
}

/**
 * Brings the rollups up to date with the tickets marked dirty: in batches, each in one transaction
 * under an advisory lock (a second instance finds it taken and leaves the work to the first). Each
 * ticket's contributions are recomputed from its current state and only the difference to what it
 * had contributed is applied, so the rollups always equal a recomputation from scratch.
 */
export async function refreshTicketRollups(db: Db, opts: { batchSize?: number; maxBatches?: number } = {}): Promise<{ tickets: number; batches: number; busy: boolean }> {
  const batchSize = opts.batchSize ?? 2000;
  let tickets = 0;
  let batches = 0;
  for (let i = 0; i < (opts.maxBatches ?? 50); i++) {
    const r = await db.transaction(async (tx) => {
      const [lock] = rowsOf<{ ok: boolean }>(await tx.execute(sql`SELECT pg_try_advisory_xact_lock(${REFRESH_LOCK}) AS ok`));
      if (!lock?.ok) return null;
      const claimed = rowsOf<{ ticket_id: string }>(
        await tx.execute(sql`
          DELETE FROM ticket_rollup_dirty WHERE ticket_id IN (SELECT ticket_id FROM ticket_rollup_dirty ORDER BY marked_at LIMIT ${batchSize})
          RETURNING ticket_id`),
      ).map((x) => x.ticket_id);
      if (!claimed.length) return 0;
      const ids = [...new Set([...claimed, ...(await dependants(tx, claimed))])];
      // each ticket's contributions, computed once: summed into the delta and stored for next time
      const perTicket = (await loadTicketsForFacts(tx, ids)).map((t) => ({ id: t.id, cs: ticketFacts(t) }));
      const newCs = perTicket.flatMap((t) => t.cs);
      const old = rowsOf<{ day: string | Date; org_unit_id: string; type: string; channel: string; category_id: string; measures: Partial<Record<RollupMeasure, number>> }>(
        await tx.execute(sql`SELECT day::text AS day, org_unit_id, type, channel, category_id, measures FROM ticket_rollup_contributions
          WHERE ticket_id IN (${uuidList(ids)})`),
      ).map((o) => ({ day: String(o.day).slice(0, 10), orgUnitId: o.org_unit_id, type: o.type, channel: o.channel, categoryId: o.category_id, measures: o.measures }));
      await applyDelta(tx, contributionDelta(old, newCs));
      await tx.execute(sql`DELETE FROM ticket_rollup_contributions WHERE ticket_id IN (${uuidList(ids)})`);
      const rows = perTicket.flatMap((t) => t.cs.map((c) => ({ ticket_id: t.id, day: c.day, org_unit_id: c.orgUnitId, type: c.type, channel: c.channel, category_id: c.categoryId, measures: c.measures })));
      for (let k = 0; k < rows.length; k += 1000) {
        await tx.execute(sql`
          INSERT INTO ticket_rollup_contributions (ticket_id, day, org_unit_id, type, channel, category_id, measures)
          SELECT ticket_id, day, org_unit_id, type, channel, category_id, measures
          FROM jsonb_to_recordset(${JSON.stringify(rows.slice(k, k + 1000))}::jsonb)
            AS v(ticket_id uuid, day date, org_unit_id uuid, type text, channel text, category_id uuid, measures jsonb)`);
      }
      return claimed.length;
    });
    if (r === null) return { tickets, batches, busy: true };
    // only batches that refreshed something count: a caller looping `while (batches > 0)` must stop
    if (r === 0) break;
    batches++;
    tickets += r;
    if (r < batchSize) break;
  }
  return { tickets, batches, busy: false };
}

