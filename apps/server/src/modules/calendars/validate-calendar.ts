import { ISO_WEEKDAYS, type BusinessCalendar, type IsoWeekday } from './calendar-types.js';
import { parseDate, parseWallTime } from './civil-time.js';
import { isKnownTimeZone } from './time-zone.js';

/** One problem with a calendar definition, addressed to the field a person has to fix. */
export interface CalendarIssue {
  /** dotted path of the field, e.g. 'week.1[0].end' or 'extraHolidays[2]' */
  readonly path: string;
  readonly code:
    | 'required'
    | 'bad_time_zone'
    | 'bad_mode'
    | 'bad_weekday'
    | 'bad_time'
    | 'empty_range'
    | 'overlapping_ranges'
    | 'bad_date'
    | 'duplicate_date'
    | 'holiday_and_workday'
    | 'not_for_24x7'
    | 'no_make_up_hours'
    | 'no_working_hours';
  readonly message: string;
}

/** Thrown when the engine is handed a calendar that validateCalendar rejects, or cannot make progress. */
export class CalendarError extends Error {
  constructor(
    message: string,
    readonly issues: readonly CalendarIssue[] = [],
  ) {
    super(message);
    this.name = 'CalendarError';
  }
}

const DAY_NAMES: Record<IsoWeekday, string> = { 1: 'Monday', 2: 'Tuesday', 3: 'Wednesday', 4: 'Thursday', 5: 'Friday', 6: 'Saturday', 7: 'Sunday' };

/**
 * Every problem with a calendar definition (empty when it is usable). Checks the shape too, because
 * calendars arrive as JSON from the API and the database.
 */
export function validateCalendar(calendar: BusinessCalendar): CalendarIssue[] {
  const issues: CalendarIssue[] = [];
  const add = (path: string, code: CalendarIssue['code'], message: string) => issues.push({ path, code, message });
  const c = (calendar ?? {}) as Partial<Record<keyof BusinessCalendar, unknown>>;

  if (typeof c.key !== 'string' || c.key.trim() === '') add('key', 'required', 'key is required');
  if (typeof c.name !== 'string' || c.name.trim() === '') add('name', 'required', 'name is required');
  if (typeof c.timeZone !== 'string' || !isKnownTimeZone(c.timeZone)) {
    add('timeZone', 'bad_time_zone', `time zone ${JSON.stringify(c.timeZone)} is not a known IANA zone such as 'Asia/Shanghai'`);
  }
  if (c.mode !== '24x7' && c.mode !== 'weekly') add('mode', 'bad_mode', "mode must be '24x7' or 'weekly'");
  if (typeof c.useStatutoryHolidays !== 'boolean') add('useStatutoryHolidays', 'required', 'useStatutoryHolidays must be true or false');
  if (!ISO_WEEKDAYS.includes(c.makeUpDayHoursFrom as IsoWeekday)) {
    add('makeUpDayHoursFrom', 'bad_weekday', 'makeUpDayHoursFrom must be an ISO weekday, 1 (Monday) to 7 (Sunday)');
  }

  const week = (c.week ?? null) as Record<string, unknown> | null;
  const openWeekdays = new Set<number>();
  if (typeof week !== 'object' || week === null || Array.isArray(week)) {
    add('week', 'required', 'week must be an object of ranges per ISO weekday (1 = Monday … 7 = Sunday)');
  } else {
    for (const [day, ranges] of Object.entries(week)) {
      const weekday = Number(day) as IsoWeekday;
      if (!ISO_WEEKDAYS.includes(weekday) || String(weekday) !== day) {
        add(`week.${day}`, 'bad_weekday', `week has key '${day}'; use ISO weekdays 1 (Monday) to 7 (Sunday)`);
        continue;
      }
      if (!Array.isArray(ranges)) {
        add(`week.${day}`, 'bad_time', `${DAY_NAMES[weekday]} must be a list of {start, end} ranges`);
        continue;
      }
      if (checkRanges(`week.${day}`, DAY_NAMES[weekday], ranges, add) && ranges.length > 0) openWeekdays.add(weekday);
    }
  }

  const weekUsable = !issues.some((i) => i.path.startsWith('week') || i.path === 'makeUpDayHoursFrom');
  const holidays = checkDates('extraHolidays', c.extraHolidays, add);
  const workdays = checkDates('extraWorkdays', c.extraWorkdays, add);
  for (const date of holidays) {
    if (workdays.has(date)) add('extraWorkdays', 'holiday_and_workday', `${date} is listed both as an extra holiday and as an extra workday`);
  }

  if (c.mode === '24x7') {
    // Holidays on a 24×7 calendar would contradict its name; a calendar that closes on holidays is
    // a weekly one with 00:00–24:00 every day.
    if (c.useStatutoryHolidays === true) add('useStatutoryHolidays', 'not_for_24x7', "a 24x7 calendar is open on holidays too; use mode 'weekly' with 00:00–24:00 ranges to close on holidays");
    if (holidays.size > 0) add('extraHolidays', 'not_for_24x7', 'a 24x7 calendar has no holidays');
    if (workdays.size > 0) add('extraWorkdays', 'not_for_24x7', 'a 24x7 calendar has no extra workdays: it is always open');
  } else if (c.mode === 'weekly' && week && !Array.isArray(week)) {
    const makeUpDays = c.useStatutoryHolidays === true || workdays.size > 0;
    const from = c.makeUpDayHoursFrom as IsoWeekday;
    if (makeUpDays && !openWeekdays.has(from) && openWeekdays.size > 0 && weekUsable) {
      add('makeUpDayHoursFrom', 'no_make_up_hours', `make-up working days keep ${DAY_NAMES[from]}'s hours, but ${DAY_NAMES[from]} has none`);
    }
    if (openWeekdays.size === 0 && weekUsable) {
      add('week', 'no_working_hours', 'the calendar has no working hours on any weekday, so no deadline could ever be reached');
    }
  }
  return issues;
}

type Add = (path: string, code: CalendarIssue['code'], message: string) => void;

/** Checks one weekday's ranges; true when they are all usable. */
function checkRanges(path: string, dayName: string, ranges: unknown[], add: Add): boolean {
  const parsed: { start: number; end: number; index: number }[] = [];
  let ok = true;
  ranges.forEach((r, index) => {
    const range = (r ?? {}) as { start?: unknown; end?: unknown };
    const start = typeof range.start === 'string' ? parseWallTime(range.start) : null;
    const end = typeof range.end === 'string' ? parseWallTime(range.end) : null;
    if (start === null || start === 1440) {
      add(`${path}[${index}].start`, 'bad_time', `${dayName} range ${index + 1}: start ${JSON.stringify(range.start)} must be 'HH:MM' from 00:00 to 23:59`);
      ok = false;
    }
    if (end === null) {
      add(`${path}[${index}].end`, 'bad_time', `${dayName} range ${index + 1}: end ${JSON.stringify(range.end)} must be 'HH:MM' from 00:01 to 24:00`);
      ok = false;
    }
    if (start === null || start === 1440 || end === null) return;
    if (end <= start) {
      add(`${path}[${index}]`, 'empty_range', `${dayName} range ${index + 1}: end ${range.end} must be after start ${range.start} (ranges cannot run past midnight; use 24:00 and the next day's 00:00)`);
      ok = false;
      return;
    }
    parsed.push({ start, end, index });
  });
  parsed.sort((a, b) => a.start - b.start);
  for (let i = 1; i < parsed.length; i++) {
    const prev = parsed[i - 1]!;
    const cur = parsed[i]!;
    // touching ranges (12:00 end, 12:00 start) are fine: ends are exclusive
    if (cur.start < prev.end) {
      add(`${path}[${cur.index}]`, 'overlapping_ranges', `${dayName} ranges ${prev.index + 1} and ${cur.index + 1} overlap`);
      ok = false;
    }
  }
  return ok;
}

function checkDates(path: string, value: unknown, add: Add): Set<string> {
  const seen = new Set<string>();
  if (!Array.isArray(value)) {
    add(path, 'required', `${path} must be a list of YYYY-MM-DD dates (it may be empty)`);
    return seen;
  }
  value.forEach((date, index) => {
    if (typeof date !== 'string' || parseDate(date) === null) {
      add(`${path}[${index}]`, 'bad_date', `${path}[${index}]: ${JSON.stringify(date)} is not a YYYY-MM-DD calendar date`);
    } else if (seen.has(date)) {
      add(`${path}[${index}]`, 'duplicate_date', `${path}: ${date} is listed twice`);
    } else {
      seen.add(date);
    }
  });
  return seen;
}

/** Throws a CalendarError listing every issue unless the calendar is usable. */
export function assertValidCalendar(calendar: BusinessCalendar): void {
  const issues = validateCalendar(calendar);
  if (issues.length > 0) {
    throw new CalendarError(`calendar ${JSON.stringify(calendar?.key)} is invalid: ${issues.map((i) => i.message).join('; ')}`, issues);
  }
}
