import type { BusinessCalendar } from './calendar-types.js';
import { MINUTE_MS } from './civil-time.js';
import { instantOf, timelineFor, type CalendarTimeline, type DayPlan } from './calendar-timeline.js';
import { CalendarError } from './validate-calendar.js';

/**
 * How many days in a row may be closed before the calendar is declared to have no working time:
 * longer than any real holiday span, short enough to fail fast instead of looping forever.
 */
export const MAX_CLOSED_DAYS = 3 * 366;
/** How far ahead a deadline may lie at all (about 100 years of days). */
export const MAX_HORIZON_DAYS = 100 * 366;

/**
 * The instant at which `minutes` business minutes have passed after `start` on the calendar.
 *
 * - A start in closed time counts from the next opening.
 * - A deadline reached exactly at the end of a working range is that end (11:00 + 60 min → 12:00),
 *   not the next opening (13:00): the target was met at 12:00, and a breach notice belongs there.
 * - minutes = 0 returns `start` when it is open and the next opening when it is closed — the moment
 *   the clock would begin, so a deadline never lies in closed time and add(start, 0) ≤ add(start, 1).
 * - Seconds and milliseconds of `start` are kept, so the measure of [start, deadline) is exactly
 *   `minutes` (see businessMinutesBetween).
 * - `minutes` must be a whole number ≥ 0 (targets are configured in whole minutes) and at most
 *   MAX_HORIZON_DAYS of round-the-clock minutes.
 * Throws CalendarError for an invalid calendar or one with no working time within MAX_CLOSED_DAYS.
 */
export function addBusinessMinutes(calendar: BusinessCalendar, start: Date, minutes: number): Date {
  const from = instantOf(start, 'start');
  if (!Number.isSafeInteger(minutes) || minutes < 0 || minutes > MAX_HORIZON_DAYS * 1440) {
    throw new RangeError(`minutes must be a whole number from 0 to ${MAX_HORIZON_DAYS * 1440}, got ${minutes}`);
  }
  const timeline = timelineFor(calendar);
  // 24×7 is open at every instant: nothing to walk, and no midnight to stumble on
  if (timeline.alwaysOpen) return new Date(from + minutes * MINUTE_MS);
  return new Date(walk(timeline, from, minutes * MINUTE_MS));
}

/** The first open instant at or after `instant` (the instant itself when open). */
export function nextOpening(calendar: BusinessCalendar, instant: Date): Date {
  return addBusinessMinutes(calendar, instant, 0);
}

/** Walks working intervals day by day from `from` until `remaining` ms of open time are used up. */
function walk(timeline: CalendarTimeline, from: number, remaining: number): number {
  let plan: DayPlan = timeline.planAt(from);
  let closedDays = 0;
  for (let days = 0; days <= MAX_HORIZON_DAYS; days++) {
    const open = plan.open;
    for (let i = 0; i < open.length; i += 2) {
      const end = open[i + 1]!;
      if (end <= from) continue; // only on the first day: intervals already behind the start
      const begin = Math.max(open[i]!, from);
      // `<=`: landing exactly on a range's end returns that end (the 12:00 rule)
      if (remaining <= end - begin) return begin + remaining;
      remaining -= end - begin;
    }
    closedDays = open.length === 0 ? closedDays + 1 : 0;
    if (closedDays > MAX_CLOSED_DAYS) {
      throw new CalendarError(
        `calendar ${JSON.stringify(timeline.rules.calendar.key)} has no working time in the ${MAX_CLOSED_DAYS} days from ${plan.info.date}`,
      );
    }
    plan = timeline.plan(plan.day + 1);
  }
  throw new CalendarError(`the deadline lies more than ${MAX_HORIZON_DAYS} days ahead`);
}
