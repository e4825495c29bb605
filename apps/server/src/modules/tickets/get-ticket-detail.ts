import type { TicketDetail } from '@qloop/contracts';
import type { Db } from '../../db/client.js';
import type { Principal } from '../auth/principal.js';
import { loadTicketInScope } from './ticket-access.js';
import { allowedActions } from './ticket-state-machine.js';
import { findTicket, findTickets, listTicketEventsOf, relatedTicketsOf, toTicketSummary, type TicketRow } from './tickets.repo.js';
import { notFound } from '../../lib/errors.js';
import { clocksOf, loadEngineCalendars, toTicketClock } from '../sla/sla.repo.js';
import { slaSummaryOf } from '../sla/sla-summary.js';

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
  return (await detailsOf(db, [row]))[0]!(p);
}

/**
 * Details of tickets the callers just created (so they are in their scope), three queries for
 * all of them; each result is completed with the actions its reader may take.
 */
export async function getCreatedTicketDetails(db: Db, ids: readonly string[]): Promise<Map<string, (p: Principal) => TicketDetail>> {
  const rows = await findTickets(db, ids);
  const details = await detailsOf(db, rows);
  return new Map(rows.map((r, i) => [r.ticket.id, details[i]!]));
}

async function detailsOf(db: Db, rows: TicketRow[]): Promise<((p: Principal) => TicketDetail)[]> {
  const [events, related, clocks, calendars] = await Promise.all([
    listTicketEventsOf(db, rows.map((r) => r.ticket.id)),
    relatedTicketsOf(db, rows.map((r) => r.ticket)),
    clocksOf(db, rows.map((r) => r.ticket.id)),
    loadEngineCalendars(db),
  ]);
  const now = new Date();
  return rows.map((row) => {
    const t = row.ticket;
    const detail = {
      ...toTicketSummary(row),
      description: t.description,
      escalationSource: t.escalationSource,
      changesService: t.changesService,
      confirmation: t.confirmation ?? null,
      followUpResult: t.followUpResult,
      transferCount: t.transferCount,
      reopenCount: t.reopenCount,
      answeredAt: t.answeredAt?.toISOString() ?? null,
      events: events.get(t.id) ?? [],
      related: related.get(t.id) ?? [],
      clocks: (clocks.get(t.id) ?? []).map((c) => toTicketClock(c, calendars, now)),
      sla: slaSummaryOf(clocks.get(t.id) ?? [], calendars, now),
    };
    return (p: Principal) => ({ ...detail, allowedActions: p.permissions.has('tickets:handle') ? allowedActions(t.state) : [] });
  });
}
