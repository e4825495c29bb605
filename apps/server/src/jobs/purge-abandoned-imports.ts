import { sql } from 'drizzle-orm';
import { IMPORT_LIMITS } from '@qloop/contracts';
import { rowsOf, type Db } from '../db/client.js';
import type { Job } from './job.js';

/** Imports deleted per statement: each can hold up to 200,000 rows of uploaded cells. */
const BATCH = 50;
/** Statements per run at most; what is left waits for the next run. */
const MAX_BATCHES = 40;

/**
 * Deletes uploads never run (status `uploaded`) older than IMPORT_LIMITS.abandonedAfterHours. Their
 * rows hold customers' phones and names, and so may a dry run's report (it quotes bad cells), while
 * nothing was imported, so nothing of record is lost: the whole import goes rather than being kept
 * as an "expired" shell. Idempotent, and safe with several instances: rows another instance is
 * deleting, or a run is claiming at that moment, are locked and skipped (SKIP LOCKED), and a run
 * that claims an import first takes it out of `uploaded`.
 */
export const purgeAbandonedImports: Job = {
  id: 'purge-abandoned-imports',
  everyMs: 60 * 60_000,
  run: async (db: Db) => {
    const age = `${IMPORT_LIMITS.abandonedAfterHours} hours`;
    let deleted = 0;
    for (let i = 0; i < MAX_BATCHES; i++) {
      const gone = rowsOf<{ id: string }>(
        await db.execute(sql`
          DELETE FROM ticket_imports WHERE status = 'uploaded' AND id IN (
            SELECT id FROM ticket_imports
            WHERE status = 'uploaded' AND created_at < now() - ${age}::interval
            ORDER BY created_at
            LIMIT ${BATCH}
            FOR UPDATE SKIP LOCKED)
          RETURNING id`),
      );
      deleted += gone.length;
      if (gone.length < BATCH) break;
    }
    return { deleted };
  },
};
