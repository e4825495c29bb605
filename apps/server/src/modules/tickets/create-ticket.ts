import { randomUUID } from 'node:crypto';
import { and, desc, eq, gte, sql } from 'drizzle-orm';
import { TICKET_LIMITS, type CreateTicketBody } from '@qloop/contracts';
import { rowsOf, type Db } from '../../db/client.js';
import { idempotencyKeys, ticketEvents, tickets } from '../../db/schema/index.js';
import { badRequest } from '../../lib/errors.js';
import { appendAudit, type AuditContext } from '../audit/append-audit.js';
import type { Principal } from '../auth/principal.js';
import { findCategory } from '../categories/categories.repo.js';
import { findOrCreateCustomer } from '../customers/find-or-create-customer.js';
import { loadOrgUnitInScope } from '../org/org-scope.js';
import { searchTextOf } from './search-text.js';
import { autoAssign } from '../assignment/auto-assign.js';

/**
 * Accepts a customer request as a work order (受理). The caller becomes its first-contact owner
 * (首问负责人). A complaint from a customer who complained in the same level-2 category within the
 * repeat window is flagged as a repeat (重复投诉) and linked to the earlier ticket. With an
 * idempotency key, a retried submission returns the ticket the first one created.
 */
export async function createTicket(
  db: Db,
  opts: {
    principal: Principal;
    audit: AuditContext;
    input: CreateTicketBody;
    idempotencyKey?: string | undefined;
    /** self-service submissions get a code the customer follows them with */
    trackingCode?: string;
    now?: Date;
  },
): Promise<{ id: string; replayed: boolean }> {
  const { input, principal } = opts;
  const now = opts.now ?? new Date();
  return db.transaction(async (tx) => {
    if (opts.idempotencyKey) {
      // Same key from the same caller: wait for the first request, then return its ticket.
      await tx.execute(sql`SELECT pg_advisory_xact_lock(hashtext(${principal.userId + ':' + opts.idempotencyKey}))`);
      const [seen] = await tx
        .select({ ticketId: idempotencyKeys.ticketId })
        .from(idempotencyKeys)
        .where(and(eq(idempotencyKeys.userId, principal.userId), eq(idempotencyKeys.key, opts.idempotencyKey)));
      if (seen) return { id: seen.ticketId, replayed: true };
    }
    const org = await loadOrgUnitInScope(tx, principal, input.orgUnitId);
    const category = await findCategory(tx, input.categoryId);
    if (!category) throw badRequest('unknown category', { categoryId: input.categoryId });
    if (!category.active) throw badRequest(`category “${category.name}” is retired; choose a current one`);
    const categoryL2Id = category.level >= 2 ? (category.path[1] ?? null) : null;

    const { customer, events } = await findOrCreateCustomer(tx, { key: input.customer, orgUnitId: org.id, principal });

    let repeatOf: string | null = null;
    if (input.type === 'complaint' && categoryL2Id) {
      const since = new Date(now.getTime() - TICKET_LIMITS.repeatWindowDays * 86_400_000);
      const [earlier] = await tx
        .select({ id: tickets.id })
        .from(tickets)
        .where(
          and(
            eq(tickets.customerId, customer.id),
            eq(tickets.categoryL2Id, categoryL2Id),
            eq(tickets.type, 'complaint'),
            gte(tickets.createdAt, since),
            sql`${tickets.state} <> 'merged'`,
          ),
        )
        .orderBy(desc(tickets.createdAt))
        .limit(1);
      repeatOf = earlier?.id ?? null;
    }

    const id = randomUUID();
    const numbered = await tx.execute(
      sql`SELECT 'GD' || to_char(${now.toISOString()}::timestamptz AT TIME ZONE 'Asia/Shanghai', 'YYYYMMDD') || lpad(nextval('ticket_no_seq')::text, 6, '0') AS no`,
    );
    const no = rowsOf<{ no: string }>(numbered)[0]!.no;
    const row = {
      id,
      no,
      type: input.type,
      channel: input.channel,
      priority: input.priority,
      state: 'accepted' as const,
      title: input.title,
      description: input.description,
      categoryId: category.id,
      categoryL2Id,
      orgUnitId: org.id,
      customerId: customer.id,
      firstOwnerId: principal.userId,
      escalated: input.escalated,
      escalationSource: input.escalationSource ?? null,
      regulatorAppeal: input.regulatorAppeal || input.channel === 'regulator',
      changesService: input.changesService,
      repeatOf,
      searchText: searchTextOf(input.title, input.description),
      trackingCode: opts.trackingCode ?? null,
      createdAt: now,
      updatedAt: now,
    };
    await tx.insert(tickets).values(row);
    await tx.insert(ticketEvents).values({
      ticketId: id,
      at: now,
      actorId: principal.userId,
      kind: 'created',
      toState: 'accepted',
      visibility: 'internal',
      data: { channel: input.channel, repeatOf },
    });
    if (opts.idempotencyKey) {
      await tx.insert(idempotencyKeys).values({ userId: principal.userId, key: opts.idempotencyKey, ticketId: id });
    }
    const routed = await autoAssign(tx, {
      ticketId: id,
      orgUnitId: org.id,
      title: `${no} ${input.title}`,
      now,
      ticket: { type: input.type, channel: input.channel, tier: customer.tier, categoryPath: category.path, orgPath: org.path },
    });
    const { searchText: _s, ...audited } = row;
    await appendAudit(tx, opts.audit, [
      ...events,
      { action: 'create', entityType: 'ticket', entityId: id, orgUnitId: org.id, after: audited },
      ...(routed ? [routed] : []),
    ]);
    return { id, replayed: false };
  });
}
