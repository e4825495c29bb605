import { randomUUID } from 'node:crypto';
import { inArray } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createHarness, type Harness } from '../test/harness.js';
import { insertRows } from './insert-rows.js';
import { customers, ticketEvents } from './schema/index.js';

let h: Harness;
let orgUnitId: string;
beforeAll(async () => {
  h = await createHarness();
  orgUnitId = await h.orgId('JN-DZ-S01');
});
afterAll(() => h.close());

describe('insertRows', () => {
  it('writes every value by its column type; columns no row gives take their defaults', async () => {
    const at = new Date('2026-11-30T08:15:30.123Z');
    const rows = [
      { id: randomUUID(), orgUnitId, name: '张三', phone: '13800000001', customerNo: null, tier: 'vip' as const, createdAt: at },
      { id: randomUUID(), orgUnitId, name: null, phone: null, customerNo: 'CN-IR-1', tier: 'normal' as const, createdAt: at },
    ];
    await insertRows(h.database.db, customers, rows);
    const back = await h.database.db.select().from(customers).where(inArray(customers.id, rows.map((r) => r.id)));
    const byId = new Map(back.map((c) => [c.id, c]));
    expect(byId.get(rows[0]!.id)).toMatchObject({ name: '张三', phone: '13800000001', customerNo: null, tier: 'vip', consentSms: true, version: 1, createdAt: at });
    expect(byId.get(rows[1]!.id)).toMatchObject({ name: null, phone: null, customerNo: 'CN-IR-1', tier: 'normal', consentSurvey: true });
  });

  it('rows that give a defaulted column only sometimes go through Drizzle and keep the default where left out', async () => {
    const rows = [
      { id: randomUUID(), orgUnitId, phone: '13800000002', tier: 'vip' as const },
      { id: randomUUID(), orgUnitId, phone: '13800000003' },
    ];
    await insertRows(h.database.db, customers, rows);
    const back = await h.database.db.select({ id: customers.id, tier: customers.tier }).from(customers).where(inArray(customers.id, rows.map((r) => r.id)));
    expect(new Map(back.map((c) => [c.id, c.tier]))).toEqual(new Map([[rows[0]!.id, 'vip'], [rows[1]!.id, 'normal']]));
  });

  it('keeps JSON values as JSON and nothing at all is written for no rows', async () => {
    await insertRows(h.database.db, ticketEvents, []);
    const agent = await h.login('qm.li');
    const created = await agent.req('POST', '/api/v1/tickets', {
      type: 'consultation', channel: 'hotline', title: '套餐咨询', categoryId: (await h.categoryIds())['B01-01'], orgUnitId, customer: { phone: '13800000004' },
    });
    expect(created.statusCode, created.body).toBe(201);
    const t = created.json() as { id: string };
    await insertRows(h.database.db, ticketEvents, [{ ticketId: t!.id, at: new Date(), actorId: null, kind: 'note', visibility: 'internal', body: '说明', data: { rule: 'r1', nested: { n: 2 } } }]);
    const [e] = await h.database.sql.query<{ data: unknown; body: string }>(`SELECT data, body FROM ticket_events WHERE ticket_id = $1 ORDER BY id DESC LIMIT 1`, [t!.id]);
    expect(e).toEqual({ data: { rule: 'r1', nested: { n: 2 } }, body: '说明' });
  });
});
