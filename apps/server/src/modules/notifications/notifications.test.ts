import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createHarness, type Harness, type Session } from '../../test/harness.js';

let h: Harness;
let agent: Session;
let dz2: Session;
let categoryId: string;
beforeAll(async () => {
  h = await createHarness();
  agent = await h.login('agent.dz1');
  dz2 = await h.login('agent.dz2');
  categoryId = ((await agent.req('GET', '/api/v1/categories')).json().items as { code: string; id: string }[]).find((c) => c.code === 'S01-01')!.id;
});
afterAll(() => h.close());

describe('notifications', () => {
  it('a transfer notifies the new holder in-app and through the outbound log; reading clears the count', async () => {
    const t = (await agent.req('POST', '/api/v1/tickets', { type: 'complaint', channel: 'hotline', title: '重复扣费', categoryId, orgUnitId: await h.orgId('JN-DZ-T01'), customer: { phone: '13512121212' } })).json();
    await agent.req('POST', `/api/v1/tickets/${t.id}/transitions`, { action: 'transfer', version: t.version, assigneeId: await h.userId('agent.dz2'), reason: '营业厅跟进' });
    expect((await dz2.req('GET', '/api/v1/notifications/unread-count')).json()).toEqual({ unread: 1 });
    const list = (await dz2.req('GET', '/api/v1/notifications?unread=true')).json();
    expect(list.items[0]).toMatchObject({ kind: 'transferred', ticketId: t.id, ticketNo: t.no, body: '营业厅跟进' });
    const mail = await h.database.sql.query<{ to_address: string; channel: string }>(`SELECT to_address, channel FROM outbound_messages WHERE ticket_id = $1`, [t.id]);
    expect(mail).toEqual([{ to_address: 'agent.dz2@demo.qloop.cn', channel: 'email' }]);
    // the sender is not notified of their own act
    expect((await agent.req('GET', '/api/v1/notifications/unread-count')).json().unread).toBe(0);
    expect((await agent.req('POST', `/api/v1/notifications/${list.items[0].id}/read`)).statusCode).toBe(404);
    expect((await dz2.req('POST', `/api/v1/notifications/${list.items[0].id}/read`)).statusCode).toBe(204);
    expect((await dz2.req('GET', '/api/v1/notifications/unread-count')).json().unread).toBe(0);
  });
  it('an @mention notifies the colleague who can see the ticket, not one outside it', async () => {
    const t = (await agent.req('POST', '/api/v1/tickets', { type: 'fault', channel: 'hotline', title: '无法上网', categoryId, orgUnitId: await h.orgId('JN-DZ-T01'), customer: { phone: '13512121213' } })).json();
    await agent.req('POST', `/api/v1/tickets/${t.id}/notes`, { kind: 'internal_note', body: '请 @bm.dz 协调，@agent.xz1 不相关' });
    const bm = await h.login('bm.dz');
    expect((await bm.req('GET', '/api/v1/notifications')).json().items[0]).toMatchObject({ kind: 'mentioned', ticketId: t.id });
    const xz = await h.login('agent.xz1');
    expect((await xz.req('GET', '/api/v1/notifications')).json().total).toBe(0);
  });
});
