import { sweepSlaAlerts } from '../modules/sla/sweep-sla-alerts.js';
import type { Job } from './job.js';

/**
 * Fires due SLA warnings, breaches and escalations (modules/sla/sweep-sla-alerts.ts). Every 30 s:
 * the shortest published target (fast channel: 1 hour) warns at 50% = 30 minutes, so half a minute
 * of lateness is the most a stage can be late. Safe with several instances.
 */
export const sweepSlaAlertsJob: Job = {
  id: 'sweep-sla-alerts',
  everyMs: 30_000,
  run: async (db) => sweepSlaAlerts(db),
};
