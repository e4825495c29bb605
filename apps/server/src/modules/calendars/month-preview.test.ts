import { afterEach, describe, expect, it, vi } from 'vitest';
import type { BusinessCalendar, DayKind } from './calendar-types.js';
import { describeDay, firstProvisionalDay, monthPreview } from './month-preview.js';
import { CN_STANDARD as CN, ROUND_THE_CLOCK as H24 } from './seed-calendars.js';
import { statutoryCoverage } from './statutory-days.js';
import { BERLIN_SUNDAY_NIGHT, NEW_YORK_ALL_DAY, SHORT_MONDAY, TOKYO_OFFICE, at, cnStandardWith, weekly } from './calendar-test-fixtures.js';

/** All dates of a year with the given kind on the calendar. */
const datesOfKind = (calendar: BusinessCalendar, year: number, kind: DayKind) => {
  const out: string[] = [];
  for (let month = 1; month <= 12; month++) for (const d of monthPreview(calendar, year, month).days) if (d.kind === kind) out.push(d.date);
  return out;
};
const span = (from: string, days: number) => Array.from({ length: days }, (_, i) => new Date(Date.parse(`${from}T00:00Z`) + i * 86_400_000).toISOString().slice(0, 10));

describe('statutory holidays and 调休 from chinese-days, checked against the State Council notices', () => {
  it('2025: New Year, Spring Festival Jan 28–Feb 4, Qingming Apr 4–6, Labour Day May 1–5, Dragon Boat May 31–Jun 2, National Day + Mid-Autumn Oct 1–8', () => {
    expect(datesOfKind(CN, 2025, 'holiday')).toEqual([
      '2025-01-01', ...span('2025-01-28', 8), ...span('2025-04-04', 3), ...span('2025-05-01', 5), ...span('2025-05-31', 3), ...span('2025-10-01', 8),
    ]);
  });

  it('2025 make-up working days: Sun Jan 26, Sat Feb 8, Sun Apr 27, Sun Sep 28, Sat Oct 11', () => {
    expect(datesOfKind(CN, 2025, 'makeup_workday')).toEqual(['2025-01-26', '2025-02-08', '2025-04-27', '2025-09-28', '2025-10-11']);
  });

  it('2026: New Year Jan 1–3, Spring Festival Feb 15–23, Qingming Apr 4–6, Labour Day May 1–5, Dragon Boat Jun 19–21, Mid-Autumn Sep 25–27, National Day Oct 1–7', () => {
    expect(datesOfKind(CN, 2026, 'holiday')).toEqual([
      ...span('2026-01-01', 3), ...span('2026-02-15', 9), ...span('2026-04-04', 3), ...span('2026-05-01', 5), ...span('2026-06-19', 3), ...span('2026-09-25', 3), ...span('2026-10-01', 7),
    ]);
  });

  it('2026 make-up working days: Sun Jan 4, Sat Feb 14, Sat Feb 28, Sat May 9, Sun Sep 20, Sat Oct 10', () => {
    expect(datesOfKind(CN, 2026, 'makeup_workday')).toEqual(['2026-01-04', '2026-02-14', '2026-02-28', '2026-05-09', '2026-09-20', '2026-10-10']);
  });

  it('names the holiday in Chinese and English, also on its make-up days', () => {
    expect(describeDay(CN, '2025-10-06').holidayName).toEqual({ zh: '中秋', en: 'Mid-autumn Festival' });
    expect(describeDay(CN, '2026-02-14')).toMatchObject({ kind: 'makeup_workday', source: 'statutory', holidayName: { zh: '春节', en: 'Spring Festival' } });
    expect(describeDay(CN, '2026-03-04').holidayName).toBeNull();
  });

  it('chinese-days 1.5.7 covers 2004–2026 (if this fails the package was updated: move the 2027 provisional cases to the next uncovered year)', () => {
    expect(statutoryCoverage()).toEqual({ first: 2004, last: 2026 });
  });
});

describe('the server time zone never shifts statutory days (chinese-days parses dates in the process zone)', () => {
  const original = process.env.TZ;
  afterEach(() => {
    if (original === undefined) delete process.env.TZ;
    else process.env.TZ = original;
    vi.resetModules();
  });

  for (const zone of ['America/New_York', 'Pacific/Kiritimati']) {
    it(`with TZ=${zone}, Tue 2025-01-28 is still a holiday, Mon 27 a workday, Sun 26 a make-up day`, async () => {
      process.env.TZ = zone;
      vi.resetModules(); // a fresh statutory cache, read under this zone
      const fresh = await import('./month-preview.js');
      const seeds = await import('./seed-calendars.js');
      expect(new Date(2025, 0, 28, 12).getTimezoneOffset()).toBe(zone === 'America/New_York' ? 300 : -840);
      expect(fresh.describeDay(seeds.CN_STANDARD, '2025-01-28').kind).toBe('holiday');
      expect(fresh.describeDay(seeds.CN_STANDARD, '2025-01-27').kind).toBe('workday');
      expect(fresh.describeDay(seeds.CN_STANDARD, '2025-01-26').kind).toBe('makeup_workday');
      expect(fresh.describeDay(seeds.CN_STANDARD, '2025-10-11').kind).toBe('makeup_workday');
    });
  }
});

describe('monthPreview', () => {
  it('February 2026 on cn-standard: make-up Sat 14, Spring Festival 15–23, make-up Sat 28, with hours and minutes', () => {
    const preview = monthPreview(CN, 2026, 2);
    expect(preview.days).toHaveLength(28);
    expect(preview.provisional).toBe(false);
    const letter: Record<DayKind, string> = { workday: 'W', weekend: '.', makeup_workday: 'M', holiday: 'H' };
    const kinds = preview.days.map((d) => letter[d.kind]).join('');
    // Feb 1 2026 is a Sunday
    expect(kinds).toBe('.' + 'WWWWW' + '..' + 'WWWWW' + 'M' + 'HHHHHHHHH' + 'WWWW' + 'M');
    expect(preview.days[13]).toEqual({
      date: '2026-02-14', isoWeekday: 6, kind: 'makeup_workday', source: 'statutory', holidayName: { zh: '春节', en: 'Spring Festival' },
      ranges: [{ start: '09:00', end: '12:00' }, { start: '13:00', end: '18:00' }], provisional: false, workingMinutes: 480,
    });
    expect(preview.days[16]).toMatchObject({ date: '2026-02-17', kind: 'holiday', ranges: [], workingMinutes: 0 });
  });

  it('24x7: every day is a workday of 1440 minutes, holidays included', () => {
    const days = monthPreview(H24, 2025, 10).days;
    expect(days).toHaveLength(31);
    expect(days.every((d) => d.kind === 'workday' && d.workingMinutes === 1440 && d.source === '24x7')).toBe(true);
  });

  it('DST days report real minutes: New York 00:00–24:00 is 1380 on 2025-03-09 and 1500 on 2025-11-02', () => {
    expect(monthPreview(NEW_YORK_ALL_DAY, 2025, 3).days[8]).toMatchObject({ date: '2025-03-09', workingMinutes: 1380 });
    expect(monthPreview(NEW_YORK_ALL_DAY, 2025, 11).days[1]).toMatchObject({ date: '2025-11-02', workingMinutes: 1500 });
    expect(monthPreview(BERLIN_SUNDAY_NIGHT, 2025, 3).days[29]).toMatchObject({ date: '2025-03-30', workingMinutes: 300 });
  });

  it('a range inside the skipped hour holds no time; one starting inside it opens when the clocks jump', () => {
    const gap = weekly({ timeZone: 'Europe/Berlin', week: { 7: [{ start: '02:00', end: '03:00' }] }, makeUpDayHoursFrom: 7 });
    const across = weekly({ timeZone: 'Europe/Berlin', week: { 7: [{ start: '02:30', end: '04:00' }] }, makeUpDayHoursFrom: 7 });
    expect(describeDay(gap, '2025-03-30')).toMatchObject({ kind: 'workday', workingMinutes: 0 });
    expect(describeDay(across, '2025-03-30').workingMinutes).toBe(60); // 03:00 CEST → 04:00 CEST
    expect(describeDay(across, '2025-04-06').workingMinutes).toBe(90);
  });

  it('overrides show with their source: an extra holiday on a workday, an extra workday on a statutory holiday', () => {
    const calendar = cnStandardWith({ extraHolidays: ['2025-03-05'], extraWorkdays: ['2025-10-03'] });
    expect(describeDay(calendar, '2025-03-05')).toMatchObject({ kind: 'holiday', source: 'extra', holidayName: null, workingMinutes: 0 });
    expect(describeDay(calendar, '2025-10-03')).toMatchObject({ kind: 'makeup_workday', source: 'extra', holidayName: { zh: '国庆节' }, workingMinutes: 480 });
  });

  it('a make-up day takes makeUpDayHoursFrom\'s ranges (Monday 09–12 on SHORT_MONDAY)', () => {
    expect(describeDay(SHORT_MONDAY, '2025-02-08')).toMatchObject({ kind: 'makeup_workday', ranges: [{ start: '09:00', end: '12:00' }], workingMinutes: 180 });
  });

  it('a closed weekday that is not Saturday/Sunday is a weekend day for its calendar', () => {
    const noWednesday = weekly({ week: { 1: [{ start: '09:00', end: '17:00' }], 2: [{ start: '09:00', end: '17:00' }] } });
    expect(describeDay(noWednesday, '2025-03-05')).toMatchObject({ kind: 'weekend', source: 'week' });
  });

  it('refuses impossible months and dates', () => {
    expect(() => monthPreview(CN, 2025, 13)).toThrow(/month must be 1 to 12/);
    expect(() => monthPreview(CN, 2025.5, 1)).toThrow(/year must be a whole number/);
    expect(() => describeDay(CN, '2025-02-29')).toThrow(/YYYY-MM-DD calendar date/);
  });
});

describe('years without statutory data are flagged, not guessed', () => {
  it('January 2027 follows the plain week on cn-standard and every day is provisional', () => {
    const preview = monthPreview(CN, 2027, 1);
    expect(preview.provisional).toBe(true);
    expect(preview.days.every((d) => d.provisional)).toBe(true);
    expect(preview.days[0]).toMatchObject({ date: '2027-01-01', isoWeekday: 5, kind: 'workday', source: 'week' });
  });

  it('2003, before the data begins, is provisional too', () => {
    expect(describeDay(CN, '2003-01-01')).toMatchObject({ kind: 'workday', provisional: true });
  });

  it('calendars that do not use statutory holidays are never provisional', () => {
    expect(monthPreview(TOKYO_OFFICE, 2027, 1).provisional).toBe(false);
    expect(monthPreview(H24, 2027, 1).provisional).toBe(false);
  });

  it('firstProvisionalDay finds the first uncovered local day in a span, or null', () => {
    expect(firstProvisionalDay(CN, at('2026-12-20T09:00+08:00'), at('2027-01-10T09:00+08:00'))).toBe('2027-01-01');
    // the day is read in the calendar's zone: 23:30 on Dec 31 in Shanghai is still 2026, while
    // 16:30 UTC on Dec 31 is already 00:30 on 2027-01-01 in Shanghai
    expect(firstProvisionalDay(CN, at('2026-12-01T00:00+08:00'), at('2026-12-31T23:30+08:00'))).toBeNull();
    expect(firstProvisionalDay(CN, at('2026-12-31T16:30Z'), at('2026-12-31T16:30Z'))).toBe('2027-01-01');
    expect(firstProvisionalDay(TOKYO_OFFICE, at('2026-12-20T09:00+09:00'), at('2027-01-10T09:00+09:00'))).toBeNull();
  });
});
