import { catchUpSurveyComments } from '../modules/surveys/catch-up-survey-comments.js';
import type { Job } from './job.js';

/** Batches a run may take before it yields to the next tick (a few seconds of jieba at most). */
const BATCHES_PER_RUN = 20;

/**
 * Gives the answers stored before verbatim comments existed their comments and keywords
 * (modules/surveys), every minute until none is left; then each run is one primary-key read.
 */
export const catchUpSurveyCommentsJob: Job = {
  id: 'catch-up-survey-comments',
  everyMs: 60_000,
  run: async (db) => {
    let answers = 0;
    let comments = 0;
    for (let i = 0; i < BATCHES_PER_RUN; i++) {
      const r = await catchUpSurveyComments(db);
      answers += r.answers;
      comments += r.comments;
      if (r.done) return { answers, comments, done: true };
    }
    return { answers, comments, done: false };
  },
};
