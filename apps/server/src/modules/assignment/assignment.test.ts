import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createHarness, type Harness, type Session } from '../../test/harness.js';

let h: Harness;
let admin: Session;
let agent: Session;
let cat: Record<string, string>;
beforeAll(async () => {
  h = await createHarness();
  admin = await h.login('admin');
  agent = await h.login('agent.dz1');
  cat = await h.categoryIds();
});
afterAll(() => h.close());

let phone = 13600000000;
const intake = (over: Record<string, unknown> = {}) =>
  agent.req('POST', '/api/v1/tickets', {
    type: 'complaint', channel: 'hotline', title: '话费被乱扣', categoryId: cat['S01-01'],
    customer: { phone: String(phone++) }, ...over,
  });

describe('groups and assignment rules', () => {
  it('routes new tickets by the first matching rule, round robin within the group', async () => {
    const dz = await h.orgId('JN-DZ');
    const members = [await h.userId('agent.dz1'), await h.userId('agent.dz2')];
    const group = await admin.req('POST', '/api/v1/groups', { code: 'DZ-BILL', name: '东州计费投诉组', orgUnitId: dz, members: members.map((userId) => ({ userId, skills: ['计费'] })) });
    expect(group.statusCode).toBe(201);
    const broad = await admin.req('POST', '/api/v1/assignment-rules', { name: '其他', groupId: group.json().id, strategy: 'least_open', conditions: { channels: ['store'] } });
    const billing = await admin.req('POST', '/api/v1/assignment-rules', {
      name: '东州计费投诉', groupId: group.json().id, strategy: 'round_robin', conditions: { types: ['complaint'], categoryIds: [cat['S01']], orgUnitIds: [dz] },
    });
    expect([broad.json().position, billing.json().position]).toEqual([1, 2]);
    const orgUnitId = await h.orgId('JN-DZ-T01');
    const picks: string[] = [];
    for (let i = 0; i < 4; i++) {
      const t = (await intake({ orgUnitId })).json();
      expect(t).toMatchObject({ state: 'assigned', groupId: group.json().id });
      picks.push(t.assigneeId);
    }
    expect(new Set(picks).size).toBe(2);
    expect(picks[0]).not.toBe(picks[1]);
    expect(picks[0]).toBe(picks[2]);
    // a fault in another category matches no rule and waits unassigned
    const other = (await intake({ orgUnitId, type: 'fault', categoryId: cat['N01-01'] })).json();
    expect(other).toMatchObject({ state: 'accepted', assigneeId: null, groupId: null });
    // reorder: the store rule first changes nothing for hotline complaints; deleting the billing rule stops routing
    const order = await admin.req('PUT', '/api/v1/assignment-rules/order', { ids: [billing.json().id, broad.json().id] });
    expect(order.json().items.map((r: { id: string }) => r.id)).toEqual([billing.json().id, broad.json().id]);
    expect((await admin.req('PUT', '/api/v1/assignment-rules/order', { ids: [billing.json().id] })).statusCode).toBe(400);
    expect((await admin.req('DELETE', `/api/v1/assignment-rules/${billing.json().id}`)).statusCode).toBe(204);
    expect((await intake({ orgUnitId })).json().state).toBe('accepted');
    const queue = (await agent.req('GET', `/api/v1/tickets?groupId=${group.json().id}`)).json();
    expect(queue.total).toBe(4);
  });

  it('skill strategy picks the lightest member with the skill; least-open spreads load', async () => {
    const xz = await h.orgId('JN-XZ');
    const dz1 = await h.userId('agent.dz1');
    const xz1 = await h.userId('agent.xz1');
    const g = (await admin.req('POST', '/api/v1/groups', { code: 'NET', name: '宽带专家组', orgUnitId: xz, members: [{ userId: dz1, skills: ['宽带'] }, { userId: xz1, skills: [] }] })).json();
    await admin.req('POST', '/api/v1/assignment-rules', { name: '宽带', groupId: g.id, strategy: 'skill', skill: '宽带', conditions: { categoryIds: [cat['N03-03']] } });
    const t = (await intake({ orgUnitId: await h.orgId('JN-DZ-T01'), categoryId: cat['N03-03'], title: '宽带断网' })).json();
    expect(t.assigneeId).toBe(dz1);
    expect((await admin.req('POST', '/api/v1/assignment-rules', { name: 'x', groupId: g.id, strategy: 'skill' })).statusCode).toBe(400);
  });

  it('refuses members who do not handle tickets and is audited', async () => {
    const res = await admin.req('POST', '/api/v1/groups', { code: 'BAD', name: 'x', orgUnitId: await h.orgId('JN'), members: [{ userId: await h.userId('exec.zhao') }] });
    expect(res.statusCode).toBe(400);
    const audit = (await admin.req('GET', '/api/v1/audit?entityType=assignment_rule')).json();
    expect(audit.total).toBeGreaterThanOrEqual(4);
  });

  it('only assignment managers change rules', async () => {
    expect((await agent.req('GET', '/api/v1/assignment-rules')).statusCode).toBe(403);
    expect((await agent.req('GET', '/api/v1/groups')).statusCode).toBe(200);
  });
});
