import { describe, expect, it } from 'vitest';
import { dayNumberOf } from './civil-time.js';
import { isKnownTimeZone, offsetAt, wallTimeToInstant } from './time-zone.js';

const iso = (ms: number) => new Date(ms).toISOString();

describe('time zones without a tz library', () => {
  it('Asia/Shanghai is UTC+8 all year', () => {
    expect(offsetAt('Asia/Shanghai', Date.UTC(2025, 0, 1))).toBe(8 * 3600_000);
    expect(offsetAt('Asia/Shanghai', Date.UTC(2025, 6, 1))).toBe(8 * 3600_000);
    expect(iso(wallTimeToInstant('Asia/Shanghai', dayNumberOf(2025, 3, 3), 9 * 60))).toBe('2025-03-03T01:00:00.000Z');
  });

  it('New York: EST in winter, EDT in summer', () => {
    expect(offsetAt('America/New_York', Date.UTC(2025, 0, 15))).toBe(-5 * 3600_000);
    expect(offsetAt('America/New_York', Date.UTC(2025, 6, 15))).toBe(-4 * 3600_000);
  });

  it('a skipped wall time (New York 2025-03-09 02:30) is the instant the clocks jump: 03:00 EDT = 07:00 UTC', () => {
    expect(iso(wallTimeToInstant('America/New_York', dayNumberOf(2025, 3, 9), 150))).toBe('2025-03-09T07:00:00.000Z');
    // the minute before the gap and the first one after it are ordinary
    expect(iso(wallTimeToInstant('America/New_York', dayNumberOf(2025, 3, 9), 119))).toBe('2025-03-09T06:59:00.000Z');
    expect(iso(wallTimeToInstant('America/New_York', dayNumberOf(2025, 3, 9), 180))).toBe('2025-03-09T07:00:00.000Z');
  });

  it('a repeated wall time (New York 2025-11-02 01:30) is its first occurrence, 01:30 EDT = 05:30 UTC', () => {
    expect(iso(wallTimeToInstant('America/New_York', dayNumberOf(2025, 11, 2), 90))).toBe('2025-11-02T05:30:00.000Z');
    expect(iso(wallTimeToInstant('America/New_York', dayNumberOf(2025, 11, 2), 120))).toBe('2025-11-02T07:00:00.000Z');
  });

  it('a half-hour DST jump (Lord Howe 2025-10-05 02:00 → 02:30): 02:15 becomes 02:30 +11:00 = 15:30 UTC the day before', () => {
    expect(iso(wallTimeToInstant('Australia/Lord_Howe', dayNumberOf(2025, 10, 5), 135))).toBe('2025-10-04T15:30:00.000Z');
  });

  it('24:00 is the next day\'s midnight', () => {
    expect(wallTimeToInstant('Asia/Shanghai', dayNumberOf(2025, 12, 31), 1440)).toBe(wallTimeToInstant('Asia/Shanghai', dayNumberOf(2026, 1, 1), 0));
  });

  it('knows IANA zones and rejects made-up ones', () => {
    expect(isKnownTimeZone('Asia/Shanghai')).toBe(true);
    expect(isKnownTimeZone('UTC')).toBe(true);
    expect(isKnownTimeZone('Asia/Beijing')).toBe(false);
    expect(isKnownTimeZone('')).toBe(false);
  });
});
