/**
 * When a recurring campaign runs next: 09:00 Beijing time on the first day of the next month, or of
 * the next quarter (January, April, July, October) — the periods satisfaction is reported by. A
 * campaign that runs once has no next run. Pure.
 */
export function nextCampaignRun(recurrence: 'once' | 'monthly' | 'quarterly', after: Date): Date | null {
  if (recurrence === 'once') return null;
  // the calendar month in Asia/Shanghai (UTC+8 all year, no daylight saving)
  const local = new Date(after.getTime() + 8 * 3_600_000);
  const month = local.getUTCFullYear() * 12 + local.getUTCMonth();
  const next = recurrence === 'monthly' ? month + 1 : (Math.floor(month / 3) + 1) * 3;
  return new Date(Date.UTC(Math.floor(next / 12), next % 12, 1, 9 - 8));
}
