import { sql } from 'drizzle-orm';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { rowsOf } from '../../db/client.js';
import { createHarness, type Harness, type Session } from '../../test/harness.js';
import { rematchTicketClocks } from './rematch-ticket-clocks.js';
import { recomputeCalendarClocks } from './recompute-calendar-clocks.js';
import { CN_STANDARD } from '../calendars/business-calendar.js';
import { slaTestKit } from './sla-test-kit.js';

/**
 * SLA policies and ticket clocks end to end: intake starts clocks, transitions and notes move them,
 * policy changes recompute them. Time is pinned with a fake Date so deadlines can be hand-computed
 * on cn-standard (Mon–Fri 09:00–12:00, 13:00–18:00, statutory holidays and make-up days).
 */
let h: Harness;
let admin: Session;
let agent: Session; // agent.dz1, hotline team of 东州
let agentId: string;
let cat: Record<string, string>;
let team: string;
let policyId: string;

beforeAll(async () => {
  h = await createHarness();
  admin = await h.login('admin');
  agent = await h.login('agent.dz1');
  agentId = await h.userId('agent.dz1');
  cat = await h.categoryIds();
  team = await h.orgId('JN-DZ-T01');
});
afterAll(() => h.close());
afterEach(() => vi.useRealTimers());

const { now, intake, act, note, start } = slaTestKit(() => ({ agent, agentId, cat, team }));
const iso = (s: string) => new Date(s).toISOString();

type ClockView = { policyId: string; kind: string; cycle: number; status: string; deadline: string | null; elapsedMinutes: number; targetMinutes: number; calendarKey: string; startedAt: string };
async function clocks(at: string, id: string): Promise<Record<string, ClockView>> {
  now(at);
  const list = (await agent.req('GET', `/api/v1/tickets/${id}`)).json().clocks as ClockView[];
  return Object.fromEntries(list.map((c) => [`${c.kind}#${c.cycle}`, c]));
}
async function stored(id: string) {
  const [t] = rowsOf<{ next_deadline: Date | string | null }>(await h.database.db.execute(sql`SELECT next_deadline FROM tickets WHERE id = ${id}`));
  const [m] = rowsOf<{ d: Date | string | null }>(await h.database.db.execute(sql`SELECT min(deadline) AS d FROM ticket_clocks WHERE ticket_id = ${id} AND status = 'running'`));
  const norm = (v: Date | string | null | undefined) => (v ? new Date(v).toISOString() : null);
  return { next: norm(t?.next_deadline), earliestRunning: norm(m?.d) };
}
describe('SLA policies API', () => {
  it('lists the seeded policies in order; admins add one (audited) and put it first; agents only read', async () => {
    const list = await agent.req('GET', '/api/v1/sla-policies');
    expect(list.statusCode).toBe(200);
    const seeded = list.json().items as { id: string; name: string; calendarKey: string; targets: Record<string, number | null> }[];
    expect(seeded.map((p) => [p.calendarKey, p.targets.first_response, p.targets.resolution])).toEqual([
      ['24x7', 60, 1440], ['24x7', 2880, 4320], ['cn-standard', 240, 1440],
    ]);
    const body = {
      name: '东州投诉（工作时）', conditions: { types: ['complaint'], orgUnitIds: [await h.orgId('JN-DZ')] }, calendarKey: 'cn-standard',
      targets: { first_response: 480, next_response: null, resolution: 1440, follow_up: 480 }, sourceStandard: '东州分公司服务承诺',
    };
    expect((await agent.req('POST', '/api/v1/sla-policies', body)).statusCode).toBe(403);
    expect((await admin.req('POST', '/api/v1/sla-policies', { ...body, calendarKey: 'no-such' })).statusCode).toBe(400);
    const created = await admin.req('POST', '/api/v1/sla-policies', body);
    expect(created.statusCode).toBe(201);
    expect(created.json()).toMatchObject({ position: 4, version: 1, active: true, impact: { count: 0 } });
    policyId = created.json().id;
    const order = await admin.req('PUT', '/api/v1/sla-policies/order', { ids: [policyId, ...seeded.map((p) => p.id)] });
    expect(order.statusCode).toBe(200);
    expect(order.json().items[0]).toMatchObject({ id: policyId, position: 1 });
    expect((await admin.req('PUT', '/api/v1/sla-policies/order', { ids: [policyId] })).statusCode).toBe(400);
    const trail = (await admin.req('GET', `/api/v1/audit?entityType=sla_policy&entityId=${policyId}`)).json().items;
    expect(trail.map((e: { action: string }) => e.action)).toEqual(['create']);
  });
});

describe('clocks per ticket', () => {
  it('a complaint’s clocks start at intake with the deadlines of cn-standard; nothing is breached or warned at creation', async () => {
    const t = await intake('2026-11-23T10:00:00+08:00'); // Monday
    const c = await clocks('2026-11-23T10:00:00+08:00', t.id);
    expect(Object.keys(c).sort()).toEqual(['first_response#1', 'resolution#1']);
    // 480 min: Mon 10–12, 13–18 (420) + Tue 09–10 (60)
    expect(c['first_response#1']).toMatchObject({ status: 'running', calendarKey: 'cn-standard', targetMinutes: 480, elapsedMinutes: 0, deadline: iso('2026-11-24T10:00:00+08:00') });
    // 1440 min = three working days → Thu 10:00
    expect(c['resolution#1']).toMatchObject({ status: 'running', deadline: iso('2026-11-26T10:00:00+08:00') });
    const s = await stored(t.id);
    expect(s.next).toBe(iso('2026-11-24T10:00:00+08:00'));
    expect(s.next).toBe(s.earliestRunning);
    const flagged = rowsOf<{ n: number }>(await h.database.db.execute(sql`SELECT count(*)::int AS n FROM ticket_clocks WHERE ticket_id = ${t.id} AND (status <> 'running' OR breached_at IS NOT NULL OR deadline <= started_at)`));
    expect(flagged[0]!.n).toBe(0);
  });

  it('a ticket other policies apply to gets theirs: a consultation falls to the default policy', async () => {
    const t = await intake('2026-11-23T10:00:00+08:00', { type: 'consultation' });
    const c = await clocks('2026-11-23T10:00:00+08:00', t.id);
    expect(c['first_response#1']).toMatchObject({ targetMinutes: 240, deadline: iso('2026-11-23T15:00:00+08:00') });
  });

  it('first response is met by a public reply, not by an internal note; next_deadline moves to the resolution deadline', async () => {
    const t = await intake('2026-11-23T10:00:00+08:00');
    await note('2026-11-23T11:00:00+08:00', t.id, 'internal_note');
    expect((await clocks('2026-11-23T11:00:00+08:00', t.id))['first_response#1']!.status).toBe('running');
    await note('2026-11-23T11:30:00+08:00', t.id, 'public_reply');
    const c = await clocks('2026-11-23T11:30:00+08:00', t.id);
    expect(c['first_response#1']).toMatchObject({ status: 'met', elapsedMinutes: 90 });
    const s = await stored(t.id);
    expect(s.next).toBe(iso('2026-11-26T10:00:00+08:00'));
    expect(s.next).toBe(s.earliestRunning);
  });

  it('pend on Wed 30 Sep 17:30, resume Thu 8 Oct 10:00: elapsed does not grow over the National Day holiday', async () => {
    const t = await intake('2026-09-30T09:00:00+08:00');
    await start('2026-09-30T09:05:00+08:00', t.id);
    await act('2026-09-30T17:30:00+08:00', t.id, { action: 'pend', pendingReason: 'customer' });
    let c = await clocks('2026-10-05T12:00:00+08:00', t.id);
    expect(c['resolution#1']).toMatchObject({ status: 'paused', elapsedMinutes: 450, deadline: null });
    expect((await stored(t.id)).next).toBeNull();
    await act('2026-10-08T10:00:00+08:00', t.id, { action: 'resume' });
    c = await clocks('2026-10-08T10:00:00+08:00', t.id);
    expect(c['resolution#1']).toMatchObject({ status: 'running', elapsedMinutes: 450 });
    expect(c['first_response#1']).toMatchObject({ status: 'running', deadline: iso('2026-10-08T10:30:00+08:00') });
    // 990 left: Thu 10–18 (420), Fri 9 Oct (480), Sat 10 Oct is a make-up working day: 09:00 + 90
    expect(c['resolution#1']!.deadline).toBe(iso('2026-10-10T10:30:00+08:00'));
    const s = await stored(t.id);
    expect(s.next).toBe(iso('2026-10-08T10:30:00+08:00'));
    expect(s.next).toBe(s.earliestRunning);
  });

  it('sla.md bug: Zammad #3551 — reply and pending in one step meets the first response, then pauses', async () => {
    const t = await intake('2026-11-23T09:00:00+08:00');
    await start('2026-11-23T09:05:00+08:00', t.id);
    await act('2026-11-23T09:40:00+08:00', t.id, { action: 'pend', pendingReason: 'third_party', reply: '已提交维修部门，请耐心等待' });
    const c = await clocks('2026-11-23T15:00:00+08:00', t.id);
    expect(c['first_response#1']).toMatchObject({ status: 'met', elapsedMinutes: 40 });
    expect(c['resolution#1']).toMatchObject({ status: 'paused', elapsedMinutes: 40 });
  });

  it('reopen starts a new resolution cycle at the reopen time; the first cycle keeps its result', async () => {
    const t = await intake('2026-11-23T09:00:00+08:00');
    await start('2026-11-23T09:05:00+08:00', t.id);
    await act('2026-11-23T10:00:00+08:00', t.id, { action: 'answer', reply: '已修复' });
    let c = await clocks('2026-11-23T10:00:00+08:00', t.id);
    expect(c['first_response#1']!.status).toBe('met');
    expect(c['resolution#1']).toMatchObject({ status: 'met', elapsedMinutes: 60 });
    expect(c['follow_up#1']).toMatchObject({ status: 'running', deadline: iso('2026-11-24T10:00:00+08:00') });
    await act('2026-11-23T11:00:00+08:00', t.id, { action: 'close', outcome: 'resolved', followUpResult: '客户表示满意' });
    expect((await stored(t.id)).next).toBeNull();
    await act('2026-11-25T09:00:00+08:00', t.id, { action: 'reopen', reason: '客户反映再次断网' });
    c = await clocks('2026-11-25T09:00:00+08:00', t.id);
    expect(c['follow_up#1']).toMatchObject({ status: 'met', elapsedMinutes: 60 });
    expect(c['resolution#1']).toMatchObject({ status: 'met', elapsedMinutes: 60 });
    // three working days from Wed 09:00 → Fri 18:00; nothing of the closed days counted
    expect(c['resolution#2']).toMatchObject({ status: 'running', elapsedMinutes: 0, startedAt: iso('2026-11-25T09:00:00+08:00'), deadline: iso('2026-11-27T18:00:00+08:00') });
    const s = await stored(t.id);
    expect(s.next).toBe(iso('2026-11-27T18:00:00+08:00'));
    expect(s.next).toBe(s.earliestRunning);
  });

  it('cancelling cancels every live clock and clears the next deadline', async () => {
    const t = await intake('2026-11-23T09:00:00+08:00');
    await act('2026-11-23T09:30:00+08:00', t.id, { action: 'cancel', reason: '重复受理' });
    const c = await clocks('2026-11-23T09:30:00+08:00', t.id);
    expect(Object.values(c).map((x) => x.status)).toEqual(['cancelled', 'cancelled']);
    expect((await stored(t.id)).next).toBeNull();
  });

  it('a policy target change (previewed first) recomputes running clocks keeping elapsed time; stale edits are refused', async () => {
    const t = await intake('2026-11-30T10:00:00+08:00'); // Monday
    const version = (await admin.req('GET', '/api/v1/sla-policies')).json().items.find((p: { id: string }) => p.id === policyId).version;
    now('2026-11-30T14:00:00+08:00'); // 180 business minutes in
    const preview = await admin.req('POST', '/api/v1/sla-policies/preview-impact', { id: policyId, changes: { targets: { resolution: 600 } } });
    expect(preview.statusCode).toBe(200);
    const mine = preview.json().items.find((i: { ticketId: string; kind: string }) => i.ticketId === t.id && i.kind === 'resolution');
    // 420 left from Mon 14:00: Mon 14–18 (240) + Tue 09–12 (180)
    expect(mine).toMatchObject({ change: 'recompute', oldDeadline: iso('2026-12-03T10:00:00+08:00'), newDeadline: iso('2026-12-01T12:00:00+08:00'), elapsedMinutes: 180, oldTargetMinutes: 1440, newTargetMinutes: 600 });
    expect(preview.json()).toMatchObject({ truncated: false });
    expect(preview.json().count).toBeGreaterThanOrEqual(1);
    expect((await clocks('2026-11-30T14:00:00+08:00', t.id))['resolution#1']!.targetMinutes).toBe(1440); // nothing saved
    expect((await agent.req('POST', '/api/v1/sla-policies/preview-impact', { id: policyId, changes: {} })).statusCode).toBe(403);
    // a draft goes to the end of the order, behind the catch-all: it would change no open ticket
    const draft = await admin.req('POST', '/api/v1/sla-policies/preview-impact', {
      draft: { name: '草稿', calendarKey: '24x7', targets: { first_response: 1, next_response: null, resolution: 1, follow_up: null } },
    });
    expect(draft.json()).toMatchObject({ count: 0, tickets: 0, items: [] });
    expect(draft.json().scanned).toBeGreaterThan(0);

    now('2026-11-30T14:00:00+08:00');
    const saved = await admin.req('PATCH', `/api/v1/sla-policies/${policyId}`, { version, targets: { resolution: 600 } });
    expect(saved.statusCode).toBe(200);
    expect(saved.json()).toMatchObject({ version: version + 1, targets: { resolution: 600, first_response: 480 } });
    expect(saved.json().impact.count).toBe(preview.json().count);
    const c = await clocks('2026-11-30T14:00:00+08:00', t.id);
    expect(c['resolution#1']).toMatchObject({ status: 'running', targetMinutes: 600, elapsedMinutes: 180, deadline: iso('2026-12-01T12:00:00+08:00') });
    expect(c['first_response#1']).toMatchObject({ targetMinutes: 480, deadline: iso('2026-12-01T10:00:00+08:00') });
    const s = await stored(t.id);
    expect(s.next).toBe(s.earliestRunning);
    expect((await admin.req('PATCH', `/api/v1/sla-policies/${policyId}`, { version, targets: { resolution: 700 } })).statusCode).toBe(409);
    const trail = (await admin.req('GET', `/api/v1/audit?entityType=sla_policy&entityId=${policyId}`)).json().items;
    // (the trail is in time order and this test's clock is pinned before the creation's: find the entry)
    expect(trail.find((e: { action: string }) => e.action === 'update')).toMatchObject({ before: { targets: expect.objectContaining({ resolution: 1440 }) }, after: { targets: expect.objectContaining({ resolution: 600 }) } });
  });

  it('a priority change mid-way moves the ticket to another policy and keeps the elapsed business minutes', async () => {
    const urgent = await admin.req('POST', '/api/v1/sla-policies', {
      name: '紧急工单', conditions: { priorities: ['urgent'] }, calendarKey: '24x7', targets: { first_response: 60, next_response: null, resolution: 240, follow_up: null },
    });
    expect(urgent.statusCode, urgent.body).toBe(201);
    const ids = ((await admin.req('GET', '/api/v1/sla-policies')).json().items as { id: string }[]).map((p) => p.id);
    expect((await admin.req('PUT', '/api/v1/sla-policies/order', { ids: [urgent.json().id, ...ids.filter((id) => id !== urgent.json().id)] })).statusCode).toBe(200);
    const t = await intake('2026-11-16T10:00:00+08:00'); // Monday, normal priority: 东州投诉 on cn-standard
    expect((await clocks('2026-11-16T10:00:00+08:00', t.id))['resolution#1']).toMatchObject({ calendarKey: 'cn-standard', targetMinutes: 600 });
    // no ticket-edit route exists yet: change the priority as such a use case would, then re-match
    const at = new Date('2026-11-16T12:00:00+08:00');
    await h.database.db.transaction(async (tx) => {
      await tx.execute(sql`UPDATE tickets SET priority = 'urgent' WHERE id = ${t.id}`);
      const impact = await rematchTicketClocks(tx, { ticketId: t.id, at });
      expect(impact).toMatchObject({ tickets: 1, count: 2 });
    });
    const c = await clocks('2026-11-16T12:00:00+08:00', t.id);
    expect(c['resolution#1']).toMatchObject({ policyId: urgent.json().id, calendarKey: '24x7', targetMinutes: 240, elapsedMinutes: 120, deadline: iso('2026-11-16T14:00:00+08:00') });
    // 120 already spent of a 60-minute target: due at once (overdue), never reset to a fresh hour
    expect(c['first_response#1']).toMatchObject({ status: 'running', elapsedMinutes: 120, deadline: iso('2026-11-16T12:00:00+08:00') });
    const s = await stored(t.id);
    expect(s.next).toBe(iso('2026-11-16T12:00:00+08:00'));
    expect(s.next).toBe(s.earliestRunning);
  });

  it('a calendar edit (a local holiday added) recomputes live clocks on it, keeping the minutes already spent', async () => {
    const t = await intake('2026-11-09T10:00:00+08:00'); // Monday; 东州投诉: first response 480, resolution 600 on cn-standard
    const at = new Date('2026-11-09T11:00:00+08:00');
    const result = await h.database.db.transaction((tx) =>
      recomputeCalendarClocks(tx, { oldCalendar: CN_STANDARD, newCalendar: { ...CN_STANDARD, extraHolidays: ['2026-11-10'] }, at }),
    );
    expect(result.clocks).toBeGreaterThanOrEqual(2);
    const c = await clocks('2026-11-09T11:00:00+08:00', t.id);
    // 540 left from Mon 11:00: Mon 11–12, 13–18 (360), Tue 10 Nov now closed, Wed 09:00 + 180
    expect(c['resolution#1']).toMatchObject({ elapsedMinutes: 60, deadline: iso('2026-11-11T12:00:00+08:00') });
    expect(c['first_response#1']).toMatchObject({ elapsedMinutes: 60, deadline: iso('2026-11-11T10:00:00+08:00') });
    const s = await stored(t.id);
    expect(s.next).toBe(iso('2026-11-11T10:00:00+08:00'));
  });

  it('what is due before T is a range lookup on tickets.next_deadline', async () => {
    const due = rowsOf<{ n: number }>(await h.database.db.execute(sql`SELECT count(*)::int AS n FROM tickets WHERE next_deadline IS NOT NULL AND next_deadline < ${iso('2026-12-01T11:00:00+08:00')}::timestamptz`));
    expect(due[0]!.n).toBeGreaterThan(0);
    const mismatched = rowsOf<{ n: number }>(await h.database.db.execute(sql`
      SELECT count(*)::int AS n FROM tickets t
      WHERE t.next_deadline IS DISTINCT FROM (SELECT min(deadline) FROM ticket_clocks c WHERE c.ticket_id = t.id AND c.status = 'running')`));
    expect(mismatched[0]!.n).toBe(0);
  });
});
