import { z } from 'zod';
import { LIMITS } from './common.js';

/**
 * Business calendars (工作日历) as the API carries them. The server checks the meaning (overlapping
 * ranges, unknown time zones, a weekly calendar with no hours…) and answers each problem with the
 * field to fix.
 */
export const CalendarKey = z
  .string()
  .trim()
  .regex(/^[a-z0-9][a-z0-9-]{1,39}$/, 'a key is 2–40 lower-case letters, digits and dashes');

const WallTime = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$|^24:00$/, 'a time is HH:MM, 00:00–24:00');
const TimeRange = z.strictObject({ start: WallTime, end: WallTime });
const DayRanges = z.array(TimeRange).max(8);
const IsoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'a date is YYYY-MM-DD');

export const CalendarDefinition = z.strictObject({
  name: z.string().trim().min(1).max(LIMITS.nameMax),
  timeZone: z.string().trim().min(1).max(60).default('Asia/Shanghai'),
  mode: z.enum(['24x7', 'weekly']),
  /** ISO weekday 1 (Monday) … 7 (Sunday) → working ranges */
  week: z.partialRecord(z.enum(['1', '2', '3', '4', '5', '6', '7']), DayRanges).default({}),
  useStatutoryHolidays: z.boolean(),
  /** the weekday whose hours a make-up working day (调休) keeps */
  makeUpDayHoursFrom: z.number().int().min(1).max(7).default(1),
  extraHolidays: z.array(IsoDate).max(366).default([]),
  extraWorkdays: z.array(IsoDate).max(366).default([]),
});
export type CalendarDefinition = z.infer<typeof CalendarDefinition>;

export const Calendar = CalendarDefinition.extend({
  key: z.string(),
  version: z.number().int(),
  updatedAt: z.string(),
  /** the years China's statutory holiday data covers; later days follow the plain week, flagged provisional */
  statutoryYears: z.object({ from: z.number().int(), to: z.number().int() }),
});
export type Calendar = z.infer<typeof Calendar>;

export const CreateCalendarBody = CalendarDefinition.extend({ key: CalendarKey });
export const UpdateCalendarBody = CalendarDefinition.extend({
  /** optimistic concurrency: the version the editor loaded */
  version: z.number().int(),
});

export const CalendarKeyParams = z.strictObject({ key: z.string().max(40) });

const Instant = z.iso.datetime({ offset: true, message: 'an ISO 8601 date-time with offset, e.g. 2026-10-08T17:30:00+08:00' });
export const AddBusinessMinutesQuery = z.strictObject({
  start: Instant,
  minutes: z.coerce.number().int().min(0).max(10 * 366 * 1440),
});
export const BusinessMinutesQuery = z.strictObject({ from: Instant, to: Instant });
export const CalendarPreviewQuery = z.strictObject({
  month: z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/, 'a month is YYYY-MM'),
});

export const CalendarPreviewDay = z.object({
  date: z.string(),
  isoWeekday: z.number().int(),
  kind: z.enum(['workday', 'holiday', 'weekend', 'makeup_workday']),
  holidayName: z.object({ zh: z.string(), en: z.string() }).nullable(),
  ranges: z.array(z.object({ start: z.string(), end: z.string() })),
  /** business minutes open that day */
  minutes: z.number().int(),
  /** outside the statutory data: follows the plain week and may change when the holidays are published */
  provisional: z.boolean(),
});
export const CalendarPreview = z.object({ key: z.string(), month: z.string(), days: z.array(CalendarPreviewDay) });
