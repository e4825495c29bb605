import { and, eq } from 'drizzle-orm';
import type { Db } from '../../db/client.js';
import { groupMembers, tickets } from '../../db/schema/index.js';
import { notFound } from '../../lib/errors.js';
import type { Principal } from '../auth/principal.js';
import { findTicket, ticketVisibleWithoutGroups, type TicketRow } from './tickets.repo.js';

/**
 * A ticket the caller may see (optionally locked for update). Tickets outside the caller's scope
 * are "not found", exactly like unknown ids.
 */
export async function loadTicketInScope(db: Db, p: Principal, id: string, forUpdate = false) {
  if (forUpdate) await db.select({ id: tickets.id }).from(tickets).where(eq(tickets.id, id)).for('update');
  const row = await findTicket(db, id);
  if (!row || !(await ticketVisibleTo(db, p, row))) throw notFound('ticket');
  return row;
}

/** Same rule as `ticketScopeCondition`, for one ticket already read. */
export async function ticketVisibleTo(db: Db, p: Principal, row: TicketRow): Promise<boolean> {
  if (ticketVisibleWithoutGroups(p, row)) return true;
  if (!row.ticket.groupId) return false;
  const [member] = await db
    .select({ userId: groupMembers.userId })
    .from(groupMembers)
    .where(and(eq(groupMembers.groupId, row.ticket.groupId), eq(groupMembers.userId, p.userId)));
  return !!member;
}
