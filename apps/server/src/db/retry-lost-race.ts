import { pgErrorCode } from '../lib/errors.js';

/** A deadlock or a serialization failure: the transaction lost a race and is worth another try. */
export const isLostRace = (err: unknown): boolean => ['40P01', '40001'].includes(pgErrorCode(err) ?? '');

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
      if (i >= attempts || !(isLostRace(err) || pgErrorCode(err) === '23505')) throw err;
    }
  }
}
