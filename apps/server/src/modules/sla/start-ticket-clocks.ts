import { eq, type SQL } from 'drizzle-orm';
import type { Db } from '../../db/client.js';
import { slaPolicies } from '../../db/schema/index.js';
import { INTAKE_KINDS, matchPolicy, type SlaSubject } from './match-policy.js';
import { calendarOf, nextDeadlineOf, startClock, type Clock } from './sla-clock.js';
import { forMatching, insertClocksStatement, loadClockWriteContext, setNextDeadlines } from './sla.repo.js';
import { writeTogether } from '../../db/insert-rows.js';

/** A ticket just accepted, with what policies look at and the instant it was taken. */
export type NewTicketForSla = SlaSubject & { ticketId: string; at: Date };

/**
 * The first-response and resolution clocks of tickets about to be accepted, set-based: policies
 * and calendars are read once for the batch. Returns each ticket's next deadline, for the ticket
 * row itself (setting it by an UPDATE after the insert wrote every ticket twice, with all its
 * index entries), and the write of the clocks, a statement to send with the tickets' own
 * (`writeTogether`) or after them. Runs inside the intake transaction. A ticket no policy
 * matches, or whose policy sets neither target, gets no clocks.
 */
export async function planTicketClocks(
  tx: Db,
  batch: readonly NewTicketForSla[],
): Promise<{ nextDeadlines: Map<string, Date | null>; statement: SQL | null }> {
  const nextDeadlines = new Map<string, Date | null>();
  const nothing = { nextDeadlines, statement: null };
  if (!batch.length) return nothing;
  const active = await tx.select().from(slaPolicies).where(eq(slaPolicies.active, true));
  if (!active.length) return nothing;
  const policies = active.map(forMatching);
  // only active policies' clocks are written here: their alert settings are those just read
  const ctx = await loadClockWriteContext(tx, new Date(), active);
  const { calendars } = ctx;
  const clocks: (Clock & { ticketId: string })[] = [];
  for (const t of batch) {
    const p = matchPolicy(policies, t);
    if (!p) continue;
    const calendar = calendarOf(calendars, p.calendarKey);
    const mine = INTAKE_KINDS.flatMap((kind) => {
      const target = p.targets[kind];
      return target === null ? [] : [startClock({ kind, cycle: 1, policyId: p.id, calendar, targetMinutes: target }, t.at)];
    });
    clocks.push(...mine.map((c) => ({ ...c, ticketId: t.ticketId })));
    if (mine.length) nextDeadlines.set(t.ticketId, nextDeadlineOf(mine));
  }
  return { nextDeadlines, statement: insertClocksStatement(tx, clocks, ctx) };
}

/** Starts the clocks of tickets already stored (the demo seed) and sets their next deadlines. */
export async function startTicketClocks(tx: Db, batch: readonly NewTicketForSla[]): Promise<void> {
  const plan = await planTicketClocks(tx, batch);
  await writeTogether(tx, [plan.statement]);
  await setNextDeadlines(tx, [...plan.nextDeadlines].map(([ticketId, deadline]) => ({ ticketId, deadline })));
}
