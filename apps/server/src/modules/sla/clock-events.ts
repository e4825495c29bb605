import type { ClockKind, NoteKind, TicketAction } from '@qloop/contracts';
import type { BusinessCalendar } from '../calendars/business-calendar.js';
import { calendarOf, cancelClock, isLive, pauseClock, resumeClock, satisfyClock, startClock, type Calendars, type Clock } from './sla-clock.js';

/**
 * What happens to a ticket's clocks when something happens to the ticket. Pure.
 *
 * What counts as a response (explicit): a customer-visible reply by staff — a public reply or a
 * call record added to the timeline, a reply sent with any transition, or the answer (答复). An
 * internal note is not one. Rules:
 * - first_response runs from intake to the first response;
 * - next_response (update cadence) starts only after a response and is met by the next one, while
 *   the resolution is still open (not after the answer) — so it can neither override the first-response target (Zammad #5177)
 *   nor escalate once an agent has replied (Zammad #3140);
 * - resolution runs from intake (or a reopen) until the answer; follow_up (回访) runs from the answer
 *   until the follow-up is done or the ticket is closed;
 * - pending pauses every running clock, resume resumes them; a reply sent in the same step as
 *   "pending" is applied first, so it meets the response target instead of cancelling it (Zammad #3551);
 * - reopening starts a new resolution cycle at the reopen instant; the earlier cycle keeps its
 *   result and the reopen is never counted as paused time (Zammad #188, GLPI #23359);
 * - close meets what is still live of resolution and follow-up; cancel and merge cancel every live clock.
 */
export type ClockEvent =
  | { type: 'response'; final: boolean }
  | { type: 'pause' }
  | { type: 'resume' }
  | { type: 'answered' }
  | { type: 'followed_up' }
  | { type: 'closed' }
  | { type: 'cancelled' }
  | { type: 'reopened' };

/** The clock events of a transition, in the order they apply. */
export function eventsOfTransition(action: TicketAction, withReply: boolean): ClockEvent[] {
  const events: ClockEvent[] = [];
  if (action === 'answer') return [{ type: 'response', final: true }, { type: 'answered' }];
  if (withReply) events.push({ type: 'response', final: false });
  switch (action) {
    case 'pend': events.push({ type: 'pause' }); break;
    case 'resume': events.push({ type: 'resume' }); break;
    case 'follow_up': events.push({ type: 'followed_up' }); break;
    case 'close': events.push({ type: 'closed' }); break;
    case 'cancel':
    case 'merge': events.push({ type: 'cancelled' }); break;
    case 'reopen': events.push({ type: 'reopened' }); break;
    default: break;
  }
  return events;
}

/** A public reply or a call record is a response; an internal note is not. */
export function eventsOfNote(kind: NoteKind): ClockEvent[] {
  return kind === 'internal_note' ? [] : [{ type: 'response', final: false }];
}

/** The policy targets a new cycle is started from (the ticket's current policy). */
export type ClockPolicy = {
  id: string;
  calendar: BusinessCalendar;
  targets: Record<ClockKind, number | null>;
};

/** True when applying `events` may start a clock, so the caller must load the policy. */
export const needsPolicy = (events: readonly ClockEvent[]) =>
  events.some((e) => (e.type === 'response' && !e.final) || e.type === 'answered' || e.type === 'reopened');

/**
 * Applies events in order at one instant. Returns the clocks after (unchanged ones are the same
 * objects, so the caller stores only what changed; new ones have no id).
 */
export function applyClockEvents(
  clocks: readonly Clock[],
  events: readonly ClockEvent[],
  ctx: { at: Date; calendars: Calendars; policy: ClockPolicy | null; pendingAfter: boolean },
): Clock[] {
  let list = [...clocks];
  const { at } = ctx;
  const cal = (c: Clock) => calendarOf(ctx.calendars, c.calendarKey);
  const update = (pick: (c: Clock) => boolean, fn: (c: Clock, calendar: BusinessCalendar) => Clock) => {
    list = list.map((c) => (pick(c) ? fn(c, cal(c)) : c));
  };
  const of = (...kinds: ClockKind[]) => (c: Clock) => isLive(c) && kinds.includes(c.kind);
  const start = (kind: ClockKind, paused: boolean) => {
    const target = ctx.policy?.targets[kind];
    if (!ctx.policy || target === null || target === undefined) return;
    const cycle = Math.max(0, ...list.filter((c) => c.kind === kind).map((c) => c.cycle)) + 1;
    list.push(startClock({ kind, cycle, policyId: ctx.policy.id, calendar: ctx.policy.calendar, targetMinutes: target }, at, { paused }));
  };
  const workedOn = () => {
    const resolution = list.filter((c) => c.kind === 'resolution').sort((a, b) => b.cycle - a.cycle)[0];
    return !resolution || isLive(resolution);
  };
  for (const e of events) {
    switch (e.type) {
      case 'response':
        update(of('first_response', 'next_response'), (c, k) => satisfyClock(c, k, at));
        // the next update is due within the cadence, counted like everything else (paused while
        // pending) — only while the ticket is being worked: after the answer no update is due
        if (!e.final && workedOn()) start('next_response', ctx.pendingAfter);
        break;
      case 'pause':
        update((c) => c.status === 'running', (c, k) => pauseClock(c, k, at));
        break;
      case 'resume':
        update((c) => c.status === 'paused', (c, k) => resumeClock(c, k, at));
        break;
      case 'answered':
        update(of('resolution'), (c, k) => satisfyClock(c, k, at));
        update(of('next_response'), (c, k) => cancelClock(c, k, at));
        start('follow_up', false);
        break;
      case 'followed_up':
        update(of('follow_up'), (c, k) => satisfyClock(c, k, at));
        break;
      case 'closed':
        update(of('resolution', 'follow_up'), (c, k) => satisfyClock(c, k, at));
        update(isLive, (c, k) => cancelClock(c, k, at));
        break;
      case 'cancelled':
        update(isLive, (c, k) => cancelClock(c, k, at));
        break;
      case 'reopened':
        update(of('follow_up', 'next_response'), (c, k) => cancelClock(c, k, at));
        if (!list.some(of('resolution'))) start('resolution', false);
        break;
    }
  }
  return list;
}
