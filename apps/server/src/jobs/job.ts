import type { Db } from '../db/client.js';

/** A scheduled job: one file each under jobs/, idempotent and safe with several instances. */
export type Job = {
  id: string;
  everyMs: number;
  run: (db: Db) => Promise<Record<string, unknown>>;
};
