import type { BusinessCalendar, Pause } from './calendar-types.js';
import { MINUTE_MS } from './civil-time.js';
import { instantOf, timelineFor, type CalendarTimeline } from './calendar-timeline.js';

/**
 * Business minutes in [a, b) on the calendar, minus the business minutes inside `pauses`.
 *
 * - b ≤ a gives 0: an interval that ends before it starts holds no time. (Clock code asks "how much
 *   has elapsed until now", and a few milliseconds of skew between servers must not throw or go
 *   negative.)
 * - Pauses may overlap each other, reach outside [a, b) or be open-ended (`to: null`, still paused);
 *   their union is clipped to [a, b), so no minute is taken off twice and none outside the interval.
 *   A pause over a weekend or holiday takes off only the business minutes it covers.
 * - Exact to the millisecond inside, then floored once to whole minutes: [09:00:00, 09:00:59) is 0,
 *   two pieces of 30 s each are 1 minute. The floor is taken once, at the end, so splitting an
 *   interval never loses minutes (and add-then-measure returns the minutes added).
 * A pause whose `to` is before its `from` is a caller bug and throws RangeError.
 */
export function businessMinutesBetween(
  calendar: BusinessCalendar,
  a: Date,
  b: Date,
  pauses: readonly Pause[] = [],
): number {
  const from = instantOf(a, 'a');
  const to = instantOf(b, 'b');
  const paused = pauseUnion(pauses, from, to);
  const timeline = timelineFor(calendar);
  if (to <= from) return 0;
  let ms = openMs(timeline, from, to);
  for (let i = 0; i < paused.length; i += 2) ms -= openMs(timeline, paused[i]!, paused[i + 1]!);
  return Math.floor(ms / MINUTE_MS);
}

/** True when the calendar is open at the instant (a range's end is closed, its start open). */
export function isBusinessTime(calendar: BusinessCalendar, instant: Date): boolean {
  const t = instantOf(instant, 'instant');
  const timeline = timelineFor(calendar);
  if (timeline.alwaysOpen) return true;
  const open = timeline.planAt(t).open;
  for (let i = 0; i < open.length; i += 2) if (t >= open[i]! && t < open[i + 1]!) return true;
  return false;
}

/** Open ms of the calendar in [from, to). */
function openMs(timeline: CalendarTimeline, from: number, to: number): number {
  if (to <= from) return 0;
  if (timeline.alwaysOpen) return to - from;
  let total = 0;
  for (let plan = timeline.planAt(from); plan.start < to; plan = timeline.plan(plan.day + 1)) {
    const open = plan.open;
    for (let i = 0; i < open.length; i += 2) {
      const begin = Math.max(open[i]!, from);
      const end = Math.min(open[i + 1]!, to);
      if (end > begin) total += end - begin;
    }
  }
  return total;
}

/** The union of the pauses clipped to [from, to), as flattened sorted disjoint [from, to, …]. */
function pauseUnion(pauses: readonly Pause[], from: number, to: number): number[] {
  const spans: [number, number][] = [];
  pauses.forEach((p, i) => {
    const start = instantOf(p?.from, `pauses[${i}].from`);
    const end = p.to === null ? Infinity : instantOf(p.to, `pauses[${i}].to`);
    if (end < start) throw new RangeError(`pauses[${i}] ends (${p.to!.toISOString()}) before it starts (${p.from.toISOString()})`);
    const clippedStart = Math.max(start, from);
    const clippedEnd = Math.min(end, to);
    if (clippedEnd > clippedStart) spans.push([clippedStart, clippedEnd]);
  });
  spans.sort((x, y) => x[0] - y[0]);
  const union: number[] = [];
  for (const [start, end] of spans) {
    const last = union.length - 1;
    if (last > 0 && start <= union[last]!) union[last] = Math.max(union[last]!, end);
    else union.push(start, end);
  }
  return union;
}
