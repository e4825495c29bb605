import { asc, eq } from 'drizzle-orm';
import type { Calendar, CalendarDefinition } from '@qloop/contracts';
import type { Db } from '../../db/client.js';
import { calendars } from '../../db/schema/index.js';
import { notFound } from '../../lib/errors.js';
import type { BusinessCalendar, IsoWeekday, TimeRange } from './calendar-types.js';
import { statutoryCoverage } from './statutory-days.js';

type CalendarRow = typeof calendars.$inferSelect;

/** The engine's calendar value for a stored definition (the API's weekday keys are strings). */
export function engineCalendar(key: string, d: CalendarDefinition): BusinessCalendar {
  const week: Partial<Record<IsoWeekday, readonly TimeRange[]>> = {};
  for (const [day, ranges] of Object.entries(d.week)) if (ranges) week[Number(day) as IsoWeekday] = ranges;
  return { key, name: d.name, timeZone: d.timeZone, mode: d.mode, week, useStatutoryHolidays: d.useStatutoryHolidays, makeUpDayHoursFrom: d.makeUpDayHoursFrom as IsoWeekday, extraHolidays: d.extraHolidays, extraWorkdays: d.extraWorkdays };
}

export function toCalendar(r: CalendarRow): Calendar {
  const { first, last } = statutoryCoverage();
  return { ...r.definition, key: r.key, version: r.version, updatedAt: r.updatedAt.toISOString(), statutoryYears: { from: first, to: last } };
}

export async function listCalendars(db: Db): Promise<CalendarRow[]> {
  return db.select().from(calendars).orderBy(asc(calendars.key));
}

export async function loadCalendar(db: Db, key: string, forUpdate = false): Promise<CalendarRow> {
  const q = db.select().from(calendars).where(eq(calendars.key, key));
  const [row] = forUpdate ? await q.for('update') : await q;
  if (!row) throw notFound(`calendar “${key}”`);
  return row;
}

// Calendars change rarely and are read on every deadline: keep each version's engine value, so the
// engine's per-calendar caches (day plans, holidays) stay warm across requests.
const engineCache = new Map<string, { version: number; updatedAt: number; calendar: BusinessCalendar }>();

/** The engine calendar for a stored row, the same object while the row is unchanged. */
export function engineCalendarOf(r: CalendarRow): BusinessCalendar {
  const hit = engineCache.get(r.key);
  if (hit && hit.version === r.version && hit.updatedAt === r.updatedAt.getTime()) return hit.calendar;
  const calendar = engineCalendar(r.key, r.definition);
  engineCache.set(r.key, { version: r.version, updatedAt: r.updatedAt.getTime(), calendar });
  return calendar;
}
