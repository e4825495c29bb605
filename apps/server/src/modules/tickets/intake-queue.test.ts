import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createHarness, type Harness, type Session } from '../../test/harness.js';
import { principalFor, type Principal } from '../auth/principal.js';
import { findPrincipalUser } from '../auth/sessions.repo.js';
import type { IntakeRequest } from './accept-tickets.js';
import { laneOf } from '../../lib/stable-hash.js';
import { IntakeQueue, laneKeyOf } from './intake-queue.js';

/**
 * Batched intake (group commit): requests that arrive while a batch is written are accepted
 * together. The queue is driven directly so that which requests share a batch is certain: the
 * first submit goes alone at once, the ones submitted while it runs form the next batch (one lane
 * where the batch matters; the last test runs two lanes at once).
 */
let h: Harness;
let agent: Session;
let principal: Principal;
let cat: Record<string, string>;
let team: string;
beforeAll(async () => {
  h = await createHarness();
  agent = await h.login('agent.dz1');
  principal = principalFor((await findPrincipalUser(h.database.db, await h.userId('agent.dz1')))!, { sessionHash: 'x' });
  cat = await h.categoryIds();
  team = await h.orgId('JN-DZ-T01');
});
afterAll(() => h.close());

const audit = () => ({ actorId: principal.userId, actorName: 'agent.dz1', requestId: null, ip: null });
const request = (over: Partial<IntakeRequest['input']> = {}, extra: Partial<IntakeRequest> = {}): IntakeRequest => ({
  principal,
  audit: audit(),
  input: {
    type: 'complaint', channel: 'hotline', priority: 'normal', title: '批量受理', description: '', categoryId: cat['N03-03']!, orgUnitId: team,
    customer: { phone: '13955550000' }, escalated: false, regulatorAppeal: false, groupComplaint: false, changesService: false, ...over,
  },
  ...extra,
});

describe('intake queue', () => {
  it('accepts a batch: one new customer for one phone, repeats linked in order, a bad request refused alone, a key used twice creates one ticket', async () => {
    const q = new IntakeQueue(h.database.db, 1);
    const warmUp = q.submit(request({ title: '先行', customer: { phone: '13955559999' } }));
    await h.database.sql.query(`UPDATE categories SET active = false WHERE code = 'B02-01'`);
    const batch = [
      q.submit(request({ customer: { phone: '13955550001', name: '赵女士' } })),
      q.submit(request({ customer: { phone: '13955550001' }, categoryId: cat['N03-01']! })),
      q.submit(request({ categoryId: cat['B02-01']! })),
      q.submit(request({ orgUnitId: await h.orgId('JN-XZ') })),
      q.submit(request({ customer: { phone: '13955550002' } }, { idempotencyKey: 'batch-key-0001' })),
      q.submit(request({ customer: { phone: '13955550002' } }, { idempotencyKey: 'batch-key-0001' })),
    ];
    expect((await warmUp).ok).toBe(true);
    const [a, b, retired, foreign, k1, k2] = await Promise.all(batch);
    const refusal = (o: typeof retired) => (o && !o.ok ? { status: o.error.status, message: o.error.message } : null);
    expect(refusal(retired)).toMatchObject({ status: 400, message: expect.stringMatching(/retired/) });
    expect(refusal(foreign)).toMatchObject({ status: 404 });
    expect(a!.ok && b!.ok && k1!.ok && k2!.ok).toBe(true);
    if (!a?.ok || !b?.ok || !k1?.ok || !k2?.ok) return;
    expect(k2.id).toBe(k1.id);
    expect([k1.replayed, k2.replayed]).toEqual([false, true]);
    const ta = (await agent.req('GET', `/api/v1/tickets/${a.id}`)).json();
    const tb = (await agent.req('GET', `/api/v1/tickets/${b.id}`)).json();
    expect(tb.customer.id).toBe(ta.customer.id);
    expect(ta.customer.name).toBe('赵女士');
    expect(tb.repeatOf).toBe(a.id);
    const customers = await h.database.sql.query<{ n: number }>(`SELECT count(*)::int AS n FROM customers WHERE phone = '13955550001'`);
    expect(customers[0]!.n).toBe(1);
    const keyed = await h.database.sql.query<{ n: number }>(`SELECT count(*)::int AS n FROM tickets WHERE customer_id = (SELECT id FROM customers WHERE phone = '13955550002')`);
    expect(keyed[0]!.n).toBe(1);
    // every ticket and customer is in the audit trail under the person who took it
    const trail = await h.database.sql.query<{ actor_name: string; entity_type: string }>(
      `SELECT actor_name, entity_type FROM audit_log WHERE entity_id IN ($1, $2, $3)`, [a.id, b.id, ta.customer.id]);
    expect(trail.map((t) => t.entity_type).sort()).toEqual(['customer', 'ticket', 'ticket']);
    expect(new Set(trail.map((t) => t.actor_name))).toEqual(new Set(['agent.dz1']));
  });

  it('retries each request alone when the batch as a whole fails, so one request never sinks another', async () => {
    const q = new IntakeQueue(h.database.db, 1);
    await agent.req('POST', '/api/v1/tickets', {
      type: 'consultation', channel: 'hotline', title: '已有客户', categoryId: cat['N03-03'], orgUnitId: team, customer: { phone: '13955551111' },
    });
    const warmUp = q.submit(request({ title: '先行', customer: { phone: '13955559998' } }));
    // A gives the existing customer the number CN-777; B, for a new phone, brings the same number.
    // Together they collide on the unique customer number; alone, B finds the customer A numbered.
    const a = q.submit(request({ type: 'consultation', customer: { phone: '13955551111', customerNo: 'CN-777' } }));
    const b = q.submit(request({ type: 'consultation', customer: { phone: '13955552222', customerNo: 'CN-777' } }));
    await warmUp;
    const [ra, rb] = await Promise.all([a, b]);
    expect(ra!.ok && rb!.ok).toBe(true);
    const rows = await h.database.sql.query<{ n: number }>(`SELECT count(*)::int AS n FROM customers WHERE customer_no = 'CN-777'`);
    expect(rows[0]!.n).toBe(1);
  });

  it('answers the API with the same ticket a later read shows', async () => {
    const created = await agent.req('POST', '/api/v1/tickets', {
      type: 'complaint', channel: 'hotline', title: '受理即答', categoryId: cat['N03-03'], orgUnitId: team, customer: { phone: '13955553333' },
    });
    expect(created.statusCode).toBe(201);
    expect((await agent.req('GET', `/api/v1/tickets/${created.json().id}`)).json()).toEqual(created.json());
  });

  it('two lanes write at once: a new customer number both bring ends as one customer, a phone keeps one lane and one repeat chain', async () => {
    const q = new IntakeQueue(h.database.db, 2);
    // two new phones that wait in different lanes
    const phones = Array.from({ length: 40 }, (_, i) => `1395556${String(i).padStart(4, '0')}`);
    const laneOfPhone = (phone: string) => laneOf(laneKeyOf(request({ customer: { phone } })), 2);
    const x = phones.find((p) => laneOfPhone(p) === 0)!;
    const y = phones.find((p) => laneOfPhone(p) === 1)!;
    const others = phones.filter((p) => p !== x && p !== y).slice(0, 12);
    const submitted = [
      q.submit(request({ type: 'consultation', customer: { phone: x, customerNo: 'CN-888' } })),
      q.submit(request({ type: 'consultation', customer: { phone: y, customerNo: 'CN-888' } })),
      // every other phone complains twice in one category: the second repeats the first
      ...others.flatMap((phone) => [q.submit(request({ customer: { phone } })), q.submit(request({ customer: { phone } }))]),
    ];
    const outcomes = await Promise.all(submitted);
    expect(outcomes.every((o) => o.ok)).toBe(true);
    const numbered = await h.database.sql.query<{ phone: string }>(`SELECT phone FROM customers WHERE customer_no = 'CN-888'`);
    expect(numbered).toHaveLength(1);
    const ids = outcomes.map((o) => (o.ok ? o.id : ''));
    const rows = await h.database.sql.query<{ id: string; phone: string; repeat_of: string | null; n: number }>(
      `SELECT t.id, c.phone, t.repeat_of, count(*) OVER (PARTITION BY c.phone)::int AS n
         FROM tickets t JOIN customers c ON c.id = t.customer_id WHERE t.id = ANY($1::uuid[])`, [ids.slice(2)]);
    for (const [k, phone] of others.entries()) {
      const [first, second] = [ids[2 + 2 * k]!, ids[3 + 2 * k]!];
      expect(rows.filter((r) => r.phone === phone).map((r) => r.id).sort()).toEqual([first, second].sort());
      expect(rows.find((r) => r.id === second)!.repeat_of).toBe(first);
    }
    const perPhone = await h.database.sql.query<{ n: number }>(`SELECT count(*)::int AS n FROM customers WHERE phone = ANY($1::text[])`, [others]);
    expect(perPhone[0]!.n).toBe(others.length);
  });
});
