import { sql } from 'drizzle-orm';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { rowsOf, type Db } from '../../db/client.js';
import { createHarness, type Harness, type Session } from '../../test/harness.js';
import { slaTestKit } from './sla-test-kit.js';
import { sweepSlaAlerts } from './sweep-sla-alerts.js';

/**
 * SLA warnings, breaches and escalations end to end: tickets taken at pinned instants, the sweep run
 * at chosen instants. The default policy (faults, consultations…) is cn-standard with 240 minutes
 * to first response and 1,440 to resolution; warnings at 50/75/90%; escalation +0 group lead,
 * +240 department and branch managers, +1440 the executive (migration 0015).
 */
let h: Harness;
let admin: Session;
let agent: Session;
let agentId: string;
let agent2Id: string;
let cat: Record<string, string>;
let team: string;
const user: Record<string, string> = {};

beforeAll(async () => {
  h = await createHarness();
  admin = await h.login('admin');
  agent = await h.login('agent.dz1');
  agentId = await h.userId('agent.dz1');
  agent2Id = await h.userId('agent.dz2');
  for (const u of ['bm.dz', 'bm.xz', 'dept.wang', 'exec.zhao', 'qm.li']) user[u] = await h.userId(u);
  cat = await h.categoryIds();
  team = await h.orgId('JN-DZ-T01');
});
afterAll(() => h.close());
afterEach(() => vi.useRealTimers());

const { now, intake, act } = slaTestKit(() => ({ agent, agentId, cat, team }), 13500000000);
const at = (s: string) => new Date(s);
const sweep = (iso: string, db: Db = h.database.db, batchSize?: number) => sweepSlaAlerts(db, { now: at(iso), ...(batchSize ? { batchSize } : {}) });

/** The stages recorded on a ticket's clocks: "first_response#1 warning:50" … in firing order. */
async function stagesOf(ticketId: string): Promise<string[]> {
  const rows = rowsOf<{ k: string }>(
    await h.database.db.execute(sql`
      SELECT c.kind || '#' || c.cycle || ' ' || a.stage AS k FROM sla_alerts a JOIN ticket_clocks c ON c.id = a.clock_id
      WHERE a.ticket_id = ${ticketId} ORDER BY a.id`),
  );
  return rows.map((r) => r.k);
}
async function notesOf(ticketId: string) {
  return rowsOf<{ user_id: string; kind: string; title: string }>(
    await h.database.db.execute(sql`SELECT user_id, kind, title FROM notifications WHERE ticket_id = ${ticketId} AND kind LIKE 'sla_%' ORDER BY id`),
  );
}
const fault = (when: string) => intake(when, { type: 'fault', title: '宽带故障报修' });

describe('pre-breach warnings', () => {
  it('sla.md bug: GLPI #15429 — a ticket taken on Saturday 20:00 fires nothing at creation; the 50% warning comes Monday 11:00, once, to the first-contact owner', async () => {
    const t = await fault('2026-11-21T20:00:00+08:00');
    for (const when of ['2026-11-21T20:00:00+08:00', '2026-11-21T20:01:00+08:00', '2026-11-23T10:59:59+08:00']) {
      await sweep(when);
      expect(await stagesOf(t.id)).toEqual([]);
    }

    await sweep('2026-11-23T11:00:30+08:00');
    expect(await stagesOf(t.id)).toEqual(['first_response#1 warning:50']);
    // unassigned and in no queue: the first-contact owner (首问负责人) answers for it
    expect(await notesOf(t.id)).toEqual([{ user_id: agentId, kind: 'sla_warning', title: expect.stringContaining(`工单 ${t.no} 的首次响应已用 50%（11-23 14:00 到期）`) }]);
    await sweep('2026-11-23T11:00:30+08:00');
    await sweep('2026-11-23T11:05:00+08:00');
    expect(await stagesOf(t.id)).toEqual(['first_response#1 warning:50']);

    now('2026-11-23T11:06:00+08:00');
    const detail = (await agent.req('GET', `/api/v1/tickets/${t.id}`)).json();
    const entry = detail.events.find((e: { kind: string }) => e.kind === 'sla');
    expect(entry).toMatchObject({ actorId: null, visibility: 'internal', data: { stage: 'warning:50', stageKind: 'warning', level: 50, clockKind: 'first_response', notified: [agentId] } });
    expect(detail.sla).toMatchObject({ kind: 'first_response', status: 'running', targetMinutes: 240, elapsedMinutes: 126, leftMinutes: 114 });
    const trail = (await admin.req('GET', `/api/v1/audit?action=sla_alert&entityId=${t.id}`)).json().items;
    expect(trail).toHaveLength(1);
    expect(trail[0]).toMatchObject({ actorName: 'system', entityType: 'ticket', after: { stage: 'warning:50' } });
  });

  it('a paused ticket warns of nothing, even past its old deadline; resumed, its warnings follow the minutes left (GLPI #24481)', async () => {
    const t = await fault('2026-11-23T09:00:00+08:00');
    await act('2026-11-23T09:10:00+08:00', t.id, { action: 'assign', assigneeId: agentId });
    await act('2026-11-23T09:20:00+08:00', t.id, { action: 'start', reply: '正在排查' });
    await act('2026-11-23T10:00:00+08:00', t.id, { action: 'pend', pendingReason: 'customer' });
    await sweep('2026-11-30T10:00:00+08:00');
    expect(await stagesOf(t.id)).toEqual([]);
    // resolution: 60 of 1440 minutes spent; resumed Mon 30 Nov 10:00, 50% (720) is 660 minutes on: Mon 10–12, 13–18 (420) + Tue 09–12, 13–14 (240) → Tue 1 Dec 14:00
    await act('2026-11-30T10:00:00+08:00', t.id, { action: 'resume' });
    await sweep('2026-12-01T13:59:00+08:00');
    expect(await stagesOf(t.id)).toEqual([]);
    await sweep('2026-12-01T14:00:30+08:00');
    expect(await stagesOf(t.id)).toEqual(['resolution#1 warning:50']);
    expect((await notesOf(t.id)).map((n) => n.user_id)).toEqual([agentId]);
  });
});

describe('breach and escalation', () => {
  let groupId: string;
  beforeAll(async () => {
    const g = await admin.req('POST', '/api/v1/groups', {
      code: 'DZ-FAULT', name: '东州故障组', orgUnitId: team, members: [{ userId: agentId, skills: [] }, { userId: agent2Id, skills: [] }], leadUserId: agent2Id,
    });
    expect(g.statusCode, g.body).toBe(201);
    expect(g.json().leadUserId).toBe(agent2Id);
    groupId = g.json().id;
  });

  it('the lead must be a member of the group', async () => {
    const res = await admin.req('PATCH', `/api/v1/groups/${groupId}`, { leadUserId: user['bm.dz'] });
    expect(res.statusCode).toBe(400);
    expect(res.json().error.message).toMatch(/lead must be a member/);
  });

  it('breach: the assignee and the group lead at once; +240 min department and branch managers over the ticket (not another branch’s); +1440 the executive; each once', async () => {
    const t = await fault('2026-11-23T09:00:00+08:00'); // Monday; first response due 13:00+60 = 14:00 (lunch not counted)
    await act('2026-11-23T09:05:00+08:00', t.id, { action: 'assign', assigneeId: agentId, groupId });

    // the first sweep after the deadline catches up: three warnings and the breach are recorded, each person told once
    await sweep('2026-11-23T14:00:30+08:00');
    expect(await stagesOf(t.id)).toEqual([
      'first_response#1 warning:50', 'first_response#1 warning:75', 'first_response#1 warning:90', 'first_response#1 breach', 'first_response#1 escalation:1',
    ]);
    const first = await notesOf(t.id);
    expect(first.map((n) => [n.user_id, n.kind])).toEqual([[agentId, 'sla_breach'], [agent2Id, 'sla_escalation']]);
    expect(first[1]!.title).toContain('超时升级（第 1 级）');

    // +240 business minutes after 14:00: Mon 14–18 → Mon 18:00
    await sweep('2026-11-23T17:59:00+08:00');
    expect(await stagesOf(t.id)).toHaveLength(5);
    await sweep('2026-11-23T18:00:30+08:00');
    const second = (await notesOf(t.id)).slice(2).map((n) => n.user_id).sort();
    expect(second).toEqual([user['bm.dz'], user['dept.wang']].sort());
    expect(second).not.toContain(user['bm.xz']);

    // +1440 after the deadline = three working days → Thu 14:00; the resolution clock (due Wed 18:00) has breached meanwhile too
    await sweep('2026-11-26T14:00:30+08:00');
    const stages = await stagesOf(t.id);
    expect(stages.filter((s) => s.startsWith('first_response')).at(-1)).toBe('first_response#1 escalation:3');
    expect(stages.filter((s) => s.startsWith('resolution'))).toEqual([
      'resolution#1 warning:50', 'resolution#1 warning:75', 'resolution#1 warning:90', 'resolution#1 breach', 'resolution#1 escalation:1', 'resolution#1 escalation:2',
    ]);
    const exec = (await notesOf(t.id)).filter((n) => n.user_id === user['exec.zhao']);
    expect(exec).toHaveLength(1);
    expect(new Set(stages).size).toBe(stages.length);

    // nothing left to fire until the resolution's last level; sweeping again changes nothing
    const before = stages.length;
    await sweep('2026-11-26T14:00:30+08:00');
    expect((await stagesOf(t.id)).length).toBe(before);
  });

  it('sla.md bug: Zammad #188 — a reopened ticket’s new resolution cycle warns on its own clock; the first cycle’s record is untouched', async () => {
    const t = await fault('2026-11-23T09:00:00+08:00');
    await act('2026-11-23T09:05:00+08:00', t.id, { action: 'assign', assigneeId: agentId, groupId });
    await act('2026-11-23T09:10:00+08:00', t.id, { action: 'start', reply: '已受理' });
    await act('2026-11-23T10:00:00+08:00', t.id, { action: 'answer', reply: '已修复' });
    await act('2026-11-23T10:30:00+08:00', t.id, { action: 'close', outcome: 'resolved' });
    await act('2026-11-24T09:00:00+08:00', t.id, { action: 'reopen', reason: '又断了' });
    // cycle 2: 720 of 1440 → Tue 09:00 + 480 (Tue) + 240 → Wed 14:00
    await sweep('2026-11-25T14:00:30+08:00');
    expect(await stagesOf(t.id)).toEqual(['resolution#2 warning:50']);
  });
});

describe('held to working hours', () => {
  it('sla.md bug: GLPI PR #22678 — a 24×7 complaint whose stages fall on the weekend is announced on Monday at 09:00 — each person once per clock, of the most severe', async () => {
    const policies = (await admin.req('GET', '/api/v1/sla-policies')).json().items as { id: string; name: string; version: number; alerts: object }[];
    const complaint = policies.find((p) => p.name === '投诉处理时限')!;
    const patched = await admin.req('PATCH', `/api/v1/sla-policies/${complaint.id}`, {
      version: complaint.version, alerts: { ...complaint.alerts, holdToCalendarKey: 'cn-standard' },
    });
    expect(patched.statusCode, patched.body).toBe(200);
    expect(patched.json().alerts.holdToCalendarKey).toBe('cn-standard');
    const bad = await admin.req('PATCH', `/api/v1/sla-policies/${complaint.id}`, { version: patched.json().version, alerts: { ...complaint.alerts, holdToCalendarKey: 'no-such' } });
    expect(bad.statusCode).toBe(400);

    // first response 2880 natural minutes from Fri 20:00: 50% Sat 20:00 … deadline Sun 20:00, +240 Mon 00:00;
    // resolution 4320: 50% Sun 08:00, 75% Mon 02:00, 90% Mon 12:48 (not yet)
    const t = await intake('2026-11-20T20:00:00+08:00');
    const held = rowsOf<{ at: Date | string }>(await h.database.db.execute(sql`SELECT next_alert_at AS at FROM ticket_clocks WHERE ticket_id = ${t.id} AND kind = 'first_response'`));
    expect(new Date(held[0]!.at).toISOString()).toBe(at('2026-11-23T09:00:00+08:00').toISOString());
    for (const when of ['2026-11-21T20:00:30+08:00', '2026-11-22T21:00:00+08:00', '2026-11-23T08:59:00+08:00']) {
      await sweep(when);
      expect(await stagesOf(t.id)).toEqual([]);
    }
    await sweep('2026-11-23T09:00:30+08:00');
    expect(await stagesOf(t.id)).toEqual([
      'first_response#1 warning:50', 'first_response#1 warning:75', 'first_response#1 warning:90', 'first_response#1 breach',
      'first_response#1 escalation:1', 'first_response#1 escalation:2', 'resolution#1 warning:50', 'resolution#1 warning:75',
    ]);
    // no group: escalation:1 (group lead) falls to the branch manager, who is named again by escalation:2 — told once
    const notes = (await notesOf(t.id)).map((n) => `${n.user_id === agentId ? 'agent' : n.user_id === user['bm.dz'] ? 'bm.dz' : n.user_id === user['dept.wang'] ? 'dept.wang' : n.user_id} ${n.kind}`);
    expect(notes.sort()).toEqual(['agent sla_breach', 'agent sla_warning', 'bm.dz sla_escalation', 'dept.wang sla_escalation']);
  });
});

describe('the at-risk view', () => {
  it('lists tickets past a warning or their deadline, soonest deadline first; a fresh ticket is not in it', async () => {
    now('2026-12-07T08:00:00+08:00');
    agent = await h.login('agent.dz1'); // a session of that day
    const warned = await fault('2026-12-07T09:00:00+08:00'); // Monday
    const fresh = await fault('2026-12-07T10:50:00+08:00');
    await sweep('2026-12-07T11:00:30+08:00');
    now('2026-12-07T11:01:00+08:00');
    const res = await agent.req('GET', '/api/v1/tickets?atRisk=true&sort=deadline&pageSize=200');
    expect(res.statusCode).toBe(200);
    const items = res.json().items as { id: string; sla: { leftMinutes: number; deadline: string } | null }[];
    const ids = items.map((i) => i.id);
    expect(ids).toContain(warned.id);
    expect(ids).not.toContain(fresh.id);
    const deadlines = items.map((i) => i.sla?.deadline ?? '').filter(Boolean);
    expect(deadlines).toEqual([...deadlines].sort());
    expect(items.find((i) => i.id === warned.id)!.sla).toMatchObject({ leftMinutes: 119 });
    const notAtRisk = (await agent.req('GET', '/api/v1/tickets?atRisk=false&pageSize=200')).json().items.map((i: { id: string }) => i.id);
    expect(notAtRisk).toContain(fresh.id);
  });
});

describe('exactly once with two server instances', () => {
  it('two sweepers on one database, each with its own connections, fire every due stage once between them', async () => {
    now('2026-12-14T08:00:00+08:00');
    agent = await h.login('agent.dz1');
    const tickets = [];
    for (let i = 0; i < 30; i++) tickets.push(await fault('2026-12-14T09:00:00+08:00'));
    // PostgreSQL: a second connection pool, as a second server has. The embedded database belongs to
    // one process, so there the two sweepers share it (still racing at every await).
    const other = (await h.secondInstance())?.db ?? h.database.db;
    const total = async () => rowsOf<{ n: number }>(await h.database.db.execute(sql`SELECT count(*)::int AS n FROM sla_alerts`))[0]!.n;
    const before = await total();
    const [a, b] = await Promise.all([sweep('2026-12-14T11:00:30+08:00', h.database.db, 7), sweep('2026-12-14T11:00:30+08:00', other, 7)]);
    // every fire either sweeper reported is a row of its own: nothing was fired twice, nothing lost
    expect(a.fired + b.fired).toBe((await total()) - before);
    const rows = rowsOf<{ n: number; d: number }>(
      await h.database.db.execute(sql`SELECT count(*)::int AS n, count(DISTINCT ticket_id)::int AS d FROM sla_alerts WHERE ticket_id IN (${sql.join(tickets.map((t) => sql`${t.id}`), sql`, `)})`),
    );
    expect(rows[0]).toEqual({ n: 30, d: 30 });
    const notes = rowsOf<{ n: number }>(
      await h.database.db.execute(sql`SELECT count(*)::int AS n FROM notifications WHERE kind = 'sla_warning' AND ticket_id IN (${sql.join(tickets.map((t) => sql`${t.id}`), sql`, `)})`),
    );
    expect(notes[0]!.n).toBe(30);
  });
});
