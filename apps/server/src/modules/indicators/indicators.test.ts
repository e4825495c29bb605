import { sql } from 'drizzle-orm';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { ROLLUP_COLUMNS } from '@qloop/contracts';
import { rowsOf } from '../../db/client.js';
import { createHarness, type Harness, type Session } from '../../test/harness.js';
import { refreshTicketRollups, loadTicketsForFacts } from './refresh-ticket-rollups.js';
import { rollupKey, sumContributions, ticketFacts } from './ticket-facts.js';

/**
 * Indicators over the daily rollups: tickets taken and closed through the API at pinned instants,
 * the rollups refreshed, the figures read through the API and checked by hand.
 */
let h: Harness;
let qm: Session;
let dz: Session;
let xz: Session;
let cat: Record<string, string>;
const org: Record<string, string> = {};
const user: Record<string, string> = {};

beforeAll(async () => {
  h = await createHarness();
  qm = await h.login('qm.li');
  dz = await h.login('agent.dz1');
  xz = await h.login('agent.xz1');
  for (const c of ['JN', 'JN-DZ', 'JN-XZ', 'JN-DZ-T01', 'JN-XZ-S01']) org[c] = await h.orgId(c);
  for (const u of ['agent.dz1', 'agent.xz1']) user[u] = await h.userId(u);
  cat = await h.categoryIds();
});
afterAll(() => h.close());
afterEach(() => vi.useRealTimers());

const now = (iso: string) => {
  vi.useFakeTimers({ toFake: ['Date'] });
  vi.setSystemTime(new Date(iso));
};
let phone = 13400000000;
async function take(s: Session, at: string, over: Record<string, unknown> = {}) {
  now(at);
  const unit = s === dz ? org['JN-DZ-T01'] : org['JN-XZ-S01'];
  const res = await s.req('POST', '/api/v1/tickets', {
    type: 'complaint', channel: 'hotline', title: '话费争议', categoryId: cat['S01-01'], orgUnitId: unit, customer: { phone: String(phone++) }, ...over,
  });
  expect(res.statusCode, res.body).toBe(201);
  return res.json() as { id: string; no: string };
}
async function act(s: Session, at: string, id: string, body: Record<string, unknown>) {
  now(at);
  const version = (await s.req('GET', `/api/v1/tickets/${id}`)).json().version;
  return s.req('POST', `/api/v1/tickets/${id}/transitions`, { version, ...body });
}
/** Takes a complaint through to closed with an outcome (follow-up recorded, as complaints need). */
async function closeWith(s: Session, at: string, id: string, outcome: string) {
  const me = s === dz ? user['agent.dz1'] : user['agent.xz1'];
  for (const body of [
    { action: 'assign', assigneeId: me },
    { action: 'start' },
    { action: 'answer', reply: '已处理' },
    { action: 'close', outcome, followUpResult: '客户认可处理结果' },
  ]) {
    const res = await act(s, at, id, body);
    expect(res.statusCode, `${body.action}: ${res.body}`).toBe(200);
  }
}
async function value(s: Session, key: string, q: Record<string, string>) {
  const res = await s.req('GET', `/api/v1/indicators/${key}/value?${new URLSearchParams(q)}`);
  expect(res.statusCode, res.body).toBe(200);
  return res.json() as { value: number | null; numerator: number | null; denominator: number | null };
}

describe('complaint indicators from the rollups', () => {
  beforeAll(async () => {
    // Mon 23 Nov 2026 (Beijing): 东州 4 complaints (1 escalated) + 1 consultation; 西州 2 complaints (1 escalated)
    const a = await take(dz, '2026-11-23T09:00:00+08:00', { escalated: true, escalationSource: '10086 升级' });
    const b = await take(dz, '2026-11-23T10:00:00+08:00');
    await take(dz, '2026-11-23T11:00:00+08:00');
    await take(dz, '2026-11-23T23:30:00+08:00'); // still the 23rd in Beijing (15:30 UTC)
    await take(dz, '2026-11-23T12:00:00+08:00', { type: 'consultation' });
    await take(xz, '2026-11-23T09:30:00+08:00', { escalated: true, escalationSource: '10086 升级' });
    await take(xz, '2026-11-24T00:10:00+08:00'); // the 24th in Beijing, though 23 Nov 16:10 UTC
    // closed Tue 24 Nov: 东州 a resolved, b not resolved
    await closeWith(dz, '2026-11-24T15:00:00+08:00', a.id, 'resolved');
    await closeWith(dz, '2026-11-24T16:00:00+08:00', b.id, 'not_resolved');
    vi.useRealTimers();
    const r = await refreshTicketRollups(h.database.db);
    expect(r.tickets).toBeGreaterThanOrEqual(7);
  });

  const day23 = { from: '2026-11-23', to: '2026-11-23' };

  it('lists the library with the keys of kpis.md', async () => {
    const res = await qm.req('GET', '/api/v1/indicators');
    expect(res.statusCode).toBe(200);
    expect(res.json().items.map((i: { key: string }) => i.key)).toEqual(expect.arrayContaining(['complaint_rate_10k', 'escalation_rate', 'on_time_rate', 'fcr']));
  });

  it('escalation rate: 东州 1 of 4, 西州 1 of 1 on the 23rd (its second complaint is the 24th in Beijing); the province pools them, 2 of 5', async () => {
    // with the unit's effective target and thresholds (the built-in defaults here) and the colour they give
    expect(await value(qm, 'escalation_rate', { orgUnit: org['JN-DZ']!, ...day23 })).toEqual({
      value: 25, numerator: 1, denominator: 4, key: 'escalation_rate', orgUnitId: org['JN-DZ'], ...day23, sliced: false,
      target: 5, thresholds: { yellow: 5, orange: 8, red: 10 }, level: 'red',
    });
    expect(await value(qm, 'escalation_rate', { orgUnit: org['JN-XZ']!, ...day23 })).toMatchObject({ value: 100, numerator: 1, denominator: 1 });
    // a province's counts are the sum of its branches and its rate the pooled ratio, not the mean of 25% and 100%
    expect(await value(qm, 'escalation_rate', { orgUnit: org['JN']!, ...day23 })).toMatchObject({ value: 40, numerator: 2, denominator: 5 });
    expect(await value(qm, 'escalation_rate', { orgUnit: org['JN-XZ']!, from: '2026-11-24', to: '2026-11-24' })).toMatchObject({ value: 0, numerator: 0, denominator: 1 });
  });

  it('resolution rate on the closing day: 1 of 2; no complaint closed is no data, not 0%', async () => {
    expect(await value(qm, 'resolution_rate', { orgUnit: org['JN-DZ']!, from: '2026-11-24', to: '2026-11-24' })).toMatchObject({ value: 50, numerator: 1, denominator: 2 });
    expect(await value(qm, 'resolution_rate', { orgUnit: org['JN-DZ']!, ...day23 })).toMatchObject({ value: null, numerator: 0, denominator: 0 });
    expect(await value(qm, 'followup_rate', { orgUnit: org['JN-DZ']!, from: '2026-11-24', to: '2026-11-24' })).toMatchObject({ value: 100, numerator: 2, denominator: 2 });
  });

  it('complaints per 10,000 customers against the imported base of the month', async () => {
    const [base] = rowsOf<{ n: number }>(
      await h.database.db.execute(sql`SELECT sum(customers)::int AS n FROM customer_base WHERE month = '2026-11'
        AND org_unit_id IN (SELECT id FROM org_units WHERE path @> ARRAY[${org['JN-DZ']}]::uuid[])`),
    );
    const v = await value(qm, 'complaint_rate_10k', { orgUnit: org['JN-DZ']!, ...day23 });
    if (!base?.n) expect(v.value).toBeNull();
    else expect(v).toMatchObject({ numerator: 4, denominator: base.n, value: Math.round((4 / base.n) * 10_000 * 10_000) / 10_000 });
  });

  it('every figure traces to its tickets: as many as it counts, numerator and denominator', async () => {
    const q = { orgUnit: org['JN']!, ...day23 };
    const num = await qm.req('GET', `/api/v1/indicators/escalation_rate/tickets?${new URLSearchParams(q)}`);
    expect(num.statusCode, num.body).toBe(200);
    expect(num.json().total).toBe(2);
    expect(num.json().items.every((t: { escalated: boolean; type: string }) => t.escalated && t.type === 'complaint')).toBe(true);
    const den = await qm.req('GET', `/api/v1/indicators/escalation_rate/tickets?${new URLSearchParams({ ...q, part: 'denominator', pageSize: '2', page: '2' })}`);
    expect(den.json()).toMatchObject({ total: 5, page: 2, pageSize: 2 });
    expect(den.json().items).toHaveLength(2);
    const resolved = await qm.req('GET', `/api/v1/indicators/resolution_rate/tickets?${new URLSearchParams({ orgUnit: org['JN-DZ']!, from: '2026-11-24', to: '2026-11-24' })}`);
    expect(resolved.json().items.map((t: { outcome: string }) => t.outcome)).toEqual(['resolved']);
    const base = await qm.req('GET', `/api/v1/indicators/complaint_rate_10k/tickets?${new URLSearchParams({ ...q, part: 'denominator' })}`);
    expect(base.statusCode).toBe(400);
    expect(base.json().error.message).toMatch(/customer base/);
  });

  it('a daily trend: each point is that day’s figure, and the points add up to the period’s counts', async () => {
    const res = await qm.req('GET', `/api/v1/indicators/escalation_rate/series?${new URLSearchParams({ orgUnit: org['JN']!, from: '2026-11-22', to: '2026-11-24', grain: 'day' })}`);
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json().points).toEqual([
      { from: '2026-11-22', to: '2026-11-22', value: null, numerator: 0, denominator: 0, level: null },
      { from: '2026-11-23', to: '2026-11-23', value: 40, numerator: 2, denominator: 5, level: 'red' },
      { from: '2026-11-24', to: '2026-11-24', value: 0, numerator: 0, denominator: 1, level: 'green' },
    ]);
    const week = await qm.req('GET', `/api/v1/indicators/escalation_rate/series?${new URLSearchParams({ orgUnit: org['JN']!, from: '2026-11-22', to: '2026-11-24', grain: 'week' })}`);
    // Sun 22 Nov closes the week of Mon 16 Nov; 23–24 Nov open the next
    expect(week.json().points.map((p: { from: string; numerator: number; denominator: number }) => [p.from, p.numerator, p.denominator])).toEqual([
      ['2026-11-22', 0, 0], ['2026-11-23', 2, 6],
    ]);
    const tooMany = await qm.req('GET', `/api/v1/indicators/escalation_rate/series?${new URLSearchParams({ from: '2024-01-01', to: '2026-01-01', grain: 'day' })}`);
    expect(tooMany.statusCode).toBe(400);
    expect((await qm.req('GET', `/api/v1/indicators/backlog/series?${new URLSearchParams(day23)}`)).statusCode).toBe(400);
  });

  it('an agent sees their own unit by default and nothing outside their scope', async () => {
    expect(await value(dz, 'escalation_rate', day23)).toMatchObject({ numerator: 1, denominator: 4 });
    const other = await xz.req('GET', `/api/v1/indicators/escalation_rate/value?${new URLSearchParams({ orgUnit: org['JN-DZ']!, ...day23 })}`);
    expect(other.statusCode).toBe(404);
    expect((await qm.req('GET', `/api/v1/indicators/no_such/value?${new URLSearchParams(day23)}`)).statusCode).toBe(404);
    expect((await qm.req('GET', `/api/v1/indicators/fcr/value?${new URLSearchParams({ from: '2026-11-24', to: '2026-11-23' })}`)).statusCode).toBe(400);
  });
});

describe('incremental rollups equal a recomputation', () => {
  it('after a random run of creates, transfers, closes, reopens, merges and a delete', async () => {
    let seed = 20261202;
    const rand = () => ((seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31);
    const ids: string[] = [];
    // a few customers coming back: repeat complaints, merges and first-contact-resolution windows
    const phoneOf = new Map<string, string>();
    const pool = ['13911110001', '13911110002', '13911110003', '13911110004'];
    const at = (i: number) => new Date(Date.UTC(2026, 10, 25, 1) + i * 3_600_000 * 3).toISOString();
    for (let i = 0; i < 40; i++) {
      const s = rand() < 0.6 ? dz : xz;
      const step = rand();
      const id = ids.length ? ids[Math.floor(rand() * ids.length)]! : null;
      if (!id || step < 0.3) {
        const p = pool[Math.floor(rand() * pool.length)]!;
        const created = await take(s, at(i), { type: rand() < 0.7 ? 'complaint' : 'fault', escalated: rand() < 0.2, customer: { phone: p } });
        ids.push(created.id);
        phoneOf.set(created.id, p);
      } else if (step < 0.5) {
        await closeWith(s, at(i), id, rand() < 0.5 ? 'resolved' : 'partly_resolved').catch(() => undefined);
      } else if (step < 0.65) {
        await act(s, at(i), id, { action: 'transfer', assigneeId: s === dz ? user['agent.dz1'] : user['agent.xz1'], reason: '转派' });
      } else if (step < 0.8) {
        await act(s, at(i), id, { action: 'reopen', reason: '客户不认可' });
      } else if (step < 0.9 && ids.some((x) => x !== id && phoneOf.get(x) === phoneOf.get(id))) {
        const survivor = ids.find((x) => x !== id && phoneOf.get(x) === phoneOf.get(id))!;
        await act(s, at(i), id, { action: 'merge', survivorId: survivor, reason: '重复工单' });
      } else {
        await refreshTicketRollups(h.database.db, { batchSize: 3 }); // refreshes interleaved with changes
      }
    }
    // and one certain merge of a duplicate into an earlier ticket of the same customer, after a refresh
    const first = await take(dz, '2026-11-30T09:00:00+08:00', { customer: { phone: '13911119999' } });
    const dup = await take(dz, '2026-11-30T09:05:00+08:00', { customer: { phone: '13911119999' } });
    vi.useRealTimers();
    await refreshTicketRollups(h.database.db);
    const merged = await act(dz, '2026-11-30T09:10:00+08:00', dup.id, { action: 'merge', survivorId: first.id, reason: '重复工单' });
    expect(merged.statusCode, merged.body).toBe(200);
    vi.useRealTimers();
    // the run did what it says: some tickets merged, closed, reopened, transferred
    const [did] = rowsOf<Record<string, number>>(
      await h.database.db.execute(sql`SELECT count(*) FILTER (WHERE merged_into IS NOT NULL)::int AS merged, count(*) FILTER (WHERE closed_at IS NOT NULL)::int AS closed,
        count(*) FILTER (WHERE reopen_count > 0)::int AS reopened, count(*) FILTER (WHERE transfer_count > 0)::int AS transferred
        FROM tickets WHERE created_at >= '2026-11-25T00:00:00Z'`),
    );
    expect(Object.values(did!).every((n) => n > 0), JSON.stringify(did)).toBe(true);
    // a ticket deleted outright (a purge): its contributions must go too
    const gone = ids[0]!;
    for (const t of ['sla_alerts', 'ticket_clocks', 'ticket_events', 'notifications', 'outbound_messages', 'idempotency_keys']) {
      await h.database.db.execute(sql.raw(`DELETE FROM ${t} WHERE ticket_id = '${gone}'`));
    }
    await h.database.db.execute(sql`UPDATE tickets SET repeat_of = NULL WHERE repeat_of = ${gone}`);
    await h.database.db.execute(sql`UPDATE tickets SET merged_into = NULL WHERE merged_into = ${gone}`);
    await h.database.db.execute(sql`DELETE FROM tickets WHERE id = ${gone}`);
    await refreshTicketRollups(h.database.db);

    const all = rowsOf<{ id: string }>(await h.database.db.execute(sql`SELECT id FROM tickets`)).map((r) => r.id);
    const scratch = sumContributions((await loadTicketsForFacts(h.database.db, all)).flatMap((t) => ticketFacts(t)));
    // the measure rollups and the duration histograms together, per key
    const stored = [
      ...rowsOf<Record<string, string | number>>(await h.database.db.execute(sql`SELECT day::text AS day, * FROM ticket_rollups`)),
      ...rowsOf<Record<string, string | number>>(await h.database.db.execute(sql`SELECT day::text AS day, * FROM ticket_duration_rollups`)),
    ];
    const nonZero = (m: Record<string, number | undefined>) => Object.fromEntries(ROLLUP_COLUMNS.filter((k) => Number(m[k] ?? 0) !== 0).map((k) => [k, Number(m[k])]));
    const fromTable = new Map<string, Record<string, number>>();
    for (const r of stored) {
      const k = rollupKey({ day: String(r.day).slice(0, 10), orgUnitId: String(r.org_unit_id), type: String(r.type), channel: String(r.channel), categoryId: String(r.category_id) });
      const m = { ...fromTable.get(k), ...nonZero(r as Record<string, number>) };
      if (Object.keys(m).length) fromTable.set(k, m);
    }
    const fromScratch = new Map([...scratch].map(([k, c]) => [k, nonZero(c.measures)] as const).filter(([, m]) => Object.keys(m).length));
    expect(fromTable.size).toBeGreaterThan(3);
    // durations were measured, so the histograms are compared too
    expect([...fromScratch.values()].some((m) => Object.keys(m).some((c) => c.startsWith('handle_h')))).toBe(true);
    expect(Object.fromEntries(fromTable)).toEqual(Object.fromEntries(fromScratch));
  });
});
