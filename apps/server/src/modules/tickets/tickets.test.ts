import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createHarness, type Harness, type Session } from '../../test/harness.js';
import { principalFor } from '../auth/principal.js';
import { findPrincipalUser } from '../auth/sessions.repo.js';
import { createTicket } from './create-ticket.js';

let h: Harness;
let agent: Session; // agent.dz1, 东州热线班组
let cat: Record<string, string>;
let dzTeam: string;

beforeAll(async () => {
  h = await createHarness();
  agent = await h.login('agent.dz1');
  const cats = (await agent.req('GET', '/api/v1/categories')).json().items as { code: string; id: string }[];
  cat = Object.fromEntries(cats.map((c) => [c.code, c.id]));
  dzTeam = await h.orgId('JN-DZ-T01');
});
afterAll(() => h.close());

let phoneSeq = 13500000000;
const complaint = (over: Record<string, unknown> = {}) => ({
  type: 'complaint', channel: 'hotline', title: '家里宽带断网三天了', description: '光猫红灯闪烁，报修后无人上门',
  categoryId: cat['N03-03'], orgUnitId: dzTeam, customer: { phone: String(phoneSeq++), name: '王先生' }, ...over,
});
const move = (s: Session, id: string, version: number, body: Record<string, unknown>) =>
  s.req('POST', `/api/v1/tickets/${id}/transitions`, { version, ...body });

describe('intake', () => {
  it('accepts a complaint: number, first-contact owner, masked phone, timeline and audit', async () => {
    const res = await agent.req('POST', '/api/v1/tickets', complaint({ customer: { phone: '13812341234', name: '李女士' } }));
    expect(res.statusCode).toBe(201);
    const t = res.json();
    expect(t.no).toMatch(/^GD\d{14}$/);
    expect(t).toMatchObject({ state: 'accepted', firstOwnerId: await h.userId('agent.dz1'), assigneeId: null, repeatOf: null });
    expect(t.customer.phone).toBe('138****1234');
    expect(t.events.map((e: { kind: string }) => e.kind)).toEqual(['created']);
    expect(t.allowedActions).toEqual(['assign', 'transfer', 'cancel', 'merge']);
    const admin = await h.login('admin');
    const audit = (await admin.req('GET', `/api/v1/audit?entityType=ticket&entityId=${t.id}`)).json();
    expect(audit.items[0]).toMatchObject({ action: 'create', actorName: 'agent.dz1' });
    expect(JSON.stringify(audit.items[0].after)).not.toContain('13812341234');
  });

  it('finds the customer again by phone', async () => {
    const a = (await agent.req('POST', '/api/v1/tickets', complaint({ type: 'consultation', customer: { phone: '13812349999' } }))).json();
    const b = (await agent.req('POST', '/api/v1/tickets', complaint({ type: 'consultation', customer: { phone: '13812349999', name: '补充姓名' } }))).json();
    expect(b.customer.id).toBe(a.customer.id);
    expect(b.customer.name).toBe('补充姓名');
  });

  it('refuses a retired category, an unknown one and an org unit outside scope', async () => {
    const admin = await h.login('admin');
    await h.database.sql.query(`UPDATE categories SET active = false WHERE code = 'B02-01'`);
    const retired = await agent.req('POST', '/api/v1/tickets', complaint({ categoryId: cat['B02-01'] }));
    expect(retired.statusCode).toBe(400);
    expect(retired.json().error.message).toMatch(/retired/);
    expect((await agent.req('POST', '/api/v1/tickets', complaint({ categoryId: '6f1e8f59-2b52-4d41-9a55-1b0c2a1e0e00' }))).statusCode).toBe(400);
    expect((await agent.req('POST', '/api/v1/tickets', complaint({ orgUnitId: await h.orgId('JN-XZ') }))).statusCode).toBe(404);
    expect((await admin.req('POST', '/api/v1/tickets', complaint({ customer: {} }))).statusCode).toBe(400);
  });

  it('an idempotency key makes retries return the first ticket', async () => {
    const body = complaint({ customer: { phone: '13800000042' } });
    const send = () => agent.req('POST', '/api/v1/tickets', body, { 'idempotency-key': 'retry-key-0001' });
    const results = await Promise.all([send(), send(), send()]);
    expect(results.map((r) => r.statusCode).sort()).toEqual([200, 200, 201]);
    expect(new Set(results.map((r) => r.json().id)).size).toBe(1);
    const list = (await agent.req('GET', '/api/v1/tickets?q=GD' + '0'.repeat(14))).json();
    expect(list.total).toBe(0);
    expect((await agent.req('POST', '/api/v1/tickets', body, { 'idempotency-key': 'bad key!' })).statusCode).toBe(400);
  });
});

describe('repeat complaints (重复投诉)', () => {
  it('links a complaint in the same level-2 category within 30 days, not after', async () => {
    const user = await findPrincipalUser(h.database.db, await h.userId('agent.dz1'));
    const principal = principalFor(user!, { sessionHash: 'x' });
    const audit = { actorId: principal.userId, actorName: 'agent.dz1', requestId: null, ip: null };
    const t0 = new Date('2026-09-01T02:00:00Z');
    const day = 86_400_000;
    const mk = (at: Date, code: string, phone: string) =>
      createTicket(h.database.db, { principal, audit, now: at, input: { ...complaint({ categoryId: cat[code], customer: { phone } }), priority: 'normal', description: '', escalated: false, regulatorAppeal: false, changesService: false } as never });
    const first = await mk(t0, 'N03-01', '13911110000');
    // same level-2 (N03) through a different level-3 category, 29 days 23 hours later
    const inside = await mk(new Date(t0.getTime() + 30 * day - 3600_000), 'N03-02', '13911110000');
    const insideRow = (await agent.req('GET', `/api/v1/tickets/${inside.id}`)).json();
    expect(insideRow.repeatOf).toBe(first.id);
    const other = await mk(t0, 'N03-01', '13922220000');
    const outside = await mk(new Date(t0.getTime() + 30 * day + 60_000), 'N03-01', '13922220000');
    expect((await agent.req('GET', `/api/v1/tickets/${outside.id}`)).json().repeatOf).toBeNull();
    const otherL2 = await mk(new Date(t0.getTime() + day), 'N02-01', '13922220000');
    expect((await agent.req('GET', `/api/v1/tickets/${otherL2.id}`)).json().repeatOf).toBeNull();
    const firstDetail = (await agent.req('GET', `/api/v1/tickets/${first.id}`)).json();
    expect(firstDetail.related).toEqual([expect.objectContaining({ id: inside.id, relation: 'repeated_by' })]);
    expect(other.id).toBeTruthy();
  });
});

describe('lifecycle', () => {
  it('claim, start, reply-and-pend in one step, resume, answer, close with follow-up result, archive', async () => {
    let t = (await agent.req('POST', '/api/v1/tickets', complaint())).json();
    const me = await h.userId('agent.dz1');
    t = (await move(agent, t.id, t.version, { action: 'assign', assigneeId: me })).json();
    expect(t).toMatchObject({ state: 'assigned', assigneeId: me });
    t = (await move(agent, t.id, t.version, { action: 'start' })).json();
    const pend = await move(agent, t.id, t.version, { action: 'pend', pendingReason: 'customer', reply: '请您方便时告知上门时间' });
    t = pend.json();
    expect(t).toMatchObject({ state: 'pending', pendingReason: 'customer' });
    expect(t.events.filter((e: { visibility: string }) => e.visibility === 'public')).toHaveLength(1);
    t = (await move(agent, t.id, t.version, { action: 'resume' })).json();
    expect(t.state).toBe('in_progress');
    t = (await move(agent, t.id, t.version, { action: 'answer', reply: '已更换光猫，网络恢复' })).json();
    expect(t.state).toBe('answered');
    const noConfirmation = await move(agent, t.id, t.version, { action: 'close', outcome: 'resolved' });
    expect(noConfirmation.statusCode).toBe(400);
    expect(noConfirmation.json().error.details[0].path).toBe('body.confirmation');
    t = (await move(agent, t.id, t.version, { action: 'close', outcome: 'resolved', followUpResult: '回访客户，表示满意' })).json();
    expect(t).toMatchObject({ state: 'closed', outcome: 'resolved' });
    expect(t.closedAt).toBeTruthy();
    t = (await move(agent, t.id, t.version, { action: 'archive' })).json();
    expect(t.state).toBe('archived');
    expect(t.allowedActions).toEqual([]);
    expect(t.events.map((e: { action: string | null }) => e.action)).toEqual([null, 'assign', 'start', 'public_reply', 'pend', 'resume', 'answer', 'close', 'archive']);
  });

  it('refuses an illegal transition with what is possible instead', async () => {
    const t = (await agent.req('POST', '/api/v1/tickets', complaint())).json();
    const res = await move(agent, t.id, t.version, { action: 'close', outcome: 'resolved' });
    expect(res.statusCode).toBe(409);
    expect(res.json().error).toMatchObject({ code: 'ILLEGAL_TRANSITION', details: { state: 'accepted' } });
  });

  it('two agents acting at once: one wins, the other gets a clean conflict', async () => {
    const t = (await agent.req('POST', '/api/v1/tickets', complaint())).json();
    const bm = await h.login('bm.dz');
    const [a, b] = await Promise.all([
      move(agent, t.id, t.version, { action: 'assign', assigneeId: await h.userId('agent.dz1') }),
      move(bm, t.id, t.version, { action: 'assign', assigneeId: await h.userId('agent.dz2') }),
    ]);
    expect([a.statusCode, b.statusCode].sort()).toEqual([200, 409]);
    const final = (await agent.req('GET', `/api/v1/tickets/${t.id}`)).json();
    expect(final.version).toBe(t.version + 1);
  });

  it('keeps the first-contact owner through transfers, and the new holder can see it across branches', async () => {
    let t = (await agent.req('POST', '/api/v1/tickets', complaint())).json();
    const xz = await h.login('agent.xz1');
    expect((await xz.req('GET', `/api/v1/tickets/${t.id}`)).statusCode).toBe(404);
    t = (await move(agent, t.id, t.version, { action: 'transfer', assigneeId: await h.userId('agent.xz1'), reason: '客户实际在西州' })).json();
    expect(t).toMatchObject({ state: 'assigned', firstOwnerId: await h.userId('agent.dz1'), transferCount: 1 });
    expect((await xz.req('GET', `/api/v1/tickets/${t.id}`)).statusCode).toBe(200);
    t = (await move(xz, t.id, t.version, { action: 'transfer', assigneeId: await h.userId('agent.dz2'), reason: '退回东州' })).json();
    expect(t).toMatchObject({ firstOwnerId: await h.userId('agent.dz1'), transferCount: 2 });
  });

  it('an agent may claim but not assign work to others; transfer to a role that does not handle tickets is refused', async () => {
    const t = (await agent.req('POST', '/api/v1/tickets', complaint())).json();
    expect((await move(agent, t.id, t.version, { action: 'assign', assigneeId: await h.userId('agent.dz2') })).statusCode).toBe(403);
    const exec = await move(agent, t.id, t.version, { action: 'transfer', assigneeId: await h.userId('exec.zhao'), reason: 'x' });
    expect(exec.statusCode).toBe(400);
  });

  it('merge keeps both timelines and links the tickets both ways', async () => {
    const phone = '13866668888';
    const dup = (await agent.req('POST', '/api/v1/tickets', complaint({ type: 'fault', customer: { phone } }))).json();
    const survivor = (await agent.req('POST', '/api/v1/tickets', complaint({ type: 'fault', customer: { phone } }))).json();
    await agent.req('POST', `/api/v1/tickets/${dup.id}/notes`, { kind: 'call_record', body: '客户来电催促' });
    const merged = (await move(agent, dup.id, dup.version + 1, { action: 'merge', survivorId: survivor.id })).json();
    expect(merged).toMatchObject({ state: 'merged', mergedInto: survivor.id });
    expect(merged.events.map((e: { action: string | null }) => e.action)).toEqual([null, 'call_record', 'merge']);
    const s = (await agent.req('GET', `/api/v1/tickets/${survivor.id}`)).json();
    expect(s.events.at(-1)).toMatchObject({ action: 'merge', data: { merged: dup.id } });
    expect(s.related).toEqual([expect.objectContaining({ id: dup.id, relation: 'merged_from' })]);
    const other = (await agent.req('POST', '/api/v1/tickets', complaint())).json();
    expect((await move(agent, other.id, other.version, { action: 'merge', survivorId: survivor.id })).statusCode).toBe(400);
  });

  it('notes: internal notes are internal, and closed tickets take none', async () => {
    const t = (await agent.req('POST', '/api/v1/tickets', complaint({ type: 'consultation' }))).json();
    const n = (await agent.req('POST', `/api/v1/tickets/${t.id}/notes`, { kind: 'internal_note', body: '需网络部协查' })).json();
    expect(n.events.at(-1)).toMatchObject({ kind: 'note', visibility: 'internal', body: '需网络部协查' });
    const c = (await move(agent, t.id, n.version, { action: 'cancel', reason: '客户撤回' })).json();
    expect(c.state).toBe('cancelled');
    expect((await agent.req('POST', `/api/v1/tickets/${t.id}/notes`, { kind: 'public_reply', body: 'x' })).statusCode).toBe(409);
  });
});

describe('lists, search and scope', () => {
  it('Chinese search finds 宽带 inside longer text and ranks the closer match first', async () => {
    const bm = await h.login('bm.dz');
    const strong = (await bm.req('POST', '/api/v1/tickets', complaint({ title: '宽带故障：宽带断网，宽带无法使用', description: '' }))).json();
    const none = (await bm.req('POST', '/api/v1/tickets', complaint({ title: '手机信号差', description: '室内没有信号', categoryId: cat['N01-01'] }))).json();
    const res = (await bm.req('GET', `/api/v1/tickets?q=${encodeURIComponent('宽带')}&pageSize=200`)).json();
    const ids = res.items.map((t: { id: string }) => t.id);
    expect(ids[0]).toBe(strong.id);
    expect(ids).not.toContain(none.id);
    expect(res.items.some((t: { title: string }) => t.title === '家里宽带断网三天了')).toBe(true);
    expect(res.items[0].rank).toBeGreaterThan(res.items.at(-1).rank);
  });

  it('filters, sorts and pages', async () => {
    const res = (await agent.req('GET', '/api/v1/tickets?type=complaint&open=true&sort=-createdAt&pageSize=2&page=1')).json();
    expect(res.items).toHaveLength(2);
    expect(res.total).toBeGreaterThan(2);
    expect(res.items.every((t: { type: string }) => t.type === 'complaint')).toBe(true);
    expect(new Date(res.items[0].createdAt) >= new Date(res.items[1].createdAt)).toBe(true);
    expect((await agent.req('GET', '/api/v1/tickets?sort=title')).statusCode).toBe(400);
  });

  it('an agent of another branch sees none of these tickets through list, search or detail', async () => {
    const xz = await h.login('agent.xz1');
    const mine = (await agent.req('POST', '/api/v1/tickets', complaint({ title: '东州专属宽带投诉' }))).json();
    expect((await xz.req('GET', `/api/v1/tickets/${mine.id}`)).statusCode).toBe(404);
    const search = (await xz.req('GET', `/api/v1/tickets?q=${encodeURIComponent('东州专属')}`)).json();
    expect(search.total).toBe(0);
    const all = (await xz.req('GET', '/api/v1/tickets?pageSize=200')).json();
    for (const t of all.items) {
      expect(t.orgUnitId === (await h.orgId('JN-XZ-S01')) || t.assigneeId === (await h.userId('agent.xz1')) || t.firstOwnerId === (await h.userId('agent.xz1'))).toBe(true);
    }
    expect((await xz.req('POST', `/api/v1/tickets/${mine.id}/notes`, { kind: 'internal_note', body: 'x' })).statusCode).toBe(404);
  });
});

describe('customer personal data', () => {
  it('an agent reveals a phone and the view is audited; an executive may not', async () => {
    const t = (await agent.req('POST', '/api/v1/tickets', complaint({ customer: { phone: '13712345678' } }))).json();
    const shown = await agent.req('POST', `/api/v1/customers/${t.customer.id}/reveal`, { reason: '回拨客户' });
    expect(shown.json().phone).toBe('13712345678');
    const admin = await h.login('admin');
    const audit = (await admin.req('GET', `/api/v1/audit?action=view_pii&entityId=${t.customer.id}`)).json();
    expect(audit.items[0]).toMatchObject({ actorName: 'agent.dz1', after: { fields: ['phone', 'idNumber'], reason: '回拨客户' } });
    const exec = await h.login('exec.zhao');
    expect((await exec.req('POST', `/api/v1/customers/${t.customer.id}/reveal`, {})).statusCode).toBe(403);
    const xz = await h.login('agent.xz1');
    expect((await xz.req('POST', `/api/v1/customers/${t.customer.id}/reveal`, {})).statusCode).toBe(404);
  });
});

describe('pickers for intake and assignment', () => {
  it('customer look-up by phone prefix, number or name, masked and scoped', async () => {
    await agent.req('POST', '/api/v1/tickets', complaint({ customer: { phone: '13955501234', name: '赵大海', customerNo: 'C88001' } }));
    const byPhone = (await agent.req('GET', '/api/v1/customers?q=1395550')).json().items;
    expect(byPhone[0]).toMatchObject({ name: '赵大海', phone: '139****1234' });
    expect((await agent.req('GET', '/api/v1/customers?q=c88001')).json().items[0].name).toBe('赵大海');
    expect((await agent.req('GET', `/api/v1/customers?q=${encodeURIComponent('赵大')}`)).json().items.length).toBeGreaterThan(0);
    const xz = await h.login('agent.xz1');
    expect((await xz.req('GET', '/api/v1/customers?q=1395550')).json().items).toEqual([]);
    expect((await agent.req('GET', '/api/v1/customers?q=1')).statusCode).toBe(400);
  });
  it('assignees are active people who handle tickets, with no contact details', async () => {
    const items = (await agent.req('GET', '/api/v1/tickets/assignees')).json().items as { username: string; role: string }[];
    expect(items.map((u) => u.username)).toEqual(expect.arrayContaining(['agent.dz1', 'agent.xz1', 'bm.dz']));
    expect(items.some((u) => u.role === 'executive' || u.role === 'inspector')).toBe(false);
    expect(JSON.stringify(items)).not.toMatch(/phone|email/);
  });
});

describe('owner and customer filters', () => {
  it('lists what I accepted and a customer’s whole history', async () => {
    const bm = await h.login('bm.dz');
    const t = (await bm.req('POST', '/api/v1/tickets', complaint({ customer: { phone: '13933334444' } }))).json();
    await bm.req('POST', '/api/v1/tickets', complaint({ type: 'consultation', customer: { phone: '13933334444' } }));
    const mine = (await bm.req('GET', `/api/v1/tickets?firstOwnerId=${await h.userId('bm.dz')}&pageSize=200`)).json();
    expect(mine.items.every((x: { firstOwnerId: string }) => x.firstOwnerId === t.firstOwnerId)).toBe(true);
    const history = (await agent.req('GET', `/api/v1/tickets?customerId=${t.customer.id}`)).json();
    expect(history.total).toBe(2);
  });
});

describe('export', () => {
  it('streams the filtered list as CSV (masked, scoped, Excel-friendly) and audits it', async () => {
    await agent.req('POST', '/api/v1/tickets', complaint({ title: '导出测试宽带投诉', customer: { phone: '13877776666' } }));
    const res = await agent.req('GET', `/api/v1/tickets/export?format=csv&q=${encodeURIComponent('导出测试')}`);
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toContain('text/csv');
    expect(res.headers['content-disposition']).toMatch(/attachment; filename="tickets-\d{12}\.csv"/);
    const text = res.body;
    expect(text.charCodeAt(0)).toBe(0xfeff);
    const lines = text.slice(1).trim().split('\r\n');
    expect(lines[0]!.startsWith('工单编号,标题,类型,状态')).toBe(true);
    expect(lines).toHaveLength(2);
    expect(lines[1]).toContain('138****6666');
    expect(lines[1]).not.toContain('13877776666');
    expect(lines[1]).toContain('投诉');
    const xz = await h.login('agent.xz1');
    const other = await xz.req('GET', `/api/v1/tickets/export?format=csv&q=${encodeURIComponent('导出测试')}`);
    expect(other.body.slice(1).trim().split('\r\n')).toHaveLength(1);
    const admin = await h.login('admin');
    const audit = (await admin.req('GET', '/api/v1/audit?action=export&entityType=ticket')).json();
    expect(audit.items[0]).toMatchObject({ actorName: 'agent.xz1', after: { format: 'csv', rows: 0 } });
  });
  it('streams XLSX that a spreadsheet reader opens, with English headings on request', async () => {
    const ExcelJS = (await import('exceljs')).default;
    const res = await agent.req('GET', '/api/v1/tickets/export?format=xlsx&lang=en-US&type=complaint');
    expect(res.statusCode).toBe(200);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
    const ws = wb.worksheets[0]!;
    expect(ws.getRow(1).getCell(1).value).toBe('Ticket no');
    expect(ws.rowCount - 1).toBe(Number(res.headers['x-total-count']));
    expect(ws.getRow(2).getCell(3).value).toBe('Complaint');
  });
});

describe('intake for a customer picked in the look-up', () => {
  it('uses the customer by id, and refuses one outside the caller’s scope', async () => {
    const first = (await agent.req('POST', '/api/v1/tickets', complaint({ customer: { phone: '13844445555', name: '许先生' } }))).json();
    const again = await agent.req('POST', '/api/v1/tickets', complaint({ type: 'consultation', customer: { id: first.customer.id } }));
    expect(again.statusCode).toBe(201);
    expect(again.json().customer.id).toBe(first.customer.id);
    const xz = await h.login('agent.xz1');
    const foreign = await xz.req('POST', '/api/v1/tickets', complaint({ orgUnitId: await h.orgId('JN-XZ-S01'), customer: { id: first.customer.id } }));
    expect(foreign.statusCode).toBe(404);
  });
});

describe('ticket-number search', () => {
  it('finds a ticket by its full number or the beginning of it', async () => {
    const t = (await agent.req('POST', '/api/v1/tickets', complaint())).json();
    expect((await agent.req('GET', `/api/v1/tickets?q=${t.no}`)).json().items.map((x: { id: string }) => x.id)).toEqual([t.id]);
    const prefix = (await agent.req('GET', `/api/v1/tickets?q=${t.no.slice(0, 10).toLowerCase()}&pageSize=200`)).json();
    expect(prefix.items.map((x: { id: string }) => x.id)).toContain(t.id);
    expect(prefix.items.every((x: { no: string }) => x.no.startsWith(t.no.slice(0, 10)))).toBe(true);
  });
});

describe('counting large lists', () => {
  it('stops counting at the cap and says the total is a lower bound', async () => {
    const { listTickets } = await import('./tickets.repo.js');
    const user = await findPrincipalUser(h.database.db, await h.userId('admin'));
    const p = principalFor(user!, { sessionHash: 'x' });
    const all = await listTickets(h.database.db, p, { page: 1, pageSize: 5 });
    expect(all.totalIsLowerBound).toBe(false);
    const capped = await listTickets(h.database.db, p, { page: 1, pageSize: 5, countCap: 3 });
    expect(capped).toMatchObject({ total: 3, totalIsLowerBound: true });
    expect(all.total).toBeGreaterThan(3);
  });
});
