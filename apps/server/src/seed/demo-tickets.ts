import { randomUUID } from 'node:crypto';
import { ROLE_PERMISSIONS, type Channel, type Outcome, type Priority, type RequestType, type TicketState } from '@qloop/contracts';
import { searchTextOf } from '../modules/tickets/search-text.js';
import { TICKET_TEXTS } from './demo-ticket-texts.js';
import type { customers, ticketEvents, tickets } from '../db/schema/index.js';

/**
 * Deterministic generator of realistic work orders for demo data and benchmarks: six months of
 * requests across stores and teams, weighted by type and channel, Chinese texts per category,
 * states that fit each ticket's age, timelines that match the states, and repeat complaints linked
 * as intake would link them. Pure: it returns rows; the caller inserts them.
 */
export type DemoInputs = {
  now: Date;
  days: number;
  count: number;
  seed?: number;
  /** leaf org units tickets belong to, with the branch path */
  units: { id: string; path: string[] }[];
  /** level-3 categories with their path (root, level 2, self) */
  categories: { id: string; code: string; path: string[] }[];
  users: { id: string; orgUnitId: string; role: keyof typeof ROLE_PERMISSIONS; path: string[] }[];
};

type CustomerRow = typeof customers.$inferInsert;
type TicketRow = typeof tickets.$inferInsert;
type EventRow = typeof ticketEvents.$inferInsert;

/** mulberry32: small, fast, good enough for demo data, and repeatable for a seed. */
function rng(seed: number) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function weighted<T>(rand: () => number, items: readonly (readonly [T, number])[]): T {
  const total = items.reduce((s, [, w]) => s + w, 0);
  let r = rand() * total;
  for (const [v, w] of items) if ((r -= w) < 0) return v;
  return items[items.length - 1]![0];
}

const TYPES = [['complaint', 35], ['fault', 20], ['consultation', 25], ['business', 12], ['suggestion', 5], ['praise', 3]] as const;
const CHANNELS = [['hotline', 45], ['store', 20], ['app_api', 12], ['e_channel', 10], ['web', 6], ['social_media', 4], ['regulator', 3]] as const;
const PRIORITIES = [['normal', 70], ['high', 18], ['low', 8], ['urgent', 4]] as const;
const OUTCOMES = [['resolved', 75], ['partly_resolved', 12], ['not_resolved', 8], ['unreachable', 5]] as const;
const REPLIES = ['已核实并处理完毕，请您再次确认', '已为您办理退费，预计三个工作日到账', '已安排工程师上门，问题已解决', '已向您说明相关规则，感谢理解', '已反馈相关部门跟进处理'];

function stateForAge(rand: () => number, ageDays: number): TicketState {
  if (ageDays > 20) return weighted(rand, [['closed', 85], ['archived', 10], ['cancelled', 5]]);
  if (ageDays > 3) return weighted(rand, [['closed', 60], ['answered', 10], ['follow_up', 5], ['in_progress', 15], ['pending', 5], ['assigned', 5]]);
  return weighted(rand, [['accepted', 25], ['assigned', 30], ['in_progress', 30], ['pending', 10], ['answered', 5]]);
}

/** A moment on a working day between 08:30 and 20:00 Beijing time, `days` back at most. */
function createdAtFor(rand: () => number, now: Date, days: number): Date {
  for (;;) {
    const back = rand() * days * 86_400_000;
    const d = new Date(now.getTime() - back);
    const beijingHour = (d.getUTCHours() + 8) % 24;
    const weekend = [0, 6].includes(new Date(d.getTime() + 8 * 3600_000).getUTCDay());
    if (beijingHour >= 8 && beijingHour < 20 && (!weekend || rand() < 0.5)) return d;
  }
}

export function generateDemoTickets(input: DemoInputs) {
  const rand = rng(input.seed ?? 20261123);
  const handlers = input.users.filter((u) => ROLE_PERMISSIONS[u.role].includes('tickets:handle'));
  const customerRows: CustomerRow[] = [];
  const poolSize = Math.max(1, Math.ceil(input.count * 0.6));
  const usedPhones = new Set<string>();
  for (let i = 0; i < poolSize; i++) {
    const unit = input.units[Math.floor(rand() * input.units.length)]!;
    let phone: string;
    do phone = `1${[3, 5, 8, 9][Math.floor(rand() * 4)]}${String(Math.floor(rand() * 1e9)).padStart(9, '0')}`;
    while (usedPhones.has(phone));
    usedPhones.add(phone);
    customerRows.push({
      id: randomUUID(),
      orgUnitId: unit.id,
      name: `${'王李张刘陈杨黄赵吴周'[Math.floor(rand() * 10)]}${rand() < 0.5 ? '先生' : '女士'}`,
      phone,
      customerNo: `C${String(i + 1).padStart(9, '0')}`,
      tier: rand() < 0.08 ? 'vip' : 'normal',
    });
  }
  const unitPath = new Map(input.units.map((u) => [u.id, u.path]));

  const created = Array.from({ length: input.count }, () => createdAtFor(rand, input.now, input.days)).sort((a, b) => a.getTime() - b.getTime());
  const lastComplaint = new Map<string, { id: string; at: number }>();
  const ticketRows: TicketRow[] = [];
  const eventRows: EventRow[] = [];

  created.forEach((createdAt, i) => {
    // a few customers call often: square the draw towards the start of the pool
    const customer = customerRows[Math.floor(rand() ** 2 * customerRows.length)]!;
    const category = input.categories[Math.floor(rand() * input.categories.length)]!;
    const type = weighted(rand, TYPES) as RequestType;
    const channel = weighted(rand, CHANNELS) as Channel;
    const [title0, desc0] = (TICKET_TEXTS[category.code] ?? [['客户来电反映问题', '客户来电反映问题，需要跟进处理']])[Math.floor(rand() * 2)] ?? ['客户来电', ''];
    const n = String(2 + Math.floor(rand() * 6));
    const title = title0.replace('{n}', n);
    const description = desc0.replace('{n}', n);
    const branchPath = unitPath.get(customer.orgUnitId!) ?? [];
    const local = handlers.filter((u) => branchPath.length > 1 && u.path.includes(branchPath[1]!));
    const pool = local.length ? local : handlers;
    const owner = pool[Math.floor(rand() * pool.length)]!;
    const handler = pool[Math.floor(rand() * pool.length)]!;
    const ageDays = (input.now.getTime() - createdAt.getTime()) / 86_400_000;
    const state = stateForAge(rand, ageDays);
    const id = randomUUID();
    const l2 = category.path[1] ?? null;

    let repeatOf: string | null = null;
    if (type === 'complaint' && l2) {
      const key = `${customer.id}|${l2}`;
      const prev = lastComplaint.get(key);
      if (prev && createdAt.getTime() - prev.at <= 30 * 86_400_000) repeatOf = prev.id;
      lastComplaint.set(key, { id, at: createdAt.getTime() });
    }

    const t0 = createdAt.getTime();
    const step = (minutes: number) => new Date(Math.min(t0 + minutes * 60_000, input.now.getTime()));
    const events: EventRow[] = [{ ticketId: id, at: createdAt, actorId: owner.id, kind: 'created', toState: 'accepted', data: { channel, repeatOf } }];
    const reached = (s: TicketState) => {
      const order: TicketState[] = ['accepted', 'assigned', 'in_progress', 'answered', 'follow_up', 'closed', 'archived'];
      const target = state === 'pending' ? 'in_progress' : state === 'cancelled' ? 'accepted' : state;
      return order.indexOf(target) >= order.indexOf(s);
    };
    const handleMinutes = 30 + rand() * 60 * 24 * 3;
    if (reached('assigned')) events.push({ ticketId: id, at: step(8), actorId: owner.id, kind: 'transition', action: 'assign', fromState: 'accepted', toState: 'assigned', data: { to: handler.id } });
    if (reached('in_progress')) events.push({ ticketId: id, at: step(25), actorId: handler.id, kind: 'transition', action: 'start', fromState: 'assigned', toState: 'in_progress' });
    const reply = REPLIES[Math.floor(rand() * REPLIES.length)]!;
    if (reached('answered')) events.push({ ticketId: id, at: step(handleMinutes), actorId: handler.id, kind: 'transition', action: 'answer', fromState: 'in_progress', toState: 'answered', visibility: 'public', body: reply });
    if (reached('follow_up')) events.push({ ticketId: id, at: step(handleMinutes + 600), actorId: owner.id, kind: 'transition', action: 'follow_up', fromState: 'answered', toState: 'follow_up' });
    const outcome = reached('closed') ? (weighted(rand, OUTCOMES) as Outcome) : null;
    const followUpResult = outcome ? (outcome === 'unreachable' ? '多次回访未接通' : '回访客户，确认处理结果') : null;
    if (reached('closed')) events.push({ ticketId: id, at: step(handleMinutes + 1440), actorId: owner.id, kind: 'transition', action: 'close', fromState: 'follow_up', toState: 'closed', data: { outcome, followUpResult } });
    if (state === 'archived') events.push({ ticketId: id, at: step(handleMinutes + 1440 * 7), actorId: owner.id, kind: 'transition', action: 'archive', fromState: 'closed', toState: 'archived' });
    if (state === 'pending') events.push({ ticketId: id, at: step(40), actorId: handler.id, kind: 'transition', action: 'pend', fromState: 'in_progress', toState: 'pending', data: { pendingReason: 'customer' } });
    if (state === 'cancelled') events.push({ ticketId: id, at: step(20), actorId: owner.id, kind: 'transition', action: 'cancel', fromState: 'accepted', toState: 'cancelled', body: '客户撤销诉求' });
    eventRows.push(...events);

    const beijing = new Date(t0 + 8 * 3600_000);
    const no = `GD${beijing.getUTCFullYear()}${String(beijing.getUTCMonth() + 1).padStart(2, '0')}${String(beijing.getUTCDate()).padStart(2, '0')}${String(i + 1).padStart(6, '0')}`;
    const last = events[events.length - 1]!.at as Date;
    ticketRows.push({
      id,
      no,
      type,
      channel,
      priority: weighted(rand, PRIORITIES) as Priority,
      state,
      pendingFrom: state === 'pending' ? 'in_progress' : null,
      pendingReason: state === 'pending' ? 'customer' : null,
      title,
      description,
      categoryId: category.id,
      categoryL2Id: l2,
      orgUnitId: customer.orgUnitId!,
      customerId: customer.id!,
      firstOwnerId: owner.id,
      assigneeId: reached('assigned') && state !== 'cancelled' ? handler.id : null,
      escalated: type === 'complaint' && rand() < 0.06,
      escalationSource: null,
      regulatorAppeal: channel === 'regulator',
      repeatOf,
      outcome,
      followUpResult,
      searchText: searchTextOf(title, description),
      createdAt,
      updatedAt: last,
      answeredAt: reached('answered') ? step(handleMinutes) : null,
      closedAt: reached('closed') ? step(handleMinutes + 1440) : null,
    });
  });
  return { customers: customerRows, tickets: ticketRows, events: eventRows };
}
