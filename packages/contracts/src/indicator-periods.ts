/**
 * The periods a figure is compared with (pure; the server computes them, the dashboard names them).
 *
 * 环比 (previous period):
 * - whole calendar months (1 Nov – 30 Nov, or 1 Jan – 31 Mar) → as many whole months just before;
 * - month to date (1 Dec – 2 Dec) → the same days of the month before, clipped to its end
 *   (1–30 Mar against 1–28 Feb); year to date (1 Jan – 2 Dec) → the same span of months before;
 * - any other period → as many days just before.
 * 同比 (a year earlier): the same dates a year before, whole months staying whole (29 Feb → 28 Feb).
 */

const parse = (d: string) => new Date(`${d}T00:00:00Z`);
const iso = (d: Date) => d.toISOString().slice(0, 10);
const addDays = (d: string, n: number) => iso(new Date(parse(d).getTime() + n * 86_400_000));
const daysInMonth = (y: number, m: number) => new Date(Date.UTC(y, m + 1, 0)).getUTCDate();
const ymd = (d: string) => ({ y: Number(d.slice(0, 4)), m: Number(d.slice(5, 7)) - 1, day: Number(d.slice(8, 10)) });
const make = (y: number, m: number, day: number) => {
  const first = new Date(Date.UTC(y, m, 1));
  return iso(new Date(Date.UTC(first.getUTCFullYear(), first.getUTCMonth(), Math.min(day, daysInMonth(first.getUTCFullYear(), first.getUTCMonth())))));
};
const isMonthEnd = (d: string) => {
  const { y, m, day } = ymd(d);
  return day === daysInMonth(y, m);
};

/** The date `months` months away, the day clipped to the target month's length; month ends stay month ends when `keepEnd`. */
function shiftMonths(d: string, months: number, keepEnd: boolean): string {
  const { y, m, day } = ymd(d);
  const target = new Date(Date.UTC(y, m + months, 1));
  const ty = target.getUTCFullYear();
  const tm = target.getUTCMonth();
  return make(ty, tm, keepEnd && isMonthEnd(d) ? 31 : day);
}

export function previousPeriod(from: string, to: string): { from: string; to: string } {
  const f = ymd(from);
  const t = ymd(to);
  const months = (t.y - f.y) * 12 + (t.m - f.m) + 1;
  if (f.day === 1 && isMonthEnd(to)) return { from: shiftMonths(from, -months, false), to: shiftMonths(to, -months, true) };
  if (f.day === 1) return { from: shiftMonths(from, -months, false), to: shiftMonths(to, -months, false) };
  const days = Math.round((parse(to).getTime() - parse(from).getTime()) / 86_400_000) + 1;
  return { from: addDays(from, -days), to: addDays(from, -1) };
}

export function lastYearPeriod(from: string, to: string): { from: string; to: string } {
  const wholeMonths = ymd(from).day === 1 && isMonthEnd(to);
  return { from: shiftMonths(from, -12, false), to: shiftMonths(to, -12, wholeMonths) };
}

export function comparisonPeriods(from: string, to: string) {
  return { previous: previousPeriod(from, to), lastYear: lastYearPeriod(from, to) };
}
