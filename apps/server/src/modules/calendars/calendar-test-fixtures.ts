import type { BusinessCalendar, TimeRange } from './calendar-types.js';
import { CN_STANDARD } from './seed-calendars.js';

/**
 * Calendars and helpers shared by this module's tests. Expected values in the tests are written by
 * hand as instants with explicit offsets ('2026-02-14T10:00+08:00'), never computed by the engine.
 */

/** An instant from ISO text with an explicit offset. */
export const at = (iso: string): Date => {
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) throw new Error(`bad test instant ${iso}`);
  return d;
};

export const weekly = (over: Partial<BusinessCalendar> = {}): BusinessCalendar => ({
  key: 'test',
  name: 'test calendar',
  timeZone: 'Asia/Shanghai',
  mode: 'weekly',
  week: {},
  useStatutoryHolidays: false,
  makeUpDayHoursFrom: 1,
  extraHolidays: [],
  extraWorkdays: [],
  ...over,
});

const range = (start: string, end: string): TimeRange => ({ start, end });
const weekdays = (ranges: TimeRange[]) => ({ 1: ranges, 2: ranges, 3: ranges, 4: ranges, 5: ranges });
const everyDay = (ranges: TimeRange[]) => ({ ...weekdays(ranges), 6: ranges, 7: ranges });

/** Split shifts, Monday–Friday: 08:00–11:30 (210) + 14:00–17:30 (210) + 19:00–21:00 (120) = 540 a day. */
export const SPLIT_SHIFT = weekly({
  key: 'split',
  week: weekdays([range('08:00', '11:30'), range('14:00', '17:30'), range('19:00', '21:00')]),
});

/** Tokyo office, Monday–Friday 09:00–17:30, no holidays (UTC+9 all year). */
export const TOKYO_OFFICE = weekly({ key: 'tokyo', timeZone: 'Asia/Tokyo', week: weekdays([range('09:00', '17:30')]) });

/** New York office, Monday–Friday 09:00–18:00 with no lunch break, no holidays. */
export const NEW_YORK_OFFICE = weekly({ key: 'nyc', timeZone: 'America/New_York', week: weekdays([range('09:00', '18:00')]) });

/** New York, every day 00:00–24:00 as a weekly calendar (so the day walk, not the 24×7 shortcut, runs). */
export const NEW_YORK_ALL_DAY = weekly({ key: 'nyc-all-day', timeZone: 'America/New_York', week: everyDay([range('00:00', '24:00')]) });

/** New York, open only on Sunday 01:00–04:00 — a range that contains both DST transitions' hour. */
export const NEW_YORK_SUNDAY_NIGHT = weekly({ key: 'nyc-sunday', timeZone: 'America/New_York', week: { 7: [range('01:00', '04:00')] }, makeUpDayHoursFrom: 7 });

/** Berlin, open only on Sunday 00:00–06:00 (both transitions happen on a Sunday at 02:00/03:00). */
export const BERLIN_SUNDAY_NIGHT = weekly({ key: 'berlin-sunday', timeZone: 'Europe/Berlin', week: { 7: [range('00:00', '06:00')] }, makeUpDayHoursFrom: 7 });

/** cn-standard with overrides. */
export const cnStandardWith = (over: Partial<BusinessCalendar>): BusinessCalendar => ({ ...CN_STANDARD, key: 'cn-custom', ...over });

/** Monday 09:00–12:00 only, Tuesday–Friday 09:00–18:00, statutory holidays — make-up day hours visibly differ. */
export const SHORT_MONDAY = weekly({
  key: 'short-monday',
  useStatutoryHolidays: true,
  week: { 1: [range('09:00', '12:00')], 2: [range('09:00', '18:00')], 3: [range('09:00', '18:00')], 4: [range('09:00', '18:00')], 5: [range('09:00', '18:00')] },
});

/** A tiny seeded PRNG (mulberry32) so property tests are reproducible without a dependency. */
export function prng(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (s + 0x6d2b79f5) >>> 0;
    let t = s;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
