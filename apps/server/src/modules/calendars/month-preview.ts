import type { BusinessCalendar, DayInfo } from './calendar-types.js';
import { MINUTE_MS, dayNumberOf, parseDate } from './civil-time.js';
import { instantOf, timelineFor, type DayPlan } from './calendar-timeline.js';

export interface PreviewDay extends DayInfo {
  /** open time on the day in real minutes (differs from the ranges' wall-clock sum on DST days) */
  readonly workingMinutes: number;
}

export interface MonthPreview {
  readonly calendarKey: string;
  readonly timeZone: string;
  readonly year: number;
  readonly month: number;
  readonly days: readonly PreviewDay[];
  /** some day follows the plain week because chinese-days has no schedule for its year yet */
  readonly provisional: boolean;
}

const previewDay = (plan: DayPlan): PreviewDay => {
  // strip the engine's minute spans: the preview shows the ranges as written
  const { minutes: _minutes, ...info } = plan.info;
  let ms = 0;
  for (let i = 0; i < plan.open.length; i += 2) ms += plan.open[i + 1]! - plan.open[i]!;
  return { ...info, workingMinutes: ms / MINUTE_MS };
};

/** What one local date (YYYY-MM-DD) is on the calendar: kind, holiday name, open ranges. */
export function describeDay(calendar: BusinessCalendar, date: string): PreviewDay {
  const day = parseDate(date);
  if (day === null) throw new RangeError(`date must be a YYYY-MM-DD calendar date, got ${JSON.stringify(date)}`);
  return previewDay(timelineFor(calendar).plan(day));
}

/** Every day of a month (month 1–12) on the calendar, for the admin UI's month view. */
export function monthPreview(calendar: BusinessCalendar, year: number, month: number): MonthPreview {
  if (!Number.isInteger(year) || year < 1970 || year > 9999) throw new RangeError(`year must be a whole number from 1970 to 9999, got ${year}`);
  if (!Number.isInteger(month) || month < 1 || month > 12) throw new RangeError(`month must be 1 to 12, got ${month}`);
  const timeline = timelineFor(calendar);
  const days: PreviewDay[] = [];
  for (let day = dayNumberOf(year, month, 1); day < dayNumberOf(year, month + 1, 1); day++) days.push(previewDay(timeline.plan(day)));
  return { calendarKey: calendar.key, timeZone: calendar.timeZone, year, month, days, provisional: days.some((d) => d.provisional) };
}

/**
 * The first local date in [from, to] that is provisional (its year has no statutory schedule in
 * chinese-days yet), or null. The clock layer flags a deadline computed over such a day, to be
 * recomputed when the package is updated with the newly published schedule.
 */
export function firstProvisionalDay(calendar: BusinessCalendar, from: Date, to: Date): string | null {
  const timeline = timelineFor(calendar);
  const last = timeline.planAt(instantOf(to, 'to')).day;
  for (let plan = timeline.planAt(instantOf(from, 'from')); plan.day <= last; plan = timeline.plan(plan.day + 1)) {
    if (plan.info.provisional) return plan.info.date;
  }
  return null;
}
