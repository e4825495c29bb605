import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createHarness, type Harness, type Session } from '../../test/harness.js';

/** My work / my groups views, transfer to a group's queue, and bulk actions. */
let h: Harness;
let admin: Session;
let dz1: Session; // agent.dz1
let dz2: Session; // agent.dz2
let bm: Session; // bm.dz, branch manager of 东州
let cat: Record<string, string>;
let team: string;
let groupId: string;

beforeAll(async () => {
  h = await createHarness();
  admin = await h.login('admin');
  dz1 = await h.login('agent.dz1');
  dz2 = await h.login('agent.dz2');
  bm = await h.login('bm.dz');
  cat = await h.categoryIds();
  team = await h.orgId('JN-DZ-T01');
  const g = await admin.req('POST', '/api/v1/groups', {
    code: 'DZ-NET', name: '东州宽带专班', orgUnitId: await h.orgId('JN-DZ'), members: [{ userId: await h.userId('agent.dz2'), skills: [] }],
  });
  groupId = g.json().id;
});
afterAll(() => h.close());

let phone = 13700000000;
async function intake(s: Session, over: Record<string, unknown> = {}) {
  const res = await s.req('POST', '/api/v1/tickets', {
    type: 'complaint', channel: 'hotline', title: '宽带断网', categoryId: cat['N03-03'], orgUnitId: team, customer: { phone: String(phone++) }, ...over,
  });
  expect(res.statusCode).toBe(201);
  return res.json() as { id: string; no: string; version: number; state: string };
}
const move = (s: Session, id: string, version: number, body: Record<string, unknown>) => s.req('POST', `/api/v1/tickets/${id}/transitions`, { version, ...body });
const ids = (res: { json: () => { items: { id: string }[] } }) => res.json().items.map((t) => t.id);

describe('transfer to a group (转派到队列)', () => {
  it('leaves the ticket unassigned in the queue, notifies the members, and the group view shows it', async () => {
    const t = await intake(dz1);
    // agent.dz2 works in a store (JN-DZ-S01), outside the hotline team's subtree: the queue is what lets them see it
    expect((await dz2.req('GET', `/api/v1/tickets/${t.id}`)).statusCode).toBe(404);
    const claimed = await move(dz1, t.id, t.version, { action: 'assign', assigneeId: await h.userId('agent.dz1') });
    expect(claimed.json().state).toBe('assigned');
    const moved = await move(dz1, t.id, claimed.json().version, { action: 'transfer', groupId, reason: '属宽带专班处理' });
    expect(moved.statusCode).toBe(200);
    expect(moved.json()).toMatchObject({ state: 'accepted', assigneeId: null, groupId, transferCount: 1, firstOwnerId: await h.userId('agent.dz1') });
    const event = moved.json().events.at(-1);
    expect(event).toMatchObject({ action: 'transfer', fromState: 'assigned', toState: 'accepted', body: '属宽带专班处理' });
    expect(event.data).toMatchObject({ toGroup: groupId, to: null });
    const bell = (await dz2.req('GET', '/api/v1/notifications')).json().items;
    expect(bell.some((n: { ticketId: string; kind: string }) => n.ticketId === t.id && n.kind === 'transferred')).toBe(true);
    expect((await dz2.req('GET', `/api/v1/tickets/${t.id}`)).statusCode).toBe(200);
    expect(ids(await dz2.req('GET', '/api/v1/tickets?view=my_groups'))).toContain(t.id);
    expect(ids(await dz1.req('GET', '/api/v1/tickets?view=my_groups'))).not.toContain(t.id);
    // a member claims it from the queue
    const claim = await move(dz2, t.id, moved.json().version, { action: 'assign', assigneeId: await h.userId('agent.dz2') });
    expect(claim.json()).toMatchObject({ state: 'assigned', assigneeId: await h.userId('agent.dz2'), groupId });
    expect(ids(await dz2.req('GET', '/api/v1/tickets?view=mine'))).toContain(t.id);
    expect(ids(await dz1.req('GET', '/api/v1/tickets?view=mine'))).not.toContain(t.id);
    // still 首问 of agent.dz1, who took it
    expect(ids(await dz1.req('GET', '/api/v1/tickets?view=accepted'))).toContain(t.id);
    expect(ids(await dz2.req('GET', '/api/v1/tickets?view=accepted'))).not.toContain(t.id);
  });

  it('refuses an inactive or unknown group, and a named person outside the group', async () => {
    const t = await intake(dz1);
    const unknown = await move(dz1, t.id, t.version, { action: 'transfer', groupId: '6f1e8f59-2b52-4d41-9a55-1b0c2a1e0e00', reason: 'x' });
    expect(unknown.statusCode).toBe(400);
    expect(unknown.json().error.message).toMatch(/not an active group/);
    const outsider = await move(dz1, t.id, t.version, { action: 'transfer', groupId, assigneeId: await h.userId('agent.dz1'), reason: 'x' });
    expect(outsider.statusCode).toBe(400);
    expect(outsider.json().error.message).toMatch(/not a member of that group/);
    const neither = await move(dz1, t.id, t.version, { action: 'transfer', reason: 'x' });
    expect(neither.statusCode).toBe(400);
    expect((await dz1.req('GET', `/api/v1/tickets/${t.id}`)).json()).toMatchObject({ version: t.version, state: 'accepted', groupId: null });
  });
});

describe('bulk actions', () => {
  it('assigns many tickets; each ticket refused on its own (stale version, wrong state, out of scope) leaves the others done', async () => {
    const a = await intake(dz1);
    const b = await intake(dz1);
    const stale = await intake(dz1);
    await move(dz1, stale.id, stale.version, { action: 'cancel', reason: '客户撤诉' });
    const foreign = await intake(admin, { orgUnitId: await h.orgId('JN-XZ') });
    const dz2Id = await h.userId('agent.dz2');
    const res = await bm.req('POST', '/api/v1/tickets/bulk-transitions', {
      action: 'assign',
      assigneeId: dz2Id,
      items: [{ id: a.id, version: a.version }, { id: b.id, version: b.version + 5 }, { id: stale.id, version: stale.version + 1 }, { id: foreign.id, version: foreign.version }],
    });
    expect(res.statusCode).toBe(200);
    const body = res.json();
    expect(body).toMatchObject({ succeeded: 1, failed: 3 });
    expect(body.results.map((r: { id: string }) => r.id)).toEqual([a.id, b.id, stale.id, foreign.id]);
    expect(body.results[0]).toMatchObject({ ok: true, no: a.no, state: 'assigned', version: a.version + 1, error: null });
    expect(body.results[1]).toMatchObject({ ok: false, error: { code: 'CONFLICT' } });
    expect(body.results[2]).toMatchObject({ ok: false, error: { code: 'ILLEGAL_TRANSITION' } });
    expect(body.results[3]).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
    expect((await admin.req('GET', `/api/v1/tickets/${b.id}`)).json()).toMatchObject({ state: 'accepted', assigneeId: null });
    expect((await admin.req('GET', `/api/v1/tickets/${foreign.id}`)).json()).toMatchObject({ state: 'accepted', assigneeId: null });
    // each success is audited like a single transition
    const audit = (await admin.req('GET', `/api/v1/audit?entityType=ticket&entityId=${a.id}`)).json();
    expect(audit.items[0]).toMatchObject({ action: 'update', actorName: 'bm.dz' });
  });

  it('transfers to a group and closes with an outcome', async () => {
    const t1 = await intake(dz1, { type: 'consultation' });
    const t2 = await intake(dz1, { type: 'consultation' });
    const moved = (await bm.req('POST', '/api/v1/tickets/bulk-transitions', {
      action: 'transfer', groupId, reason: '集中处理', items: [t1, t2].map((t) => ({ id: t.id, version: t.version })),
    })).json();
    expect(moved).toMatchObject({ succeeded: 2, failed: 0 });
    const versions: Record<string, number> = {};
    for (const t of [t1, t2]) {
      let v = moved.results.find((r: { id: string }) => r.id === t.id).version;
      v = (await move(dz2, t.id, v, { action: 'assign', assigneeId: await h.userId('agent.dz2') })).json().version;
      v = (await move(dz2, t.id, v, { action: 'start' })).json().version;
      versions[t.id] = (await move(dz2, t.id, v, { action: 'answer', reply: '已答复' })).json().version;
    }
    const noOutcome = await dz2.req('POST', '/api/v1/tickets/bulk-transitions', { action: 'close', items: [t1, t2].map((t) => ({ id: t.id, version: versions[t.id] })) });
    expect(noOutcome.json()).toMatchObject({ succeeded: 0, failed: 2 });
    expect(noOutcome.json().results[0].error.message).toMatch(/outcome/);
    const closed = await dz2.req('POST', '/api/v1/tickets/bulk-transitions', { action: 'close', outcome: 'resolved', items: [t1, t2].map((t) => ({ id: t.id, version: versions[t.id] })) });
    expect(closed.json()).toMatchObject({ succeeded: 2, failed: 0 });
    expect((await dz2.req('GET', `/api/v1/tickets/${t1.id}`)).json()).toMatchObject({ state: 'closed', outcome: 'resolved' });
  });

  it('refuses a malformed request as a whole: nothing selected, a ticket listed twice, too many, an unknown action', async () => {
    const t = await intake(dz1);
    const item = { id: t.id, version: t.version };
    for (const body of [
      { action: 'assign', items: [] },
      { action: 'assign', items: [item, item] },
      { action: 'assign', items: Array.from({ length: 201 }, (_, i) => ({ id: `00000000-0000-4000-8000-${String(i).padStart(12, '0')}`, version: 1 })) },
      { action: 'archive', items: [item] },
    ]) {
      const res = await bm.req('POST', '/api/v1/tickets/bulk-transitions', body);
      expect(res.statusCode).toBe(400);
    }
    const inspector = await h.login('inspector.dz');
    expect((await inspector.req('POST', '/api/v1/tickets/bulk-transitions', { action: 'assign', items: [item] })).statusCode).toBe(403);
    expect((await dz1.req('GET', `/api/v1/tickets/${t.id}`)).json().version).toBe(t.version);
  });
});

describe('overdue filter (超时)', () => {
  it('lists tickets whose earliest running SLA deadline has passed, and only those', async () => {
    const late = await intake(dz1, { title: '超时的工单' });
    const onTime = await intake(dz1, { title: '未超时的工单' });
    await h.database.sql.query(`UPDATE tickets SET next_deadline = now() - interval '1 hour' WHERE id = $1`, [late.id]);
    await h.database.sql.query(`UPDATE tickets SET next_deadline = now() + interval '1 hour' WHERE id = $1`, [onTime.id]);
    const overdue = ids(await dz1.req('GET', '/api/v1/tickets?overdue=true&pageSize=200'));
    expect(overdue).toContain(late.id);
    expect(overdue).not.toContain(onTime.id);
    const notOverdue = ids(await dz1.req('GET', '/api/v1/tickets?overdue=false&pageSize=200'));
    expect(notOverdue).toContain(onTime.id);
    expect(notOverdue).not.toContain(late.id);
  });
});
