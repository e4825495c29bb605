import type { TicketDetail } from '@qloop/contracts';
import type { Db } from '../../db/client.js';
import type { Principal } from '../auth/principal.js';
import { loadTicketInScope } from './ticket-access.js';
import { allowedActions } from './ticket-state-machine.js';
import { findTicket, listTicketEvents, relatedTickets, toTicketSummary } from './tickets.repo.js';
import { notFound } from '../../lib/errors.js';

/** The ticket page: summary, description, timeline, related tickets and what can be done now. */
export async function getTicketDetail(
  db: Db,
  p: Principal,
  id: string,
  /** after the caller's own transfer the ticket may have left their scope: they still get the result */
  opts: { afterOwnAction?: boolean } = {},
): Promise<TicketDetail> {
  const row = opts.afterOwnAction ? await findTicket(db, id) : await loadTicketInScope(db, p, id);
  if (!row) throw notFound('ticket');
  const t = row.ticket;
  const [events, related] = await Promise.all([listTicketEvents(db, t.id), relatedTickets(db, t)]);
  return {
    ...toTicketSummary(row),
    description: t.description,
    escalationSource: t.escalationSource,
    changesService: t.changesService,
    confirmation: t.confirmation ?? null,
    followUpResult: t.followUpResult,
    transferCount: t.transferCount,
    reopenCount: t.reopenCount,
    answeredAt: t.answeredAt?.toISOString() ?? null,
    events,
    related,
    allowedActions: p.permissions.has('tickets:handle') ? allowedActions(t.state) : [],
  };
}
