import { pgErrorCode } from '../lib/errors.js';

/**
 * Runs a transaction again after a deadlock, a serialization failure or a unique key another
 * writer took meanwhile (the transaction rolled back whole, so nothing is written twice; the next
 * attempt sees what the other writer committed).
 */
export async function retryLostRace<T>(run: () => Promise<T>, attempts = 3): Promise<T> {
  for (let i = 1; ; i++) {
    try {
      return await run();
    } catch (err) {
      if (i >= attempts || !['40P01', '40001', '23505'].includes(pgErrorCode(err) ?? '')) throw err;
    }
  }
}
