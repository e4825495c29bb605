import type { TrendGranularity } from '@qloop/contracts';

/**
 * Calendar buckets of a trend over days already in the organisation's time zone (YYYY-MM-DD):
 * a day, a week from Monday to Sunday (as China's calendars and ISO 8601 count them), or a month.
 * Pure.
 */

const DAY_MS = 86_400_000;
const toUtc = (day: string) => Date.UTC(Number(day.slice(0, 4)), Number(day.slice(5, 7)) - 1, Number(day.slice(8, 10)));
const fromUtc = (ms: number) => new Date(ms).toISOString().slice(0, 10);

/** `day` shifted by `n` days. */
export const addDays = (day: string, n: number) => fromUtc(toUtc(day) + n * DAY_MS);

/** The first day of the bucket holding `day`: itself, its week's Monday, its month's 1st. */
export function bucketStart(day: string, g: TrendGranularity): string {
  if (g === 'day') return day;
  if (g === 'month') return `${day.slice(0, 7)}-01`;
  const weekday = (new Date(toUtc(day)).getUTCDay() + 6) % 7; // Monday 0 … Sunday 6
  return addDays(day, -weekday);
}

/** The first day of the next bucket after the one starting `start`. */
function nextStart(start: string, g: TrendGranularity): string {
  if (g === 'day') return addDays(start, 1);
  if (g === 'week') return addDays(start, 7);
  const y = Number(start.slice(0, 4));
  const m = Number(start.slice(5, 7));
  return fromUtc(Date.UTC(m === 12 ? y + 1 : y, m === 12 ? 0 : m, 1));
}

export type TrendBucket = { bucket: string; from: string; to: string };

/**
 * Every bucket of days `from`..`to` (inclusive), in order, none left out for having no answers;
 * the first and last are cut to the period (a month view from the 10th starts with the 10th).
 */
export function trendBuckets(from: string, to: string, g: TrendGranularity): TrendBucket[] {
  const out: TrendBucket[] = [];
  for (let start = bucketStart(from, g); start <= to; start = nextStart(start, g)) {
    const last = addDays(nextStart(start, g), -1);
    out.push({ bucket: start, from: start < from ? from : start, to: last > to ? to : last });
  }
  return out;
}

/** How many buckets `trendBuckets` would make, without making them. */
export function bucketCount(from: string, to: string, g: TrendGranularity): number {
  if (from > to) return 0;
  if (g === 'month') return (Number(to.slice(0, 4)) - Number(from.slice(0, 4))) * 12 + Number(to.slice(5, 7)) - Number(from.slice(5, 7)) + 1;
  const start = bucketStart(from, g);
  const days = (toUtc(to) - toUtc(start)) / DAY_MS + 1;
  return g === 'day' ? days : Math.ceil(days / 7);
}
