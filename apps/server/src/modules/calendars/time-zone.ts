import { DAY_MS, MINUTE_MS } from './civil-time.js';

/**
 * Converting between instants and a zone's wall-clock time with the platform's Intl data (no tz
 * library). Intl formatters are expensive to create, so there is one per zone, kept for the life of
 * the process; callers cache the results per day (calendar-timeline.ts), so the hot paths rarely
 * reach this file.
 *
 * The DST rule, decided here once for the whole module:
 * - a wall-clock time that does not exist (skipped by a spring-forward jump) is the instant the
 *   clocks jump — the first moment after the gap. So a range 02:00–04:00 on New York's spring day
 *   opens at 03:00 EDT and holds 60 real minutes; a range wholly inside the gap holds none. Unlike
 *   Temporal's 'compatible' choice (which shifts 02:30 to 03:30) this keeps the mapping monotonic, so
 *   a range's end can never come before its start.
 * - a wall-clock time that occurs twice (fall-back) is its first occurrence. So a range 00:00–03:00 on
 *   New York's autumn day holds 240 real minutes: business time is always real elapsed time.
 */

const formatters = new Map<string, Intl.DateTimeFormat>();

function formatterFor(timeZone: string): Intl.DateTimeFormat {
  let f = formatters.get(timeZone);
  if (!f) {
    f = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
      second: 'numeric',
    });
    formatters.set(timeZone, f);
  }
  return f;
}

/** True when the platform knows the zone (IANA names such as 'Asia/Shanghai', or 'UTC'). */
export function isKnownTimeZone(timeZone: string): boolean {
  if (typeof timeZone !== 'string' || timeZone.trim() === '') return false;
  try {
    new Intl.DateTimeFormat('en-US', { timeZone });
    return true;
  } catch {
    return false;
  }
}

// "1/28/2025, 10:00:00" — en-US with h23; format() is ~10× faster than formatToParts() in Node 20
const EN_US = /^(\d{1,2})\/(\d{1,2})\/(\d{4}),? (\d{1,2}):(\d{2}):(\d{2})$/;

/** The zone's offset from UTC at an instant, in ms (wall time = instant + offset). */
export function offsetAt(timeZone: string, instantMs: number): number {
  const seconds = Math.floor(instantMs / 1000) * 1000;
  const formatter = formatterFor(timeZone);
  const m = EN_US.exec(formatter.format(seconds));
  if (m) return Date.UTC(Number(m[3]), Number(m[1]) - 1, Number(m[2]), Number(m[4]), Number(m[5]), Number(m[6])) - seconds;
  // years outside 1000–9999 or an ICU with another layout: read the parts instead
  const part = (type: string) => Number(formatter.formatToParts(seconds).find((p) => p.type === type)?.value);
  return Date.UTC(part('year'), part('month') - 1, part('day'), part('hour'), part('minute'), part('second')) - seconds;
}

/**
 * The instant at which the zone's wall clock shows `minuteOfDay` (0…1440) on local day `dayNumber`,
 * resolving skipped and repeated wall times by the rule at the top of this file. 1440 is the next
 * day's midnight.
 */
export function wallTimeToInstant(timeZone: string, dayNumber: number, minuteOfDay: number): number {
  const local = dayNumber * DAY_MS + minuteOfDay * MINUTE_MS;
  // The offsets a day either side bracket any transition near this wall time (real zones never
  // change offset twice within two days).
  const before = offsetAt(timeZone, local - DAY_MS);
  const after = offsetAt(timeZone, local + DAY_MS);
  let best: number | null = null;
  for (const offset of before === after ? [before] : [before, after]) {
    const candidate = local - offset;
    if (offsetAt(timeZone, candidate) === offset && (best === null || candidate < best)) best = candidate;
  }
  if (best !== null) return best;
  if (before === after) return local - before; // unreachable for real zones; never loop or throw
  // In a gap: the jump happens somewhere in (local - after, local - before]; find it to the second.
  let lo = local - after; // still on the old offset
  let hi = local - before; // already on the new offset
  while (hi - lo > 1000) {
    const mid = lo + Math.max(1000, Math.floor((hi - lo) / 2000) * 1000);
    if (mid >= hi) break;
    if (offsetAt(timeZone, mid) === before) lo = mid;
    else hi = mid;
  }
  return hi;
}

/** An instant as ISO 8601 in the zone's wall time with its offset: 2026-10-09T12:00:00+08:00. */
export function formatInZone(timeZone: string, instant: Date): string {
  const offset = offsetAt(timeZone, instant.getTime());
  const wall = new Date(instant.getTime() + offset).toISOString().slice(0, 19);
  const minutes = Math.round(offset / MINUTE_MS);
  const sign = minutes < 0 ? '-' : '+';
  const abs = Math.abs(minutes);
  return `${wall}${sign}${String(Math.floor(abs / 60)).padStart(2, '0')}:${String(abs % 60).padStart(2, '0')}`;
}
