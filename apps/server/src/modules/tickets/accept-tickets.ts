import { randomUUID } from 'node:crypto';
import { and, eq, inArray, sql, type SQL } from 'drizzle-orm';
import { TICKET_LIMITS, type CreateTicketBody } from '@qloop/contracts';
import { rowsOf, type Db } from '../../db/client.js';
import { insertRowsStatement, writeTogether } from '../../db/insert-rows.js';
import { categories, customers, idempotencyKeys, orgUnits, ticketEvents, tickets } from '../../db/schema/index.js';
import { AppError, badRequest, notFound } from '../../lib/errors.js';
import { pathInScope } from '../../lib/scope.js';
import { auditWrites, type AuditContext, type AuditEvent } from '../audit/append-audit.js';
import type { Principal } from '../auth/principal.js';
import { autoAssignBatch } from '../assignment/auto-assign-batch.js';
import { notify, type NotificationInput } from '../notifications/notify.js';
import { planTicketClocks } from '../sla/start-ticket-clocks.js';
import { searchTextOf } from './search-text.js';

/** Who the request is from: a customer picked in the look-up (`id`), or a phone / customer number to find or create. */
export type CustomerKey = {
  id?: string | undefined;
  name?: string | undefined;
  phone?: string | undefined;
  customerNo?: string | undefined;
  tier?: 'vip' | 'normal' | undefined;
};

/** One request to accept as a work order, as intake, the portal and imports all produce it. */
export type IntakeRequest = {
  principal: Principal;
  audit: AuditContext;
  input: Omit<CreateTicketBody, 'customer'> & { customer: CustomerKey };
  idempotencyKey?: string | undefined;
  /** self-service submissions get a code the customer follows them with */
  trackingCode?: string | undefined;
  /** imports keep the time the request was originally taken; intake uses now */
  createdAt?: Date | null | undefined;
  imported?: boolean;
};

export type IntakeOutcome = { ok: true; id: string; replayed: boolean } | { ok: false; error: AppError };

type Job = IntakeRequest & { index: number; at: Date };

/**
 * Accepts many requests as work orders (受理) inside the caller's transaction with set-based
 * statements — a handful of round trips for the whole batch instead of a dozen per ticket. Every
 * rule of one-by-one intake holds per request:
 * - the caller becomes the first-contact owner (首问负责人);
 * - the org unit must be in the caller's scope and the category current;
 * - the customer is found by customer number, then phone (most recent), or created; a picked
 *   customer must be one the caller may see; missing name/number/phone are filled in, never overwritten;
 * - a complaint repeating the same customer's complaint in the same level-2 category within the
 *   repeat window is linked to the latest one (重复投诉), also within the batch, in time order;
 * - an idempotency key replays the ticket its first use created (same caller), even within a batch;
 * - assignment rules route each ticket exactly as single intake would.
 * A request that breaks a rule gets its own error and is left out; the rest are accepted. Anything
 * unexpected (a lost race on a unique key) throws, and the caller retries requests one by one.
 */
export async function acceptTickets(
  tx: Db,
  requests: readonly IntakeRequest[],
  /**
   * notifications: 'each' tells each assignee of each ticket; 'summary' tells each person once how
   * many this batch handed them; a map collects those counts for the caller to tell once for many
   * batches (an import).
   */
  opts: { now?: Date; notifications?: 'each' | 'summary' | Map<string, number> } = {},
): Promise<IntakeOutcome[]> {
  const now = opts.now ?? new Date();
  const outcomes: (IntakeOutcome | undefined)[] = new Array(requests.length);
  const fail = (i: number, error: AppError) => (outcomes[i] = { ok: false, error });
  let jobs: Job[] = requests.map((r, index) => ({ ...r, index, at: r.createdAt ?? now }));

  // idempotency: lock each key (in one order, so two batches never wait on each other in a cycle),
  // then replay keys already used; a key repeated within the batch replays its first request
  const keyOf = (j: Job) => (j.idempotencyKey ? `${j.principal.userId}:${j.idempotencyKey}` : null);
  const keyed = new Map<string, { userId: string; key: string }>();
  for (const j of jobs) if (j.idempotencyKey) keyed.set(keyOf(j)!, { userId: j.principal.userId, key: j.idempotencyKey });
  const firstWithKey = new Map<string, Job>();
  const replayOf = new Map<number, Job>();
  if (keyed.size) {
    const lockKeys = sql.join([...keyed.keys()].map((k) => sql`${k}`), sql`, `);
    await tx.execute(sql`SELECT pg_advisory_xact_lock(h) FROM (SELECT hashtext(k) AS h FROM unnest(ARRAY[${lockKeys}]::text[]) AS k ORDER BY 1) AS ordered`);
    const pairs = sql.join([...keyed.values()].map((p) => sql`(${p.userId}::uuid, ${p.key})`), sql`, `);
    const seen = await tx
      .select({ userId: idempotencyKeys.userId, key: idempotencyKeys.key, ticketId: idempotencyKeys.ticketId })
      .from(idempotencyKeys)
      .where(sql`(${idempotencyKeys.userId}, ${idempotencyKeys.key}) IN (${pairs})`);
    const used = new Map(seen.map((s) => [`${s.userId}:${s.key}`, s.ticketId]));
    jobs = jobs.filter((j) => {
      const k = keyOf(j);
      if (!k) return true;
      const ticketId = used.get(k);
      if (ticketId) {
        outcomes[j.index] = { ok: true, id: ticketId, replayed: true };
        return false;
      }
      const first = firstWithKey.get(k);
      if (first) {
        replayOf.set(j.index, first);
        return false;
      }
      firstWithKey.set(k, j);
      return true;
    });
    if (!jobs.length) return finish(outcomes, replayOf);
  }

  // org units in scope, current categories
  const units = new Map(
    (await tx.select({ id: orgUnits.id, path: orgUnits.path, active: orgUnits.active }).from(orgUnits).where(inArray(orgUnits.id, unique(jobs.map((j) => j.input.orgUnitId)))))
      .map((u) => [u.id, u]),
  );
  const cats = new Map(
    (await tx.select().from(categories).where(inArray(categories.id, unique(jobs.map((j) => j.input.categoryId))))).map((c) => [c.id, c]),
  );
  jobs = jobs.filter((j) => {
    const unit = units.get(j.input.orgUnitId);
    if (!unit || !pathInScope(j.principal, unit.path)) return !fail(j.index, notFound('org unit'));
    const cat = cats.get(j.input.categoryId);
    if (!cat) return !fail(j.index, badRequest('unknown category', { categoryId: j.input.categoryId }));
    if (!cat.active) return !fail(j.index, badRequest(`category “${cat.name}” is retired; choose a current one`));
    return true;
  });

  const { customerOf, writes: customerWrites } = await resolveCustomers(tx, jobs, fail);
  jobs = jobs.filter((j) => customerOf.has(j.index));
  if (!jobs.length) return finish(outcomes, replayOf);

  // repeat complaints, in time order so that a later request in the batch links to an earlier one
  jobs.sort((a, b) => a.at.getTime() - b.at.getTime() || a.index - b.index);
  const l2Of = (j: Job) => {
    const cat = cats.get(j.input.categoryId)!;
    return cat.level >= 2 ? (cat.path[1] ?? null) : null;
  };
  const windowMs = TICKET_LIMITS.repeatWindowDays * 86_400_000;
  const complaints = jobs.filter((j) => j.input.type === 'complaint' && l2Of(j));
  const earlier = new Map<string, { id: string; at: number }[]>();
  const remember = (key: string, id: string, at: number) => earlier.set(key, [...(earlier.get(key) ?? []), { id, at }]);
  if (complaints.length) {
    const since = new Date(Math.min(...complaints.map((j) => j.at.getTime())) - windowMs);
    const history = await tx
      .select({ id: tickets.id, customerId: tickets.customerId, l2: tickets.categoryL2Id, createdAt: tickets.createdAt })
      .from(tickets)
      .where(
        and(
          inArray(tickets.customerId, unique(complaints.map((j) => customerOf.get(j.index)!.id))),
          inArray(tickets.categoryL2Id, unique(complaints.map((j) => l2Of(j)!))),
          sql`${tickets.type} = 'complaint' AND ${tickets.createdAt} >= ${since} AND ${tickets.state} <> 'merged'`,
        ),
      );
    for (const h of history) remember(`${h.customerId}|${h.l2}`, h.id, h.createdAt.getTime());
  }

  const numbers = rowsOf<{ n: string }>(await tx.execute(sql`SELECT nextval('ticket_no_seq')::text AS n FROM generate_series(1, ${jobs.length})`));
  const routes = await autoAssignBatch(
    tx,
    jobs.map((j) => ({
      type: j.input.type,
      channel: j.input.channel,
      tier: customerOf.get(j.index)!.tier,
      categoryPath: cats.get(j.input.categoryId)!.path,
      orgPath: units.get(j.input.orgUnitId)!.path,
    })),
  );

  const rows: (typeof tickets.$inferInsert)[] = [];
  const events: (typeof ticketEvents.$inferInsert)[] = [];
  const audit: AuditEvent[] = [];
  const notes: NotificationInput[] = [];
  const assignedCount = new Map<string, number>();
  jobs.forEach((j, k) => {
    const customer = customerOf.get(j.index)!;
    const l2 = l2Of(j);
    const t = j.at.getTime();
    const id = randomUUID();
    let repeatOf: string | null = null;
    if (j.input.type === 'complaint' && l2) {
      const key = `${customer.id}|${l2}`;
      const prev = (earlier.get(key) ?? []).filter((c) => c.at <= t && t - c.at <= windowMs).sort((a, b) => b.at - a.at)[0];
      repeatOf = prev?.id ?? null;
      remember(key, id, t);
    }
    const route = routes[k] ?? null;
    const beijingDay = new Date(t + 8 * 3600_000).toISOString().slice(0, 10).replace(/-/g, '');
    const row = {
      id,
      no: `GD${beijingDay}${numbers[k]!.n.padStart(6, '0')}`,
      type: j.input.type,
      channel: j.input.channel,
      priority: j.input.priority,
      state: route?.assigneeId ? ('assigned' as const) : ('accepted' as const),
      title: j.input.title,
      description: j.input.description,
      categoryId: j.input.categoryId,
      categoryL2Id: l2,
      orgUnitId: j.input.orgUnitId,
      customerId: customer.id,
      firstOwnerId: j.principal.userId,
      assigneeId: route?.assigneeId ?? null,
      groupId: route?.groupId ?? null,
      escalated: j.input.escalated,
      escalationSource: j.input.escalationSource ?? null,
      regulatorAppeal: j.input.regulatorAppeal || j.input.channel === 'regulator',
      groupComplaint: j.input.groupComplaint,
      changesService: j.input.changesService,
      repeatOf,
      searchText: searchTextOf(j.input.title, j.input.description),
      trackingCode: j.trackingCode ?? null,
      createdAt: j.at,
      updatedAt: now,
    };
    rows.push(row);
    events.push({
      ticketId: id, at: j.at, actorId: j.principal.userId, kind: 'created', toState: 'accepted', visibility: 'internal',
      data: j.imported ? { imported: true, repeatOf } : { channel: j.input.channel, repeatOf },
    });
    const { searchText: _s, ...audited } = row;
    audit.push(...customer.events.map((e) => ({ ...e, context: j.audit })));
    customer.events = []; // a customer created once is audited once, whichever request created it
    audit.push({ action: 'create', entityType: 'ticket', entityId: id, orgUnitId: row.orgUnitId, after: j.imported ? { ...audited, imported: true } : audited, context: j.audit });
    if (route) {
      events.push({
        ticketId: id, at: j.at, actorId: null, kind: route.assigneeId ? 'transition' : 'note', action: route.assigneeId ? 'assign' : 'queue',
        fromState: route.assigneeId ? 'accepted' : null, toState: route.assigneeId ? 'assigned' : null,
        data: { rule: route.ruleId, group: route.groupId, to: route.assigneeId },
      });
      audit.push({ action: 'update', entityType: 'ticket', entityId: id, orgUnitId: row.orgUnitId, after: { autoAssigned: { rule: route.ruleId, group: route.groupId, assignee: route.assigneeId } }, context: j.audit });
      if (route.assigneeId) {
        assignedCount.set(route.assigneeId, (assignedCount.get(route.assigneeId) ?? 0) + 1);
        notes.push({ userId: route.assigneeId, kind: 'assigned', ticketId: id, title: `新工单已自动分派给您：${row.no} ${row.title}` });
      }
    }
    outcomes[j.index] = { ok: true, id, replayed: false };
  });

  // SLA clocks for the whole batch: policies and calendars read once; each ticket goes in with its
  // next deadline, its clocks right after it
  const clocks = await planTicketClocks(tx, jobs.map((j, k) => ({
    ticketId: rows[k]!.id!, at: j.at, type: j.input.type, channel: j.input.channel, priority: j.input.priority,
    tier: customerOf.get(j.index)!.tier, categoryPath: cats.get(j.input.categoryId)!.path, orgPath: units.get(j.input.orgUnitId)!.path,
  })));
  for (const row of rows) row.nextDeadline = clocks.nextDeadlines.get(row.id!) ?? null;
  const withKey = jobs.filter((j) => j.idempotencyKey);
  // everything the batch writes goes as one statement; the audit chain's head is locked just before
  await writeTogether(tx, [
    ...customerWrites,
    insertRowsStatement(tx, tickets, rows),
    insertRowsStatement(tx, ticketEvents, events),
    clocks.statement,
    insertRowsStatement(tx, idempotencyKeys,
      withKey.map((j) => ({ userId: j.principal.userId, key: j.idempotencyKey!, ticketId: (outcomes[j.index] as { id: string }).id })),
    ),
    ...(await auditWrites(tx, requests[0]!.audit, audit)),
  ]);
  if (opts.notifications instanceof Map) {
    for (const [userId, n] of assignedCount) opts.notifications.set(userId, (opts.notifications.get(userId) ?? 0) + n);
  } else if (opts.notifications === 'summary') {
    await notifyAssignedInBulk(tx, assignedCount);
  } else {
    await notify(tx, null, notes);
  }
  return finish(outcomes, replayOf);
}

/** Tells each person once how many tickets a bulk intake (an import) handed them, not once per ticket. */
export async function notifyAssignedInBulk(tx: Db, assigned: ReadonlyMap<string, number>): Promise<void> {
  await notify(tx, null, [...assigned].map(([userId, n]) => ({ userId, kind: 'assigned' as const, title: `批量导入的 ${n} 张工单已自动分派给您` })));
}

/** Requests that repeated an idempotency key within the batch get what its first use got. */
function finish(outcomes: (IntakeOutcome | undefined)[], replayOf: Map<number, Job>): IntakeOutcome[] {
  for (const [i, first] of replayOf) {
    const o = outcomes[first.index]!;
    outcomes[i] = o.ok ? { ok: true, id: o.id, replayed: true } : o;
  }
  return outcomes.map((o) => o!);
}

const unique = <T>(xs: T[]) => [...new Set(xs)];

type ResolvedCustomer = { id: string; tier: 'vip' | 'normal'; events: AuditEvent[] };

/**
 * Finds or creates each request's customer. Rows are locked in id order, so concurrent batches
 * cannot deadlock on them, and two requests for one new phone in a batch share one new customer.
 */
async function resolveCustomers(
  tx: Db,
  jobs: Job[],
  fail: (i: number, e: AppError) => unknown,
): Promise<{ customerOf: Map<number, ResolvedCustomer>; writes: (SQL | null)[] }> {
  const picked = unique(jobs.map((j) => j.input.customer.id).filter((id): id is string => !!id));
  const nos = unique(jobs.map((j) => (!j.input.customer.id ? j.input.customer.customerNo : undefined)).filter((n): n is string => !!n));
  const phones = unique(jobs.map((j) => (!j.input.customer.id ? j.input.customer.phone : undefined)).filter((p): p is string => !!p));
  const conds = [
    picked.length ? inArray(customers.id, picked) : undefined,
    nos.length ? inArray(customers.customerNo, nos) : undefined,
    phones.length ? inArray(customers.phone, phones) : undefined,
  ].filter((c) => !!c);
  const found = conds.length
    ? await tx
        .select({ c: customers, orgPath: orgUnits.path })
        .from(customers)
        .innerJoin(orgUnits, eq(orgUnits.id, customers.orgUnitId))
        .where(sql.join(conds, sql` OR `))
        .orderBy(customers.id)
        .for('update', { of: customers })
    : [];
  const byId = new Map(found.map((f) => [f.c.id, f]));
  const byNo = new Map(found.filter((f) => f.c.customerNo).map((f) => [f.c.customerNo!, f.c]));
  const byPhone = new Map<string, typeof customers.$inferSelect>();
  for (const f of [...found].sort((a, b) => b.c.updatedAt.getTime() - a.c.updatedAt.getTime())) {
    if (f.c.phone && !byPhone.has(f.c.phone)) byPhone.set(f.c.phone, f.c);
  }

  const result = new Map<number, ResolvedCustomer>();
  const resolved = new Map<string, ResolvedCustomer>();
  const fills = new Map<string, { row: typeof customers.$inferSelect; fill: Partial<typeof customers.$inferInsert> }>();
  const created: (typeof customers.$inferInsert)[] = [];
  const of = (row: { id: string; tier: 'vip' | 'normal' }) => {
    if (!resolved.has(row.id)) resolved.set(row.id, { id: row.id, tier: row.tier, events: [] });
    return resolved.get(row.id)!;
  };
  for (const j of jobs) {
    const key = j.input.customer;
    if (key.id) {
      const f = byId.get(key.id);
      if (!f || !pathInScope(j.principal, f.orgPath)) fail(j.index, notFound('customer'));
      else result.set(j.index, of(f.c));
      continue;
    }
    const existing = (key.customerNo && byNo.get(key.customerNo)) || (key.phone && byPhone.get(key.phone)) || null;
    if (existing) {
      const pending = fills.get(existing.id)?.fill ?? {};
      const current = { ...existing, ...pending };
      if (!current.name && key.name) pending.name = key.name;
      if (!current.customerNo && key.customerNo) pending.customerNo = key.customerNo;
      if (!current.phone && key.phone) pending.phone = key.phone;
      if (Object.keys(pending).length) fills.set(existing.id, { row: existing, fill: pending });
      result.set(j.index, of(existing));
      continue;
    }
    const row = { id: randomUUID(), orgUnitId: j.input.orgUnitId, name: key.name ?? null, phone: key.phone ?? null, customerNo: key.customerNo ?? null, tier: key.tier ?? ('normal' as const) };
    created.push(row);
    const r = of(row);
    // the phone is personal data: the trail records that a customer was created, not the number
    r.events.push({ action: 'create', entityType: 'customer', entityId: row.id, orgUnitId: row.orgUnitId, after: { name: row.name, customerNo: row.customerNo, tier: row.tier } });
    // later requests in the batch with this number or phone find the customer just made
    const made = { ...row, idNumber: null, consentSms: true, consentSurvey: true, version: 1, createdAt: new Date(), updatedAt: new Date() };
    if (row.customerNo) byNo.set(row.customerNo, made);
    if (row.phone) byPhone.set(row.phone, made);
    result.set(j.index, r);
  }
  // written with the tickets (the caller's `writeTogether`): new customers, and the gaps filled in
  const writes = [insertRowsStatement(tx, customers, created)];
  for (const { row, fill } of fills.values()) {
    writes.push(tx.update(customers).set({ ...fill, updatedAt: new Date(), version: sql`${customers.version} + 1` }).where(eq(customers.id, row.id)).getSQL());
    of(row).events.push({ action: 'update', entityType: 'customer', entityId: row.id, orgUnitId: row.orgUnitId, before: {}, after: { filled: Object.keys(fill) } });
  }
  return { customerOf: result, writes };
}
