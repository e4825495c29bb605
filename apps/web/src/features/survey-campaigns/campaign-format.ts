import type { CampaignRound } from '@qloop/contracts';

/** Progress of a round's invitations in percent (invited or skipped of sampled), whole numbers. Pure. */
export function roundProgress(r: Pick<CampaignRound, 'invited' | 'skipped' | 'sampled'>): number {
  if (r.sampled === 0) return 100;
  return Math.min(100, Math.floor(((r.invited + r.skipped) * 100) / r.sampled));
}

/** A response rate as "12.5%" (one decimal), or a dash before anyone was invited. Pure. */
export function formatRate(rate: number | null): string {
  return rate === null ? '—' : `${(Math.round(rate * 1000) / 10).toFixed(1)}%`;
}
