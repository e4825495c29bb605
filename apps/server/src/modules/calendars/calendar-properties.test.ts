import { describe, expect, it } from 'vitest';
import type { BusinessCalendar } from './calendar-types.js';
import { addBusinessMinutes } from './add-business-minutes.js';
import { businessMinutesBetween } from './business-minutes-between.js';
import { describeDay } from './month-preview.js';
import { CN_STANDARD, ROUND_THE_CLOCK } from './seed-calendars.js';
import { parseWallTime } from './civil-time.js';
import {
  BERLIN_SUNDAY_NIGHT, NEW_YORK_ALL_DAY, NEW_YORK_OFFICE, NEW_YORK_SUNDAY_NIGHT, SHORT_MONDAY, SPLIT_SHIFT, TOKYO_OFFICE, cnStandardWith, prng,
} from './calendar-test-fixtures.js';

/**
 * Properties over random starts (with seconds) across 2025–2026 and random targets, on calendars
 * covering holidays, make-up days, overrides, split shifts, Tokyo, and New York/Berlin DST days.
 * Seeded, so a failure reproduces.
 */
const CALENDARS: BusinessCalendar[] = [
  CN_STANDARD, ROUND_THE_CLOCK, SPLIT_SHIFT, TOKYO_OFFICE, NEW_YORK_OFFICE, NEW_YORK_ALL_DAY, NEW_YORK_SUNDAY_NIGHT, BERLIN_SUNDAY_NIGHT, SHORT_MONDAY,
  cnStandardWith({ extraHolidays: ['2025-03-05', '2025-02-08', '2026-06-01'], extraWorkdays: ['2025-03-08', '2025-10-03'] }),
];
const FROM = Date.UTC(2025, 0, 1);
const TO = Date.UTC(2026, 11, 1);
const RUNS = 250;

const randomStart = (rand: () => number) => new Date(FROM + Math.floor(rand() * (TO - FROM) / 1000) * 1000);
const randomMinutes = (rand: () => number) => (rand() < 0.1 ? 0 : Math.floor(rand() * 6000));

/**
 * Whether the calendar's weekly hours for the instant's local date contain its local wall time,
 * read independently of the engine with Intl (the engine's own day kind decides which hours).
 */
const wallClocks = new Map<string, Intl.DateTimeFormat>();
function openByWallClock(calendar: BusinessCalendar, instant: Date): boolean {
  let wallClock = wallClocks.get(calendar.timeZone);
  if (!wallClock) {
    wallClock = new Intl.DateTimeFormat('en-CA', { timeZone: calendar.timeZone, hourCycle: 'h23', year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit' });
    wallClocks.set(calendar.timeZone, wallClock);
  }
  const parts = Object.fromEntries(wallClock.formatToParts(instant).map((p) => [p.type, p.value]));
  const day = describeDay(calendar, `${parts.year}-${parts.month}-${parts.day}`);
  const minute = Number(parts.hour) * 60 + Number(parts.minute);
  return day.ranges.some((r) => parseWallTime(r.start)! <= minute && minute < parseWallTime(r.end)!);
}

describe('calendar properties (seeded random cases)', () => {
  for (const [index, calendar] of CALENDARS.entries()) {
    it(`${calendar.key}: adding m minutes then measuring start → deadline gives back m, and no earlier instant reaches m`, () => {
      const rand = prng(1000 + index);
      for (let i = 0; i < RUNS; i++) {
        const start = randomStart(rand);
        const minutes = randomMinutes(rand);
        const deadline = addBusinessMinutes(calendar, start, minutes);
        expect(businessMinutesBetween(calendar, start, deadline), `${start.toISOString()} + ${minutes}`).toBe(minutes);
        if (minutes > 0) expect(businessMinutesBetween(calendar, start, new Date(deadline.getTime() - 1))).toBe(minutes - 1);
      }
    });

    it(`${calendar.key}: deadlines strictly increase with the minutes added`, () => {
      const rand = prng(2000 + index);
      for (let i = 0; i < RUNS / 5; i++) {
        const start = randomStart(rand);
        const minutes = Array.from({ length: 8 }, () => randomMinutes(rand)).sort((x, y) => x - y);
        const deadlines = minutes.map((m) => addBusinessMinutes(calendar, start, m).getTime());
        for (let k = 1; k < minutes.length; k++) {
          if (minutes[k]! > minutes[k - 1]!) expect(deadlines[k]!).toBeGreaterThan(deadlines[k - 1]!);
          else expect(deadlines[k]).toBe(deadlines[k - 1]);
        }
      }
    });

    it(`${calendar.key}: no deadline falls in closed time (a range's end, reached exactly, is the one exception)`, () => {
      const rand = prng(3000 + index);
      for (let i = 0; i < RUNS; i++) {
        const start = randomStart(rand);
        const minutes = randomMinutes(rand);
        const deadline = addBusinessMinutes(calendar, start, minutes);
        const open = openByWallClock(calendar, deadline);
        const endOfRange = minutes > 0 && openByWallClock(calendar, new Date(deadline.getTime() - 1));
        expect(open || endOfRange, `${start.toISOString()} + ${minutes} → ${deadline.toISOString()}`).toBe(true);
        // and 0 minutes lands in open time: the clock's first instant
        if (minutes === 0) expect(open).toBe(true);
      }
    });

    it(`${calendar.key}: measuring is additive, and a pause takes off exactly the business minutes it covers`, () => {
      const rand = prng(4000 + index);
      for (let i = 0; i < RUNS / 5; i++) {
        // whole minutes, so flooring cannot differ between the pieces and the whole
        const [a, b, c] = [randomStart(rand), randomStart(rand), randomStart(rand)].map((d) => d.getTime() - (d.getTime() % 60_000)).sort((x, y) => x - y) as [number, number, number];
        const [A, B, C] = [new Date(a), new Date(b), new Date(c)];
        const whole = businessMinutesBetween(calendar, A, C);
        expect(businessMinutesBetween(calendar, A, B) + businessMinutesBetween(calendar, B, C)).toBe(whole);
        expect(businessMinutesBetween(calendar, A, C, [{ from: B, to: null }])).toBe(whole - businessMinutesBetween(calendar, B, C));
        expect(businessMinutesBetween(calendar, A, C, [{ from: A, to: B }, { from: B, to: C }])).toBe(0);
      }
    });
  }
});
