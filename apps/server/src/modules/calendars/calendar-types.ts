/**
 * A business calendar (工作日历) as plain data, so it can be stored as JSON, edited in the admin UI
 * and passed to the pure functions of this module unchanged. Treat a calendar as an immutable value:
 * the engine caches what it derives from one (see calendar-timeline.ts).
 */

/** ISO weekday: 1 = Monday … 7 = Sunday (as in ISO 8601, so Sunday is not 0). */
export type IsoWeekday = 1 | 2 | 3 | 4 | 5 | 6 | 7;

export const ISO_WEEKDAYS: readonly IsoWeekday[] = [1, 2, 3, 4, 5, 6, 7];

/**
 * One working range in local wall-clock time, 'HH:MM' (24-hour), start inclusive and end exclusive.
 * `end` may be '24:00' so a range can run to midnight and join the next day's '00:00' with no gap.
 */
export interface TimeRange {
  readonly start: string;
  readonly end: string;
}

/** Working ranges per ISO weekday; a weekday that is missing or has no ranges is closed. */
export type WeeklyHours = { readonly [D in IsoWeekday]?: readonly TimeRange[] };

export interface BusinessCalendar {
  /** stable identifier, e.g. 'cn-standard' */
  readonly key: string;
  /** display name, e.g. '标准工作日 (周一至周五)' */
  readonly name: string;
  /** IANA time zone the wall-clock hours and dates are read in, e.g. 'Asia/Shanghai' */
  readonly timeZone: string;
  /**
   * '24x7': open every minute of every day. `week` is ignored (so switching modes in the editor keeps
   * it); holidays and overrides must be off, because a 24×7 calendar that closes on holidays would
   * contradict its name — that calendar is a weekly one with 00:00–24:00 every day.
   * 'weekly': open during `week`'s ranges, adjusted by holidays and overrides.
   */
  readonly mode: '24x7' | 'weekly';
  readonly week: WeeklyHours;
  /** close on China's statutory holidays and open on their 调休 make-up working days (chinese-days) */
  readonly useStatutoryHolidays: boolean;
  /**
   * The weekday whose hours a make-up working day keeps — both statutory 调休 days and `extraWorkdays`.
   * The official notices only say "上班" without naming a weekday, so the calendar states it; the
   * seeded calendars use 1 (Monday). It must have working hours when make-up days can occur.
   */
  readonly makeUpDayHoursFrom: IsoWeekday;
  /** local holidays (YYYY-MM-DD) closed in addition to the statutory ones; they win over make-up days */
  readonly extraHolidays: readonly string[];
  /** extra working days (YYYY-MM-DD) with `makeUpDayHoursFrom`'s hours; they win over statutory holidays */
  readonly extraWorkdays: readonly string[];
}

/**
 * What a local date is for a calendar:
 * - workday: open by the weekly hours;
 * - weekend: closed by the weekly hours (any weekday without ranges, not only Saturday/Sunday);
 * - holiday: closed by a statutory holiday or an extra local holiday;
 * - makeup_workday: open with `makeUpDayHoursFrom`'s hours — a statutory 调休 day or an extra workday.
 */
export type DayKind = 'workday' | 'holiday' | 'weekend' | 'makeup_workday';

/** Which rule decided a day's kind. */
export type DaySource = '24x7' | 'week' | 'statutory' | 'extra';

export interface HolidayName {
  readonly zh: string;
  readonly en: string;
}

export interface DayInfo {
  /** local date, YYYY-MM-DD */
  readonly date: string;
  readonly isoWeekday: IsoWeekday;
  readonly kind: DayKind;
  readonly source: DaySource;
  /** the statutory holiday (or the holiday a make-up day belongs to), when chinese-days names one */
  readonly holidayName: HolidayName | null;
  /** the wall-clock ranges open on this date, sorted; empty when closed */
  readonly ranges: readonly TimeRange[];
  /**
   * True when the calendar uses statutory holidays but chinese-days has no schedule for this year
   * yet: the day follows the plain week, and anything computed over it must be recomputed once the
   * year's schedule is published (the State Council announces it around November).
   */
  readonly provisional: boolean;
}

/** A stretch of time in which the clock stands still; `to: null` means still paused (open-ended). */
export interface Pause {
  readonly from: Date;
  readonly to: Date | null;
}
