import { and, asc, eq, gt, inArray } from 'drizzle-orm';
import type { Db } from '../../db/client.js';
import { ticketClocks, tickets } from '../../db/schema/index.js';
import type { BusinessCalendar } from '../calendars/business-calendar.js';
import { nextDeadlineOf, recomputeClock } from './sla-clock.js';
import { clocksOf, loadClockWriteContext, setNextDeadlines, updateClocks } from './sla.repo.js';

const PAGE = 1000;

/**
 * For the calendar editor (save-calendar.ts): call it in the same transaction when a calendar's
 * definition changes (a local holiday added, hours changed). Every live clock counted on that
 * calendar keeps the business minutes already spent — measured on the old definition up to `at` —
 * and counts the rest on the new one; the tickets' next deadlines follow. Pages of 1,000 tickets.
 */
export async function recomputeCalendarClocks(
  tx: Db,
  opts: { oldCalendar: BusinessCalendar; newCalendar: BusinessCalendar; at: Date },
): Promise<{ clocks: number; tickets: number }> {
  const key = opts.newCalendar.key;
  let after: string | null = null;
  let clocks = 0;
  let touched = 0;
  // read after the caller saved the new definition: alerts are scheduled on it
  const ctx = await loadClockWriteContext(tx);
  for (;;) {
    const rows: { ticketId: string }[] = await tx
      .selectDistinct({ ticketId: ticketClocks.ticketId })
      .from(ticketClocks)
      .where(and(eq(ticketClocks.calendarKey, key), inArray(ticketClocks.status, ['running', 'paused']), after ? gt(ticketClocks.ticketId, after) : undefined))
      .orderBy(asc(ticketClocks.ticketId))
      .limit(PAGE);
    if (!rows.length) break;
    after = rows.at(-1)!.ticketId;
    // the row lock a transition takes first, in id order: no transition in flight overwrites a recomputed clock
    await tx.select({ id: tickets.id }).from(tickets).where(inArray(tickets.id, rows.map((r) => r.ticketId))).orderBy(asc(tickets.id)).for('update');
    const live = await clocksOf(tx, rows.map((r) => r.ticketId), { live: true });
    const changed = [];
    const next = [];
    for (const [ticketId, list] of live) {
      const replaced = list.map((c) =>
        c.calendarKey === key ? recomputeClock(c, opts.oldCalendar, { policyId: c.policyId, calendar: opts.newCalendar, targetMinutes: c.targetMinutes }, opts.at) : c,
      );
      changed.push(...replaced.filter((c, i) => c !== list[i]));
      next.push({ ticketId, deadline: nextDeadlineOf(replaced) });
    }
    await updateClocks(tx, changed, ctx);
    await setNextDeadlines(tx, next);
    clocks += changed.length;
    touched += next.length;
    if (rows.length < PAGE) break;
  }
  return { clocks, tickets: touched };
}
