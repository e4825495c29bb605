import { eq } from 'drizzle-orm';
import type { Db } from '../../db/client.js';
import { tickets } from '../../db/schema/index.js';
import { notFound } from '../../lib/errors.js';
import type { Principal } from '../auth/principal.js';
import { findTicket, ticketVisibleTo } from './tickets.repo.js';

/**
 * A ticket the caller may see (optionally locked for update). Tickets outside the caller's scope
 * are "not found", exactly like unknown ids.
 */
export async function loadTicketInScope(db: Db, p: Principal, id: string, forUpdate = false) {
  if (forUpdate) await db.select({ id: tickets.id }).from(tickets).where(eq(tickets.id, id)).for('update');
  const row = await findTicket(db, id);
  if (!row || !ticketVisibleTo(p, row)) throw notFound('ticket');
  return row;
}
