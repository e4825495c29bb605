import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { rowsOf } from '../../db/client.js';
import { createHarness, type Harness, type Session } from '../../test/harness.js';
import { catchUpSurveyComments } from './catch-up-survey-comments.js';

/**
 * The analysis beyond its headline figures, through the API: comments (原话) with their keywords
 * and masking, the keyword cloud, the trend on the Shanghai calendar, breakdowns — each within the
 * caller's scope.
 */
let h: Harness;
let qm: Session;
let bmDz: Session;
let cat: Record<string, string>;
let survey: string;
const responses: string[] = [];
const today = new Date(Date.now() + 8 * 3_600_000).toISOString().slice(0, 10);

const content = (c: Record<string, string>) => ({
  nameZh: '服务回访', nameEn: 'Service follow-up',
  questions: [
    { key: 'overall', type: 'csat', textZh: '总体满意度', textEn: 'Overall', elementId: c['S10'] },
    { key: 'recommend', type: 'nps', textZh: '推荐意愿', textEn: 'Recommend' },
    { key: 'comment', type: 'text', required: false, textZh: '您的意见', textEn: 'Your words' },
  ],
});

beforeAll(async () => {
  h = await createHarness();
  qm = await h.login('qm.li');
  bmDz = await h.login('bm.dz');
  const agentDz = await h.login('agent.dz1');
  const agentXz = await h.login('agent.xz1');
  cat = Object.fromEntries(((await qm.req('GET', '/api/v1/categories')).json().items as { code: string; id: string }[]).map((c) => [c.code, c.id]));
  const created = (await qm.req('POST', '/api/v1/surveys', { code: 'INSIGHTS', content: content(cat) })).json();
  survey = (await qm.req('POST', `/api/v1/surveys/${created.id}/publish`, { rowVersion: created.rowVersion })).json().id;

  // a hotline fault in 东州, assigned to 张晓; a store complaint in 西州, assigned to nobody
  const dz = (await agentDz.req('POST', '/api/v1/tickets', {
    type: 'fault', channel: 'hotline', title: '宽带断网', categoryId: cat['N03-02'], orgUnitId: await h.orgId('JN-DZ-T01'), customer: { phone: '13977771111' },
  })).json();
  const version = (await agentDz.req('GET', `/api/v1/tickets/${dz.id}`)).json().version;
  expect((await agentDz.req('POST', `/api/v1/tickets/${dz.id}/transitions`, { version, action: 'assign', assigneeId: await h.userId('agent.dz1') })).statusCode).toBe(200);
  const xz = (await agentXz.req('POST', '/api/v1/tickets', {
    type: 'complaint', channel: 'store', title: '营业厅排队', categoryId: cat['S01-01'], orgUnitId: await h.orgId('JN-XZ-S01'), customer: { phone: '13977772222' },
  })).json();
  expect(xz.id).toBeTruthy();

  const answers: [string, Record<string, unknown>][] = [
    [dz.id, { overall: 1, recommend: 2, comment: '宽带断网三天，客服电话一直打不通，请回电13812345678' }],
    [dz.id, { overall: 2, recommend: 5, comment: '宽带维修师傅迟到，网速还是很慢' }],
    [dz.id, { overall: 5, recommend: 10, comment: '客服态度很好，宽带当天就修好了' }],
    [dz.id, { overall: 4, recommend: 8 }],
    [xz.id, { overall: 3, recommend: 7, comment: '营业厅排队时间太长' }],
    [xz.id, { overall: 5, recommend: 9, comment: '营业员很耐心，套餐讲得清楚' }],
  ];
  for (const [ticketId, a] of answers) {
    const token = (await qm.req('POST', `/api/v1/surveys/${survey}/invitations`, { ticketId })).json().token;
    const res = await qm.req('POST', `/api/v1/public/surveys/${token}/answers`, { answers: a });
    expect(res.statusCode, res.body).toBe(201);
    responses.push(res.json().responseId);
  }
});
afterAll(() => h.close());

const q = (over: Record<string, string | number> = {}) => new URLSearchParams({ survey, from: today, to: today, ...Object.fromEntries(Object.entries(over).map(([k, v]) => [k, String(v)])) });
type Comment = { responseId: string; text: string; keywords: string[]; csat: number; nps: number; channel: string };

describe('comments (原话)', () => {
  it('are stored with the answer: keywords, scores, the service channel', async () => {
    const rows = rowsOf<{ response_id: string; text: string; keywords: string[]; csat: number; nps: number; channel: string; question_key: string }>(
      await h.database.db.execute(sql`SELECT * FROM survey_comments WHERE survey_id = ${survey}`),
    );
    // the answer without a comment has none
    expect(rows.map((r) => r.response_id).sort()).toEqual([0, 1, 2, 4, 5].map((i) => responses[i]).sort());
    const first = rows.find((r) => r.response_id === responses[0])!;
    expect(first).toMatchObject({ question_key: 'comment', csat: 1, nps: 2, channel: 'hotline' });
    expect(first.keywords).toContain('宽带');
    expect(first.keywords.some((k) => /\d{5,}/.test(k))).toBe(false);
    expect(rows.find((r) => r.response_id === responses[4])!.channel).toBe('store');
  });

  it('list in scope, newest first, filtered by keyword, score band, CSAT and channel, sorted and paged', async () => {
    const list = async (s: Session, over: Record<string, string | number> = {}) => {
      const res = await s.req('GET', `/api/v1/survey-analysis/comments?${q({ orgUnit: await h.orgId('JN'), ...over })}`);
      expect(res.statusCode, res.body).toBe(200);
      return res.json() as { items: Comment[]; total: number; page: number; pageSize: number };
    };
    const all = await list(qm);
    expect(all.total).toBe(5);
    expect(all.items.map((c) => c.responseId)).toEqual([5, 4, 2, 1, 0].map((i) => responses[i]));
    expect(all.items[0]).toMatchObject({ csat: 5, nps: 9, channel: 'store', questionKey: 'comment' });
    expect((await list(qm, { keyword: '宽带' })).items.map((c) => c.responseId)).toEqual([2, 1, 0].map((i) => responses[i]));
    expect((await list(qm, { band: 'detractor' })).items.map((c) => c.responseId)).toEqual([1, 0].map((i) => responses[i]));
    expect((await list(qm, { band: 'promoter', keyword: '宽带' })).items.map((c) => c.responseId)).toEqual([responses[2]]);
    expect((await list(qm, { csatMax: 2 })).total).toBe(2);
    expect((await list(qm, { channel: 'store' })).items.map((c) => c.responseId)).toEqual([5, 4].map((i) => responses[i]));
    expect((await list(qm, { sort: 'csat' })).items.map((c) => c.csat)).toEqual([1, 2, 3, 5, 5]);
    expect((await list(qm, { sort: 'createdAt' })).items[0]!.responseId).toBe(responses[0]);
    const page2 = await list(qm, { pageSize: 2, page: 2 });
    expect(page2).toMatchObject({ total: 5, page: 2, pageSize: 2 });
    expect(page2.items.map((c) => c.responseId)).toEqual([2, 1].map((i) => responses[i]));
    // a date range without answers
    expect((await list(qm, { from: '2020-01-01', to: '2020-01-31' })).total).toBe(0);
  });

  it('a branch manager reads only his branch, mobile numbers masked; a reader with pii:unmask sees them, audited', async () => {
    const own = (await bmDz.req('GET', `/api/v1/survey-analysis/comments?${q()}`)).json();
    expect(own.total).toBe(3);
    expect(own.items.every((c: Comment) => c.channel === 'hotline')).toBe(true);
    const phoned = own.items.find((c: Comment) => c.responseId === responses[0]);
    expect(phoned.text).toBe('宽带断网三天，客服电话一直打不通，请回电138****5678');
    expect((await bmDz.req('GET', `/api/v1/survey-analysis/comments?${q({ orgUnit: await h.orgId('JN-XZ') })}`)).statusCode).toBe(404);
    const audited = async () => rowsOf<{ n: number }>(await h.database.db.execute(sql`SELECT count(*)::int AS n FROM audit_log WHERE action = 'view_pii' AND entity_type = 'survey_comment' AND entity_id = ${responses[0]}`))[0]!.n;
    // the branch manager's masked reads recorded nothing; each unmasked read by the quality manager one entry
    const before = await audited();
    await bmDz.req('GET', `/api/v1/survey-analysis/comments?${q()}`);
    expect(await audited()).toBe(before);
    const full = (await qm.req('GET', `/api/v1/survey-analysis/comments?${q({ keyword: '宽带' })}`)).json();
    expect(full.items.find((c: Comment) => c.responseId === responses[0]).text).toContain('13812345678');
    // one entry for the one comment of the page that held a number
    expect(await audited()).toBe(before + 1);
    const entries = rowsOf<{ org_unit_id: string; entity_id: string; after: { fields: string[] } }>(await h.database.db.execute(sql`SELECT org_unit_id, entity_id, after FROM audit_log WHERE entity_type = 'survey_comment'`));
    expect(new Set(entries.map((e) => e.entity_id))).toEqual(new Set([responses[0]]));
    expect(entries[0]).toMatchObject({ org_unit_id: await h.orgId('JN-DZ-T01'), after: { fields: ['phone'] } });
  });

  it('refuses what it cannot answer: no survey access, an unknown survey, a period the wrong way round, a bad band', async () => {
    const agent = await h.login('agent.dz1');
    expect((await agent.req('GET', `/api/v1/survey-analysis/comments?${q()}`)).statusCode).toBe(403);
    expect((await qm.req('GET', `/api/v1/survey-analysis/comments?${q({ survey: '00000000-0000-4000-8000-000000000000' })}`)).statusCode).toBe(404);
    const backwards = await qm.req('GET', `/api/v1/survey-analysis/comments?${q({ from: '2026-03-02', to: '2026-03-01' })}`);
    expect(backwards.statusCode).toBe(400);
    expect(backwards.json().error.message).toMatch(/ends before it starts/);
    expect((await qm.req('GET', `/api/v1/survey-analysis/comments?${q({ band: 'angry' })}`)).statusCode).toBe(400);
  });
});

describe('the keyword cloud', () => {
  it('counts keywords over the filtered comments with the share from detractors; no stop words, no numbers', async () => {
    const res = await qm.req('GET', `/api/v1/survey-analysis/keywords?${q()}`);
    expect(res.statusCode, res.body).toBe(200);
    const cloud = res.json() as { comments: number; items: { keyword: string; count: number; detractors: number; npsAnswered: number; detractorShare: number | null }[] };
    expect(cloud.comments).toBe(5);
    // 宽带 in three comments, two of them from detractors (NPS 2 and 5), one from a promoter
    expect(cloud.items[0]).toEqual({ keyword: '宽带', count: 3, detractors: 2, npsAnswered: 3, detractorShare: 66.7 });
    expect(cloud.items.find((k) => k.keyword === '营业厅')).toMatchObject({ count: 1, detractors: 0, detractorShare: 0 });
    for (const k of cloud.items) {
      expect(k.keyword).not.toMatch(/\d{5,}/);
      expect(['满意', '服务', '客户', '问题', '还是']).not.toContain(k.keyword);
    }
    // counts in descending order
    expect(cloud.items.map((k) => k.count)).toEqual([...cloud.items.map((k) => k.count)].sort((a, b) => b - a));
    // filters and scope narrow it
    const promoters = (await qm.req('GET', `/api/v1/survey-analysis/keywords?${q({ band: 'promoter', limit: 3 })}`)).json();
    expect(promoters.comments).toBe(2);
    expect(promoters.items.length).toBeLessThanOrEqual(3);
    const dz = (await bmDz.req('GET', `/api/v1/survey-analysis/keywords?${q()}`)).json();
    expect(dz.comments).toBe(3);
    expect(dz.items.some((k: { keyword: string }) => k.keyword === '营业厅')).toBe(false);
    // a stop word stored before it joined the list is left out at read time
    await h.database.db.execute(sql`UPDATE survey_comments SET keywords = keywords || ARRAY['满意'] WHERE response_id = ${responses[5]}`);
    expect((await qm.req('GET', `/api/v1/survey-analysis/keywords?${q()}`)).json().items.some((k: { keyword: string }) => k.keyword === '满意')).toBe(false);
  });
});

describe('the trend', () => {
  let trendSurvey: string;
  beforeAll(async () => {
    const c = { ...content(cat), questions: [...content(cat).questions, { key: 'net', type: 'stars', textZh: '网络', textEn: 'Network', elementId: cat['N03'] }] };
    const created = (await qm.req('POST', '/api/v1/surveys', { code: 'TREND', content: c })).json();
    trendSurvey = (await qm.req('POST', `/api/v1/surveys/${created.id}/publish`, { rowVersion: created.rowVersion })).json().id;
    const store = await h.orgId('JN-DZ-S01');
    // one second before and at Shanghai midnight of 2 March, and one on the 3rd
    for (const [at, csat, nps, net] of [['2026-03-01T15:59:59Z', 5, 10, 5], ['2026-03-01T16:00:00Z', 2, 3, null], ['2026-03-03T02:00:00Z', 4, null, null]] as const) {
      const [r] = rowsOf<{ id: string }>(await h.database.db.execute(sql`
        INSERT INTO survey_responses (survey_id, version, org_unit_id, channel, answers, csat, nps, created_at)
        VALUES (${trendSurvey}, 1, ${store}, 'link', '{}'::jsonb, ${csat}, ${nps}, ${at}) RETURNING id`));
      if (net !== null) {
        await h.database.db.execute(sql`
          INSERT INTO survey_response_items (response_id, question_key, survey_id, version, type, element_id, score, org_unit_id, created_at)
          VALUES (${r!.id}, 'net', ${trendSurvey}, 1, 'stars', ${cat['N03']}, ${net}, ${store}, ${at})`);
      }
    }
  });
  const trend = async (s: Session, over: Record<string, string>) => {
    const res = await s.req('GET', `/api/v1/survey-analysis/trend?${new URLSearchParams({ survey: trendSurvey, ...over })}`);
    expect(res.statusCode, res.body).toBe(200);
    return res.json();
  };

  it('per Shanghai day: each figure with its count and small-sample flag, empty days null rather than 0', async () => {
    const t = await trend(qm, { orgUnit: await h.orgId('JN'), from: '2026-03-01', to: '2026-03-05', granularity: 'day' });
    expect(t.granularity).toBe('day');
    expect(t.buckets.map((b: { bucket: string; responses: number }) => [b.bucket, b.responses])).toEqual([
      ['2026-03-01', 1], ['2026-03-02', 1], ['2026-03-03', 1], ['2026-03-04', 0], ['2026-03-05', 0],
    ]);
    const [d1, d2, d3, d4] = t.buckets;
    expect(d1.csat).toEqual({ value: 100, numerator: 1, denominator: 1, small: true });
    expect(d1.nps).toMatchObject({ value: 100, promoters: 1, n: 1, small: true });
    // the one element answer that day: the star question (N03), 5 → 100
    expect(d1.satIndex).toEqual({ value: 100, n: 1, small: true });
    expect(d2.csat).toMatchObject({ value: 0, denominator: 1 });
    expect(d2.nps).toMatchObject({ value: -100, detractors: 1 });
    // the 3rd has a CSAT but no NPS answer: NPS is no data, not 0
    expect(d3.nps).toEqual({ value: null, promoters: 0, passives: 0, detractors: 0, n: 0, small: false });
    expect(d4).toMatchObject({ from: '2026-03-04', to: '2026-03-04', responses: 0, csat: { value: null, denominator: 0, small: false }, nps: { value: null }, satIndex: { value: null, n: 0 } });
  });

  it('per Monday week and per month; too many points asks for a coarser view; scope applies', async () => {
    const jn = await h.orgId('JN');
    const w = await trend(qm, { orgUnit: jn, from: '2026-03-01', to: '2026-03-10', granularity: 'week' });
    expect(w.buckets.map((b: { bucket: string; from: string; to: string; responses: number; csat: { value: number | null } }) => [b.bucket, b.from, b.to, b.responses, b.csat.value])).toEqual([
      ['2026-02-23', '2026-03-01', '2026-03-01', 1, 100],
      ['2026-03-02', '2026-03-02', '2026-03-08', 2, 50],
      ['2026-03-09', '2026-03-09', '2026-03-10', 0, null],
    ]);
    const m = await trend(qm, { orgUnit: jn, from: '2026-02-01', to: '2026-03-31', granularity: 'month' });
    expect(m.buckets.map((b: { bucket: string; responses: number; csat: { value: number | null } }) => [b.bucket, b.responses, b.csat.value])).toEqual([['2026-02-01', 0, null], ['2026-03-01', 3, 66.67]]);
    const tooMany = await qm.req('GET', `/api/v1/survey-analysis/trend?${new URLSearchParams({ survey: trendSurvey, from: '2025-01-01', to: '2026-12-31', granularity: 'day' })}`);
    expect(tooMany.statusCode).toBe(400);
    expect(tooMany.json().error.message).toMatch(/coarser granularity/);
    // 西州's manager sees none of 东州's answers
    const bmXz = await h.login('bm.xz');
    const xz = await trend(bmXz, { from: '2026-03-01', to: '2026-03-05', granularity: 'day' });
    expect(xz.buckets.every((b: { responses: number }) => b.responses === 0)).toBe(true);
  });
});

describe('breakdowns', () => {
  type Row = { key: string | null; name: string | null; responses: number; csat: { value: number | null; denominator: number }; nps: { value: number | null }; small: boolean };
  const breakdown = async (s: Session, over: Record<string, string | number>) => {
    const res = await s.req('GET', `/api/v1/survey-analysis/breakdown?${q(over)}`);
    expect(res.statusCode, res.body).toBe(200);
    return res.json() as { by: string; items: Row[]; total: number };
  };

  it('by staff: the answer’s own staff, else the ticket’s assignee, names from users; within scope', async () => {
    // the 西州 store answer names who served (no ticket assignee there)
    await h.database.db.execute(sql`UPDATE survey_responses SET staff_user_id = ${await h.userId('agent.xz1')} WHERE id = ${responses[5]}`);
    const jn = await h.orgId('JN');
    const b = await breakdown(qm, { orgUnit: jn, by: 'staff' });
    expect(b.by).toBe('staff');
    expect(b.items.map((r) => [r.name, r.responses, r.csat.value, r.small])).toEqual([
      ['张晓(东州坐席)', 4, 50, true],
      ['吴磊(西州营业员)', 1, 100, true],
      [null, 1, 0, true],
    ]);
    expect(b.items[0]!.key).toBe(await h.userId('agent.dz1'));
    // weakest CSAT first; no figure last
    expect((await breakdown(qm, { orgUnit: jn, by: 'staff', sort: 'csat' })).items.map((r) => r.csat.value)).toEqual([0, 50, 100]);
    expect((await breakdown(bmDz, { by: 'staff' })).items.map((r) => r.name)).toEqual(['张晓(东州坐席)']);
  });

  it('by channel, category level 1 and 2, and child unit; sorted and paged', async () => {
    const jn = await h.orgId('JN');
    expect((await breakdown(qm, { orgUnit: jn, by: 'channel' })).items.map((r) => [r.key, r.name, r.responses])).toEqual([['hotline', null, 4], ['store', null, 2]]);
    const l1 = await breakdown(qm, { orgUnit: jn, by: 'category', categoryLevel: 1 });
    expect(l1.items.map((r) => [r.key, r.responses])).toEqual([[cat['N'], 4], [cat['S'], 2]]);
    const l2 = await breakdown(qm, { orgUnit: jn, by: 'category' });
    expect(l2.items.map((r) => [r.key, r.responses])).toEqual([[cat['N03'], 4], [cat['S01'], 2]]);
    expect(l2.items[0]!.name).toBeTruthy();
    const units = await breakdown(qm, { orgUnit: jn, by: 'orgUnit', sort: 'name' });
    // every active child unit, answered or not
    expect(units.total).toBe(4);
    expect(units.items.find((r) => r.key === (null as unknown))).toBeUndefined();
    const byKey = Object.fromEntries(units.items.map((r) => [r.name, r.responses]));
    expect(byKey).toEqual({ 东州分公司: 4, 西州分公司: 2, 南州分公司: 0, 北州分公司: 0 });
    const paged = await breakdown(qm, { orgUnit: jn, by: 'orgUnit', pageSize: 1, page: 2 });
    expect(paged).toMatchObject({ total: 4, page: 2, pageSize: 1 });
    expect(paged.items.map((r) => r.name)).toEqual(['西州分公司']);
    expect((await qm.req('GET', `/api/v1/survey-analysis/breakdown?${q({ by: 'weather' })}`)).statusCode).toBe(400);
  });
});

describe('catching up older answers', () => {
  it('gives answers stored before comments existed their comments, once, then stops', async () => {
    const [old] = rowsOf<{ id: string }>(await h.database.db.execute(sql`
      INSERT INTO survey_responses (survey_id, version, org_unit_id, channel, answers, csat, nps, created_at)
      VALUES (${survey}, 1, ${await h.orgId('JN-NZ-S01')}, 'sms', '{"overall": 2, "comment": "装机师傅上门很及时，但是宽带还是断网"}'::jsonb, 2, NULL, now() - interval '1 day')
      RETURNING id`));
    await h.database.db.execute(sql`INSERT INTO app_settings (key, value) VALUES ('survey_comments_catch_up', jsonb_build_object('before', now()))`);
    const runs = [];
    for (let i = 0; i < 20; i++) {
      const r = await catchUpSurveyComments(h.database.db, 2);
      runs.push(r);
      if (r.done) break;
    }
    expect(runs.at(-1)!.done).toBe(true);
    expect(runs.length).toBeGreaterThan(1); // walked in batches of two
    const [c] = rowsOf<{ text: string; keywords: string[]; csat: number; channel: string }>(await h.database.db.execute(sql`SELECT * FROM survey_comments WHERE response_id = ${old!.id}`));
    expect(c).toMatchObject({ text: '装机师傅上门很及时，但是宽带还是断网', csat: 2, channel: 'sms' });
    expect(c!.keywords).toEqual(expect.arrayContaining(['装机', '宽带']));
    // the answers that already had comments kept them, once each
    const [n] = rowsOf<{ n: number }>(await h.database.db.execute(sql`SELECT count(*)::int AS n FROM survey_comments WHERE survey_id = ${survey}`));
    expect(n!.n).toBe(6);
    expect(rowsOf(await h.database.db.execute(sql`SELECT 1 FROM app_settings WHERE key = 'survey_comments_catch_up'`))).toHaveLength(0);
    expect(await catchUpSurveyComments(h.database.db, 2)).toEqual({ answers: 0, comments: 0, done: true });
  });
});

describe('the daily tallies', () => {
  /** The tallies as they should be, counted again from the answers. */
  const recount = async () => {
    const kept = rowsOf<{ k: string; n: number }>(await h.database.db.execute(sql`
      SELECT concat_ws('|', survey_id, day, org_unit_id, kind, score) AS k, sum(n)::int AS n FROM survey_day_scores GROUP BY 1 HAVING sum(n) <> 0 ORDER BY 1`));
    const fresh = rowsOf<{ k: string; n: number }>(await h.database.db.execute(sql`
      SELECT concat_ws('|', r.survey_id, (r.created_at AT TIME ZONE 'Asia/Shanghai')::date, r.org_unit_id, k.kind, k.score) AS k, count(*)::int AS n
      FROM survey_responses r CROSS JOIN LATERAL (VALUES ('all', 0::smallint), ('csat', r.csat), ('nps', r.nps)) AS k(kind, score)
      WHERE r.org_unit_id IS NOT NULL AND k.score IS NOT NULL GROUP BY 1 ORDER BY 1`));
    const keptItems = rowsOf<{ k: string }>(await h.database.db.execute(sql`
      SELECT concat_ws('|', survey_id, day, org_unit_id, question_key, element_id, dimension, sum(scored), sum(score_sum), sum(paired), sum(expectation_sum), sum(perception_sum)) AS k
      FROM survey_day_items GROUP BY survey_id, day, org_unit_id, question_key, element_id, dimension HAVING sum(scored) <> 0 OR sum(paired) <> 0 ORDER BY 1`));
    const freshItems = rowsOf<{ k: string }>(await h.database.db.execute(sql`
      SELECT concat_ws('|', survey_id, (created_at AT TIME ZONE 'Asia/Shanghai')::date, org_unit_id, question_key, element_id, dimension, count(score), coalesce(sum(score), 0),
                       count(*) FILTER (WHERE expectation IS NOT NULL), coalesce(sum(expectation), 0), coalesce(sum(perception), 0)) AS k
      FROM survey_response_items WHERE org_unit_id IS NOT NULL
      GROUP BY survey_id, (created_at AT TIME ZONE 'Asia/Shanghai')::date, org_unit_id, question_key, element_id, dimension ORDER BY 1`));
    const keptChannels = rowsOf<{ k: string; n: number }>(await h.database.db.execute(sql`
      SELECT concat_ws('|', survey_id, day, org_unit_id, channel, kind, score) AS k, sum(n)::int AS n FROM survey_day_channels GROUP BY 1 HAVING sum(n) <> 0 ORDER BY 1`));
    const freshChannels = rowsOf<{ k: string; n: number }>(await h.database.db.execute(sql`
      SELECT concat_ws('|', r.survey_id, (r.created_at AT TIME ZONE 'Asia/Shanghai')::date, r.org_unit_id, COALESCE(t.channel, r.channel), k.kind, k.score) AS k, count(*)::int AS n
      FROM survey_responses r LEFT JOIN tickets t ON t.id = r.ticket_id CROSS JOIN LATERAL (VALUES ('all', 0::smallint), ('csat', r.csat), ('nps', r.nps)) AS k(kind, score)
      WHERE r.org_unit_id IS NOT NULL AND k.score IS NOT NULL GROUP BY 1 ORDER BY 1`));
    return { kept, fresh, keptItems, freshItems, keptChannels, freshChannels };
  };

  it('follow every insert, update and deletion of the answers', async () => {
    let t = await recount();
    expect(t.kept.length).toBeGreaterThan(10);
    expect(t.kept).toEqual(t.fresh);
    expect(t.keptItems).toEqual(t.freshItems);
    expect(t.keptChannels).toEqual(t.freshChannels);
    // an answer moved to another day, unit and score; another one removed
    await h.database.db.execute(sql`UPDATE survey_responses SET csat = 1, nps = 0, org_unit_id = ${await h.orgId('JN-BZ-S01')}, created_at = created_at - interval '3 days' WHERE id = ${responses[2]}`);
    await h.database.db.execute(sql`UPDATE survey_response_items SET score = 1, created_at = created_at - interval '3 days' WHERE response_id = ${responses[2]}`);
    await h.database.db.execute(sql`DELETE FROM survey_comments WHERE response_id = ${responses[3]}`);
    await h.database.db.execute(sql`DELETE FROM survey_response_items WHERE response_id = ${responses[3]}`);
    await h.database.db.execute(sql`DELETE FROM survey_responses WHERE id = ${responses[3]}`);
    t = await recount();
    expect(t.kept).toEqual(t.fresh);
    expect(t.keptItems).toEqual(t.freshItems);
    expect(t.keptChannels).toEqual(t.freshChannels);
  });
});

describe('impossible dates', () => {
  it('are refused with 400 on every analysis route, not a database error', async () => {
    for (const path of ['/api/v1/survey-analysis', '/api/v1/survey-analysis/comments', '/api/v1/survey-analysis/keywords', '/api/v1/survey-analysis/trend', '/api/v1/survey-analysis/breakdown']) {
      const res = await qm.req('GET', `${path}?survey=${survey}&from=2026-02-30&to=2026-03-31`);
      expect(res.statusCode, `${path}: ${res.body}`).toBe(400);
      expect(res.json().error.message).toContain('real');
    }
  });
});
