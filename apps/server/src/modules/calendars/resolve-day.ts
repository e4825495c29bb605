import { ISO_WEEKDAYS, type BusinessCalendar, type DayInfo, type IsoWeekday, type TimeRange } from './calendar-types.js';
import { civilDate, parseWallTime } from './civil-time.js';
import { statutoryYear } from './statutory-days.js';

/** A validated calendar's weekly hours and overrides in the form the day resolver looks things up in. */
export interface CalendarRules {
  readonly calendar: BusinessCalendar;
  /** per weekday: ranges as written (sorted, for display) and as merged minute spans (for counting) */
  readonly hours: Readonly<Record<IsoWeekday, { readonly ranges: readonly TimeRange[]; readonly minutes: readonly number[] }>>;
  readonly extraHolidays: ReadonlySet<string>;
  readonly extraWorkdays: ReadonlySet<string>;
}

const ALL_DAY: readonly TimeRange[] = [{ start: '00:00', end: '24:00' }];

/** Prepares a calendar that validateCalendar accepted. */
export function prepareRules(calendar: BusinessCalendar): CalendarRules {
  const hours = {} as Record<IsoWeekday, { ranges: TimeRange[]; minutes: number[] }>;
  for (const weekday of ISO_WEEKDAYS) {
    const source = calendar.mode === '24x7' ? ALL_DAY : (calendar.week[weekday] ?? []);
    const ranges = [...source].sort((x, y) => parseWallTime(x.start)! - parseWallTime(y.start)!);
    // Flattened [start, end, start, end, …] minutes; touching ranges are merged so 12:00–12:00 joins
    // leave no zero-length gap to stop at.
    const minutes: number[] = [];
    for (const r of ranges) {
      const start = parseWallTime(r.start)!;
      const end = parseWallTime(r.end)!;
      if (minutes.length > 0 && minutes[minutes.length - 1] === start) minutes[minutes.length - 1] = end;
      else minutes.push(start, end);
    }
    hours[weekday] = { ranges, minutes };
  }
  return {
    calendar,
    hours,
    extraHolidays: new Set(calendar.mode === '24x7' ? [] : calendar.extraHolidays),
    extraWorkdays: new Set(calendar.mode === '24x7' ? [] : calendar.extraWorkdays),
  };
}

export interface ResolvedDay extends DayInfo {
  /** open spans in minutes after local midnight, flattened [start, end, …] */
  readonly minutes: readonly number[];
}

/**
 * What local day `dayNumber` is for the calendar, in this order — the first rule that applies wins:
 * 1. 24×7: always a workday, 00:00–24:00.
 * 2. an extra local holiday: closed (it beats a statutory make-up day);
 * 3. an extra workday: open with makeUpDayHoursFrom's hours (it beats a statutory holiday);
 * 4. a statutory holiday: closed; a statutory 调休 make-up day: open with makeUpDayHoursFrom's hours;
 * 5. otherwise the weekly hours. When the calendar uses statutory holidays but chinese-days has no
 *    schedule for the year, this is where the day lands, flagged provisional.
 */
export function resolveDay(rules: CalendarRules, dayNumber: number): ResolvedDay {
  const { calendar, hours } = rules;
  const c = civilDate(dayNumber);
  const base = { date: c.text, isoWeekday: c.isoWeekday };
  const closed = { ranges: [], minutes: [] };
  if (calendar.mode === '24x7') {
    return { ...base, kind: 'workday', source: '24x7', holidayName: null, provisional: false, ...hours[c.isoWeekday] };
  }
  const statutory = calendar.useStatutoryHolidays ? statutoryYear(c.year) : null;
  const provisional = statutory !== null && !statutory.covered;
  const statutoryName = statutory?.holidays.get(c.text) ?? statutory?.makeUpDays.get(c.text) ?? null;
  const makeUpHours = hours[calendar.makeUpDayHoursFrom];

  if (rules.extraHolidays.has(c.text)) {
    return { ...base, kind: 'holiday', source: 'extra', holidayName: statutoryName, provisional, ...closed };
  }
  if (rules.extraWorkdays.has(c.text)) {
    return { ...base, kind: 'makeup_workday', source: 'extra', holidayName: statutoryName, provisional, ...makeUpHours };
  }
  if (statutory?.holidays.has(c.text)) {
    return { ...base, kind: 'holiday', source: 'statutory', holidayName: statutoryName, provisional, ...closed };
  }
  if (statutory?.makeUpDays.has(c.text)) {
    return { ...base, kind: 'makeup_workday', source: 'statutory', holidayName: statutoryName, provisional, ...makeUpHours };
  }
  const weekly = hours[c.isoWeekday];
  return { ...base, kind: weekly.minutes.length > 0 ? 'workday' : 'weekend', source: 'week', holidayName: null, provisional, ...weekly };
}
