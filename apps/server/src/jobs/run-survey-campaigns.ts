import { runSurveyCampaigns } from '../modules/surveys/send-campaign-rounds.js';
import type { Job } from './job.js';

/**
 * Starts the satisfaction-campaign rounds that are due and sends the invitations of rounds in
 * progress, a batch per round (modules/surveys). Every 20 seconds, so a round started by hand shows
 * its progress soon; an idle run is two indexed look-ups.
 */
export function runSurveyCampaignsJob(secret: string): Job {
  return {
    id: 'run-survey-campaigns',
    everyMs: 20_000,
    run: async (db) => runSurveyCampaigns(db, secret),
  };
}
