import type { Db } from '../../db/client.js';
import { acceptTickets, type IntakeRequest } from './accept-tickets.js';

/**
 * Accepts one customer request as a work order (受理) in its own transaction; see `acceptTickets`
 * for the rules (first-contact owner, repeat complaints, idempotency keys, routing). Busy intake
 * goes through the intake queue instead, which accepts concurrent requests together.
 */
export async function createTicket(db: Db, request: IntakeRequest & { now?: Date }): Promise<{ id: string; replayed: boolean }> {
  const [outcome] = await db.transaction((tx) => acceptTickets(tx, [request], { now: request.now ?? new Date() }));
  if (!outcome!.ok) throw outcome!.error;
  return outcome!;
}
