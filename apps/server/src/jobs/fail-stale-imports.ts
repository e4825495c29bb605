import { sql } from 'drizzle-orm';
import { rowsOf, type Db } from '../db/client.js';
import { IMPORT_HEARTBEAT_MS } from '../modules/ticket-import/run-ticket-import.js';
import type { Job } from './job.js';

/** Missed beats before a running import is declared dead. */
const STALE_AFTER_MS = IMPORT_HEARTBEAT_MS * 8;

/**
 * Marks failed the imports whose server stopped mid-way (their heartbeat went quiet), saying what
 * happened to the data: an all-or-nothing import rolled back with its transaction; a valid-rows
 * import kept the chunks it had committed. Without this they would show "running" forever.
 * Idempotent, and safe with several instances: the update itself decides.
 */
export const failStaleImports: Job = {
  id: 'fail-stale-imports',
  everyMs: 60_000,
  run: async (db: Db) => {
    const failed = rowsOf<{ id: string }>(
      await db.execute(sql`
        UPDATE ticket_imports SET
          status = 'failed',
          finished_at = now(),
          rows = NULL,
          row_numbers = NULL,
          message = CASE WHEN mode = 'all_or_nothing'
            THEN 'the server stopped during this import; nothing was imported — run it again'
            ELSE 'the server stopped during this import; ' || imported_rows || ' rows had been imported, the rest were not — import the remaining rows again'
          END
        WHERE status = 'running' AND coalesce(heartbeat_at, created_at) < now() - ${`${STALE_AFTER_MS} milliseconds`}::interval
        RETURNING id`),
    );
    return { failed: failed.length };
  },
};
