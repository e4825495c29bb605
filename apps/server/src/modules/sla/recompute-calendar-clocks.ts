import { and, eq, inArray } from 'drizzle-orm';
import type { Db } from '../../db/client.js';
import { ticketClocks } from '../../db/schema/index.js';
import { forEachLockedTicketPage } from './locked-ticket-pages.js';
import type { BusinessCalendar } from '../calendars/business-calendar.js';
import { nextDeadlineOf, recomputeClock } from './sla-clock.js';
import { clocksOf, loadClockWriteContext, setNextDeadlines, updateClocks } from './sla.repo.js';

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
  let clocks = 0;
  let touched = 0;
  // read after the caller saved the new definition: alerts are scheduled on it
  const ctx = await loadClockWriteContext(tx);
  await forEachLockedTicketPage(tx, and(eq(ticketClocks.calendarKey, key), inArray(ticketClocks.status, ['running', 'paused'])), async (ids) => {
    const live = await clocksOf(tx, ids, { live: true });
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
  });
  return { clocks, tickets: touched };
}
