import { describe, expect, it } from 'vitest';
import type { BusinessCalendar } from './calendar-types.js';
import { CN_STANDARD, ROUND_THE_CLOCK, SEED_CALENDARS } from './seed-calendars.js';
import { validateCalendar } from './validate-calendar.js';
import { SPLIT_SHIFT, weekly } from './calendar-test-fixtures.js';

const codes = (calendar: BusinessCalendar) => validateCalendar(calendar).map((i) => `${i.path}: ${i.code}`);
const hours = (...pairs: [string, string][]) => pairs.map(([start, end]) => ({ start, end }));

describe('validateCalendar', () => {
  it('accepts the seeded calendars and split shifts', () => {
    for (const calendar of [...SEED_CALENDARS, SPLIT_SHIFT]) expect(validateCalendar(calendar)).toEqual([]);
  });

  it('accepts 24:00 as a range end and touching ranges', () => {
    expect(codes(weekly({ week: { 1: hours(['00:00', '12:00'], ['12:00', '24:00']) } }))).toEqual([]);
  });

  it('rejects overlapping ranges, naming both', () => {
    const issues = validateCalendar(weekly({ week: { 2: hours(['13:00', '18:00'], ['09:00', '13:30']) } }));
    expect(issues).toEqual([{ path: 'week.2[0]', code: 'overlapping_ranges', message: 'Tuesday ranges 2 and 1 overlap' }]);
  });

  it('rejects an end at or before the start, and ranges running past midnight', () => {
    expect(codes(weekly({ week: { 1: hours(['09:00', '09:00']) } }))).toEqual(['week.1[0]: empty_range']);
    expect(codes(weekly({ week: { 1: hours(['22:00', '02:00']) } }))).toEqual(['week.1[0]: empty_range']);
  });

  it('rejects malformed times: 24:00 as a start, 24:30, 9:00, 12:60', () => {
    expect(codes(weekly({ week: { 1: hours(['24:00', '24:00'], ['08:00', '24:30'], ['9:00', '10:00'], ['11:00', '12:60']) } }))).toEqual([
      'week.1[0].start: bad_time', 'week.1[1].end: bad_time', 'week.1[2].start: bad_time', 'week.1[3].end: bad_time',
    ]);
  });

  it('rejects weekday keys outside 1–7 (0 is not Sunday here)', () => {
    expect(codes(weekly({ week: { 0: hours(['09:00', '10:00']), 1: hours(['09:00', '10:00']) } as never }))).toEqual(['week.0: bad_weekday']);
  });

  it('rejects an unknown time zone, and an empty one', () => {
    expect(codes({ ...CN_STANDARD, timeZone: 'Asia/Beijing' })).toEqual(['timeZone: bad_time_zone']);
    expect(codes({ ...CN_STANDARD, timeZone: '' })).toEqual(['timeZone: bad_time_zone']);
  });

  it('rejects dates that are not real YYYY-MM-DD dates, duplicates, and a date both holiday and workday', () => {
    expect(codes({ ...CN_STANDARD, extraHolidays: ['2025-02-30', '2025-2-3', '2025-05-06', '2025-05-06'], extraWorkdays: ['2025-05-06'] })).toEqual([
      'extraHolidays[0]: bad_date', 'extraHolidays[1]: bad_date', 'extraHolidays[3]: duplicate_date', 'extraWorkdays: holiday_and_workday',
    ]);
  });

  it('rejects a calendar with no working hours on any weekday', () => {
    expect(validateCalendar(weekly())).toEqual([
      { path: 'week', code: 'no_working_hours', message: 'the calendar has no working hours on any weekday, so no deadline could ever be reached' },
    ]);
  });

  it('rejects make-up days borrowing the hours of a closed weekday', () => {
    const calendar = weekly({ useStatutoryHolidays: true, makeUpDayHoursFrom: 6, week: { 1: hours(['09:00', '18:00']) } });
    expect(validateCalendar(calendar)).toEqual([
      { path: 'makeUpDayHoursFrom', code: 'no_make_up_hours', message: "make-up working days keep Saturday's hours, but Saturday has none" },
    ]);
  });

  it('rejects holidays and overrides on a 24x7 calendar, which is open on every day by definition', () => {
    expect(codes({ ...ROUND_THE_CLOCK, useStatutoryHolidays: true, extraHolidays: ['2025-01-01'], extraWorkdays: ['2025-01-04'] })).toEqual([
      'useStatutoryHolidays: not_for_24x7', 'extraHolidays: not_for_24x7', 'extraWorkdays: not_for_24x7',
    ]);
  });

  it('reports missing fields of JSON input instead of crashing', () => {
    expect(codes({} as BusinessCalendar)).toEqual([
      'key: required', 'name: required', 'timeZone: bad_time_zone', 'mode: bad_mode', 'useStatutoryHolidays: required',
      'makeUpDayHoursFrom: bad_weekday', 'week: required', 'extraHolidays: required', 'extraWorkdays: required',
    ]);
  });
});
