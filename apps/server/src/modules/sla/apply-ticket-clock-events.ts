import type { Db } from '../../db/client.js';
import { calendarOf, nextDeadlineOf } from './sla-clock.js';
import { applyClockEvents, needsPolicy, type ClockEvent, type ClockPolicy } from './clock-events.js';
import { clocksOf, insertClocks, loadClockWriteContext, loadPolicy, setNextDeadlines, targetsOf, updateClocks } from './sla.repo.js';

/**
 * Applies what just happened to a ticket (a response, pending, resume, answer, close, reopen…) to
 * its clocks, inside the caller's transaction, which already holds the ticket's row lock. Reads the
 * ticket's clocks (one query), its policy only when a new cycle may start, and writes back only
 * what changed, then the ticket's next deadline. A ticket without clocks (accepted before SLAs, or
 * matched by no policy) is left alone.
 */
export async function applyTicketClockEvents(
  tx: Db,
  opts: { ticketId: string; events: readonly ClockEvent[]; at: Date; pendingAfter: boolean },
): Promise<void> {
  if (!opts.events.length) return;
  const clocks = (await clocksOf(tx, [opts.ticketId])).get(opts.ticketId) ?? [];
  if (!clocks.length) return;
  const ctx = await loadClockWriteContext(tx);
  const { calendars } = ctx;
  let policy: ClockPolicy | null = null;
  if (needsPolicy(opts.events)) {
    // the ticket's current policy: the one its most recently started clock follows
    const latest = [...clocks].sort((a, b) => b.startedAt.getTime() - a.startedAt.getTime() || b.cycle - a.cycle)[0]!;
    const row = await loadPolicy(tx, latest.policyId);
    policy = { id: row.id, calendar: calendarOf(calendars, row.calendarKey), targets: targetsOf(row) };
  }
  const after = applyClockEvents(clocks, opts.events, { at: opts.at, calendars, policy, pendingAfter: opts.pendingAfter });
  const changed = after.filter((c, i) => c.id && c !== clocks[i]);
  const added = after.filter((c) => !c.id).map((c) => ({ ...c, ticketId: opts.ticketId }));
  if (!changed.length && !added.length) return;
  await updateClocks(tx, changed, ctx);
  await insertClocks(tx, added, ctx);
  await setNextDeadlines(tx, [{ ticketId: opts.ticketId, deadline: nextDeadlineOf(after) }]);
}
