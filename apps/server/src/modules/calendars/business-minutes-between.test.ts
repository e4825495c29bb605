import { describe, expect, it } from 'vitest';
import type { BusinessCalendar, Pause } from './calendar-types.js';
import { businessMinutesBetween, isBusinessTime } from './business-minutes-between.js';
import { CN_STANDARD as CN, ROUND_THE_CLOCK as H24 } from './seed-calendars.js';
import { BERLIN_SUNDAY_NIGHT, NEW_YORK_SUNDAY_NIGHT, SPLIT_SHIFT, at } from './calendar-test-fixtures.js';

/** Hand-computed measures; cn-standard days are 480 min (09–12 + 13–18). */
type Case = [reason: string, calendar: BusinessCalendar, a: string, b: string, pauses: [string, string | null][], expected: number];

const CASES: Case[] = [
  ['Mon 2025-03-03 10:00 → 15:00: 10–12 (120) + lunch + 13–15 (120) = 240', CN, '2025-03-03T10:00+08:00', '2025-03-03T15:00+08:00', [], 240],
  ['2025 Spring Festival: Fri Jan 24 09:00 → Wed Feb 5 09:00: Fri 480 + make-up Sun 26 480 + Mon 27 480; Jan 28–Feb 4 closed = 1440', CN, '2025-01-24T09:00+08:00', '2025-02-05T09:00+08:00', [], 1440],
  ['2026 Spring Festival: Fri Feb 13 09:00 → Mon Mar 2 09:00: Fri 13 + make-up Sat 14 + Tue 24–Fri 27 (4) + make-up Sat 28 = 7 × 480 = 3360', CN, '2026-02-13T09:00+08:00', '2026-03-02T09:00+08:00', [], 3360],
  ['2025 Labour Day: Fri Apr 25 09:00 → Wed May 7 09:00: Fri 25, make-up Sun 27, Mon 28–Wed 30, Tue May 6 = 6 × 480 = 2880', CN, '2025-04-25T09:00+08:00', '2025-05-07T09:00+08:00', [], 2880],
  ['2026 Labour Day: Thu Apr 30 09:00 → Mon May 11 09:00: Thu 30, Wed 6–Fri 8, make-up Sat 9 = 5 × 480 = 2400', CN, '2026-04-30T09:00+08:00', '2026-05-11T09:00+08:00', [], 2400],
  ['2025 National Day: Fri Sep 26 09:00 → Thu Oct 9 09:00: Fri 26, make-up Sun 28, Mon 29, Tue 30; Oct 1–8 closed = 1920', CN, '2025-09-26T09:00+08:00', '2025-10-09T09:00+08:00', [], 1920],
  ['2026 National Day: Wed Sep 30 09:00 → Mon Oct 12 09:00: Wed 30, Thu 8, Fri 9, make-up Sat 10 = 1920', CN, '2026-09-30T09:00+08:00', '2026-10-12T09:00+08:00', [], 1920],
  ['b before a measures 0 (never negative)', CN, '2025-03-03T15:00+08:00', '2025-03-03T10:00+08:00', [], 0],
  ['a equal to b measures 0', CN, '2025-03-03T10:00+08:00', '2025-03-03T10:00+08:00', [], 0],
  ['partial minutes are floored: 09:00:00 → 09:00:59 is 0', CN, '2025-03-03T09:00:00+08:00', '2025-03-03T09:00:59+08:00', [], 0],
  ['partial minutes are floored: 09:00:00 → 09:01:59 is 1', CN, '2025-03-03T09:00:00+08:00', '2025-03-03T09:01:59+08:00', [], 1],
  ['the floor is taken once: 11:59:30 → 13:00:30 is 30 s + 30 s = 1 minute', CN, '2025-03-03T11:59:30+08:00', '2025-03-03T13:00:30+08:00', [], 1],
  ['Fri 2025-02-28 23:00 → Sat 2025-03-01 01:00 crosses midnight and the month end: 120', H24, '2025-02-28T23:00+08:00', '2025-03-01T01:00+08:00', [], 120],
  ['a whole Spring Festival week counts: 2025-01-28 00:00 → 2025-02-04 00:00 = 7 × 1440 = 10080', H24, '2025-01-28T00:00+08:00', '2025-02-04T00:00+08:00', [], 10080],
  ['Mon 2025-03-03 10:00 → 20:00: 10–11:30 (90) + 14–17:30 (210) + 19–20 (60) = 360', SPLIT_SHIFT, '2025-03-03T10:00+08:00', '2025-03-03T20:00+08:00', [], 360],
  ['New York Sun 01:00–04:00 on 2025-03-09 (spring forward) is 01:00 EST → 04:00 EDT = 120 real minutes', NEW_YORK_SUNDAY_NIGHT, '2025-03-09T00:00-05:00', '2025-03-10T00:00-04:00', [], 120],
  ['New York Sun 01:00–04:00 on 2025-11-02 (fall back) is 01:00 EDT → 04:00 EST = 240 real minutes', NEW_YORK_SUNDAY_NIGHT, '2025-11-02T00:00-04:00', '2025-11-03T00:00-05:00', [], 240],
  ['Berlin Sun 00:00–06:00 on 2025-03-30 (02:00 → 03:00) = 300 real minutes', BERLIN_SUNDAY_NIGHT, '2025-03-29T12:00+01:00', '2025-03-31T00:00+02:00', [], 300],
  ['Berlin Sun 00:00–06:00 on 2025-10-26 (03:00 → 02:00) = 420 real minutes', BERLIN_SUNDAY_NIGHT, '2025-10-25T12:00+02:00', '2025-10-27T00:00+01:00', [], 420],
  // pauses
  ['overlapping pauses 10:00–11:00 and 10:30–14:00 are one pause 10:00–14:00 (10–12 + 13–14 = 180): Mon 09:00 → Tue 18:00 = 960 − 180 = 780', CN,
    '2025-03-03T09:00+08:00', '2025-03-04T18:00+08:00', [['2025-03-03T10:00+08:00', '2025-03-03T11:00+08:00'], ['2025-03-03T10:30+08:00', '2025-03-03T14:00+08:00']], 780],
  ['the same pause recorded twice is taken off once: 240 − (10–11 = 60) = 180', CN,
    '2025-03-03T10:00+08:00', '2025-03-03T15:00+08:00', [['2025-03-03T10:00+08:00', '2025-03-03T11:00+08:00'], ['2025-03-03T10:00+08:00', '2025-03-03T11:00+08:00']], 180],
  ['an open-ended pause from Tue 17:00 (still paused) takes off the rest: Mon 09:00 → Tue 18:00 = 960 − 60 = 900', CN,
    '2025-03-03T09:00+08:00', '2025-03-04T18:00+08:00', [['2025-03-04T17:00+08:00', null]], 900],
  ['a pause over National Day 2025 (Tue Sep 30 17:00 → Thu Oct 9 10:00) takes off only 60 + 60 business minutes: 1920 − 120 = 1800', CN,
    '2025-09-29T09:00+08:00', '2025-10-10T18:00+08:00', [['2025-09-30T17:00+08:00', '2025-10-09T10:00+08:00']], 1800],
  ['a pause starting before a is clipped: 10:00 → 15:00 with pause 08:00–11:00 → 240 − 60 = 180', CN,
    '2025-03-03T10:00+08:00', '2025-03-03T15:00+08:00', [['2025-03-03T08:00+08:00', '2025-03-03T11:00+08:00']], 180],
  ['pauses wholly before a or after b change nothing: 240', CN,
    '2025-03-03T10:00+08:00', '2025-03-03T15:00+08:00', [['2025-03-03T08:00+08:00', '2025-03-03T09:30+08:00'], ['2025-03-03T16:00+08:00', null]], 240],
  ['a pause inside the lunch break takes nothing off: 240', CN,
    '2025-03-03T10:00+08:00', '2025-03-03T15:00+08:00', [['2025-03-03T12:05+08:00', '2025-03-03T12:55+08:00']], 240],
  ['a pause covering the whole interval leaves 0', CN,
    '2025-03-03T10:00+08:00', '2025-03-03T15:00+08:00', [['2025-03-01T00:00+08:00', '2025-03-05T00:00+08:00']], 0],
  ['pause seconds count before the floor: 10:00 → 11:00 minus 10:00:30–10:01:00 = 59.5 → 59', CN,
    '2025-03-03T10:00+08:00', '2025-03-03T11:00+08:00', [['2025-03-03T10:00:30+08:00', '2025-03-03T10:01:00+08:00']], 59],
];

const toPauses = (pauses: [string, string | null][]): Pause[] => pauses.map(([from, to]) => ({ from: at(from), to: to === null ? null : at(to) }));

describe('businessMinutesBetween: hand-computed cases', () => {
  for (const [reason, calendar, a, b, pauses, expected] of CASES) {
    it(`${calendar.key}: ${reason}`, () => {
      expect(businessMinutesBetween(calendar, at(a), at(b), toPauses(pauses))).toBe(expected);
    });
  }
});

describe('businessMinutesBetween: arguments', () => {
  it('a pause that ends before it starts is a caller bug and throws', () => {
    const pause = { from: at('2025-03-03T11:00+08:00'), to: at('2025-03-03T10:00+08:00') };
    expect(() => businessMinutesBetween(CN, at('2025-03-03T09:00+08:00'), at('2025-03-03T18:00+08:00'), [pause])).toThrow(/pauses\[0\] ends .* before it starts/);
  });

  it('Invalid Date arguments throw with the argument named', () => {
    expect(() => businessMinutesBetween(CN, new Date(NaN), at('2025-03-03T18:00+08:00'))).toThrow(/a must be a valid Date/);
    expect(() => businessMinutesBetween(CN, at('2025-03-03T09:00+08:00'), at('2025-03-03T18:00+08:00'), [{ from: new Date(NaN), to: null }])).toThrow(/pauses\[0\]\.from/);
  });
});

describe('isBusinessTime', () => {
  it('a range start is open, its end is closed, lunch is closed, a make-up Saturday is open', () => {
    expect(isBusinessTime(CN, at('2025-03-03T09:00+08:00'))).toBe(true);
    expect(isBusinessTime(CN, at('2025-03-03T11:59:59+08:00'))).toBe(true);
    expect(isBusinessTime(CN, at('2025-03-03T12:00+08:00'))).toBe(false);
    expect(isBusinessTime(CN, at('2025-03-03T12:30+08:00'))).toBe(false);
    expect(isBusinessTime(CN, at('2025-02-08T10:00+08:00'))).toBe(true);
    expect(isBusinessTime(CN, at('2025-02-01T10:00+08:00'))).toBe(false);
    expect(isBusinessTime(H24, at('2025-01-01T00:00+08:00'))).toBe(true);
  });
});
