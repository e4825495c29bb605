import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createHarness, type Harness } from '../../test/harness.js';

let h: Harness;
let options: { units: { id: string; name: string; kind: string }[]; categories: { id: string; level: number; name: string }[] };
beforeAll(async () => {
  h = await createHarness();
  options = (await h.app.inject('/api/v1/portal/options')).json();
});
afterAll(() => h.close());

const file = (over: Record<string, unknown> = {}) =>
  h.app.inject({
    method: 'POST',
    url: '/api/v1/portal/tickets',
    payload: {
      type: 'complaint',
      orgUnitId: options.units.find((u) => u.name === '东州中山路营业厅')!.id,
      categoryId: options.categories.find((c) => c.name === '计费')!.id,
      title: '本月话费多扣了三十元',
      description: '请核实并退还',
      phone: '13698765432',
      name: '陈女士',
      ...over,
    },
  });

describe('customer portal', () => {
  it('lists service points and topics without signing in', () => {
    expect(options.units.some((u) => u.kind === 'branch')).toBe(true);
    expect(options.categories.every((c) => c.level <= 2)).toBe(true);
  });

  it('files a request without login and follows it with the tracking code and phone digits', async () => {
    const res = await file();
    expect(res.statusCode).toBe(201);
    const { no, trackingCode } = res.json();
    expect(trackingCode).toMatch(/^[0-9A-HJKMNP-TV-Z]{10}$/);
    const status = await h.app.inject(`/api/v1/portal/tickets/${trackingCode.toLowerCase()}?phone4=5432`);
    expect(status.statusCode).toBe(200);
    expect(status.json()).toMatchObject({ no, state: 'accepted', timeline: [{ kind: 'created' }] });
    expect((await h.app.inject(`/api/v1/portal/tickets/${trackingCode}?phone4=0000`)).statusCode).toBe(404);
    expect((await h.app.inject(`/api/v1/portal/tickets/ABCDEFGHJK?phone4=5432`)).statusCode).toBe(404);
    expect((await h.app.inject(`/api/v1/portal/tickets/short?phone4=5432`)).statusCode).toBe(400);

    // an agent takes it: they become its first-contact owner; their answer appears to the customer, internal notes do not
    const agent = await h.login('agent.dz2');
    const list = (await agent.req('GET', `/api/v1/tickets?q=${no}`)).json();
    let t = list.items[0];
    expect(t.channel).toBe('web');
    const me = await h.userId('agent.dz2');
    t = (await agent.req('POST', `/api/v1/tickets/${t.id}/transitions`, { action: 'assign', version: t.version, assigneeId: me })).json();
    expect(t.firstOwnerId).toBe(me);
    t = (await agent.req('POST', `/api/v1/tickets/${t.id}/transitions`, { action: 'start', version: t.version })).json();
    t = (await agent.req('POST', `/api/v1/tickets/${t.id}/notes`, { kind: 'internal_note', body: '内部：计费系统核查中' })).json();
    const answered = await agent.req('POST', `/api/v1/tickets/${t.id}/transitions`, { action: 'answer', version: t.version, reply: '已核实多扣费用，将于3个工作日内退还' });
    expect(answered.statusCode).toBe(200);
    const after = (await h.app.inject(`/api/v1/portal/tickets/${trackingCode}?phone4=5432`)).json();
    expect(after.state).toBe('answered');
    expect(after.timeline.map((e: { kind: string }) => e.kind)).toEqual(['created', 'state', 'reply']);
    expect(JSON.stringify(after)).not.toContain('内部');
  });

  it('refuses bad input with messages a customer understands', async () => {
    const res = await file({ phone: '12345' });
    expect(res.statusCode).toBe(400);
    expect(res.json().error.message).toContain('11-digit');
    expect((await file({ orgUnitId: '6f1e8f59-2b52-4d41-9a55-1b0c2a1e0e00' })).statusCode).toBe(400);
  });

  it('is rate-limited per address', async () => {
    const small = await createHarness({ env: { PORTAL_RATE_LIMIT: '2' } });
    try {
      const opts = (await small.app.inject('/api/v1/portal/options')).json();
      const payload = { type: 'suggestion', orgUnitId: opts.units[0].id, categoryId: opts.categories[0].id, title: '建议增加夜间营业时间', phone: '13600001111' };
      const codes = [];
      for (let i = 0; i < 3; i++) codes.push((await small.app.inject({ method: 'POST', url: '/api/v1/portal/tickets', payload })).statusCode);
      expect(codes).toEqual([201, 201, 429]);
    } finally {
      await small.close();
    }
  });
});
