import { and, asc, eq } from 'drizzle-orm';
import type { PortalStatus } from '@qloop/contracts';
import type { Db } from '../../db/client.js';
import { customers, ticketEvents, tickets } from '../../db/schema/index.js';
import { notFound } from '../../lib/errors.js';

/**
 * What the customer sees with their tracking code and the last 4 digits of their phone: the state
 * and what they were told. A wrong code and a wrong phone give the same answer.
 */
export async function getPortalStatus(db: Db, code: string, phone4: string): Promise<PortalStatus> {
  const [row] = await db
    .select({ t: tickets, phone: customers.phone })
    .from(tickets)
    .innerJoin(customers, eq(customers.id, tickets.customerId))
    .where(eq(tickets.trackingCode, code));
  if (!row || !row.phone?.endsWith(phone4)) throw notFound('request');
  const events = await db
    .select()
    .from(ticketEvents)
    .where(and(eq(ticketEvents.ticketId, row.t.id)))
    .orderBy(asc(ticketEvents.id));
  const timeline: PortalStatus['timeline'] = [];
  for (const e of events) {
    if (e.kind === 'created') timeline.push({ at: e.at.toISOString(), kind: 'created', state: 'accepted', body: null });
    else if (e.visibility === 'public' && e.body) timeline.push({ at: e.at.toISOString(), kind: 'reply', state: (e.toState as PortalStatus['state']) ?? null, body: e.body });
    else if (e.kind === 'transition' && e.toState && ['answered', 'closed', 'pending', 'in_progress'].includes(e.toState)) {
      timeline.push({ at: e.at.toISOString(), kind: 'state', state: e.toState as PortalStatus['state'], body: null });
    }
  }
  return {
    no: row.t.no,
    title: row.t.title,
    state: row.t.state,
    createdAt: row.t.createdAt.toISOString(),
    updatedAt: row.t.updatedAt.toISOString(),
    timeline,
  };
}
