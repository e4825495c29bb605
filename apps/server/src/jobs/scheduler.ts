import type { FastifyBaseLogger } from 'fastify';
import type { Db } from '../db/client.js';
import type { Job } from './job.js';
import { purgeSessions } from './purge-sessions.js';
import { failStaleImports } from './fail-stale-imports.js';
import { purgeAbandonedImports } from './purge-abandoned-imports.js';
import { sweepSlaAlertsJob } from './sweep-sla-alerts.js';
import { refreshTicketRollupsJob } from './refresh-ticket-rollups.js';
import { evaluateWarningsJob } from './evaluate-warnings.js';
import { catchUpSurveyCommentsJob } from './catch-up-survey-comments.js';

export const JOBS: Job[] = [purgeSessions, failStaleImports, purgeAbandonedImports, sweepSlaAlertsJob, refreshTicketRollupsJob, evaluateWarningsJob, catchUpSurveyCommentsJob];

/**
 * Runs each job once shortly after start and then every `everyMs`. A run never overlaps the
 * previous run of the same job; failures are logged and retried at the next tick. Returns a stop
 * function for graceful shutdown that waits for running jobs.
 */
export function startJobs(db: Db, log: FastifyBaseLogger, jobs: Job[] = JOBS): () => Promise<void> {
  const running = new Map<string, Promise<void>>();
  const timers: NodeJS.Timeout[] = [];
  for (const job of jobs) {
    const tick = () => {
      if (running.has(job.id)) return;
      const started = Date.now();
      const p = job
        .run(db)
        .then((result) => log.info({ job: job.id, ms: Date.now() - started, ...result }, 'job done'))
        .catch((err) => log.error({ job: job.id, err }, 'job failed'))
        .finally(() => running.delete(job.id));
      running.set(job.id, p);
    };
    timers.push(setTimeout(tick, 5_000).unref(), setInterval(tick, job.everyMs).unref());
  }
  return async () => {
    timers.forEach((t) => clearTimeout(t));
    await Promise.all(running.values());
  };
}
