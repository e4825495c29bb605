import chineseDays from 'chinese-days';
import { civilDate, dayNumberOf, parseDate } from './civil-time.js';
import type { HolidayName } from './calendar-types.js';

/**
 * China's statutory holidays and 调休 make-up working days, read from `chinese-days` once per year and
 * kept in memory.
 *
 * Two traps in the library shape this file:
 * - its date parsing follows the server's own time zone: with TZ=America/New_York,
 *   getDayDetail('2025-01-28') answers for 2025-01-27. So it is only ever given Date objects built
 *   at local noon of the wanted day in the process's zone, which name the right day in any zone.
 * - for a year it has no schedule for, it silently answers with the plain Monday–Friday week. So
 *   coverage is checked here (a published year always has at least the New Year holiday) and an
 *   uncovered year is reported as such instead of being trusted.
 */

export interface StatutoryYear {
  /** false when chinese-days has no schedule for the year */
  readonly covered: boolean;
  /** closed dates (YYYY-MM-DD) with the holiday's name, including those falling on weekends */
  readonly holidays: ReadonlyMap<string, HolidayName | null>;
  /** 调休: weekend dates that are working days, with the holiday they make up for */
  readonly makeUpDays: ReadonlyMap<string, HolidayName | null>;
}

const years = new Map<number, StatutoryYear>();

const processNoon = (dayNumber: number): Date => {
  const c = civilDate(dayNumber);
  return new Date(c.year, c.month - 1, c.day, 12);
};

/** chinese-days names a statutory day "Spring Festival,春节,4"; ordinary days get a weekday name. */
function holidayName(raw: string): HolidayName | null {
  const [en, zh] = raw.split(',');
  return en && zh ? { en, zh } : null;
}

export function statutoryYear(year: number): StatutoryYear {
  let cached = years.get(year);
  if (cached) return cached;
  const first = dayNumberOf(year, 1, 1);
  const last = dayNumberOf(year, 12, 31);
  // includeWeekends=false lists only the dates in the library's holiday table
  const holidayDates = chineseDays.getHolidaysInRange(processNoon(first), processNoon(last), false);
  const holidays = new Map<string, HolidayName | null>();
  const makeUpDays = new Map<string, HolidayName | null>();
  for (const date of holidayDates) {
    const day = parseDate(date);
    if (day !== null) holidays.set(civilDate(day).text, holidayName(chineseDays.getDayDetail(processNoon(day)).name));
  }
  const covered = holidays.size > 0;
  if (covered) {
    for (let day = first; day <= last; day++) {
      const c = civilDate(day);
      if (c.isoWeekday < 6) continue;
      const noon = processNoon(day);
      if (chineseDays.isWorkday(noon)) makeUpDays.set(c.text, holidayName(chineseDays.getDayDetail(noon).name));
    }
  }
  cached = { covered, holidays, makeUpDays };
  years.set(year, cached);
  return cached;
}

/** The years chinese-days has schedules for, e.g. { first: 2004, last: 2026 } with chinese-days 1.5.7. */
export function statutoryCoverage(): { first: number; last: number } {
  // The library's data starts in 2004 and grows by a year each autumn; search outward from there.
  let first = 2004;
  while (statutoryYear(first - 1).covered) first--;
  while (!statutoryYear(first).covered && first < 2100) first++;
  let last = first;
  while (statutoryYear(last + 1).covered) last++;
  return { first, last };
}
