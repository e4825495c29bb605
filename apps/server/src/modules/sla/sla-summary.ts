import type { TicketSlaSummary } from '@qloop/contracts';
import { elapsedAt, type Calendars, type Clock } from './sla-clock.js';

/**
 * The countdown a list shows for a ticket: the running clock due first; else, when everything live
 * is paused, the paused clock with the least time left. Time left is in business minutes of the
 * clock's calendar (negative: overdue by that much). Null when no clock is live.
 */
export function slaSummaryOf(clocks: readonly Clock[], calendars: Calendars, now: Date): TicketSlaSummary | null {
  const running = clocks.filter((c) => c.status === 'running' && c.deadline).sort((a, b) => a.deadline!.getTime() - b.deadline!.getTime());
  const paused = clocks.filter((c) => c.status === 'paused').sort((a, b) => a.targetMinutes - a.elapsedMinutes - (b.targetMinutes - b.elapsedMinutes));
  const c = running[0] ?? paused[0];
  if (!c) return null;
  const calendar = calendars.get(c.calendarKey);
  const elapsed = calendar ? elapsedAt(c, calendar, now) : c.elapsedMinutes;
  return {
    kind: c.kind,
    status: c.status === 'running' ? 'running' : 'paused',
    deadline: c.deadline?.toISOString() ?? null,
    targetMinutes: c.targetMinutes,
    elapsedMinutes: elapsed,
    leftMinutes: c.targetMinutes - elapsed,
    calendarKey: c.calendarKey,
  };
}
