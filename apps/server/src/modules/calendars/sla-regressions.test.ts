import { afterEach, describe, expect, it, vi } from 'vitest';
import type { DayKind } from './calendar-types.js';
import { addBusinessMinutes } from './add-business-minutes.js';
import { businessMinutesBetween, isBusinessTime } from './business-minutes-between.js';
import { describeDay, monthPreview } from './month-preview.js';
import { CN_STANDARD as CN, ROUND_THE_CLOCK as H24 } from './seed-calendars.js';
import { NEW_YORK_ALL_DAY, SPLIT_SHIFT, at, weekly } from './calendar-test-fixtures.js';

/**
 * One block per bug in docs/sla.md that concerns calendar arithmetic. Bugs about responses,
 * reopening, policy swaps and escalation belong to the SLA clock and are tested there.
 */

const iso = (d: Date) => d.toISOString();

describe('sla.md bug: an imported holiday feed silently adds regional holidays — a 48-hour target became 6 days (Zammad #390)', () => {
  it('cn-standard closes on exactly the 18 weekdays of the 2025 national schedule, all from the statutory data', () => {
    // Jan 1; Jan 28–31, Feb 3–4; Apr 4; May 1, 2, 5; Jun 2; Oct 1–3, 6–8 (hand-counted from the State Council notice)
    const closedWeekdays: string[] = [];
    for (let month = 1; month <= 12; month++) {
      for (const d of monthPreview(CN, 2025, month).days) {
        if (d.kind === 'holiday' && d.isoWeekday <= 5) {
          expect(d.source).toBe('statutory');
          closedWeekdays.push(d.date);
        }
      }
    }
    expect(closedWeekdays).toEqual([
      '2025-01-01', '2025-01-28', '2025-01-29', '2025-01-30', '2025-01-31', '2025-02-03', '2025-02-04', '2025-04-04',
      '2025-05-01', '2025-05-02', '2025-05-05', '2025-06-02', '2025-10-01', '2025-10-02', '2025-10-03', '2025-10-06', '2025-10-07', '2025-10-08',
    ]);
  });

  it('traditional festivals that are not statutory holidays and regional holidays stay working days: 腊八 Tue 2025-01-07, 元宵 Wed 2025-02-12, Guangxi 三月三 Mon 2025-03-31, 七夕 Fri 2025-08-29', () => {
    const kinds: DayKind[] = ['2025-01-07', '2025-02-12', '2025-03-31', '2025-08-29'].map((date) => describeDay(CN, date).kind);
    expect(kinds).toEqual(['workday', 'workday', 'workday', 'workday']);
  });

  it('a 48-hour target is 48 hours on 24x7: Mon 2025-03-31 00:00 + 2880 → Wed 2025-04-02 00:00', () => {
    expect(iso(addBusinessMinutes(H24, at('2025-03-31T00:00+08:00'), 2880))).toBe(iso(at('2025-04-02T00:00+08:00')));
  });

  it('48 business hours on cn-standard are 6 working days, with only Qingming closed: Mon 2025-03-31 09:00 + 2880 → Mar 31, Apr 1–3, (Fri 4 Qingming), Mon 7, Tue 8 → Tue 2025-04-08 18:00', () => {
    expect(iso(addBusinessMinutes(CN, at('2025-03-31T09:00+08:00'), 2880))).toBe(iso(at('2025-04-08T18:00+08:00')));
  });

  it('a year without published data is not closed by guesswork: 2027-01-01 follows the plain week and says so', () => {
    expect(describeDay(CN, '2027-01-01')).toMatchObject({ kind: 'workday', provisional: true });
  });
});

describe('sla.md bug: a 24×7 calendar was closed for one minute at midnight (Zammad #3180)', () => {
  it('24x7: 23:59 + 1 → 00:00, 23:59 + 2 → 00:01, and 23:59 → 00:01 measures 2', () => {
    expect(iso(addBusinessMinutes(H24, at('2025-03-03T23:59+08:00'), 1))).toBe(iso(at('2025-03-04T00:00+08:00')));
    expect(iso(addBusinessMinutes(H24, at('2025-03-03T23:59+08:00'), 2))).toBe(iso(at('2025-03-04T00:01+08:00')));
    expect(businessMinutesBetween(H24, at('2025-03-03T23:59+08:00'), at('2025-03-04T00:01+08:00'))).toBe(2);
    expect(isBusinessTime(H24, at('2025-03-04T00:00+08:00'))).toBe(true);
  });

  it('a weekly calendar open 00:00–24:00 every day has no gap at any midnight of 2025: 23:00 → 01:00 measures 120 each night', () => {
    const allDay = weekly({ key: 'all-day', week: Object.fromEntries([1, 2, 3, 4, 5, 6, 7].map((d) => [d, [{ start: '00:00', end: '24:00' }]])) });
    for (let day = Date.UTC(2025, 0, 1); day < Date.UTC(2026, 0, 1); day += 86_400_000) {
      const elevenPm = new Date(day + 15 * 3600_000); // 23:00 in Shanghai (UTC+8)
      expect(businessMinutesBetween(allDay, elevenPm, new Date(elevenPm.getTime() + 2 * 3600_000))).toBe(120);
      expect(isBusinessTime(allDay, new Date(day + 16 * 3600_000))).toBe(true); // midnight itself
    }
  });

  it('no gap at midnight on DST nights either (New York, 00:00–24:00 every day): 23:00 → 01:00 is 120 on 2025-03-08/09 and 2025-11-01/02', () => {
    expect(businessMinutesBetween(NEW_YORK_ALL_DAY, at('2025-03-08T23:00-05:00'), at('2025-03-09T01:00-05:00'))).toBe(120);
    expect(businessMinutesBetween(NEW_YORK_ALL_DAY, at('2025-11-01T23:00-04:00'), at('2025-11-02T01:00-04:00'))).toBe(120);
  });
});

describe('sla.md bug: pending time over a weekend over-credited for day-based targets (GLPI #10594)', () => {
  it('a pause from Fri 17:00 to Mon 10:00 takes off only its 60 + 60 business minutes, not the 65 hours on the wall', () => {
    const pause = { from: at('2025-03-07T17:00+08:00'), to: at('2025-03-10T10:00+08:00') };
    // Fri 09:00 → Mon 12:00 = 480 + 180 = 660; minus 120 paused = 540
    expect(businessMinutesBetween(CN, at('2025-03-07T09:00+08:00'), at('2025-03-10T12:00+08:00'), [pause])).toBe(540);
  });

  it('a pause covering only the closed weekend credits nothing', () => {
    const pause = { from: at('2025-03-07T18:00+08:00'), to: at('2025-03-10T09:00+08:00') };
    expect(businessMinutesBetween(CN, at('2025-03-07T09:00+08:00'), at('2025-03-10T12:00+08:00'), [pause])).toBe(660);
  });
});

describe('sla.md bug: statistics one hour off (GLPI #11600)', () => {
  const original = process.env.TZ;
  afterEach(() => {
    if (original === undefined) delete process.env.TZ;
    else process.env.TZ = original;
    vi.resetModules();
  });

  /** Every day of 2025–2026 as kind letters, by the month-preview module given. */
  const twoYears = (preview: typeof monthPreview, calendar: typeof CN) => {
    let out = '';
    for (const year of [2025, 2026]) for (let m = 1; m <= 12; m++) out += preview(calendar, year, m).days.map((d) => `${d.kind} `).join('');
    return out;
  };

  for (const zone of ['America/New_York', 'Europe/Berlin', 'Pacific/Kiritimati']) {
    it(`results do not depend on the server's time zone (TZ=${zone})`, async () => {
      const underServerZone = twoYears(monthPreview, CN);
      process.env.TZ = zone;
      vi.resetModules();
      const { addBusinessMinutes: add } = await import('./add-business-minutes.js');
      const { businessMinutesBetween: between } = await import('./business-minutes-between.js');
      const { monthPreview: preview } = await import('./month-preview.js');
      const { CN_STANDARD } = await import('./seed-calendars.js');
      expect(twoYears(preview, CN_STANDARD)).toBe(underServerZone);
      expect(iso(add(CN_STANDARD, at('2026-02-13T17:00+08:00'), 120))).toBe(iso(at('2026-02-14T10:00+08:00')));
      expect(iso(add(CN_STANDARD, at('2025-01-27T16:00+08:00'), 180))).toBe(iso(at('2025-02-05T10:00+08:00')));
      expect(between(CN_STANDARD, at('2025-09-26T09:00+08:00'), at('2025-10-09T09:00+08:00'), [])).toBe(1920);
    });
  }

  it('a DST day is measured in real minutes: New York 2025-11-02 00:00 → 2025-11-03 00:00 is 1500 on an all-day calendar', () => {
    expect(businessMinutesBetween(NEW_YORK_ALL_DAY, at('2025-11-02T00:00-04:00'), at('2025-11-03T00:00-05:00'))).toBe(1500);
    expect(businessMinutesBetween(NEW_YORK_ALL_DAY, at('2025-03-09T00:00-05:00'), at('2025-03-10T00:00-04:00'))).toBe(1380);
  });
});

describe('sla.md bug: escalations ran at 00:00 instead of working hours with multi-segment calendars (GLPI PR #22678)', () => {
  it('from midnight on the split-shift calendar, 0 minutes is 08:00 and 211 minutes is 14:01 (past the 11:30–14:00 gap)', () => {
    expect(iso(addBusinessMinutes(SPLIT_SHIFT, at('2025-03-04T00:00+08:00'), 0))).toBe(iso(at('2025-03-04T08:00+08:00')));
    expect(iso(addBusinessMinutes(SPLIT_SHIFT, at('2025-03-04T00:00+08:00'), 211))).toBe(iso(at('2025-03-04T14:01+08:00')));
  });

  it('every deadline of 1–540 minutes from Tue 00:00 is inside a segment or exactly at its end, never at midnight or in a gap', () => {
    const ends = new Set(['11:30', '17:30', '21:00']);
    for (let minutes = 1; minutes <= 540; minutes++) {
      const deadline = addBusinessMinutes(SPLIT_SHIFT, at('2025-03-04T00:00+08:00'), minutes);
      const wall = new Date(deadline.getTime() + 8 * 3600_000).toISOString().slice(11, 16);
      expect(isBusinessTime(SPLIT_SHIFT, deadline) || ends.has(wall), `${minutes} → ${wall}`).toBe(true);
    }
  });
});

describe('sla.md bug: pre-breach escalation fired at ticket creation with custom calendars (GLPI #15429)', () => {
  it('a ticket created in closed time has 0 business minutes elapsed until the calendar opens', () => {
    expect(businessMinutesBetween(SPLIT_SHIFT, at('2025-03-08T03:00+08:00'), at('2025-03-10T08:00+08:00'))).toBe(0);
  });

  it('50/75/90% of a 240-minute target from Sat 03:00 fall at Mon 10:00, 11:00 and 14:06 — all after creation and after opening', () => {
    const created = at('2025-03-08T03:00+08:00');
    // Mon 08:00 + 120 = 10:00; + 180 = 11:00; + 216 = 210 to 11:30, then 14:00 + 6 = 14:06
    expect([120, 180, 216].map((m) => iso(addBusinessMinutes(SPLIT_SHIFT, created, m)))).toEqual(
      ['2025-03-10T10:00+08:00', '2025-03-10T11:00+08:00', '2025-03-10T14:06+08:00'].map((t) => iso(at(t))),
    );
  });
});
