import { evaluateWarnings } from '../modules/warnings/evaluate-warnings.js';
import type { Job } from './job.js';

/**
 * Evaluates the graded-warning rules (modules/warnings) and escalates late rectification plans.
 * Every 5 minutes: batch complaints are judged over windows of hours, so a batch is raised within
 * minutes of its twentieth customer; daily-window rules find the same thing all day and merge.
 */
export const evaluateWarningsJob: Job = {
  id: 'evaluate-warnings',
  everyMs: 5 * 60_000,
  run: async (db) => (await evaluateWarnings(db)) ?? { busy: true },
};
