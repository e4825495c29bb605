import { eq } from 'drizzle-orm';
import type { Db } from '../../db/client.js';
import { slaPolicies } from '../../db/schema/index.js';
import { INTAKE_KINDS, matchPolicy, type SlaSubject } from './match-policy.js';
import { calendarOf, nextDeadlineOf, startClock, type Clock } from './sla-clock.js';
import { forMatching, insertClocks, loadClockWriteContext, setNextDeadlines } from './sla.repo.js';

/** A ticket just accepted, with what policies look at and the instant it was taken. */
export type NewTicketForSla = SlaSubject & { ticketId: string; at: Date };

/**
 * Starts the first-response and resolution clocks of newly accepted tickets, set-based: policies
 * and calendars are read once for the batch, all clocks go in with one statement per 1,000, and the
 * tickets' next deadlines with one more. Runs inside the intake transaction. A ticket no policy
 * matches, or whose policy sets neither target, gets no clocks.
 */
export async function startTicketClocks(tx: Db, batch: readonly NewTicketForSla[]): Promise<void> {
  if (!batch.length) return;
  const policies = (await tx.select().from(slaPolicies).where(eq(slaPolicies.active, true))).map(forMatching);
  if (!policies.length) return;
  const ctx = await loadClockWriteContext(tx);
  const { calendars } = ctx;
  const clocks: (Clock & { ticketId: string })[] = [];
  const next: { ticketId: string; deadline: Date | null }[] = [];
  for (const t of batch) {
    const p = matchPolicy(policies, t);
    if (!p) continue;
    const calendar = calendarOf(calendars, p.calendarKey);
    const mine = INTAKE_KINDS.flatMap((kind) => {
      const target = p.targets[kind];
      return target === null ? [] : [startClock({ kind, cycle: 1, policyId: p.id, calendar, targetMinutes: target }, t.at)];
    });
    clocks.push(...mine.map((c) => ({ ...c, ticketId: t.ticketId })));
    if (mine.length) next.push({ ticketId: t.ticketId, deadline: nextDeadlineOf(mine) });
  }
  await insertClocks(tx, clocks, ctx);
  await setNextDeadlines(tx, next);
}
