/**
 * Calendar periods in the organisation's time zone (Asia/Shanghai, UTC+8 all year): the indicator
 * API takes first and last day, inclusive. Pure; `now` is passed in.
 */
export const PERIODS = ['today', 'last7', 'thisMonth', 'lastMonth', 'thisYear'] as const;
export type Period = (typeof PERIODS)[number];

const SHANGHAI_OFFSET_MS = 8 * 3_600_000;
const iso = (d: Date) => d.toISOString().slice(0, 10);

/** Today's date in Shanghai as a UTC-midnight Date (for day arithmetic). */
function shanghaiToday(now: Date): Date {
  const local = new Date(now.getTime() + SHANGHAI_OFFSET_MS);
  return new Date(Date.UTC(local.getUTCFullYear(), local.getUTCMonth(), local.getUTCDate()));
}

export function periodRange(p: Period, now: Date): { from: string; to: string } {
  const today = shanghaiToday(now);
  const y = today.getUTCFullYear();
  const m = today.getUTCMonth();
  switch (p) {
    case 'today':
      return { from: iso(today), to: iso(today) };
    case 'last7':
      return { from: iso(new Date(today.getTime() - 6 * 86_400_000)), to: iso(today) };
    case 'thisMonth':
      return { from: iso(new Date(Date.UTC(y, m, 1))), to: iso(today) };
    case 'lastMonth':
      return { from: iso(new Date(Date.UTC(y, m - 1, 1))), to: iso(new Date(Date.UTC(y, m, 0))) };
    case 'thisYear':
      return { from: iso(new Date(Date.UTC(y, 0, 1))), to: iso(today) };
  }
}

/** The trend's grain for a period: days up to 31, ISO weeks up to 184 days, months beyond. */
export function grainFor(from: string, to: string): 'day' | 'week' | 'month' {
  const days = (Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000 + 1;
  return days <= 31 ? 'day' : days <= 184 ? 'week' : 'month';
}
