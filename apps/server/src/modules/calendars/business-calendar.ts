/**
 * Business calendars (工作日历): the public surface of this module for the SLA clock, the routes and
 * the jobs. Everything here is pure — no I/O, no server time zone, no current time.
 */
export type { BusinessCalendar, DayInfo, DayKind, DaySource, HolidayName, IsoWeekday, Pause, TimeRange, WeeklyHours } from './calendar-types.js';
export { ISO_WEEKDAYS } from './calendar-types.js';
export { validateCalendar, CalendarError, type CalendarIssue } from './validate-calendar.js';
export { addBusinessMinutes, nextOpening } from './add-business-minutes.js';
export { businessMinutesBetween, isBusinessTime } from './business-minutes-between.js';
export { describeDay, monthPreview, firstProvisionalDay, type MonthPreview, type PreviewDay } from './month-preview.js';
export { statutoryCoverage } from './statutory-days.js';
export { CN_STANDARD, ROUND_THE_CLOCK, SEED_CALENDARS } from './seed-calendars.js';
