import { refreshTicketRollups } from '../modules/indicators/refresh-ticket-rollups.js';
import type { Job } from './job.js';

/**
 * Brings the daily ticket rollups up to date with the tickets changed since the last run
 * (modules/indicators). Every 20 s: indicator figures lag ticket changes by at most that plus a
 * run. Safe with several instances: an advisory lock lets one refresh at a time.
 */
export const refreshTicketRollupsJob: Job = {
  id: 'refresh-ticket-rollups',
  everyMs: 20_000,
  run: async (db) => refreshTicketRollups(db),
};
