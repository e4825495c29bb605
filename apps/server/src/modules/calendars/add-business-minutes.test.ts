import { describe, expect, it } from 'vitest';
import type { BusinessCalendar } from './calendar-types.js';
import { addBusinessMinutes, nextOpening } from './add-business-minutes.js';
import { CN_STANDARD as CN, ROUND_THE_CLOCK as H24 } from './seed-calendars.js';
import { CalendarError } from './validate-calendar.js';
import {
  BERLIN_SUNDAY_NIGHT, NEW_YORK_ALL_DAY, NEW_YORK_OFFICE, NEW_YORK_SUNDAY_NIGHT, SHORT_MONDAY, SPLIT_SHIFT, TOKYO_OFFICE,
  at, cnStandardWith, weekly,
} from './calendar-test-fixtures.js';

/**
 * Hand-computed deadlines. cn-standard is 09:00–12:00 (180) + 13:00–18:00 (300) = 480 min a working
 * day. Holiday schedules as published by the State Council (and present in chinese-days 1.5.7):
 * 2025 Spring Festival Jan 28–Feb 4, make-up Sun Jan 26 + Sat Feb 8; Labour Day May 1–5, make-up
 * Sun Apr 27; National Day + Mid-Autumn Oct 1–8, make-up Sun Sep 28 + Sat Oct 11.
 * 2026 New Year Jan 1–3, make-up Sun Jan 4; Spring Festival Feb 15–23, make-up Sat Feb 14 + Sat
 * Feb 28; Labour Day May 1–5, make-up Sat May 9; Mid-Autumn Sep 25–27; National Day Oct 1–7,
 * make-up Sun Sep 20 + Sat Oct 10.
 */
type Case = [reason: string, calendar: BusinessCalendar, start: string, minutes: number, expected: string];

const CASES: Case[] = [
  // 2026 Spring Festival
  ['Fri 2026-02-13 17:00 + 120 → 60 to 18:00; the 14th is a make-up Saturday (调休) so 60 more → Sat 2026-02-14 10:00', CN, '2026-02-13T17:00+08:00', 120, '2026-02-14T10:00+08:00'],
  ['make-up Sat 2026-02-14 17:00 + 120 → 60 to 18:00; Spring Festival Sun 15–Mon 23 closed → Tue 2026-02-24 10:00', CN, '2026-02-14T17:00+08:00', 120, '2026-02-24T10:00+08:00'],
  ['Thu 2026-02-12 09:00 + 4320 (72 h = 9 days of 480): Thu 12, Fri 13, make-up Sat 14, holiday 15–23, Tue 24–Fri 27, make-up Sat 28, Sun Mar 1 closed, 9th day Mon 2026-03-02 ends at exactly 18:00', CN, '2026-02-12T09:00+08:00', 4320, '2026-03-02T18:00+08:00'],
  ['Wed 2026-02-18 10:00 is inside Spring Festival, + 0 → the next opening, Tue 2026-02-24 09:00', CN, '2026-02-18T10:00+08:00', 0, '2026-02-24T09:00+08:00'],
  ['Fri 2026-02-27 17:30 + 60 → 30 to 18:00; Sat 28 is the second Spring Festival make-up day → 2026-02-28 09:30', CN, '2026-02-27T17:30+08:00', 60, '2026-02-28T09:30+08:00'],
  // 2025 Spring Festival
  ['Fri 2025-01-24 17:00 + 120 → 60 to 18:00; Sat 25 closed; Sun 26 is a make-up day → 2025-01-26 10:00', CN, '2025-01-24T17:00+08:00', 120, '2025-01-26T10:00+08:00'],
  ['Mon 2025-01-27 16:00 + 180 → 120 to 18:00; Spring Festival Tue Jan 28–Tue Feb 4 closed → Wed 2025-02-05 10:00', CN, '2025-01-27T16:00+08:00', 180, '2025-02-05T10:00+08:00'],
  ['Thu 2025-01-30 10:00 is inside Spring Festival, counts from the next opening Wed Feb 5 09:00; + 60 → 2025-02-05 10:00', CN, '2025-01-30T10:00+08:00', 60, '2025-02-05T10:00+08:00'],
  ['Fri 2025-02-07 17:30 + 60 → 30 to 18:00; Sat Feb 8 is a make-up day → 2025-02-08 09:30', CN, '2025-02-07T17:30+08:00', 60, '2025-02-08T09:30+08:00'],
  ['make-up Sun 2025-01-26 11:00 + 240 → 60 to 12:00, the weekday lunch break applies, 13:00 + 180 → 2025-01-26 16:00', CN, '2025-01-26T11:00+08:00', 240, '2025-01-26T16:00+08:00'],
  // 2025 and 2026 Labour Day
  ['ordinary Sat 2025-04-26 10:00 is closed; Sun Apr 27 is the Labour Day make-up day; + 30 → 2025-04-27 09:30', CN, '2025-04-26T10:00+08:00', 30, '2025-04-27T09:30+08:00'],
  ['Wed 2025-04-30 17:00 + 600 → 60 to 18:00; May 1–5 closed; Tue May 6 gives 480 (540); Wed May 7 09:00 + 60 → 2025-05-07 10:00', CN, '2025-04-30T17:00+08:00', 600, '2025-05-07T10:00+08:00'],
  ['Thu 2026-04-30 17:00 + 120 → 60 to 18:00; Labour Day Fri May 1–Tue May 5 closed → Wed 2026-05-06 10:00', CN, '2026-04-30T17:00+08:00', 120, '2026-05-06T10:00+08:00'],
  ['Fri 2026-05-08 17:00 + 120 → 60 to 18:00; Sat May 9 is the Labour Day make-up day → 2026-05-09 10:00', CN, '2026-05-08T17:00+08:00', 120, '2026-05-09T10:00+08:00'],
  // 2025 and 2026 National Day
  ['Fri 2025-09-26 17:00 + 120 → 60 to 18:00; Sat 27 closed; Sun Sep 28 is a make-up day → 2025-09-28 10:00', CN, '2025-09-26T17:00+08:00', 120, '2025-09-28T10:00+08:00'],
  ['Tue 2025-09-30 17:00 + 120 → 60 to 18:00; National Day + Mid-Autumn Oct 1–8 closed → Thu 2025-10-09 10:00', CN, '2025-09-30T17:00+08:00', 120, '2025-10-09T10:00+08:00'],
  ['Fri 2025-10-10 17:00 + 120 → 60 to 18:00; Sat Oct 11 is a make-up day → 2025-10-11 10:00', CN, '2025-10-10T17:00+08:00', 120, '2025-10-11T10:00+08:00'],
  ['Fri 2026-09-18 17:00 + 120 → 60 to 18:00; Sat 19 closed; Sun Sep 20 is the National Day make-up day → 2026-09-20 10:00', CN, '2026-09-18T17:00+08:00', 120, '2026-09-20T10:00+08:00'],
  ['Thu 2026-09-24 17:00 + 120 → 60 to 18:00; Mid-Autumn Fri 25–Sun 27 closed → Mon 2026-09-28 10:00', CN, '2026-09-24T17:00+08:00', 120, '2026-09-28T10:00+08:00'],
  ['Wed 2026-09-30 17:00 + 120 → 60 to 18:00; National Day Oct 1–7 closed → Thu 2026-10-08 10:00', CN, '2026-09-30T17:00+08:00', 120, '2026-10-08T10:00+08:00'],
  ['Fri 2026-10-09 17:00 + 120 → 60 to 18:00; Sat Oct 10 is a make-up day → 2026-10-10 10:00', CN, '2026-10-09T17:00+08:00', 120, '2026-10-10T10:00+08:00'],
  // other holidays, across the year end
  ['Wed 2025-12-31 17:00 + 120 → 60 to 18:00; New Year Jan 1–3 closed; Sun Jan 4 is a make-up day → 2026-01-04 10:00', CN, '2025-12-31T17:00+08:00', 120, '2026-01-04T10:00+08:00'],
  ['Thu 2025-04-03 17:00 + 120 → 60 to 18:00; Qingming Fri Apr 4–Sun Apr 6 closed → Mon 2025-04-07 10:00', CN, '2025-04-03T17:00+08:00', 120, '2025-04-07T10:00+08:00'],
  // ordinary days: lunch, range ends, closed starts
  ['Mon 2025-03-03 11:00 + 60 → exactly the end of the morning range: 12:00, not 13:00', CN, '2025-03-03T11:00+08:00', 60, '2025-03-03T12:00+08:00'],
  ['Mon 2025-03-03 11:00 + 90 → 60 to 12:00, lunch 12:00–13:00 is closed, 13:00 + 30 → 13:30', CN, '2025-03-03T11:00+08:00', 90, '2025-03-03T13:30+08:00'],
  ['Fri 2025-03-07 17:00 + 60 → exactly the end of the day: Fri 18:00, not Mon 09:00', CN, '2025-03-07T17:00+08:00', 60, '2025-03-07T18:00+08:00'],
  ['Fri 2025-03-07 17:00 + 61 → 60 to 18:00, weekend closed, Mon 09:00 + 1 → 2025-03-10 09:01', CN, '2025-03-07T17:00+08:00', 61, '2025-03-10T09:01+08:00'],
  ['Mon 2025-03-03 12:30 (lunch) + 30 → counts from 13:00 → 13:30', CN, '2025-03-03T12:30+08:00', 30, '2025-03-03T13:30+08:00'],
  ['Mon 2025-03-03 07:15 (before opening) + 30 → counts from 09:00 → 09:30', CN, '2025-03-03T07:15+08:00', 30, '2025-03-03T09:30+08:00'],
  ['Mon 2025-03-03 19:00 (after closing) + 30 → counts from Tue 09:00 → 2025-03-04 09:30', CN, '2025-03-03T19:00+08:00', 30, '2025-03-04T09:30+08:00'],
  ['Sat 2025-03-08 10:00 (weekend) + 30 → counts from Mon 09:00 → 2025-03-10 09:30', CN, '2025-03-08T10:00+08:00', 30, '2025-03-10T09:30+08:00'],
  ['Mon 2025-03-03 12:00 is already closed (ranges end exclusively), + 1 → 13:01', CN, '2025-03-03T12:00+08:00', 1, '2025-03-03T13:01+08:00'],
  ['Mon 2025-03-03 10:15 is open, + 0 → 10:15 itself', CN, '2025-03-03T10:15+08:00', 0, '2025-03-03T10:15+08:00'],
  ['Mon 2025-03-03 12:30 is closed, + 0 → the next opening 13:00', CN, '2025-03-03T12:30+08:00', 0, '2025-03-03T13:00+08:00'],
  ['Fri 2025-03-07 18:00 is closed, + 0 → the next opening Mon 2025-03-10 09:00', CN, '2025-03-07T18:00+08:00', 0, '2025-03-10T09:00+08:00'],
  ['Fri 2025-03-07 09:00 + 4320 (9 days of 480, no holidays in March): Fri 7, Mon 10–Fri 14, Mon 17–Wed 19 → Wed 2025-03-19 18:00', CN, '2025-03-07T09:00+08:00', 4320, '2025-03-19T18:00+08:00'],
  ['seconds are kept: Mon 2025-03-03 09:00:30 + 1 → 09:01:30', CN, '2025-03-03T09:00:30+08:00', 1, '2025-03-03T09:01:30+08:00'],
  ['Mon 2025-03-03 11:59:30 + 1 → 30 s to 12:00, then 30 s after 13:00 → 13:00:30', CN, '2025-03-03T11:59:30+08:00', 1, '2025-03-03T13:00:30+08:00'],
  // 24×7
  ['Wed 2025-12-31 23:30 + 60 runs through midnight and the year end → 2026-01-01 00:30', H24, '2025-12-31T23:30+08:00', 60, '2026-01-01T00:30+08:00'],
  ['Fri 2025-01-31 23:59 + 2 → no minute lost at midnight or the month end → 2025-02-01 00:01', H24, '2025-01-31T23:59+08:00', 2, '2025-02-01T00:01+08:00'],
  ['Fri 2025-02-28 23:00 + 60 → exactly midnight 2025-03-01 00:00', H24, '2025-02-28T23:00+08:00', 60, '2025-03-01T00:00+08:00'],
  ['holidays do not close it: Tue 2025-01-28 (Spring Festival) 10:00 + 1440 → 2025-01-29 10:00', H24, '2025-01-28T10:00+08:00', 1440, '2025-01-29T10:00+08:00'],
  ['seconds kept across midnight: 2025-06-30 23:59:45 + 1 → 2025-07-01 00:00:45', H24, '2025-06-30T23:59:45+08:00', 1, '2025-07-01T00:00:45+08:00'],
  // split shifts 08:00–11:30, 14:00–17:30, 19:00–21:00
  ['Mon 2025-03-03 11:00 + 60 → 30 to 11:30, gap, 14:00 + 30 → 14:30', SPLIT_SHIFT, '2025-03-03T11:00+08:00', 60, '2025-03-03T14:30+08:00'],
  ['Mon 2025-03-03 17:00 + 60 → 30 to 17:30, gap, 19:00 + 30 → 19:30', SPLIT_SHIFT, '2025-03-03T17:00+08:00', 60, '2025-03-03T19:30+08:00'],
  ['Mon 2025-03-03 20:30 + 60 → 30 to 21:00, night, Tue 08:00 + 30 → 2025-03-04 08:30', SPLIT_SHIFT, '2025-03-03T20:30+08:00', 60, '2025-03-04T08:30+08:00'],
  ['Mon 2025-03-03 12:00 (gap) + 210 → counts from 14:00, the whole afternoon range → exactly 17:30', SPLIT_SHIFT, '2025-03-03T12:00+08:00', 210, '2025-03-03T17:30+08:00'],
  ['Fri 2025-03-07 20:00 + 540 → 60 to 21:00; Mon 210 + 210 (480 used); 19:00 + 60 → Mon 2025-03-10 20:00', SPLIT_SHIFT, '2025-03-07T20:00+08:00', 540, '2025-03-10T20:00+08:00'],
  ['Tue 2025-03-04 00:00 + 0 → first segment of the day, 08:00 (not midnight)', SPLIT_SHIFT, '2025-03-04T00:00+08:00', 0, '2025-03-04T08:00+08:00'],
  // DST-free Tokyo
  ['Tokyo (UTC+9, no DST): Tue 2025-06-10 17:00 JST + 60 → 30 to 17:30, Wed 09:00 + 30 → 2025-06-11 09:30 JST', TOKYO_OFFICE, '2025-06-10T17:00+09:00', 60, '2025-06-11T09:30+09:00'],
  ['Tokyo: 2025-06-10 23:30 UTC is already Wed 08:30 in Tokyo, so + 30 → Wed 2025-06-11 09:30 JST', TOKYO_OFFICE, '2025-06-10T23:30Z', 30, '2025-06-11T09:30+09:00'],
  ['Tokyo: China\'s National Day does not close a calendar without statutory holidays: Wed 2025-10-01 09:00 JST + 60 → 10:00', TOKYO_OFFICE, '2025-10-01T09:00+09:00', 60, '2025-10-01T10:00+09:00'],
  // DST: New York (2025: Mar 9 and Nov 2; 2026: Mar 8), Berlin (2025: Mar 30 and Oct 26)
  ['New York 09–18: Fri 2025-03-07 17:00 EST + 120 → 60 to 18:00; DST starts Sun Mar 9; Mon 09:00 EDT + 60 → 2025-03-10 10:00 EDT (14:00 UTC)', NEW_YORK_OFFICE, '2025-03-07T17:00-05:00', 120, '2025-03-10T10:00-04:00'],
  ['New York 09–18: Fri 2025-10-31 17:00 EDT + 120 → DST ends Sun Nov 2; Mon 2025-11-03 10:00 EST (15:00 UTC)', NEW_YORK_OFFICE, '2025-10-31T17:00-04:00', 120, '2025-11-03T10:00-05:00'],
  ['New York 09–18: Fri 2026-03-06 17:00 EST + 120 → DST starts Sun Mar 8 2026; Mon 2026-03-09 10:00 EDT', NEW_YORK_OFFICE, '2026-03-06T17:00-05:00', 120, '2026-03-09T10:00-04:00'],
  ['New York all day: Sat 2025-03-08 23:00 EST + 180 real minutes → 02:00 EST does not exist, clocks jump → Sun 2025-03-09 03:00 EDT', NEW_YORK_ALL_DAY, '2025-03-08T23:00-05:00', 180, '2025-03-09T03:00-04:00'],
  ['New York all day: Sat 2025-11-01 23:00 EDT + 180 real minutes → 01:00 EST, the second 01:00 of Sun 2025-11-02', NEW_YORK_ALL_DAY, '2025-11-01T23:00-04:00', 180, '2025-11-02T01:00-05:00'],
  ['New York Sun 01:00–04:00 on the spring day holds only 120 real minutes (01:00 EST → 04:00 EDT): midnight + 120 → exactly 04:00 EDT', NEW_YORK_SUNDAY_NIGHT, '2025-03-09T00:00-05:00', 120, '2025-03-09T04:00-04:00'],
  ['Berlin Sun 00:00–06:00 on 2025-03-30 (02:00 → 03:00) holds 300 real minutes: 00:00 CET + 300 → 06:00 CEST', BERLIN_SUNDAY_NIGHT, '2025-03-30T00:00+01:00', 300, '2025-03-30T06:00+02:00'],
  ['Berlin Sun 2025-10-26 01:00 CEST + 180 real minutes → clocks fall back at 03:00 CEST → 03:00 CET', BERLIN_SUNDAY_NIGHT, '2025-10-26T01:00+02:00', 180, '2025-10-26T03:00+01:00'],
  // overrides and make-up day hours
  ['extra local holiday Wed 2025-03-05: Tue 17:00 + 120 → 60 to 18:00, Wed closed → Thu 2025-03-06 10:00', cnStandardWith({ extraHolidays: ['2025-03-05'] }), '2025-03-04T17:00+08:00', 120, '2025-03-06T10:00+08:00'],
  ['extra holiday wins over the make-up Sat 2025-02-08: Fri 17:00 + 120 → 60 to 18:00, Sat and Sun closed → Mon 2025-02-10 10:00', cnStandardWith({ extraHolidays: ['2025-02-08'] }), '2025-02-07T17:00+08:00', 120, '2025-02-10T10:00+08:00'],
  ['extra workday Sat 2025-03-08 with weekday hours: Fri 17:00 + 120 → 60 to 18:00, Sat 09:00 + 60 → 2025-03-08 10:00', cnStandardWith({ extraWorkdays: ['2025-03-08'] }), '2025-03-07T17:00+08:00', 120, '2025-03-08T10:00+08:00'],
  ['extra workday Sat 2025-03-08 keeps the lunch break: Fri 17:00 + 300 → 60, Sat 09–12 180 (240), 13:00 + 60 → 14:00', cnStandardWith({ extraWorkdays: ['2025-03-08'] }), '2025-03-07T17:00+08:00', 300, '2025-03-08T14:00+08:00'],
  ['extra workday wins over the statutory holiday Fri 2025-10-03: Tue Sep 30 17:00 + 120 → 60, Oct 1–2 closed, Oct 3 09:00 + 60 → 10:00', cnStandardWith({ extraWorkdays: ['2025-10-03'] }), '2025-09-30T17:00+08:00', 120, '2025-10-03T10:00+08:00'],
  ['make-up Sat 2025-02-08 keeps Monday\'s hours (09–12 only on this calendar): Fri 17:00 + 300 → 60, Sat 180 (240), Sun closed, Mon 09:00 + 60 → 2025-02-10 10:00', SHORT_MONDAY, '2025-02-07T17:00+08:00', 300, '2025-02-10T10:00+08:00'],
  ['makeUpDayHoursFrom = Friday (09–18): Fri 2025-02-07 17:00 + 300 → 60, make-up Sat 09:00 + 240 → 2025-02-08 13:00', { ...SHORT_MONDAY, makeUpDayHoursFrom: 5 }, '2025-02-07T17:00+08:00', 300, '2025-02-08T13:00+08:00'],
  // a year chinese-days does not cover yet
  ['2027 has no statutory data in chinese-days 1.5.7, so Fri 2027-01-01 follows the plain week (provisional): Thu 2026-12-31 17:00 + 120 → 2027-01-01 10:00', CN, '2026-12-31T17:00+08:00', 120, '2027-01-01T10:00+08:00'],
];

describe('addBusinessMinutes: hand-computed cases', () => {
  for (const [reason, calendar, start, minutes, expected] of CASES) {
    it(`${calendar.key}: ${reason}`, () => {
      expect(addBusinessMinutes(calendar, at(start), minutes).toISOString()).toBe(at(expected).toISOString());
    });
  }
});

describe('addBusinessMinutes: arguments and impossible calendars', () => {
  it('refuses negative, fractional and non-finite minutes', () => {
    for (const minutes of [-1, 1.5, NaN, Infinity, 1e12]) {
      expect(() => addBusinessMinutes(CN, at('2025-03-03T09:00+08:00'), minutes)).toThrow(/minutes must be a whole number from 0 to/);
      expect(() => addBusinessMinutes(H24, at('2025-03-03T09:00+08:00'), minutes)).toThrow(RangeError);
    }
  });

  it('refuses an Invalid Date start', () => {
    expect(() => addBusinessMinutes(CN, new Date('nope'), 10)).toThrow(/start must be a valid Date/);
  });

  it('a calendar with no working hours at all is rejected with a clear error, never an endless loop', () => {
    const closed = weekly({ key: 'closed' });
    expect(() => addBusinessMinutes(closed, at('2025-03-03T09:00+08:00'), 1)).toThrow(CalendarError);
    expect(() => addBusinessMinutes(closed, at('2025-03-03T09:00+08:00'), 1)).toThrow(/no working hours on any weekday/);
  });

  it('a valid calendar whose every open day is cancelled for years stops at the search horizon with a clear error', () => {
    // open only on Mondays, and every Monday of 2025–2028 is an extra holiday
    const mondays: string[] = [];
    for (let t = Date.UTC(2025, 0, 6); t < Date.UTC(2029, 0, 1); t += 7 * 86_400_000) mondays.push(new Date(t).toISOString().slice(0, 10));
    const calendar = weekly({ key: 'mondays-cancelled', week: { 1: [{ start: '09:00', end: '17:00' }] }, extraHolidays: mondays });
    expect(() => addBusinessMinutes(calendar, at('2025-01-01T09:00+08:00'), 1)).toThrow(/has no working time in the 1098 days from/);
  });

  it('nextOpening is the start itself when open and the next range start when closed', () => {
    expect(nextOpening(CN, at('2025-03-03T10:00+08:00')).toISOString()).toBe(at('2025-03-03T10:00+08:00').toISOString());
    expect(nextOpening(CN, at('2025-03-08T10:00+08:00')).toISOString()).toBe(at('2025-03-10T09:00+08:00').toISOString());
  });
});
