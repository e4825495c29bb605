import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { rowsOf } from '../../db/client.js';
import { createHarness, type Harness, type Session } from '../../test/harness.js';

/**
 * The service-recovery list through the API: what the agent who calls the customer back is given,
 * the filters, sort and paging, the scope (another branch's recoveries do not exist), and closing
 * the loop after the ticket is closed, once, audited.
 */
let h: Harness;
let qm: Session;
let dz: Session;
let xz: Session;
let cat: Record<string, string>;
const today = new Date(Date.now() + 8 * 3_600_000).toISOString().slice(0, 10);
const daysAgo = (n: number) => new Date(Date.now() + 8 * 3_600_000 - n * 86_400_000).toISOString().slice(0, 10);

type Recovery = { responseId: string; ticketId: string; ticketNo: string; surveyId: string; orgUnitId: string; recovered: boolean | null };
let followUp: { id: string; rowVersion: number };
let other: { id: string; rowVersion: number };
/** the recoveries opened below: 东州 (follow-up survey, twice; the other survey once) and 西州 (follow-up survey) */
const opened: Record<'dz1' | 'dz2' | 'dzOther' | 'xz', Recovery> = {} as never;

const content = (nameZh: string, nameEn: string) => ({
  nameZh,
  nameEn,
  questions: [
    { key: 'overall', type: 'csat', textZh: '您对本次处理满意吗？', textEn: 'How satisfied are you?', elementId: cat['S10'] },
    { key: 'recommend', type: 'nps', textZh: '您愿意向亲友推荐吗？', textEn: 'Would you recommend us?' },
    { key: 'speed', type: 'servqual', dimension: 'responsiveness', textZh: '处理速度', textEn: 'Speed of handling' },
    {
      key: 'channel', type: 'single', textZh: '您通过什么方式联系我们？', textEn: 'How did you reach us?',
      options: [{ value: 'hotline', labelZh: '热线', labelEn: 'Hotline' }, { value: 'store', labelZh: '营业厅', labelEn: 'Store' }],
    },
    { key: 'comment', type: 'text', required: false, textZh: '还有什么建议？', textEn: 'Anything else?' },
  ],
});
const low = { overall: 1, recommend: 8, speed: { expectation: 7, perception: 2 }, channel: 'store', comment: '装机拖了一周，请打13812345678找我' };

async function publish(code: string, nameZh: string, nameEn: string) {
  const created = (await qm.req('POST', '/api/v1/surveys', { code, content: content(nameZh, nameEn) })).json();
  return (await qm.req('POST', `/api/v1/surveys/${created.id}/publish`, { rowVersion: created.rowVersion })).json() as { id: string; rowVersion: number };
}
async function ticket(s: Session, unit: string, phone: string) {
  const res = await s.req('POST', '/api/v1/tickets', { type: 'complaint', channel: 'hotline', title: '宽带装机延误', categoryId: cat['N03-03'], orgUnitId: await h.orgId(unit), customer: { phone } });
  expect(res.statusCode, res.body).toBe(201);
  return res.json() as { id: string; no: string };
}
/** A customer answers an invitation about `ticketId`; returns the recovery it opened, if any. */
async function answer(surveyId: string, ticketId: string, answers: Record<string, unknown>): Promise<Recovery | undefined> {
  const token = (await qm.req('POST', `/api/v1/surveys/${surveyId}/invitations`, { ticketId })).json().token as string;
  const res = await qm.req('POST', `/api/v1/public/surveys/${token}/answers`, { answers });
  expect(res.statusCode, res.body).toBe(201);
  const responseId = res.json().responseId as string;
  return (await list(qm, { pageSize: '200' })).items.find((r: Recovery) => r.responseId === responseId);
}
const list = async (s: Session, q: Record<string, string> = {}) => {
  const res = await s.req('GET', `/api/v1/survey-recoveries?${new URLSearchParams(q)}`);
  expect(res.statusCode, res.body).toBe(200);
  return res.json() as { items: (Recovery & Record<string, unknown>)[]; total: number; page: number; pageSize: number };
};
const ids = (page: { items: Recovery[] }) => page.items.map((r) => r.responseId);

beforeAll(async () => {
  h = await createHarness();
  qm = await h.login('qm.li');
  dz = await h.login('agent.dz1');
  xz = await h.login('agent.xz1');
  cat = Object.fromEntries(((await qm.req('GET', '/api/v1/categories')).json().items as { code: string; id: string }[]).map((c) => [c.code, c.id]));
  followUp = await publish('FOLLOW-UP', '投诉处理满意度回访', 'Complaint follow-up');
  other = await publish('STORE-VISIT', '营业厅服务评价', 'Store visit');
  // CSAT at most 2 only: an NPS of 8 does not trigger, so each reason below is the CSAT's
  const saved = await qm.req('PUT', `/api/v1/surveys/${followUp.id}/recovery`, { csatAtMost: 2, npsAtMost: null, rowVersion: followUp.rowVersion });
  expect(saved.statusCode, saved.body).toBe(200);
  expect(saved.json().recovery).toEqual({ csatAtMost: 2, npsAtMost: null });

  const dzTicket = await ticket(dz, 'JN-DZ-T01', '13966660001');
  const xzTicket = await ticket(xz, 'JN-XZ-S01', '13966660002');
  opened.dz1 = (await answer(followUp.id, dzTicket.id, low))!;
  expect(await answer(followUp.id, dzTicket.id, { ...low, overall: 3, recommend: 2 })).toBeUndefined(); // NPS is off for this survey
  opened.dzOther = (await answer(other.id, dzTicket.id, low))!;
  opened.xz = (await answer(followUp.id, xzTicket.id, low))!;
  opened.dz2 = (await answer(followUp.id, dzTicket.id, { ...low, overall: 2 }))!;
  for (const r of Object.values(opened)) expect(r).toBeDefined();
  // the first 东州 recovery came in ten days ago (the periods below tell it apart)
  await h.database.db.execute(sql`UPDATE survey_recoveries SET created_at = now() - interval '10 days' WHERE response_id = ${opened.dz1.responseId}`);
});
afterAll(() => h.close());

describe('the recovery of a ticket', () => {
  it('gives the agent the survey, the scores, the answers in words in both languages and the ticket it follows up', async () => {
    const page = await list(dz, { ticketId: opened.dz2.ticketId });
    expect(page.total).toBe(1);
    const r = page.items[0]!;
    const [origin] = rowsOf<{ no: string }>(await h.database.db.execute(sql`SELECT no FROM tickets WHERE id = (SELECT ticket_id FROM survey_responses WHERE id = ${r.responseId})`));
    expect(r).toMatchObject({
      responseId: opened.dz2.responseId, surveyCode: 'FOLLOW-UP', surveyNameZh: '投诉处理满意度回访', surveyNameEn: 'Complaint follow-up',
      reason: 'CSAT 2 ≤ 2', csat: 2, nps: 8, originTicketNo: origin!.no, recovered: null, recordedByName: null, ticketState: 'accepted',
    });
    expect(r.answers).toEqual([
      { key: 'overall', type: 'csat', questionZh: '您对本次处理满意吗？', questionEn: 'How satisfied are you?', answerZh: '2', answerEn: '2' },
      { key: 'recommend', type: 'nps', questionZh: '您愿意向亲友推荐吗？', questionEn: 'Would you recommend us?', answerZh: '8', answerEn: '8' },
      { key: 'speed', type: 'servqual', questionZh: '处理速度', questionEn: 'Speed of handling', answerZh: '期望 7 / 感知 2', answerEn: 'expectation 7 / perception 2' },
      { key: 'channel', type: 'single', questionZh: '您通过什么方式联系我们？', questionEn: 'How did you reach us?', answerZh: '营业厅', answerEn: 'Store' },
      { key: 'comment', type: 'text', questionZh: '还有什么建议？', questionEn: 'Anything else?', answerZh: '装机拖了一周，请打138****5678找我', answerEn: '装机拖了一周，请打138****5678找我' }, // a typed phone number is masked
    ]);
    // an ordinary ticket is no recovery
    expect((await list(dz, { ticketId: r.originTicketId as string })).items).toEqual([]);
  });

  it('another branch sees nothing of it: not by its ticket, not in the list, not among the surveys', async () => {
    expect((await list(xz, { ticketId: opened.dz2.ticketId })).total).toBe(0);
    expect(ids(await list(xz))).toEqual([opened.xz.responseId]);
    expect(ids(await list(dz)).sort()).toEqual([opened.dz1, opened.dz2, opened.dzOther].map((r) => r.responseId).sort());
    expect((await xz.req('GET', '/api/v1/survey-recoveries/surveys')).json().items).toEqual([{ id: followUp.id, code: 'FOLLOW-UP', nameZh: '投诉处理满意度回访', nameEn: 'Complaint follow-up' }]);
    // agents cannot read surveys, yet their filter has the surveys' names
    expect((await dz.req('GET', '/api/v1/surveys')).statusCode).toBe(403);
    expect((await dz.req('GET', '/api/v1/survey-recoveries/surveys')).json().items.map((s: { code: string }) => s.code)).toEqual(['FOLLOW-UP', 'STORE-VISIT']);
  });
});

describe('the list', () => {
  it('filters by survey, org unit and answer days; refuses a period that ends before it starts', async () => {
    expect(ids(await list(qm, { survey: other.id }))).toEqual([opened.dzOther.responseId]);
    expect(ids(await list(qm, { orgUnit: await h.orgId('JN-XZ') }))).toEqual([opened.xz.responseId]);
    expect(ids(await list(qm, { survey: followUp.id, orgUnit: await h.orgId('JN-DZ') }))).toEqual([opened.dz2.responseId, opened.dz1.responseId]);
    expect(ids(await list(qm, { from: daysAgo(10), to: daysAgo(10) }))).toEqual([opened.dz1.responseId]);
    expect((await list(qm, { from: daysAgo(9), to: today })).total).toBe(3);
    expect((await list(qm, { from: daysAgo(9) })).total).toBe(3);
    expect((await list(qm, { to: daysAgo(1) })).total).toBe(1);
    const bad = await qm.req('GET', `/api/v1/survey-recoveries?${new URLSearchParams({ from: today, to: daysAgo(1) })}`);
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.message).toMatch(/ends before it starts/);
    expect((await qm.req('GET', '/api/v1/survey-recoveries?from=2026-13-01')).statusCode).toBe(400);
    expect((await qm.req('GET', '/api/v1/survey-recoveries?sort=reason')).statusCode).toBe(400);
  });

  it('sorts newest or oldest first and pages with the total of all matches', async () => {
    const newest = ids(await list(qm));
    expect(newest).toEqual([opened.dz2, opened.xz, opened.dzOther, opened.dz1].map((r) => r.responseId));
    expect(ids(await list(qm, { sort: 'createdAt' }))).toEqual([...newest].reverse());
    const second = await list(qm, { pageSize: '2', page: '2' });
    expect(second).toMatchObject({ total: 4, page: 2, pageSize: 2 });
    expect(ids(second)).toEqual(newest.slice(2));
    // past the last page: no rows, the total still counted
    expect(await list(qm, { pageSize: '2', page: '3' })).toMatchObject({ items: [], total: 4 });
  });
});

describe('closing the loop', () => {
  it('only after the ticket is closed, once, by someone who can see the ticket; audited; the status tabs follow', async () => {
    const r = opened.dz2;
    expect((await xz.req('POST', `/api/v1/survey-recoveries/${r.responseId}/outcome`, { recovered: true })).statusCode).toBe(404);
    const early = await dz.req('POST', `/api/v1/survey-recoveries/${r.responseId}/outcome`, { recovered: true });
    expect(early.statusCode).toBe(409);
    expect(early.json().error.message).toMatch(/close the recovery ticket first/);
    expect((await dz.req('POST', `/api/v1/survey-recoveries/${r.responseId}/outcome`, { recovered: true, note: 'x'.repeat(1001) })).statusCode).toBe(400);

    const me = await h.userId('agent.dz1');
    for (const body of [{ action: 'assign', assigneeId: me }, { action: 'start' }, { action: 'answer', reply: '已致电客户道歉并加急处理' }, { action: 'close', outcome: 'resolved', followUpResult: '客户接受' }]) {
      const version = (await dz.req('GET', `/api/v1/tickets/${r.ticketId}`)).json().version;
      const res = await dz.req('POST', `/api/v1/tickets/${r.ticketId}/transitions`, { version, ...body });
      expect(res.statusCode, res.body).toBe(200);
    }
    const done = await dz.req('POST', `/api/v1/survey-recoveries/${r.responseId}/outcome`, { recovered: true, note: '客户表示谅解' });
    expect(done.statusCode, done.body).toBe(200);
    expect(done.json()).toMatchObject({ recovered: true, note: '客户表示谅解', ticketState: 'closed', recordedByName: '张晓(东州坐席)' });
    expect(done.json().recordedAt).toBeTruthy();
    const again = await dz.req('POST', `/api/v1/survey-recoveries/${r.responseId}/outcome`, { recovered: false });
    expect(again.statusCode).toBe(409);
    expect(again.json().error.message).toMatch(/recorded already/);

    const audit = rowsOf<{ actor_id: string; action: string; before: unknown; after: unknown }>(
      await h.database.db.execute(sql`SELECT actor_id, action, before, after FROM audit_log WHERE entity_type = 'survey_recovery' AND entity_id = ${r.responseId}`),
    );
    expect(audit).toEqual([{ actor_id: me, action: 'update', before: { recovered: null }, after: { recovered: true, note: '客户表示谅解' } }]);

    expect(ids(await list(dz, { status: 'recovered' }))).toEqual([r.responseId]);
    expect(ids(await list(dz, { status: 'open' })).sort()).toEqual([opened.dz1, opened.dzOther].map((x) => x.responseId).sort());
    expect((await list(dz, { status: 'lost' })).total).toBe(0);
    expect((await list(dz, { ticketId: r.ticketId })).items[0]).toMatchObject({ recovered: true, ticketState: 'closed' });
  });
});
