import type { BusinessCalendar } from './calendar-types.js';
import { DAY_MS, MINUTE_MS } from './civil-time.js';
import { prepareRules, resolveDay, type CalendarRules, type ResolvedDay } from './resolve-day.js';
import { offsetAt, wallTimeToInstant } from './time-zone.js';
import { assertValidCalendar } from './validate-calendar.js';

/**
 * A calendar turned into real time: for each local day, the instants at which it is open. Working
 * per day in instants (not wall time) is what makes DST days come out in real elapsed minutes and
 * lets a range ending at 24:00 meet the next day's 00:00 exactly.
 *
 * Days are computed once and cached, because deadline sweeps ask about the same few weeks over and
 * over; the Intl conversions behind a day cost microseconds, a cache hit costs a map lookup.
 */

export interface DayPlan {
  /** local day number (days since 1970-01-01) */
  readonly day: number;
  /** the instant the local day begins (its midnight, or the first moment after a midnight gap) */
  readonly start: number;
  /** the instant the next local day begins */
  readonly end: number;
  /** open intervals as instants, flattened [from, to, from, to, …], sorted, none empty */
  readonly open: readonly number[];
  readonly info: ResolvedDay;
}

/** Days cached per calendar before the cache starts over (≈ 27 years of days). */
const MAX_CACHED_DAYS = 10_000;

export class CalendarTimeline {
  readonly rules: CalendarRules;
  readonly timeZone: string;
  /** 24×7: every instant is open, so callers can skip the day walk */
  readonly alwaysOpen: boolean;
  private readonly days = new Map<number, DayPlan>();
  private readonly midnights = new Map<number, number>();
  /** the offset last seen, to guess an instant's local day without asking Intl */
  private lastOffset: number | null = null;

  constructor(calendar: BusinessCalendar) {
    assertValidCalendar(calendar);
    this.rules = prepareRules(calendar);
    this.timeZone = calendar.timeZone;
    this.alwaysOpen = calendar.mode === '24x7';
  }

  private midnight(day: number): number {
    let t = this.midnights.get(day);
    if (t === undefined) {
      if (this.midnights.size >= MAX_CACHED_DAYS) this.midnights.clear();
      t = wallTimeToInstant(this.timeZone, day, 0);
      this.midnights.set(day, t);
    }
    return t;
  }

  plan(day: number): DayPlan {
    const cached = this.days.get(day);
    if (cached) return cached;
    const start = this.midnight(day);
    const end = this.midnight(day + 1);
    const info = resolveDay(this.rules, day);
    const open: number[] = [];
    // A day of exactly 24 hours has no offset change inside it, so wall minutes map linearly.
    const linear = end - start === DAY_MS;
    for (let i = 0; i < info.minutes.length; i += 2) {
      const fromMin = info.minutes[i]!;
      const toMin = info.minutes[i + 1]!;
      const from = linear ? start + fromMin * MINUTE_MS : fromMin === 0 ? start : wallTimeToInstant(this.timeZone, day, fromMin);
      const to = linear ? start + toMin * MINUTE_MS : toMin === 1440 ? end : wallTimeToInstant(this.timeZone, day, toMin);
      // a range inside a spring-forward gap holds no real time
      if (to > from) open.push(from, to);
    }
    const plan: DayPlan = { day, start, end, open, info };
    if (this.days.size >= MAX_CACHED_DAYS) this.days.clear();
    this.days.set(day, plan);
    return plan;
  }

  /** The plan of the local day an instant falls on. */
  planAt(instant: number): DayPlan {
    this.lastOffset ??= offsetAt(this.timeZone, instant);
    let day = Math.floor((instant + this.lastOffset) / DAY_MS);
    let plan = this.plan(day);
    // the guess is off by at most a day near a midnight after an offset change
    while (instant < plan.start) plan = this.plan(--day);
    while (instant >= plan.end) plan = this.plan(++day);
    this.lastOffset = day * DAY_MS - plan.start;
    return plan;
  }
}

const byObject = new WeakMap<BusinessCalendar, CalendarTimeline>();
const byContent = new Map<string, CalendarTimeline>();
const MAX_BY_CONTENT = 64;

/**
 * The timeline of a calendar, validated once (throws CalendarError when invalid). Calendars loaded
 * afresh for every request are different objects with the same content, so they share a timeline
 * through their JSON; a calendar must not be mutated after first use.
 */
export function timelineFor(calendar: BusinessCalendar): CalendarTimeline {
  let timeline = byObject.get(calendar);
  if (timeline) return timeline;
  const content = JSON.stringify(calendar);
  timeline = byContent.get(content);
  if (!timeline) {
    timeline = new CalendarTimeline(calendar);
    if (byContent.size >= MAX_BY_CONTENT) byContent.delete(byContent.keys().next().value!);
    byContent.set(content, timeline);
  }
  byObject.set(calendar, timeline);
  return timeline;
}

/** ms since the epoch of a Date argument, refusing Invalid Date with the argument's name. */
export function instantOf(value: Date, name: string): number {
  const t = value instanceof Date ? value.getTime() : NaN;
  if (!Number.isFinite(t)) throw new RangeError(`${name} must be a valid Date`);
  return t;
}
