import { sql } from 'drizzle-orm';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { DEFAULT_PLAN_DAYS, type Warning, type WarningDetail } from '@qloop/contracts';
import { rowsOf } from '../../db/client.js';
import { createHarness, type Harness, type Session } from '../../test/harness.js';
import { refreshTicketRollups } from '../indicators/refresh-ticket-rollups.js';
import { evaluateWarnings } from './evaluate-warnings.js';
import { loadOrgDirectory } from './org-directory.js';
import { raiseOrMerge } from './raise-warnings.js';

/**
 * Graded warnings end to end: tickets taken through the API at pinned instants, the rollups
 * refreshed, the rules evaluated through the API, the warnings read, acted on and escalated.
 */
let h: Harness;
let qm: Session;
let bmDz: Session;
let bmXz: Session;
let dz: Session;
let xz: Session;
let cat: Record<string, string>;
const org: Record<string, string> = {};

beforeAll(async () => {
  h = await createHarness();
  [qm, bmDz, bmXz, dz, xz] = [await h.login('qm.li'), await h.login('bm.dz'), await h.login('bm.xz'), await h.login('agent.dz1'), await h.login('agent.xz1')];
  for (const c of ['JN', 'JN-DZ', 'JN-XZ', 'JN-DZ-S01', 'JN-DZ-S02', 'JN-DZ-T01', 'JN-XZ-S01']) org[c] = await h.orgId(c);
  cat = await h.categoryIds();
});
afterAll(() => h.close());
afterEach(() => vi.useRealTimers());

const at = (iso: string) => {
  vi.useFakeTimers({ toFake: ['Date'] });
  vi.setSystemTime(new Date(iso));
};
let phone = 13500000000;
async function take(s: Session, when: string, over: Record<string, unknown> = {}) {
  at(when);
  const res = await s.req('POST', '/api/v1/tickets', {
    type: 'complaint', channel: 'hotline', title: '话费争议', categoryId: cat['S01-01'], orgUnitId: org['JN-DZ-T01'], customer: { phone: String(phone++) }, ...over,
  });
  expect(res.statusCode, res.body).toBe(201);
  return res.json() as { id: string; no: string };
}
/** Evaluates as the scheduler does, at a pinned instant (the API route is exercised once, below). */
async function evaluate(when: string) {
  at(when);
  await refreshTicketRollups(h.database.db);
  return (await evaluateWarnings(h.database.db, new Date(when)))!;
}
/** Sessions expire: after a jump of days, sign in again at the pinned instant. */
async function relogin() {
  [qm, bmDz, bmXz, xz] = [await h.login('qm.li'), await h.login('bm.dz'), await h.login('bm.xz'), await h.login('agent.xz1')];
}
async function list(s: Session, q: Record<string, string> = {}) {
  const res = await s.req('GET', `/api/v1/warnings?${new URLSearchParams({ pageSize: '200', ...q })}`);
  expect(res.statusCode, res.body).toBe(200);
  return res.json().items as Warning[];
}
const allOf = (s: Session, kind: string) => list(s, { kind, open: 'true' });
async function act(s: Session, id: string, body: Record<string, unknown>) {
  const version = (await qm.req('GET', `/api/v1/warnings/${id}`)).json().version;
  return s.req('POST', `/api/v1/warnings/${id}/actions`, { version, ...body });
}
const notificationsOf = async (username: string, warningId: string) =>
  rowsOf<{ kind: string; title: string }>(
    await h.database.db.execute(sql`SELECT n.kind, n.title FROM notifications n JOIN users u ON u.id = n.user_id WHERE lower(u.username) = ${username} AND n.warning_id = ${warningId} ORDER BY n.id`),
  );

describe('week-on-week rise (异动)', () => {
  beforeAll(async () => {
    // 东州 (store S01): 100 complaints Mon 16 – Sun 22 Nov, 130 Mon 23 – Sun 29 Nov (+30%)
    for (let i = 0; i < 100; i++) await take(bmDz, `2026-11-${String(16 + (i % 7)).padStart(2, '0')}T10:00:00+08:00`, { orgUnitId: org['JN-DZ-S01'] });
    // 20 of them escalated: 20 / 230 = 8.70% escalated over 30 days, past the orange line (8%)
    for (let i = 0; i < 130; i++) {
      await take(bmDz, `2026-11-${String(23 + (i % 7)).padStart(2, '0')}T10:00:00+08:00`, { orgUnitId: org['JN-DZ-S01'], ...(i < 20 ? { escalated: true, escalationSource: '10086 升级' } : {}) });
    }
    // 西州: 2 → 3
    for (const d of ['17', '18']) await take(xz, `2026-11-${d}T10:00:00+08:00`, { orgUnitId: org['JN-XZ-S01'] });
    for (const d of ['24', '25', '26']) await take(xz, `2026-11-${d}T10:00:00+08:00`, { orgUnitId: org['JN-XZ-S01'] });
  }, 120_000);

  it('a real 30% rise on enough volume raises yellow, once; 2 → 3 raises nothing', async () => {
    at('2026-11-30T09:00:00+08:00');
    await refreshTicketRollups(h.database.db);
    const res = await qm.req('POST', '/api/v1/warnings/evaluate');
    expect(res.statusCode, res.body).toBe(200);
    const first = res.json() as { raised: number };
    expect(first.raised).toBeGreaterThanOrEqual(2);
    const rises = await allOf(qm, 'rise');
    const branch = rises.filter((w) => w.orgUnitId === org['JN-DZ']);
    expect(branch).toHaveLength(1);
    expect(branch[0]).toMatchObject({ level: 'yellow', state: 'raised', occurrences: 1, evidence: { kind: 'rise', current: 130, previous: 100, from: '2026-11-23', to: '2026-11-29' } });
    expect((branch[0]!.evidence as { pValue: number }).pValue).toBeLessThan(0.05);
    expect(rises.some((w) => w.orgUnitId === org['JN-DZ-S01'])).toBe(true);
    expect(rises.some((w) => w.orgUnitId === org['JN-XZ'] || w.orgUnitId === org['JN-XZ-S01'])).toBe(false);
    // the plan is due in 3 days (yellow), the owners were told
    expect(new Date(branch[0]!.planDueAt).getTime() - new Date(branch[0]!.raisedAt).getTime()).toBe(3 * 86_400_000);
    expect((await notificationsOf('bm.dz', branch[0]!.id)).map((n) => n.kind)).toEqual(['warning_raised']);
    expect(await notificationsOf('bm.xz', branch[0]!.id)).toEqual([]);
    // the evidence traces to the 130 complaints of the window
    const t = await qm.req('GET', `/api/v1/warnings/${branch[0]!.id}/tickets?pageSize=10`);
    expect(t.json().total).toBe(130);

    // the same condition an hour later: seen again, not raised again
    const again = await evaluate('2026-11-30T10:00:00+08:00');
    expect(again.raised).toBe(0);
    const after = (await allOf(qm, 'rise')).filter((w) => w.orgUnitId === org['JN-DZ']);
    expect(after).toHaveLength(1);
    expect(after[0]!.occurrences).toBe(1);
    expect((await notificationsOf('bm.dz', branch[0]!.id))).toHaveLength(1);
  });

  it('a threshold rule judges each unit by its thresholds, on enough tickets only', async () => {
    const esc = (await allOf(qm, 'threshold')).filter((w) => (w.evidence as { indicatorKey: string }).indicatorKey === 'escalation_rate');
    const branch = esc.find((w) => w.orgUnitId === org['JN-DZ'])!;
    expect(branch).toMatchObject({ level: 'orange', evidence: { kind: 'threshold', numerator: 20, denominator: 230, threshold: 8, from: '2026-10-31', to: '2026-11-29' } });
    expect((branch.evidence as { value: number }).value).toBeCloseTo(8.6957, 4);
    expect(new Date(branch.planDueAt).getTime() - new Date(branch.raisedAt).getTime()).toBe(2 * 86_400_000); // orange: 2 days
    // 西州 has 0 of 5: below the 20-ticket minimum, not judged at all
    expect(esc.some((w) => w.orgUnitId === org['JN-XZ'])).toBe(false);
    const t = await qm.req('GET', `/api/v1/warnings/${branch.id}/tickets?pageSize=50`);
    expect(t.json().total).toBe(20);
    expect((t.json().items as { escalated: boolean }[]).every((x) => x.escalated)).toBe(true);
  });

  it('shows a branch only its own warnings', async () => {
    expect(await list(bmXz, { kind: 'rise' })).toEqual([]);
    const dzRise = (await list(bmDz, { kind: 'rise' })).find((w) => w.orgUnitId === org['JN-DZ'])!;
    expect(dzRise).toBeDefined();
    expect((await bmXz.req('GET', `/api/v1/warnings/${dzRise.id}`)).statusCode).toBe(404);
    expect((await bmXz.req('GET', `/api/v1/warnings/${dzRise.id}/tickets`)).statusCode).toBe(404);
    expect((await bmXz.req('GET', `/api/v1/warnings?orgUnit=${org['JN-DZ']}`)).statusCode).toBe(404);
    expect((await xz.req('GET', '/api/v1/warnings')).statusCode).toBe(403); // agents have no warnings:read
  });
});

describe('merging', () => {
  it('a worse finding of an open condition upgrades it, tells the owners and brings the plan deadline forward', async () => {
    const w = (await allOf(qm, 'rise')).find((x) => x.orgUnitId === org['JN-DZ'])!;
    const [row] = rowsOf<{ condition_key: string; rule_id: string }>(await h.database.db.execute(sql`SELECT condition_key, rule_id FROM warnings WHERE id = ${w.id}`));
    const when = new Date('2026-11-30T12:00:00+08:00');
    const finding = {
      ruleId: row!.rule_id, kind: 'rise' as const, conditionKey: row!.condition_key, level: 'red' as const, orgUnitId: w.orgUnitId, ownerDepartmentId: null,
      title: w.title, titleEn: w.titleEn, evidence: w.evidence, ticketIds: null, ticketCount: w.ticketCount, stamp: 'another day',
    };
    const outcome = await h.database.db.transaction(async (tx) => raiseOrMerge(tx, await loadOrgDirectory(tx), finding, DEFAULT_PLAN_DAYS, when));
    expect(outcome).toBe('upgraded');
    const after = (await qm.req('GET', `/api/v1/warnings/${w.id}`)).json() as WarningDetail;
    expect(after).toMatchObject({ level: 'red', occurrences: 2, planDueAt: new Date(when.getTime() + 86_400_000).toISOString() });
    expect(after.events.map((e) => e.kind)).toEqual(['raised', 'upgraded']);
    expect((await notificationsOf('bm.dz', w.id)).map((n) => n.kind)).toEqual(['warning_raised', 'warning_escalated']);
    // a milder finding never lowers it
    const again = await h.database.db.transaction(async (tx) => raiseOrMerge(tx, await loadOrgDirectory(tx), { ...finding, level: 'yellow', stamp: 'a third day' }, DEFAULT_PLAN_DAYS, when));
    expect(again).toBe('merged');
    expect((await qm.req('GET', `/api/v1/warnings/${w.id}`)).json().level).toBe('red');
  });
});

describe('batch complaints (批量投诉)', () => {
  let firstId: string;
  it('20 customers with the same broadband fault in one district within 2 hours raise one orange warning', async () => {
    for (let i = 0; i < 20; i++) {
      const m = 5 * i;
      await take(bmDz, `2026-12-01T${String(9 + Math.floor(m / 60)).padStart(2, '0')}:${String(m % 60).padStart(2, '0')}:00+08:00`, {
        type: 'fault', title: '家里宽带断网', categoryId: cat['N03-03'], orgUnitId: org['JN-DZ-S02'],
      });
    }
    // 19 customers at the other store, the same fault: not a batch
    for (let i = 0; i < 19; i++) await take(bmDz, `2026-12-01T09:${String(i * 3).padStart(2, '0')}:00+08:00`, { type: 'fault', title: '宽带断网', categoryId: cat['N03-03'], orgUnitId: org['JN-DZ-S01'] });
    const r = await evaluate('2026-12-01T11:00:00+08:00');
    expect(r.raised).toBeGreaterThanOrEqual(1);
    const batches = await allOf(qm, 'batch');
    expect(batches).toHaveLength(1);
    expect(batches[0]).toMatchObject({ level: 'orange', orgUnitId: org['JN-DZ-S02'], ticketCount: 20, evidence: { kind: 'batch', customers: 20, categoryId: cat['N03-03'] } });
    expect(batches[0]!.title).toContain('20 位客户在 95 分钟内'); // 09:00 to 10:35
    firstId = batches[0]!.id;
    const t = await qm.req('GET', `/api/v1/warnings/${firstId}/tickets?pageSize=50`);
    expect(t.json().total).toBe(20);
    expect(t.json().items[0].categoryName).toBe('家庭宽带断网');
  });

  it('the ongoing batch merges: more customers add tickets and an occurrence, not a second warning', async () => {
    await take(bmDz, '2026-12-01T10:40:00+08:00', { type: 'fault', title: '宽带又断了', categoryId: cat['N03-03'], orgUnitId: org['JN-DZ-S02'] });
    const r = await evaluate('2026-12-01T11:15:00+08:00');
    const batches = await allOf(qm, 'batch');
    expect(batches).toHaveLength(1);
    expect(batches[0]!.id).toBe(firstId);
    expect(r.merged).toBeGreaterThanOrEqual(1);
    expect(batches[0]).toMatchObject({ occurrences: 2, ticketCount: 21 });
    const detail = (await qm.req('GET', `/api/v1/warnings/${firstId}`)).json() as WarningDetail;
    expect(detail.events.map((e) => e.kind)).toEqual(['raised', 'merged']);
    expect(await notificationsOf('bm.dz', firstId)).toHaveLength(1);
  });
});

describe('group complaints and the lifecycle', () => {
  let id: string;
  it('a ticket flagged as a group complaint raises a red warning for its branch, executives told', async () => {
    const t = await take(dz, '2026-12-02T09:00:00+08:00', { title: '小区三十户联名投诉宽带长期断网', categoryId: cat['N03-03'], groupComplaint: true });
    const ticket = (await dz.req('GET', `/api/v1/tickets/${t.id}`)).json();
    expect(ticket.groupComplaint).toBe(true);
    await evaluate('2026-12-02T09:05:00+08:00');
    const reds = (await allOf(qm, 'group_complaint')).filter((w) => (w.evidence as { ticketId: string }).ticketId === t.id);
    expect(reds).toHaveLength(1);
    expect(reds[0]).toMatchObject({ level: 'red', orgUnitId: org['JN-DZ'] });
    id = reds[0]!.id;
    expect(new Date(reds[0]!.planDueAt).getTime() - new Date(reds[0]!.raisedAt).getTime()).toBe(86_400_000);
    for (const u of ['bm.dz', 'qm.li', 'exec.zhao']) expect((await notificationsOf(u, id)).map((n) => n.kind)).toEqual(['warning_raised']);
    expect(await notificationsOf('bm.xz', id)).toEqual([]);
  });

  it('refuses the wrong person, a stale version and an illegal step', async () => {
    const inspector = await h.login('inspector.dz');
    expect((await act(inspector, id, { action: 'acknowledge' })).statusCode).toBe(403);
    expect((await act(bmDz, id, { action: 'verify' })).statusCode).toBe(403);
    expect((await act(bmXz, id, { action: 'acknowledge' })).statusCode).toBe(404);
    const illegal = await act(bmDz, id, { action: 'submit_plan', plan: { measures: '组织专班排查光缆', responsible: '陈经理', dueDate: '2026-12-05' } });
    expect(illegal.statusCode).toBe(409);
    expect(illegal.json().error.code).toBe('ILLEGAL_TRANSITION');
    const stale = await bmDz.req('POST', `/api/v1/warnings/${id}/actions`, { version: 99, action: 'acknowledge' });
    expect(stale.statusCode).toBe(409);
    expect(stale.json().error.code).toBe('CONFLICT');
    const bad = await act(bmDz, id, { action: 'close', note: '' });
    expect(bad.statusCode).toBe(400);
  });

  it('goes raised → acknowledged → plan submitted → verified → closed, each step on the timeline and in the audit trail', async () => {
    at('2026-12-02T10:00:00+08:00');
    expect((await act(bmDz, id, { action: 'acknowledge', note: '已成立专班' })).statusCode).toBe(200);
    const plan = { measures: '更换东州二号光交箱主干光缆，逐户回访', responsible: '陈经理', dueDate: '2026-12-05' };
    const submitted = await act(bmDz, id, { action: 'submit_plan', plan });
    expect(submitted.statusCode, submitted.body).toBe(200);
    expect(submitted.json()).toMatchObject({ state: 'plan_submitted', plan });
    const rejected = await act(qm, id, { action: 'reject_plan', note: '缺少回访安排的时限' });
    expect(rejected.json()).toMatchObject({ state: 'acknowledged' });
    expect((await act(bmDz, id, { action: 'submit_plan', plan: { ...plan, measures: `${plan.measures}，12月4日前完成回访` } })).statusCode).toBe(200);
    expect((await act(qm, id, { action: 'verify', note: '现场核实' })).json().state).toBe('verified');
    const closed = await act(qm, id, { action: 'close', note: '整改完成，客户满意' });
    expect(closed.json()).toMatchObject({ state: 'closed', closeReason: '整改完成，客户满意' });
    expect((closed.json() as WarningDetail).events.map((e) => e.kind)).toEqual(['raised', 'acknowledged', 'plan_submitted', 'plan_rejected', 'plan_submitted', 'verified', 'closed']);
    const audit = rowsOf<{ n: number }>(await h.database.db.execute(sql`SELECT count(*)::int AS n FROM audit_log WHERE entity_type = 'warning' AND entity_id = ${id}`));
    expect(audit[0]!.n).toBe(7); // raised + 6 steps
  });
});

describe('late rectification plans', () => {
  it('escalate at the plan deadline and once more a plan period later, then stop', async () => {
    const t = await take(xz, '2026-12-02T12:00:00+08:00', { title: '营业厅门口聚集投诉', orgUnitId: org['JN-XZ-S01'], groupComplaint: true });
    await evaluate('2026-12-02T12:05:00+08:00');
    const w = (await allOf(qm, 'group_complaint')).find((x) => (x.evidence as { ticketId: string }).ticketId === t.id)!;
    expect(w.escalationLevel).toBe(0);
    const level = async () => rowsOf<{ n: number }>(await h.database.db.execute(sql`SELECT escalation_level AS n FROM warnings WHERE id = ${w.id}`))[0]!.n;
    await evaluate('2026-12-03T12:04:00+08:00'); // due at 12:05 the next day (red: 1 day)
    expect(await level()).toBe(0);
    await evaluate('2026-12-03T12:06:00+08:00');
    expect(await level()).toBe(1);
    await relogin();
    const now = (await list(qm, { kind: 'group_complaint', planOverdue: 'true' })).find((x) => x.id === w.id)!;
    expect(now).toMatchObject({ escalationLevel: 1, planOverdue: true });
    expect((await notificationsOf('bm.xz', w.id)).map((n) => n.kind)).toEqual(['warning_raised', 'warning_escalated']);
    await evaluate('2026-12-04T12:07:00+08:00');
    expect(await level()).toBe(2);
    expect((await notificationsOf('exec.zhao', w.id)).map((n) => n.kind)).toEqual(['warning_raised', 'warning_escalated', 'warning_escalated']);
    await evaluate('2026-12-09T12:07:00+08:00');
    expect(await level()).toBe(2); // the climb stops at 2
    await relogin();
    // a plan in stops the climb
    await act(bmXz, w.id, { action: 'acknowledge' });
    await act(bmXz, w.id, { action: 'submit_plan', plan: { measures: '现场疏导并逐一登记诉求', responsible: '刘经理', dueDate: '2026-12-10' } });
    expect((await list(qm, { planOverdue: 'true' })).some((x) => x.id === w.id)).toBe(false);
  });
});

describe('hot topics (热点)', () => {
  it('a word far more frequent in the week than in the baseline raises a topic for the branch', async () => {
    // baseline (4 weeks before): 30 billing complaints at 西州; this week: 8 about 光猫 among 10
    for (let i = 0; i < 30; i++) await take(xz, `2026-11-${String(2 + (i % 28)).padStart(2, '0')}T15:00:00+08:00`, { orgUnitId: org['JN-XZ-S01'], title: '话费扣费有误', description: '上月账单多扣了流量费' });
    for (let i = 0; i < 8; i++) await take(xz, `2026-12-0${1 + (i % 2)}T16:00:00+08:00`, { orgUnitId: org['JN-XZ-S01'], title: '光猫频繁掉线', description: '光猫指示灯闪红' });
    await evaluate('2026-12-07T09:00:00+08:00');
    await relogin();
    const topics = (await allOf(qm, 'hot_topic')).filter((w) => w.orgUnitId === org['JN-XZ']);
    expect(topics.map((w) => (w.evidence as { term: string }).term)).toContain('光猫');
    const topic = topics.find((w) => (w.evidence as { term: string }).term === '光猫')!;
    const t = await qm.req('GET', `/api/v1/warnings/${topic.id}/tickets?pageSize=50`);
    expect(t.json().total).toBe(8);
  });
});

describe('warning rules', () => {
  it('are edited by the quality department only, validated, versioned and audited', async () => {
    await relogin();
    const rules = (await qm.req('GET', '/api/v1/warning-rules')).json().items as { id: string; params: { kind: string }; version: number; name: string }[];
    const rise = rules.find((r) => r.params.kind === 'rise')!;
    const body = { name: rise.name, params: { ...rise.params, yellowPct: 40 }, version: rise.version };
    expect((await bmDz.req('PUT', `/api/v1/warning-rules/${rise.id}`, body)).statusCode).toBe(403);
    const bad = await qm.req('PUT', `/api/v1/warning-rules/${rise.id}`, { ...body, params: { ...rise.params, indicatorKey: 'on_time_rate' } });
    expect(bad.statusCode).toBe(400);
    const ok = await qm.req('PUT', `/api/v1/warning-rules/${rise.id}`, body);
    expect(ok.statusCode, ok.body).toBe(200);
    expect(ok.json().params.yellowPct).toBe(40);
    expect((await qm.req('PUT', `/api/v1/warning-rules/${rise.id}`, body)).statusCode).toBe(409);
    const created = await qm.req('POST', '/api/v1/warning-rules', { name: '投诉热点(门店)', params: { kind: 'hot_topic', types: ['complaint'], windowDays: 14, baselineDays: 7, minDocs: 5, minLift: 3, topN: 3, orgKinds: ['store'], level: 'yellow' } });
    expect(created.statusCode).toBe(400); // baseline shorter than the window
    const audit = rowsOf<{ n: number }>(await h.database.db.execute(sql`SELECT count(*)::int AS n FROM audit_log WHERE entity_type = 'warning_rule' AND entity_id = ${rise.id}`));
    expect(audit[0]!.n).toBe(1);
  });
});
