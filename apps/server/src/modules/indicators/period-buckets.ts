/**
 * Splits a period of days into day, ISO-week (Monday first) or month buckets, each clipped to the
 * period. Pure; dates are YYYY-MM-DD in the organisation's time zone.
 */
export type Grain = 'day' | 'week' | 'month';
export type Bucket = { from: string; to: string };

const DAY = 86_400_000;
const parse = (d: string) => Date.parse(`${d}T00:00:00Z`);
const iso = (ms: number) => new Date(ms).toISOString().slice(0, 10);

/** The first day of the bucket a day falls in. */
export function bucketStart(day: string, grain: Grain): string {
  if (grain === 'day') return day;
  if (grain === 'month') return `${day.slice(0, 7)}-01`;
  const ms = parse(day);
  const weekday = (new Date(ms).getUTCDay() + 6) % 7; // Monday 0 … Sunday 6
  return iso(ms - weekday * DAY);
}

export function periodBuckets(from: string, to: string, grain: Grain): Bucket[] {
  const out: Bucket[] = [];
  let start = parse(from);
  const end = parse(to);
  while (start <= end) {
    let next: number;
    if (grain === 'day') next = start + DAY;
    else if (grain === 'week') next = parse(bucketStart(iso(start), 'week')) + 7 * DAY;
    else {
      const d = new Date(start);
      next = Date.UTC(d.getUTCFullYear(), d.getUTCMonth() + 1, 1);
    }
    out.push({ from: iso(start), to: iso(Math.min(next - DAY, end)) });
    start = next;
  }
  return out;
}
