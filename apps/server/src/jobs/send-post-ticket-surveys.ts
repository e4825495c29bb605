import { sendPostTicketSurveys } from '../modules/surveys/send-post-ticket-surveys.js';
import type { Job } from './job.js';

/** Sends the post-ticket satisfaction surveys the rules call for (modules/surveys), every minute. */
export function sendPostTicketSurveysJob(secret: string): Job {
  return {
    id: 'send-post-ticket-surveys',
    everyMs: 60_000,
    run: async (db) => sendPostTicketSurveys(db, secret),
  };
}
