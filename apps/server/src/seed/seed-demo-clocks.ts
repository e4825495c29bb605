import { and, gt, inArray, isNotNull } from 'drizzle-orm';
import type { Db } from '../db/client.js';
import { tickets } from '../db/schema/index.js';
import { applyClockEvents } from '../modules/sla/clock-events.js';
import { nextDeadlineOf, type Clock } from '../modules/sla/sla-clock.js';
import { clocksOf, loadClockWriteContext, selectSlaSubjects, setNextDeadlines, updateClocks } from '../modules/sla/sla.repo.js';
import { startTicketClocks } from '../modules/sla/start-ticket-clocks.js';
import { sweepSlaAlerts } from '../modules/sla/sweep-sla-alerts.js';

/** Demo tickets younger than this still waiting for a response get running SLA clocks. */
const RECENT_MS = 3 * 86_400_000;

/**
 * SLA clocks for the demo, so countdowns, the at-risk view and the time-limit indicators show a
 * realistic picture on first start:
 * - recent open tickets (accepted, assigned, in progress) get running clocks from when they were taken;
 * - answered and closed tickets get clocks started when they were taken and satisfied when they
 *   were answered (and closed), met or late as their handling times make them.
 * The stages already past by `now` are recorded silently as history — a fresh demo must not greet
 * every manager with a hundred breach notifications for tickets it invented.
 */
export async function seedDemoClocks(db: Db, now: Date): Promise<{ tickets: number }> {
  const open = await selectSlaSubjects(db, { at: tickets.createdAt })
    .where(and(inArray(tickets.state, ['accepted', 'assigned', 'in_progress']), gt(tickets.createdAt, new Date(now.getTime() - RECENT_MS))));
  const answered = await selectSlaSubjects(db, { at: tickets.createdAt, answeredAt: tickets.answeredAt, closedAt: tickets.closedAt })
    .where(isNotNull(tickets.answeredAt));
  await db.transaction(async (tx) => {
    await startTicketClocks(tx, [...open, ...answered].map((r) => ({ ...r, ticketId: r.id })));
    const ctx = await loadClockWriteContext(tx);
    const clocks = await clocksOf(tx, answered.map((r) => r.id));
    const changed: Clock[] = [];
    const next: { ticketId: string; deadline: Date | null }[] = [];
    for (const t of answered) {
      const before = clocks.get(t.id) ?? [];
      const on = (list: Clock[], events: Parameters<typeof applyClockEvents>[1], at: Date) =>
        applyClockEvents(list, events, { at, calendars: ctx.calendars, policy: null, pendingAfter: false });
      let after = on(before, [{ type: 'response', final: true }, { type: 'answered' }], t.answeredAt!);
      if (t.closedAt) after = on(after, [{ type: 'closed' }], t.closedAt);
      changed.push(...after.filter((c, i) => c !== before[i]));
      next.push({ ticketId: t.id, deadline: nextDeadlineOf(after) });
    }
    await updateClocks(tx, changed, ctx);
    await setNextDeadlines(tx, next);
  });
  await sweepSlaAlerts(db, { now, silent: true });
  return { tickets: open.length + answered.length };
}
