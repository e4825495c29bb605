import { randomUUID } from 'node:crypto';
import { and, inArray, or, sql } from 'drizzle-orm';
import { TICKET_LIMITS } from '@qloop/contracts';
import { rowsOf, type Db } from '../../db/client.js';
import { customers, ticketEvents, tickets } from '../../db/schema/index.js';
import { appendAudit, type AuditContext, type AuditEvent } from '../audit/append-audit.js';
import type { Principal } from '../auth/principal.js';
import { searchTextOf } from '../tickets/search-text.js';
import { autoAssignBatch } from '../assignment/auto-assign-batch.js';
import { notify } from '../notifications/notify.js';
import type { ParsedTicketRow } from './parse-ticket-rows.js';


/**
 * Creates many validated tickets in one transaction with set-based statements: customers found or
 * created per batch, repeat complaints linked as intake links them, numbers drawn from the same
 * sequence, one timeline entry and one audit entry per ticket. Intake's per-ticket path would make
 * a 100,000-row import take many minutes.
 */
export async function bulkCreateTickets(
  tx: Db,
  opts: { principal: Principal; audit: AuditContext; rows: ParsedTicketRow[]; now: Date },
): Promise<number> {
  const { rows, principal, now } = opts;
  if (!rows.length) return 0;

  // customers: by customer number first, then phone
  const phones = [...new Set(rows.map((r) => r.phone).filter((p): p is string => !!p))];
  const numbers = [...new Set(rows.map((r) => r.customerNo).filter((n): n is string => !!n))];
  const existing = await tx
    .select({ id: customers.id, phone: customers.phone, customerNo: customers.customerNo, tier: customers.tier })
    .from(customers)
    .where(or(phones.length ? inArray(customers.phone, phones) : undefined, numbers.length ? inArray(customers.customerNo, numbers) : undefined));
  const byNo = new Map(existing.filter((c) => c.customerNo).map((c) => [c.customerNo!, c.id]));
  const byPhone = new Map(existing.filter((c) => c.phone).map((c) => [c.phone!, c.id]));
  const tierOf = new Map(existing.map((c) => [c.id, c.tier]));
  const newCustomers: (typeof customers.$inferInsert)[] = [];
  const customerOf = rows.map((r) => {
    const found = (r.customerNo && byNo.get(r.customerNo)) || (r.phone && byPhone.get(r.phone));
    if (found) return found;
    const id = randomUUID();
    newCustomers.push({ id, orgUnitId: r.orgUnitId, name: r.customerName, phone: r.phone, customerNo: r.customerNo });
    if (r.customerNo) byNo.set(r.customerNo, id);
    if (r.phone) byPhone.set(r.phone, id);
    return id;
  });
  for (let i = 0; i < newCustomers.length; i += 1000) await tx.insert(customers).values(newCustomers.slice(i, i + 1000));

  // repeat complaints: the latest earlier complaint of the customer in the same level-2 category
  const at = rows.map((r) => r.createdAt ?? now);
  const l2 = rows.map((r) => (r.categoryPath.length >= 2 ? r.categoryPath[1]! : null));
  const windowMs = TICKET_LIMITS.repeatWindowDays * 86_400_000;
  const earliest = new Date(Math.min(...at.map((d) => d.getTime())) - windowMs);
  const history = await tx
    .select({ id: tickets.id, customerId: tickets.customerId, l2: tickets.categoryL2Id, createdAt: tickets.createdAt })
    .from(tickets)
    .where(and(inArray(tickets.customerId, [...new Set(customerOf)]), sql`${tickets.type} = 'complaint' AND ${tickets.createdAt} >= ${earliest} AND ${tickets.state} <> 'merged'`));
  // earlier complaints per customer and level-2 category: each list stays short
  const complaints = new Map<string, { id: string; at: number }[]>();
  const remember = (customerId: string, cat: string | null, id: string, t: number) => {
    const key = `${customerId}|${cat}`;
    complaints.set(key, [...(complaints.get(key) ?? []), { id, at: t }]);
  };
  for (const h of history) remember(h.customerId, h.l2, h.id, h.createdAt.getTime());

  const numbered = rowsOf<{ n: string }>(await tx.execute(sql`SELECT nextval('ticket_no_seq')::text AS n FROM generate_series(1, ${rows.length})`));
  const order = rows.map((_, i) => i).sort((a, b) => at[a]!.getTime() - at[b]!.getTime());
  const ticketRows: (typeof tickets.$inferInsert)[] = new Array(rows.length);
  for (const i of order) {
    const r = rows[i]!;
    const id = randomUUID();
    const t = at[i]!.getTime();
    let repeatOf: string | null = null;
    if (r.type === 'complaint' && l2[i]) {
      const prev = (complaints.get(`${customerOf[i]}|${l2[i]}`) ?? [])
        .filter((c) => c.at <= t && t - c.at <= windowMs)
        .sort((a, b) => b.at - a.at)[0];
      repeatOf = prev?.id ?? null;
      remember(customerOf[i]!, l2[i]!, id, t);
    }
    const beijing = new Date(t + 8 * 3600_000).toISOString().slice(0, 10).replace(/-/g, '');
    ticketRows[i] = {
      id,
      no: `GD${beijing}${numbered[i]!.n.padStart(6, '0')}`,
      type: r.type,
      channel: r.channel,
      priority: r.priority,
      state: 'accepted',
      title: r.title,
      description: r.description,
      categoryId: r.categoryId,
      categoryL2Id: l2[i],
      orgUnitId: r.orgUnitId,
      customerId: customerOf[i]!,
      firstOwnerId: principal.userId,
      escalated: r.escalated,
      regulatorAppeal: r.channel === 'regulator',
      repeatOf,
      searchText: searchTextOf(r.title, r.description),
      createdAt: at[i],
      updatedAt: now,
    };
  }
  // imported requests are routed by the assignment rules like any other intake
  const routes = await autoAssignBatch(
    tx,
    rows.map((r, i) => ({ type: r.type, channel: r.channel, tier: tierOf.get(customerOf[i]!) ?? 'normal', categoryPath: r.categoryPath, orgPath: r.orgPath })),
  );
  routes.forEach((route, i) => {
    if (!route) return;
    ticketRows[i]!.groupId = route.groupId;
    if (route.assigneeId) Object.assign(ticketRows[i]!, { assigneeId: route.assigneeId, state: 'assigned' });
  });
  for (let i = 0; i < ticketRows.length; i += 1000) await tx.insert(tickets).values(ticketRows.slice(i, i + 1000));
  const events: (typeof ticketEvents.$inferInsert)[] = [];
  ticketRows.forEach((t, i) => {
    events.push({ ticketId: t.id!, at: t.createdAt!, actorId: principal.userId, kind: 'created', toState: 'accepted', data: { imported: true, repeatOf: t.repeatOf } });
    const route = routes[i];
    if (route) {
      events.push({
        ticketId: t.id!, at: t.createdAt!, actorId: null, kind: route.assigneeId ? 'transition' : 'note', action: route.assigneeId ? 'assign' : 'queue',
        fromState: route.assigneeId ? 'accepted' : null, toState: route.assigneeId ? 'assigned' : null,
        data: { rule: route.ruleId, group: route.groupId, to: route.assigneeId },
      });
    }
  });
  for (let i = 0; i < events.length; i += 1000) await tx.insert(ticketEvents).values(events.slice(i, i + 1000));
  // one notification per person for the whole batch, not one per ticket
  const perAssignee = new Map<string, number>();
  for (const r of routes) if (r?.assigneeId) perAssignee.set(r.assigneeId, (perAssignee.get(r.assigneeId) ?? 0) + 1);
  await notify(tx, principal.userId, [...perAssignee].map(([userId, n]) => ({ userId, kind: 'assigned' as const, title: `批量导入的 ${n} 张工单已自动分派给您` })));
  const audit: AuditEvent[] = ticketRows.map((t, i) => ({
    action: 'create',
    entityType: 'ticket',
    entityId: t.id!,
    orgUnitId: t.orgUnitId,
    after: {
      no: t.no, type: t.type, channel: t.channel, title: t.title, categoryId: t.categoryId, imported: true,
      ...(routes[i] ? { autoAssigned: { rule: routes[i]!.ruleId, group: routes[i]!.groupId, assignee: routes[i]!.assigneeId } } : {}),
    },
  }));
  for (let i = 0; i < audit.length; i += 1000) await appendAudit(tx, opts.audit, audit.slice(i, i + 1000));
  return ticketRows.length;
}
