import { and, asc, desc, eq, gte, lte, or, sql, type SQL } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import { COUNT_CAP, OPEN_STATES, SEARCH_RANK_WINDOW, TICKET_SORT_FIELDS, type TicketEvent, type TicketState, type TicketSummary } from '@qloop/contracts';
import type { Db } from '../../db/client.js';
import { anyOf, prepared } from '../../db/prepared.js';
import { categories, customers, orgUnits, ticketEvents, tickets, users } from '../../db/schema/index.js';
import { orgSubtreeCondition } from '../../lib/scope.js';
import { parseSort } from '../../lib/sort.js';
import type { Principal } from '../auth/principal.js';
import { toCustomer } from '../customers/customers.repo.js';
import { rankedSearchPage } from './ranked-search-page.js';

const firstOwner = alias(users, 'first_owner');
const assignee = alias(users, 'assignee');

/** What a ticket's summary shows besides its own columns: names, its unit's path, its customer. */
const joinedColumns = {
  categoryName: categories.name,
  orgUnitName: orgUnits.name,
  orgPath: orgUnits.path,
  customer: {
    id: customers.id,
    orgUnitId: customers.orgUnitId,
    name: customers.name,
    phone: customers.phone,
    customerNo: customers.customerNo,
    tier: customers.tier,
  },
  firstOwnerName: firstOwner.displayName,
  assigneeName: assignee.displayName,
};

/**
 * The ticket columns a summary (a list row) shows. Lists read only these: the description and the
 * segmented search text are most of a row's bytes, and mapping every column of 50 rows was a tenth
 * of a list page's server time.
 */
const summaryTicketColumns = {
  id: tickets.id,
  no: tickets.no,
  type: tickets.type,
  channel: tickets.channel,
  priority: tickets.priority,
  state: tickets.state,
  pendingReason: tickets.pendingReason,
  title: tickets.title,
  categoryId: tickets.categoryId,
  orgUnitId: tickets.orgUnitId,
  firstOwnerId: tickets.firstOwnerId,
  assigneeId: tickets.assigneeId,
  groupId: tickets.groupId,
  escalated: tickets.escalated,
  regulatorAppeal: tickets.regulatorAppeal,
  groupComplaint: tickets.groupComplaint,
  repeatOf: tickets.repeatOf,
  mergedInto: tickets.mergedInto,
  outcome: tickets.outcome,
  createdAt: tickets.createdAt,
  updatedAt: tickets.updatedAt,
  closedAt: tickets.closedAt,
  version: tickets.version,
};

// the joins of a summary (each a ticket's category, unit, customer, first owner; its assignee if any)
const onCategory = eq(categories.id, tickets.categoryId);
const onOrgUnit = eq(orgUnits.id, tickets.orgUnitId);
const onCustomer = eq(customers.id, tickets.customerId);
const onFirstOwner = eq(firstOwner.id, tickets.firstOwnerId);
const onAssignee = eq(assignee.id, tickets.assigneeId);

/** Whole tickets (every column) with their summary's joined columns. */
const selectTicket = (db: Db) =>
  db.select({ ticket: tickets, ...joinedColumns }).from(tickets)
    .innerJoin(categories, onCategory).innerJoin(orgUnits, onOrgUnit).innerJoin(customers, onCustomer)
    .innerJoin(firstOwner, onFirstOwner).leftJoin(assignee, onAssignee);

/** Ticket summaries: the same joins, only the columns a list row shows (Drizzle's types want both chains spelt out). */
const selectSummary = (db: Db) =>
  db.select({ ticket: summaryTicketColumns, ...joinedColumns }).from(tickets)
    .innerJoin(categories, onCategory).innerJoin(orgUnits, onOrgUnit).innerJoin(customers, onCustomer)
    .innerJoin(firstOwner, onFirstOwner).leftJoin(assignee, onAssignee);

export type TicketRow = NonNullable<Awaited<ReturnType<typeof findTicket>>>;
export type SummaryRow = Awaited<ReturnType<typeof findTicketSummaries>>[number];

export function toTicketSummary(r: SummaryRow & { rank?: unknown }): TicketSummary {
  const t = r.ticket;
  return {
    id: t.id,
    no: t.no,
    type: t.type,
    channel: t.channel,
    priority: t.priority,
    state: t.state,
    pendingReason: t.pendingReason,
    title: t.title,
    categoryId: t.categoryId,
    categoryName: r.categoryName,
    orgUnitId: t.orgUnitId,
    orgUnitName: r.orgUnitName,
    customer: toCustomer(r.customer),
    firstOwnerId: t.firstOwnerId,
    firstOwnerName: r.firstOwnerName,
    assigneeId: t.assigneeId,
    assigneeName: r.assigneeName,
    groupId: t.groupId,
    escalated: t.escalated,
    regulatorAppeal: t.regulatorAppeal,
    groupComplaint: t.groupComplaint,
    repeatOf: t.repeatOf,
    mergedInto: t.mergedInto,
    outcome: t.outcome,
    createdAt: t.createdAt.toISOString(),
    updatedAt: t.updatedAt.toISOString(),
    closedAt: t.closedAt?.toISOString() ?? null,
    version: t.version,
    ...(r.rank !== undefined ? { rank: Number(r.rank) } : {}),
  };
}

export async function findTicket(db: Db, id: string) {
  const [row] = await selectTicket(db).where(eq(tickets.id, id));
  return row ?? null;
}

/** Tickets with their summary columns, by id (a prepared statement: see `prepared`). */
export async function findTickets(db: Db, ids: readonly string[]): Promise<TicketRow[]> {
  if (!ids.length) return [];
  const byIds = prepared(db, 'tickets_by_ids', (d) => selectTicket(d).where(anyOf(tickets.id, 'ids', 'uuid')).prepare('tickets_by_ids'));
  return byIds.execute({ ids: [...ids] });
}

/**
 * Ticket summaries in the order of `ids` (ids not found are left out). A prepared statement: a
 * list page chooses its ids with a query of its own, whose plan depends on the filters, and reads
 * their summaries here; planning the five joins for every page cost PostgreSQL 2 ms.
 */
export async function findTicketSummaries(db: Db, ids: readonly string[]) {
  const byIds = prepared(db, 'ticket_summaries_by_ids', (d) =>
    selectSummary(d).where(anyOf(tickets.id, 'ids', 'uuid')).prepare('ticket_summaries_by_ids'),
  );
  const rows = ids.length ? await byIds.execute({ ids: [...ids] }) : [];
  const byId = new Map(rows.map((r) => [r.ticket.id, r]));
  return ids.flatMap((id) => byId.get(id) ?? []);
}

/**
 * Ticket scope: the caller's org subtree (or everything for province-wide roles), plus tickets the
 * caller owns as first-contact owner or assignee, and tickets waiting in a group (queue) the caller
 * belongs to, wherever they sit — a ticket transferred to someone or to a queue outside its branch
 * must stay visible to those who now have to handle it.
 */
export function ticketScopeCondition(p: Principal): SQL | undefined {
  if (p.provinceWide) return undefined;
  return sql`(${tickets.orgUnitId} IN (SELECT id FROM org_units WHERE path @> ARRAY[${p.orgUnitId}]::uuid[])
    OR ${tickets.assigneeId} = ${p.userId} OR ${tickets.firstOwnerId} = ${p.userId}
    OR ${tickets.groupId} IN (SELECT group_id FROM group_members WHERE user_id = ${p.userId}))`;
}

/** The checks of `ticketScopeCondition` that need no query; group membership is checked by the caller. */
export function ticketVisibleWithoutGroups(p: Principal, t: { orgPath: string[]; ticket: { assigneeId: string | null; firstOwnerId: string } }) {
  return p.provinceWide || t.orgPath.includes(p.orgUnitId) || t.ticket.assigneeId === p.userId || t.ticket.firstOwnerId === p.userId;
}

export type TicketFilter = {
  q?: string | undefined;
  view?: 'mine' | 'my_groups' | 'accepted' | undefined;
  state?: string | undefined;
  type?: string | undefined;
  channel?: string | undefined;
  priority?: string | undefined;
  orgUnitId?: string | undefined;
  assigneeId?: string | undefined;
  firstOwnerId?: string | undefined;
  groupId?: string | undefined;
  customerId?: string | undefined;
  categoryId?: string | undefined;
  escalated?: boolean | undefined;
  repeat?: boolean | undefined;
  open?: boolean | undefined;
  overdue?: boolean | undefined;
  atRisk?: boolean | undefined;
  from?: string | undefined;
  to?: string | undefined;
};

const sortColumns = {
  createdAt: tickets.createdAt,
  updatedAt: tickets.updatedAt,
  priority: sql`array_position(ARRAY['low','normal','high','urgent'], ${tickets.priority})`,
  state: tickets.state,
  no: tickets.no,
  deadline: tickets.nextDeadline,
};

/**
 * At risk or overdue: a running clock is past its deadline, or has passed a pre-breach warning
 * stage (ticket_clocks_warned_idx). Only tickets with a next deadline can qualify.
 */
const atRiskCondition = (now: string) => sql`(${tickets.nextDeadline} IS NOT NULL AND (${tickets.nextDeadline} <= ${now}::timestamptz
  OR EXISTS (SELECT 1 FROM ticket_clocks k WHERE k.ticket_id = ${tickets.id} AND k.status = 'running' AND k.alerts_done <> '{}')))`;

/** Filtered, sorted, paged tickets in scope; with `searchQuery`, full-text matches ranked first. */
export async function listTickets(
  db: Db,
  p: Principal,
  f: TicketFilter & { searchQuery?: string; page: number; pageSize: number; sort?: string | undefined; countCap?: number; rankWindow?: number },
) {
  const cap = f.countCap ?? COUNT_CAP;
  const window = f.rankWindow ?? SEARCH_RANK_WINDOW;
  const conds: (SQL | undefined)[] = [ticketScopeCondition(p)];
  const tsQuery = f.searchQuery ? sql`plainto_tsquery('simple', ${f.searchQuery})` : undefined;
  if (tsQuery) conds.push(sql`tickets.search_vector @@ ${tsQuery}`);
  if (f.q && !tsQuery) conds.push(sql`${tickets.no} LIKE ${f.q.replace(/[\\%_]/g, '') + '%'}`);
  if (f.view === 'mine') conds.push(eq(tickets.assigneeId, p.userId));
  if (f.view === 'accepted') conds.push(eq(tickets.firstOwnerId, p.userId));
  if (f.view === 'my_groups') conds.push(sql`${tickets.groupId} IN (SELECT group_id FROM group_members WHERE user_id = ${p.userId})`);
  if (f.state) conds.push(sql`${tickets.state} = ${f.state}`);
  if (f.type) conds.push(sql`${tickets.type} = ${f.type}`);
  if (f.channel) conds.push(sql`${tickets.channel} = ${f.channel}`);
  if (f.priority) conds.push(sql`${tickets.priority} = ${f.priority}`);
  if (f.orgUnitId) conds.push(orgSubtreeCondition(f.orgUnitId, tickets.orgUnitId));
  if (f.assigneeId) conds.push(eq(tickets.assigneeId, f.assigneeId));
  if (f.firstOwnerId) conds.push(eq(tickets.firstOwnerId, f.firstOwnerId));
  if (f.groupId) conds.push(eq(tickets.groupId, f.groupId));
  if (f.customerId) conds.push(eq(tickets.customerId, f.customerId));
  if (f.categoryId) conds.push(sql`${tickets.categoryId} IN (SELECT id FROM categories WHERE path @> ARRAY[${f.categoryId}]::uuid[])`);
  if (f.escalated !== undefined) conds.push(eq(tickets.escalated, f.escalated));
  if (f.repeat !== undefined) conds.push(f.repeat ? sql`${tickets.repeatOf} IS NOT NULL` : sql`${tickets.repeatOf} IS NULL`);
  if (f.open !== undefined) {
    const open = sql`${tickets.state} IN (${sql.join(OPEN_STATES.map((s) => sql`${s}`), sql`, `)})`;
    conds.push(f.open ? open : sql`NOT ${open}`);
  }
  // next_deadline is the earliest running clock's deadline (null when no clock runs): an index range
  // the server's clock, as the SLA sweep uses it (not the database's)
  const now = new Date().toISOString();
  if (f.overdue !== undefined) {
    conds.push(f.overdue ? sql`${tickets.nextDeadline} <= ${now}::timestamptz` : sql`(${tickets.nextDeadline} IS NULL OR ${tickets.nextDeadline} > ${now}::timestamptz)`);
  }
  if (f.atRisk !== undefined) conds.push(f.atRisk ? atRiskCondition(now) : sql`NOT ${atRiskCondition(now)}`);
  if (f.from) conds.push(gte(tickets.createdAt, new Date(f.from)));
  if (f.to) conds.push(lte(tickets.createdAt, new Date(f.to)));
  const where = and(...conds);
  const rank = tsQuery ? sql`ts_rank(tickets.search_vector, ${tsQuery})` : undefined;
  const { field, desc: isDesc } = parseSort(f.sort, TICKET_SORT_FIELDS, '-createdAt');
  // tickets without a running clock have no deadline: last either way, so "soonest due" leads the list
  const nulls = field === 'deadline' ? sql` NULLS LAST` : sql``;
  const order = [isDesc ? sql`${sortColumns[field]} DESC${nulls}` : sql`${sortColumns[field]} ASC${nulls}`, asc(tickets.id)];
  const ranked = rank && !f.sort;
  const offset = (f.page - 1) * f.pageSize;
  // The page's ids are chosen first from narrow rows, then read with their summaries (a prepared
  // statement, findTicketSummaries): sorting the joined wide rows of every search match spilled to
  // disk, and planning the joins for each page cost more than running them.
  // A ranked search ranks the newest `window` matches (SEARCH_RANK_WINDOW; see rankedSearchPage).
  let pageRows: Promise<{ id: string; rank?: number }[]>;
  if (ranked) {
    pageRows = rankedSearchPage(db, { where, tsQuery: tsQuery!, window, limit: f.pageSize, offset });
  } else {
    // a search sorted by something else still shows each match's rank
    pageRows = db
      .select({ id: tickets.id, ...(rank ? { rank: sql<number>`${rank}` } : {}) })
      .from(tickets)
      .where(where)
      .orderBy(...order)
      .limit(f.pageSize)
      .offset(offset);
  }
  const pageItems = async (): Promise<(SummaryRow & { rank?: number })[]> => {
    const page = await pageRows;
    const summaries = await findTicketSummaries(db, page.map((r) => r.id));
    if (!rank) return summaries;
    const rankOf = new Map(page.map((r) => [r.id, Number(r.rank)]));
    return summaries.map((s) => ({ ...s, rank: rankOf.get(s.ticket.id)! }));
  };
  const [items, [count]] = await Promise.all([
    pageItems(),
    // Counting a million matches costs more than the page itself; stop at the cap and say so.
    db.select({ n: sql<number>`count(*)::int` }).from(cappedMatches(db, where, Math.max(cap, ranked ? window : 0) + 1, !!f.open && !tsQuery)),
  ]);
  const n = Number(count?.n ?? 0);
  return { items, total: Math.min(n, cap), totalIsLowerBound: n > cap, ...(ranked && n > window ? { rankedNewest: window } : {}) };
}

/**
 * The first `limit` matches, to count. Which ones is free, and the cheapest to find depends on where
 * they lie: a sequential scan stops at the limit, but starts wherever the last scan of the table
 * left off (PostgreSQL synchronises them), and among a year of closed tickets 1,001 open ones
 * took 35–60 ms to find on a million tickets. Open tickets are the recent ones: walking the
 * partial index of open tickets newest first finds them in 3 ms.
 */
function cappedMatches(db: Db, where: SQL | undefined, limit: number, openOnly: boolean) {
  const matches = db.select({ one: sql`1` }).from(tickets).where(where);
  return (openOnly ? matches.orderBy(desc(tickets.createdAt)) : matches).limit(limit).as('capped');
}

/** The timelines of several tickets at once, oldest entry first. */
export async function listTicketEventsOf(db: Db, ticketIds: readonly string[]): Promise<Map<string, TicketEvent[]>> {
  const rows = await prepared(db, 'ticket_events_of', (d) =>
    d
      .select({ e: ticketEvents, actorName: users.displayName })
      .from(ticketEvents)
      .leftJoin(users, eq(users.id, ticketEvents.actorId))
      .where(anyOf(ticketEvents.ticketId, 'ids', 'uuid'))
      .orderBy(asc(ticketEvents.id))
      .prepare('ticket_events_of'),
  ).execute({ ids: [...ticketIds] });
  const byTicket = new Map<string, TicketEvent[]>(ticketIds.map((id) => [id, []]));
  for (const { e, actorName } of rows) {
    byTicket.get(e.ticketId)!.push({
      id: String(e.id),
      at: e.at.toISOString(),
      actorId: e.actorId,
      actorName,
      kind: e.kind,
      action: e.action,
      fromState: e.fromState,
      toState: e.toState,
      visibility: e.visibility,
      body: e.body,
      data: e.data ?? null,
    });
  }
  return byTicket;
}

type Linkable = { id: string; repeatOf: string | null; mergedInto: string | null };
export type RelatedTicket = { id: string; no: string; title: string; state: TicketState; relation: 'repeat_of' | 'repeated_by' | 'merged_into' | 'merged_from' };

/** Tickets linked to each given one: what it repeats, what repeats it, merges both ways (50 newest each). */
export async function relatedTicketsOf(db: Db, ts: readonly Linkable[]): Promise<Map<string, RelatedTicket[]>> {
  const ids = ts.map((t) => t.id);
  const targets = ts.flatMap((t) => [t.repeatOf, t.mergedInto]).filter((x): x is string => !!x);
  const rows = await prepared(db, 'related_tickets_of', (d) =>
    d
      .select({ id: tickets.id, no: tickets.no, title: tickets.title, state: tickets.state, repeatOf: tickets.repeatOf, mergedInto: tickets.mergedInto })
      .from(tickets)
      .where(or(anyOf(tickets.id, 'targets', 'uuid'), anyOf(tickets.repeatOf, 'ids', 'uuid'), anyOf(tickets.mergedInto, 'ids', 'uuid')))
      .orderBy(desc(tickets.createdAt))
      .prepare('related_tickets_of'),
  ).execute({ targets, ids });
  const result = new Map<string, RelatedTicket[]>();
  for (const t of ts) {
    const related: RelatedTicket[] = [];
    for (const r of rows) {
      if (r.id === t.id || related.length >= 50) continue;
      const relation =
        r.id === t.repeatOf ? ('repeat_of' as const)
        : r.id === t.mergedInto ? ('merged_into' as const)
        : r.repeatOf === t.id ? ('repeated_by' as const)
        : r.mergedInto === t.id ? ('merged_from' as const)
        : null;
      if (relation) related.push({ id: r.id, no: r.no, title: r.title, state: r.state, relation });
    }
    result.set(t.id, related);
  }
  return result;
}
