import { eq, sql } from 'drizzle-orm';
import { OPEN_STATES, type NoteKind } from '@qloop/contracts';
import type { Db } from '../../db/client.js';
import { ticketEvents, tickets } from '../../db/schema/index.js';
import { AppError } from '../../lib/errors.js';
import { appendAudit, type AuditContext } from '../audit/append-audit.js';
import type { Principal } from '../auth/principal.js';
import { loadTicketInScope } from './ticket-access.js';
import { mentionableUserIds, mentionedUsernames, notify } from '../notifications/notify.js';
import { applyTicketClockEvents } from '../sla/apply-ticket-clock-events.js';
import { eventsOfNote } from '../sla/clock-events.js';

/**
 * Adds a public reply, an internal note or a call record to an open ticket's timeline. A public
 * reply or call record is customer-visible (it counts as a response); an internal note is not.
 */
export async function addTicketNote(
  db: Db,
  opts: { principal: Principal; audit: AuditContext; id: string; kind: NoteKind; body: string },
) {
  return db.transaction(async (tx) => {
    const row = await loadTicketInScope(tx, opts.principal, opts.id, true);
    if (!OPEN_STATES.includes(row.ticket.state)) {
      throw new AppError('ILLEGAL_TRANSITION', `ticket is ${row.ticket.state}; reopen it to add to its timeline`, 409);
    }
    const visibility = opts.kind === 'internal_note' ? 'internal' : 'public';
    const [event] = await tx
      .insert(ticketEvents)
      .values({ ticketId: row.ticket.id, actorId: opts.principal.userId, kind: 'note', action: opts.kind, visibility, body: opts.body })
      .returning({ id: ticketEvents.id });
    await tx.update(tickets).set({ updatedAt: new Date(), version: sql`${tickets.version} + 1` }).where(eq(tickets.id, row.ticket.id));
    // SLA clocks: a public reply or call record is a response; an internal note is not
    await applyTicketClockEvents(tx, { ticketId: row.ticket.id, events: eventsOfNote(opts.kind), at: new Date(), pendingAfter: row.ticket.state === 'pending' });
    const mentioned = await mentionableUserIds(tx, mentionedUsernames(opts.body), row.orgPath);
    await notify(
      tx,
      opts.principal.userId,
      mentioned.map((userId) => ({ userId, kind: 'mentioned' as const, ticketId: row.ticket.id, title: `${opts.principal.displayName} 在工单 ${row.ticket.no} 中提到了您`, body: opts.body.slice(0, 500) })),
    );
    await appendAudit(tx, opts.audit, [
      { action: 'update', entityType: 'ticket', entityId: row.ticket.id, orgUnitId: row.ticket.orgUnitId, after: { note: opts.kind, eventId: event!.id } },
    ]);
  });
}
