import { sql } from 'drizzle-orm';
import { AUTH_LIMITS } from '@qloop/contracts';
import type { Db } from '../db/client.js';
import type { Job } from './job.js';

/**
 * Deletes sessions past their absolute expiry or idle longer than the idle timeout. They already
 * open nothing (authentication checks both); this keeps the table small. Idempotent, so several
 * instances running it at once is harmless.
 */
export const purgeSessions: Job = {
  id: 'purge-sessions',
  everyMs: 60 * 60_000,
  run: async (db: Db) => {
    const idle = `${AUTH_LIMITS.sessionIdleHours} hours`;
    const res = await db.execute(sql`
      DELETE FROM sessions WHERE expires_at <= now() OR last_seen_at <= now() - ${idle}::interval`);
    return { deleted: (res as unknown as { rowCount?: number; affectedRows?: number }).rowCount ?? (res as unknown as { affectedRows?: number }).affectedRows ?? 0 };
  },
};
