import type { ClockKind, ClockStatus } from '@qloop/contracts';
import { addBusinessMinutes, businessMinutesBetween, type BusinessCalendar } from '../calendars/business-calendar.js';

/**
 * SLA clocks as plain values, and every change that can happen to one. Pure: no I/O, no current
 * time — the caller passes the instant and the engine calendars.
 *
 * The model: a clock banks the business minutes it has counted (`elapsedMinutes`, counted up to
 * `countedFrom`) whenever it pauses, resumes or is recomputed; while running, its deadline is
 * `countedFrom` plus the remaining minutes on its calendar. Nothing ever replays a ticket's history
 * (Zammad #192), and a change of target or calendar keeps the minutes already spent (GLPI #6902,
 * #15605). A paused clock has no deadline and so can never be breached (GLPI #24481).
 * Business minutes are whole minutes (the calendar engine floors each measured interval), so each
 * pause can credit the ticket less than one minute — never more.
 */
export type ClockPause = { from: string; to: string | null };

export type Clock = {
  /** the stored row's id; absent for a clock not yet stored */
  id?: string;
  kind: ClockKind;
  cycle: number;
  policyId: string;
  calendarKey: string;
  targetMinutes: number;
  startedAt: Date;
  countedFrom: Date;
  elapsedMinutes: number;
  pausedSince: Date | null;
  pauses: ClockPause[];
  deadline: Date | null;
  status: ClockStatus;
  metAt: Date | null;
  /** when the deadline passed, once known (a late satisfaction, a pause or recompute after it) */
  breachedAt: Date | null;
  /** alert stages fired or skipped (alert-stages.ts); each fires once per clock */
  alertsDone: string[];
};

export type Calendars = ReadonlyMap<string, BusinessCalendar>;

const LIVE: readonly ClockStatus[] = ['running', 'paused'];
export const isLive = (c: Clock) => LIVE.includes(c.status);

function calendarOf(calendars: Calendars, key: string): BusinessCalendar {
  const c = calendars.get(key);
  if (!c) throw new Error(`calendar ${key} was not loaded`);
  return c;
}

/** Business minutes the clock has counted by `at` (banked minutes, plus the running stretch). */
export function elapsedAt(clock: Clock, calendar: BusinessCalendar, at: Date): number {
  if (clock.status !== 'running') return clock.elapsedMinutes;
  return clock.elapsedMinutes + businessMinutesBetween(calendar, clock.countedFrom, at);
}

/** A new clock starting at `at`; started paused when the ticket is waiting (pending) already. */
export function startClock(
  spec: { kind: ClockKind; cycle: number; policyId: string; calendar: BusinessCalendar; targetMinutes: number },
  at: Date,
  opts: { paused?: boolean } = {},
): Clock {
  const base = {
    kind: spec.kind, cycle: spec.cycle, policyId: spec.policyId, calendarKey: spec.calendar.key, targetMinutes: spec.targetMinutes,
    startedAt: at, countedFrom: at, elapsedMinutes: 0, metAt: null, breachedAt: null, alertsDone: [],
  };
  if (opts.paused) return { ...base, status: 'paused', pausedSince: at, pauses: [{ from: at.toISOString(), to: null }], deadline: null };
  return { ...base, status: 'running', pausedSince: null, pauses: [], deadline: addBusinessMinutes(spec.calendar, at, spec.targetMinutes) };
}

/** Banks the elapsed minutes and stops counting; the deadline goes (a paused clock cannot breach). */
export function pauseClock(clock: Clock, calendar: BusinessCalendar, at: Date): Clock {
  if (clock.status !== 'running') return clock;
  return {
    ...clock,
    status: 'paused',
    elapsedMinutes: elapsedAt(clock, calendar, at),
    countedFrom: at,
    pausedSince: at,
    pauses: [...clock.pauses, { from: at.toISOString(), to: null }],
    deadline: null,
    // overdue before it paused: that breach happened and stays on record
    breachedAt: clock.breachedAt ?? (at > clock.deadline! ? clock.deadline : null),
  };
}

const closePause = (pauses: ClockPause[], at: Date) =>
  pauses.map((p, i) => (i === pauses.length - 1 && p.to === null ? { ...p, to: at.toISOString() } : p));

/** Counts again from `at` with the minutes left; the paused stretch is not counted. */
export function resumeClock(clock: Clock, calendar: BusinessCalendar, at: Date): Clock {
  if (clock.status !== 'paused') return clock;
  return {
    ...clock,
    status: 'running',
    countedFrom: at,
    pausedSince: null,
    pauses: closePause(clock.pauses, at),
    deadline: addBusinessMinutes(calendar, at, Math.max(0, clock.targetMinutes - clock.elapsedMinutes)),
  };
}

/**
 * The target is reached at `at`: met when on time, breached when late. A running clock is late
 * after its deadline; a paused one only if it had run past its target before pausing — the paused
 * time itself never makes it late.
 */
export function satisfyClock(clock: Clock, calendar: BusinessCalendar, at: Date): Clock {
  if (!isLive(clock)) return clock;
  const late = clock.status === 'running' ? at > clock.deadline! : clock.breachedAt !== null || clock.elapsedMinutes > clock.targetMinutes;
  return {
    ...clock,
    status: late ? 'breached' : 'met',
    elapsedMinutes: elapsedAt(clock, calendar, at),
    countedFrom: at,
    pausedSince: null,
    pauses: closePause(clock.pauses, at),
    metAt: at,
    breachedAt: late ? (clock.breachedAt ?? clock.deadline ?? at) : null,
  };
}

/** The target no longer applies (ticket cancelled or merged, the policy dropped it). */
export function cancelClock(clock: Clock, calendar: BusinessCalendar, at: Date): Clock {
  if (!isLive(clock)) return clock;
  return {
    ...clock,
    status: 'cancelled',
    elapsedMinutes: elapsedAt(clock, calendar, at),
    countedFrom: at,
    pausedSince: null,
    pauses: closePause(clock.pauses, at),
  };
}

/**
 * A new policy, target or calendar from `at` on. The minutes already spent are kept — counted on
 * the old calendar up to `at` — and the rest of the new target counts on the new calendar; a paused
 * clock stays paused and gets its deadline when it resumes. Whether it is overdue is decided again
 * against the new target.
 */
export function recomputeClock(
  clock: Clock,
  oldCalendar: BusinessCalendar,
  next: { policyId: string; calendar: BusinessCalendar; targetMinutes: number },
  at: Date,
): Clock {
  if (!isLive(clock)) return clock;
  const elapsed = elapsedAt(clock, oldCalendar, at);
  const base = { ...clock, policyId: next.policyId, calendarKey: next.calendar.key, targetMinutes: next.targetMinutes, elapsedMinutes: elapsed, countedFrom: at };
  const overdue = elapsed > next.targetMinutes;
  if (clock.status === 'paused') return { ...base, breachedAt: overdue ? clock.breachedAt : null };
  const deadline = addBusinessMinutes(next.calendar, at, Math.max(0, next.targetMinutes - elapsed));
  return { ...base, deadline, breachedAt: overdue ? clock.breachedAt : null };
}

/** The earliest deadline among running clocks: what `tickets.next_deadline` holds. */
export function nextDeadlineOf(clocks: readonly Clock[]): Date | null {
  let best: Date | null = null;
  for (const c of clocks) if (c.status === 'running' && c.deadline && (!best || c.deadline < best)) best = c.deadline;
  return best;
}

export { calendarOf };
