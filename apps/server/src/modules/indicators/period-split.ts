/**
 * A period of days cut into the whole calendar months it contains and the partial months at its
 * ends, so that a sum reads month rollups for the former and day rollups only for the latter (a
 * year: 12 month keys instead of 365 day keys). Pure.
 */
export type DayRange = { from: string; to: string };
export type PeriodSplit = {
  /** first days of the first and the last whole month (inclusive); null when the period holds none */
  months: DayRange | null;
  /** the days outside whole months: before the first, after the last (at most two ranges) */
  days: DayRange[];
};

const parse = (d: string) => new Date(`${d}T00:00:00Z`);
const iso = (d: Date) => d.toISOString().slice(0, 10);
const addDays = (d: string, n: number) => iso(new Date(parse(d).getTime() + n * 86_400_000));
const monthStart = (d: string) => `${d.slice(0, 7)}-01`;
const nextMonthStart = (d: string) => {
  const x = parse(monthStart(d));
  return iso(new Date(Date.UTC(x.getUTCFullYear(), x.getUTCMonth() + 1, 1)));
};

export function splitPeriod(from: string, to: string): PeriodSplit {
  const firstWhole = from.endsWith('-01') ? from : nextMonthStart(from);
  // the last day of the last whole month: `to` itself when it ends its month
  const lastWholeEnd = addDays(nextMonthStart(to), -1) === to ? to : addDays(monthStart(to), -1);
  if (firstWhole > lastWholeEnd) return { months: null, days: [{ from, to }] };
  const days: DayRange[] = [];
  if (from < firstWhole) days.push({ from, to: addDays(firstWhole, -1) });
  if (to > lastWholeEnd) days.push({ from: addDays(lastWholeEnd, 1), to });
  return { months: { from: firstWhole, to: monthStart(lastWholeEnd) }, days };
}
