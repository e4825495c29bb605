import type { IsoWeekday } from './calendar-types.js';

/**
 * Calendar dates and wall-clock times without a time zone. A local date is handled as a day number
 * (days since 1970-01-01 in the proleptic Gregorian calendar), computed with UTC arithmetic so the
 * server's own time zone never leaks in.
 */

export const MINUTE_MS = 60_000;
export const DAY_MS = 86_400_000;
export const MINUTES_PER_DAY = 1440;

const DATE_RE = /^(\d{4})-(\d{2})-(\d{2})$/;
const TIME_RE = /^(\d{2}):(\d{2})$/;

/** Day number of a YYYY-MM-DD date, or null when the text is not a real calendar date. */
export function parseDate(text: string): number | null {
  const m = DATE_RE.exec(text);
  if (!m) return null;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const ms = Date.UTC(y, mo - 1, d);
  const back = new Date(ms);
  // Date.UTC rolls 2025-02-30 over to March; a real date survives the round trip
  if (back.getUTCFullYear() !== y || back.getUTCMonth() !== mo - 1 || back.getUTCDate() !== d) return null;
  return ms / DAY_MS;
}

export function dayNumberOf(year: number, month: number, day: number): number {
  return Date.UTC(year, month - 1, day) / DAY_MS;
}

export interface CivilDate {
  readonly year: number;
  readonly month: number;
  readonly day: number;
  readonly isoWeekday: IsoWeekday;
  /** YYYY-MM-DD */
  readonly text: string;
}

export function civilDate(dayNumber: number): CivilDate {
  const d = new Date(dayNumber * DAY_MS);
  const year = d.getUTCFullYear();
  const month = d.getUTCMonth() + 1;
  const day = d.getUTCDate();
  const isoWeekday = (((d.getUTCDay() + 6) % 7) + 1) as IsoWeekday;
  const text = `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
  return { year, month, day, isoWeekday, text };
}

/**
 * Minutes after midnight of an 'HH:MM' time, 0…1440; '24:00' is allowed (as a range end) and any
 * other hour above 23 or minute above 59 is not. Returns null for anything else.
 */
export function parseWallTime(text: string): number | null {
  const m = TIME_RE.exec(text);
  if (!m) return null;
  const h = Number(m[1]);
  const min = Number(m[2]);
  if (h === 24 && min === 0) return MINUTES_PER_DAY;
  if (h > 23 || min > 59) return null;
  return h * 60 + min;
}
