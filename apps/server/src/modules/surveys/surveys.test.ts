import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { rowsOf } from '../../db/client.js';
import { createHarness, type Harness, type Session } from '../../test/harness.js';

/** Building, versioning and publishing surveys through the API; published versions never change. */
let h: Harness;
let qm: Session;
let agent: Session;
let inspector: Session;
let cat: Record<string, string>;

beforeAll(async () => {
  h = await createHarness();
  qm = await h.login('qm.li');
  agent = await h.login('agent.dz1');
  inspector = await h.login('inspector.dz');
  cat = await h.categoryIds();
});
afterAll(() => h.close());

const content = (over: Record<string, unknown> = {}) => ({
  nameZh: '投诉处理满意度回访',
  nameEn: 'Complaint follow-up',
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
  ...over,
});

describe('surveys', () => {
  it('refuses bad content with the path of each problem', async () => {
    const bad = async (c: Record<string, unknown>, path: string) => {
      const res = await qm.req('POST', '/api/v1/surveys', { code: `BAD-${Math.random().toString(36).slice(2, 7)}`, content: c });
      expect(res.statusCode, res.body).toBe(400);
      expect(JSON.stringify(res.json().error.details)).toContain(path);
    };
    const qs = content().questions;
    await bad(content({ questions: [qs[0], { ...qs[1], key: 'overall' }] }), 'key');
    await bad(content({ questions: [qs[0], { ...qs[0], key: 'again' }] }), 'type');
    await bad(content({ questions: [{ ...qs[3], options: undefined }] }), 'options');
    await bad(content({ questions: [{ ...qs[2], dimension: undefined }] }), 'dimension');
    await bad(content({ questions: [] }), 'questions');
    await bad(content({ questions: [{ ...qs[0], elementId: '00000000-0000-4000-8000-000000000000' }] }), 'elementId');
    expect((await agent.req('POST', '/api/v1/surveys', { code: 'AGENT', content: content() })).statusCode).toBe(403);
  });

  it('create → draft 1 → publish → edit makes draft 2 while version 1 stays answerable and unchanged → publish 2', async () => {
    const created = await qm.req('POST', '/api/v1/surveys', { code: 'FOLLOWUP', content: content() });
    expect(created.statusCode, created.body).toBe(201);
    const s = created.json();
    expect(s).toMatchObject({ code: 'FOLLOWUP', state: 'draft', publishedVersion: null, draftVersion: 1, questions: 5, responses: 0, published: null });
    expect(s.draft.content.questions[4]).toMatchObject({ key: 'comment', required: false });
    expect((await qm.req('POST', '/api/v1/surveys', { code: 'followup', content: content() })).statusCode).toBe(409);

    const pub = await qm.req('POST', `/api/v1/surveys/${s.id}/publish`, { rowVersion: s.rowVersion });
    expect(pub.statusCode, pub.body).toBe(200);
    const v1 = pub.json();
    expect(v1).toMatchObject({ state: 'published', publishedVersion: 1, draftVersion: null, draft: null });
    expect(v1.published.publishedAt).toBeTruthy();
    // a stale editor is refused, nothing lost
    expect((await qm.req('PUT', `/api/v1/surveys/${s.id}/draft`, { rowVersion: s.rowVersion, content: content() })).statusCode).toBe(409);

    // an answer to version 1 (the answering page comes next; written here directly)
    await h.database.db.execute(sql`INSERT INTO survey_responses (survey_id, version, channel, answers, csat) VALUES (${s.id}, 1, 'sms', '{"overall": 5}'::jsonb, 5)`);
    const edited = await qm.req('PUT', `/api/v1/surveys/${s.id}/draft`, { rowVersion: v1.rowVersion, content: content({ nameZh: '投诉处理满意度回访（第二版）' }) });
    expect(edited.statusCode, edited.body).toBe(200);
    const d2 = edited.json();
    expect(d2).toMatchObject({ state: 'published', publishedVersion: 1, draftVersion: 2, nameZh: '投诉处理满意度回访', responses: 1 });
    expect(d2.draft).toMatchObject({ version: 2, publishedAt: null, responses: 0 });
    expect(d2.published).toMatchObject({ version: 1, responses: 1 });
    // saving the draft again edits version 2 in place
    const again = await qm.req('PUT', `/api/v1/surveys/${s.id}/draft`, { rowVersion: d2.rowVersion, content: content({ nameZh: '第二版' }) });
    expect(again.json()).toMatchObject({ draftVersion: 2, draft: { content: { nameZh: '第二版' } } });

    const p2 = (await qm.req('POST', `/api/v1/surveys/${s.id}/publish`, { rowVersion: again.json().rowVersion })).json();
    expect(p2).toMatchObject({ publishedVersion: 2, draftVersion: null, nameZh: '第二版' });
    expect(p2.history.map((v: { version: number; responses: number }) => [v.version, v.responses])).toEqual([[2, 0], [1, 1]]);
    // version 1 is still there, as it was, with its answer
    const old = (await qm.req('GET', `/api/v1/surveys/${s.id}/versions/1`)).json();
    expect(old).toMatchObject({ version: 1, responses: 1, content: { nameZh: '投诉处理满意度回访' } });
    expect((await qm.req('GET', `/api/v1/surveys/${s.id}/versions/9`)).statusCode).toBe(404);
  });

  it('a published version cannot change, not even by a direct write', async () => {
    const [s] = rowsOf<{ id: string }>(await h.database.db.execute(sql`SELECT id FROM surveys WHERE code = 'FOLLOWUP'`));
    const refusal = (q: Promise<unknown>) => q.then(() => 'changed', (e: { message: string; cause?: { message: string } }) => e.cause?.message ?? e.message);
    expect(await refusal(h.database.db.execute(sql`UPDATE survey_versions SET content = '{}'::jsonb WHERE survey_id = ${s!.id} AND version = 1`))).toMatch(/is published and cannot change/);
    expect(await refusal(h.database.db.execute(sql`DELETE FROM survey_versions WHERE survey_id = ${s!.id} AND version = 1`))).toMatch(/is published and cannot change/);
  });

  it('discard a draft, retire and reinstate; lists filter, sort and page; readers read, every change audited', async () => {
    const list = async (q: Record<string, string>) => (await inspector.req('GET', `/api/v1/surveys?${new URLSearchParams(q)}`)).json();
    const s = (await list({ q: 'FOLLOW' })).items[0];
    const d = (await qm.req('PUT', `/api/v1/surveys/${s.id}/draft`, { rowVersion: s.rowVersion, content: content() })).json();
    const discarded = await qm.req('DELETE', `/api/v1/surveys/${s.id}/draft`, { rowVersion: d.rowVersion });
    expect(discarded.json()).toMatchObject({ draftVersion: null, publishedVersion: 2 });
    const retired = await qm.req('POST', `/api/v1/surveys/${s.id}/retire`, { rowVersion: discarded.json().rowVersion });
    expect(retired.json().state).toBe('retired');
    expect((await qm.req('POST', `/api/v1/surveys/${s.id}/retire`, { rowVersion: retired.json().rowVersion })).statusCode).toBe(400);
    const back = await qm.req('POST', `/api/v1/surveys/${s.id}/reinstate`, { rowVersion: retired.json().rowVersion });
    expect(back.json().state).toBe('published');

    const draftOnly = (await qm.req('POST', '/api/v1/surveys', { code: 'STORE-QR', content: content({ nameZh: '营业厅扫码评价', nameEn: 'Store scan-to-rate' }) })).json();
    expect((await qm.req('POST', `/api/v1/surveys/${draftOnly.id}/retire`, { rowVersion: draftOnly.rowVersion })).statusCode).toBe(400);
    // a never-published survey can be deleted; a published one cannot (it is retired)
    const scrap = (await qm.req('POST', '/api/v1/surveys', { code: 'SCRAP', content: content() })).json();
    expect((await qm.req('DELETE', `/api/v1/surveys/${s.id}?rowVersion=${back.json().rowVersion}`)).statusCode).toBe(400);
    expect((await qm.req('DELETE', `/api/v1/surveys/${scrap.id}?rowVersion=${scrap.rowVersion}`)).statusCode).toBe(200);
    expect((await qm.req('GET', `/api/v1/surveys/${scrap.id}`)).statusCode).toBe(404);
    expect((await list({ state: 'draft' })).items.map((x: { code: string }) => x.code)).toEqual(['STORE-QR']);
    expect((await list({ sort: 'code' })).items.map((x: { code: string }) => x.code)).toEqual(['FOLLOWUP', 'STORE-QR']);
    const paged = await list({ sort: '-code', pageSize: '1', page: '2' });
    expect(paged).toMatchObject({ total: 2, page: 2, pageSize: 1, items: [{ code: 'FOLLOWUP' }] });
    expect((await list({ q: '扫码' })).items.map((x: { code: string }) => x.code)).toEqual(['STORE-QR']);
    expect((await agent.req('GET', '/api/v1/surveys')).statusCode).toBe(403);

    const [audit] = rowsOf<{ n: number }>(await h.database.db.execute(sql`SELECT count(*)::int AS n FROM audit_log WHERE entity_id = ${s.id} AND entity_type IN ('survey', 'survey_draft')`));
    // create, publish, save (new v2), save (v2), publish, save (v3), discard, retire, reinstate
    expect(audit!.n).toBe(9);
    expect((await qm.req('GET', `/api/v1/surveys/${s.id}`)).json().history[0].publishedByName).toBe('李品管');
  });
});

describe('answering through a signed single-use link', () => {
  let survey: { id: string; rowVersion: number };
  let ticketId: string;
  const invite = async (body: Record<string, unknown>) => {
    const res = await qm.req('POST', `/api/v1/surveys/${survey.id}/invitations`, body);
    expect(res.statusCode, res.body).toBe(201);
    return res.json() as { id: string; token: string; path: string; version: number; orgUnitId: string };
  };
  const open = (token: string) => qm.req('GET', `/api/v1/public/surveys/${encodeURIComponent(token)}`);
  const answer = (token: string, answers: Record<string, unknown>) => qm.req('POST', `/api/v1/public/surveys/${encodeURIComponent(token)}/answers`, { answers });
  const full = { overall: 2, recommend: 3, speed: { expectation: 6, perception: 3 }, channel: 'hotline', comment: '等了三天' };

  beforeAll(async () => {
    const created = (await qm.req('POST', '/api/v1/surveys', { code: 'POST-TICKET', content: content() })).json();
    survey = (await qm.req('POST', `/api/v1/surveys/${created.id}/publish`, { rowVersion: created.rowVersion })).json();
    const taken = await agent.req('POST', '/api/v1/tickets', {
      type: 'complaint', channel: 'hotline', title: '宽带断网三天', categoryId: cat['N03-03'], orgUnitId: await h.orgId('JN-DZ-T01'), customer: { phone: '13912345678' },
    });
    expect(taken.statusCode, taken.body).toBe(201);
    ticketId = taken.json().id;
  });

  it('opens the version it was sent for, keeps progress, takes one answer with its headline scores, then refuses the link', async () => {
    const inv = await invite({ ticketId, channel: 'sms' });
    expect(inv.path).toBe(`/s/${inv.token}`);
    const [sms] = rowsOf<{ body: string }>(await h.database.db.execute(sql`SELECT body FROM outbound_messages WHERE ticket_id = ${ticketId} AND body LIKE '%满意度回访%'`));
    expect(sms!.body).toContain(inv.path);

    const loaded = await open(inv.token);
    expect(loaded.statusCode, loaded.body).toBe(200);
    expect(loaded.json()).toMatchObject({ surveyId: survey.id, version: 1, progress: null, content: { nameZh: '投诉处理满意度回访' } });
    const saved = await qm.req('PUT', `/api/v1/public/surveys/${inv.token}/progress`, { answers: { overall: 2 } });
    expect(saved.statusCode, saved.body).toBe(200);
    expect((await open(inv.token)).json().progress).toEqual({ overall: 2 });
    expect((await qm.req('PUT', `/api/v1/public/surveys/${inv.token}/progress`, { answers: { overall: 9 } })).statusCode).toBe(400);

    const incomplete = await answer(inv.token, { overall: 2 });
    expect(incomplete.statusCode).toBe(400);
    expect(incomplete.json().error.details.map((d: { path: string }) => d.path)).toEqual(['body.answers.recommend', 'body.answers.speed', 'body.answers.channel']);
    const done = await answer(inv.token, full);
    expect(done.statusCode, done.body).toBe(201);
    const [r] = rowsOf<{ version: number; csat: number; nps: number; ticket_id: string; org_unit_id: string }>(
      await h.database.db.execute(sql`SELECT version, csat, nps, ticket_id, org_unit_id FROM survey_responses WHERE id = ${done.json().responseId}`),
    );
    expect(r).toMatchObject({ version: 1, csat: 2, nps: 3, ticket_id: ticketId, org_unit_id: inv.orgUnitId });

    const again = await answer(inv.token, full);
    expect(again.statusCode).toBe(409);
    expect(again.json().error.details.reason).toBe('answered');
    expect((await open(inv.token)).json().error.details.reason).toBe('answered');
  });

  it('refuses tampered, foreign and expired links, and links to a retired survey, each with its reason', async () => {
    const inv = await invite({ ticketId });
    const [head, sig] = inv.token.split('.') as [string, string];
    const payload = JSON.parse(Buffer.from(head, 'base64url').toString());
    const forged = `${Buffer.from(JSON.stringify({ ...payload, exp: payload.exp + 86_400 })).toString('base64url')}.${sig}`;
    for (const bad of [forged, `${head}.${sig.slice(0, -2)}xx`, 'not-a-token-at-all']) {
      const res = await open(bad);
      expect(res.statusCode, bad).toBe(404);
      expect(res.json().error.details.reason).toBe('invalid');
      expect((await answer(bad, full)).statusCode).toBe(404);
    }
    // a link another installation signed (another secret) is not ours
    const { signSurveyToken } = await import('./survey-token.js');
    expect((await open(signSurveyToken(payload, 'another-secret'))).json().error.details.reason).toBe('invalid');

    // expired: the token's own expiry, checked against the clock
    const expiring = await invite({ ticketId, expiresInDays: 1 });
    const realNow = Date.now;
    Date.now = () => realNow() + 2 * 86_400_000;
    try {
      const res = await answer(expiring.token, full);
      expect(res.statusCode).toBe(409);
      expect(res.json().error.details.reason).toBe('expired');
    } finally {
      Date.now = realNow;
    }

    const s = (await qm.req('GET', `/api/v1/surveys/${survey.id}`)).json();
    const retired = (await qm.req('POST', `/api/v1/surveys/${survey.id}/retire`, { rowVersion: s.rowVersion })).json();
    expect((await answer(inv.token, full)).json().error.details.reason).toBe('closed');
    expect((await qm.req('POST', `/api/v1/surveys/${survey.id}/invitations`, { ticketId })).statusCode).toBe(400);
    await qm.req('POST', `/api/v1/surveys/${survey.id}/reinstate`, { rowVersion: retired.rowVersion });
    expect((await answer(inv.token, full)).statusCode).toBe(201);
  });

  it('answers stay with their version: a link sent for version 1 is answered on version 1 after version 2 is published', async () => {
    const inv = await invite({ ticketId });
    const s = (await qm.req('GET', `/api/v1/surveys/${survey.id}`)).json();
    const d = (await qm.req('PUT', `/api/v1/surveys/${survey.id}/draft`, { rowVersion: s.rowVersion, content: content({ questions: [content().questions[0]] }) })).json();
    const v2 = (await qm.req('POST', `/api/v1/surveys/${survey.id}/publish`, { rowVersion: d.rowVersion })).json();
    expect(v2.publishedVersion).toBe(2);
    expect((await open(inv.token)).json()).toMatchObject({ version: 1, content: { questions: expect.arrayContaining([expect.objectContaining({ key: 'recommend' })]) } });
    expect((await answer(inv.token, full)).statusCode).toBe(201);
    const fresh = await invite({ ticketId });
    expect(fresh.version).toBe(2);
    // version 2 asks only the CSAT question: the old full answer set is refused for its unknown keys
    expect((await answer(fresh.token, full)).statusCode).toBe(400);
    expect((await answer(fresh.token, { overall: 5 })).statusCode).toBe(201);
    const counts = rowsOf<{ version: number; n: number }>(await h.database.db.execute(sql`SELECT version, count(*)::int AS n FROM survey_responses WHERE survey_id = ${survey.id} GROUP BY 1 ORDER BY 1`));
    expect(counts).toEqual([{ version: 1, n: 3 }, { version: 2, n: 1 }]);
  });

  it('keeps to scope and consent: managers only, a customer who declined surveys is not invited', async () => {
    expect((await agent.req('POST', `/api/v1/surveys/${survey.id}/invitations`, { ticketId })).statusCode).toBe(403);
    const [c] = rowsOf<{ id: string }>(await h.database.db.execute(sql`SELECT customer_id AS id FROM tickets WHERE id = ${ticketId}`));
    await h.database.db.execute(sql`UPDATE customers SET consent_survey = false WHERE id = ${c!.id}`);
    const res = await qm.req('POST', `/api/v1/surveys/${survey.id}/invitations`, { customerId: c!.id });
    expect(res.statusCode).toBe(400);
    expect(res.json().error.message).toMatch(/declined surveys/);
    await h.database.db.execute(sql`UPDATE customers SET consent_survey = true WHERE id = ${c!.id}`);
    expect((await qm.req('POST', `/api/v1/surveys/${survey.id}/invitations`, { ticketId, customerId: c!.id })).statusCode).toBe(400);
  });
});

describe('answers feed the indicators', () => {
  it('CSAT and NPS of the answers so far, by org unit, filtered by the ticket they follow, by day', async () => {
    // the answers above: CSAT 2, 2, 2 and 5 (4 answers, 1 satisfied); NPS 3, 3, 3 (3 detractors), all about a 东州 ticket
    const today = new Date(Date.now() + 8 * 3_600_000).toISOString().slice(0, 10);
    const q = (over: Record<string, string> = {}) => new URLSearchParams({ from: today, to: today, ...over });
    const csat = (await qm.req('GET', `/api/v1/indicators/csat/value?${q()}`)).json();
    expect(csat).toMatchObject({ value: 25, numerator: 1, denominator: 4 });
    expect((await qm.req('GET', `/api/v1/indicators/nps/value?${q()}`)).json()).toMatchObject({ value: -100, numerator: -3, denominator: 3 });
    expect((await qm.req('GET', `/api/v1/indicators/csat/value?${q({ orgUnit: await h.orgId('JN-XZ') })}`)).json()).toMatchObject({ value: null, denominator: 0 });
    // the answers follow a hotline complaint: filtered to the store channel there are none
    expect((await qm.req('GET', `/api/v1/indicators/csat/value?${q({ channel: 'store' })}`)).json()).toMatchObject({ value: null, sliced: true });
    expect((await qm.req('GET', `/api/v1/indicators/csat/value?${q({ channel: 'hotline' })}`)).json()).toMatchObject({ value: 25 });
    const byUnit = (await qm.req('GET', `/api/v1/indicators/csat/breakdown?${q({ by: 'unit' })}`)).json();
    const dz = await h.orgId('JN-DZ');
    expect(byUnit.rows.find((r: { by: string }) => r.by === dz)).toMatchObject({ value: 25, denominator: 4 });
    const series = (await qm.req('GET', `/api/v1/indicators/csat/series?${q({ grain: 'day' })}`)).json();
    expect(series.points).toEqual([expect.objectContaining({ from: today, value: 25, numerator: 1, denominator: 4 })]);
    // the CSAT question measures element S10: (2−1)·25 three times and (5−1)·25 → 43.75, the only element so far
    expect((await qm.req('GET', `/api/v1/indicators/sat_index/value?${q()}`)).json()).toMatchObject({ value: 43.75, numerator: null, denominator: 4 });
  });
});

describe('a flood of answers from one address', () => {
  it('is refused past the limit with 429', async () => {
    const small = await createHarness({ env: { SURVEY_RATE_LIMIT: '2' } });
    try {
      const s = await small.login('qm.li');
      const res = [];
      for (let i = 0; i < 3; i++) res.push((await s.req('POST', '/api/v1/public/surveys/not-a-token-at-all/answers', { answers: {} })).statusCode);
      expect(res).toEqual([404, 404, 429]);
    } finally {
      await small.close();
    }
  });
});

describe('post-ticket sending rules', () => {
  it('a matching ticket answered gets the survey by SMS once; the cool-down, consent and non-matching tickets are skipped and logged', async () => {
    const { sendPostTicketSurveys } = await import('./send-post-ticket-surveys.js');
    const secret = 'test-secret-'.padEnd(40, 'x');
    const created = (await qm.req('POST', '/api/v1/surveys', { code: 'AUTO', content: content() })).json();
    const survey = (await qm.req('POST', `/api/v1/surveys/${created.id}/publish`, { rowVersion: created.rowVersion })).json();
    expect((await qm.req('POST', '/api/v1/survey-rules', { surveyId: survey.id, trigger: 'answered', types: ['fax'] })).statusCode).toBe(400);
    const ruleRes = await qm.req('POST', '/api/v1/survey-rules', { surveyId: survey.id, trigger: 'answered', types: ['complaint'], categoryIds: [cat['N']], cooldownDays: 30 });
    expect(ruleRes.statusCode, ruleRes.body).toBe(201);
    const rule = ruleRes.json();
    await sendPostTicketSurveys(h.database.db, secret, { settleMs: 0 }); // whatever happened before the rule is not surveyed again below
    const me = await h.userId('agent.dz1');
    const answered = async (over: Record<string, unknown>) => {
      const t = (await agent.req('POST', '/api/v1/tickets', {
        type: 'complaint', channel: 'hotline', title: '网速慢', categoryId: cat['N03-01'], orgUnitId: await h.orgId('JN-DZ-T01'), ...over,
      })).json();
      for (const body of [{ action: 'assign', assigneeId: me }, { action: 'start' }, { action: 'answer', reply: '已为您处理' }]) {
        const version = (await agent.req('GET', `/api/v1/tickets/${t.id}`)).json().version;
        const res = await agent.req('POST', `/api/v1/tickets/${t.id}/transitions`, { version, ...body });
        expect(res.statusCode, res.body).toBe(200);
      }
      return t.id as string;
    };
    const first = await answered({ customer: { phone: '13955550001' } });
    const sameCustomer = await answered({ customer: { phone: '13955550001' } });
    const billing = await answered({ customer: { phone: '13955550002' }, categoryId: cat['S01-01'] });
    const consult = await answered({ customer: { phone: '13955550003' }, type: 'consultation' });
    const declined = await answered({ customer: { phone: '13955550004' } });
    await h.database.db.execute(sql`UPDATE customers SET consent_survey = false WHERE phone = '13955550004'`);

    const run = await sendPostTicketSurveys(h.database.db, secret, { settleMs: 0 });
    expect(run).toMatchObject({ sent: 1, skipped: 2 });
    const sends = Object.fromEntries(
      rowsOf<{ ticket_id: string; outcome: string }>(await h.database.db.execute(sql`SELECT ticket_id, outcome FROM survey_sends WHERE rule_id = ${rule.id}`)).map((r) => [r.ticket_id, r.outcome]),
    );
    expect(sends).toEqual({ [first]: 'sent', [sameCustomer]: 'cooldown', [declined]: 'no_consent' });
    expect(sends[billing]).toBeUndefined();
    expect(sends[consult]).toBeUndefined();
    const [sms] = rowsOf<{ to_address: string; body: string }>(await h.database.db.execute(sql`SELECT to_address, body FROM outbound_messages WHERE ticket_id = ${first} AND body LIKE '%/s/%'`));
    expect(sms!.to_address).toBe('13955550001');
    // the link in the SMS opens the survey
    const path = sms!.body.slice(sms!.body.indexOf('/s/') + 3);
    expect((await qm.req('GET', `/api/v1/public/surveys/${path}`)).json()).toMatchObject({ surveyId: survey.id, version: 1 });
    // each event is handled once
    expect(await sendPostTicketSurveys(h.database.db, secret, { settleMs: 0 })).toMatchObject({ events: 0, sent: 0 });
    const listed = (await inspector.req('GET', '/api/v1/survey-rules')).json().items.find((r: { id: string }) => r.id === rule.id);
    expect(listed).toMatchObject({ sent: 1, skipped: 2, surveyCode: 'AUTO' });
    const changed = await qm.req('PUT', `/api/v1/survey-rules/${rule.id}`, { surveyId: survey.id, trigger: 'closed', version: rule.version });
    expect(changed.json()).toMatchObject({ trigger: 'closed', version: 2 });
    expect((await qm.req('PUT', `/api/v1/survey-rules/${rule.id}`, { surveyId: survey.id, trigger: 'closed', version: rule.version })).statusCode).toBe(409);
  });
});

describe('service recovery (服务补救)', () => {
  it('a low score opens a high-priority follow-up ticket with the answers; closing the loop records whether the customer was won back', async () => {
    const created = (await qm.req('POST', '/api/v1/surveys', { code: 'RECOVERY', content: content() })).json();
    const survey = (await qm.req('POST', `/api/v1/surveys/${created.id}/publish`, { rowVersion: created.rowVersion })).json();
    expect(survey.recovery).toEqual({ csatAtMost: 2, npsAtMost: 6 });
    const taken = (await agent.req('POST', '/api/v1/tickets', {
      type: 'complaint', channel: 'hotline', title: '宽带装机延误', categoryId: cat['N03-03'], orgUnitId: await h.orgId('JN-DZ-T01'), customer: { phone: '13966660001' },
    })).json();
    const send = async () => (await qm.req('POST', `/api/v1/surveys/${survey.id}/invitations`, { ticketId: taken.id })).json().token as string;
    const submit = async (answers: Record<string, unknown>) => {
      const res = await qm.req('POST', `/api/v1/public/surveys/${await send()}/answers`, { answers });
      expect(res.statusCode, res.body).toBe(201);
      return res.json().responseId as string;
    };
    const happy = await submit({ overall: 5, recommend: 9, speed: { expectation: 5, perception: 6 }, channel: 'hotline' });
    const unhappy = await submit({ overall: 1, recommend: 8, speed: { expectation: 7, perception: 2 }, channel: 'store', comment: '装机拖了一周' });
    const recoveries = (await qm.req('GET', `/api/v1/survey-recoveries?${new URLSearchParams({ status: 'open' })}`)).json();
    const mine = recoveries.items.filter((r: { surveyId: string }) => r.surveyId === survey.id);
    expect(mine.map((r: { responseId: string; reason: string }) => [r.responseId, r.reason])).toEqual([[unhappy, 'CSAT 1 ≤ 2']]);
    expect(mine.some((r: { responseId: string }) => r.responseId === happy)).toBe(false);
    const ticket = (await agent.req('GET', `/api/v1/tickets/${mine[0].ticketId}`)).json();
    expect(ticket).toMatchObject({ priority: 'high', type: 'complaint', categoryId: cat['N03-03'], customer: { id: taken.customer.id } });
    expect(ticket.title).toContain('服务补救');
    expect(ticket.description).toContain('您通过什么方式联系我们？：营业厅');
    expect(ticket.description).toContain('处理速度：期望 7 / 感知 2');

    // another branch sees nothing of it
    const xz = await h.login('agent.xz1');
    expect((await xz.req('GET', '/api/v1/survey-recoveries')).json().items.some((r: { responseId: string }) => r.responseId === unhappy)).toBe(false);
    expect((await xz.req('POST', `/api/v1/survey-recoveries/${unhappy}/outcome`, { recovered: true })).statusCode).toBe(404);

    // the loop closes after the ticket does
    const early = await agent.req('POST', `/api/v1/survey-recoveries/${unhappy}/outcome`, { recovered: true });
    expect(early.statusCode).toBe(409);
    const me = await h.userId('agent.dz1');
    for (const body of [{ action: 'assign', assigneeId: me }, { action: 'start' }, { action: 'answer', reply: '已致电客户道歉并加急处理' }, { action: 'close', outcome: 'resolved', followUpResult: '客户接受' }]) {
      const version = (await agent.req('GET', `/api/v1/tickets/${ticket.id}`)).json().version;
      expect((await agent.req('POST', `/api/v1/tickets/${ticket.id}/transitions`, { version, ...body })).statusCode).toBe(200);
    }
    const done = await agent.req('POST', `/api/v1/survey-recoveries/${unhappy}/outcome`, { recovered: true, note: '客户表示谅解' });
    expect(done.statusCode, done.body).toBe(200);
    expect(done.json()).toMatchObject({ recovered: true, note: '客户表示谅解', ticketState: 'closed' });
    expect((await agent.req('POST', `/api/v1/survey-recoveries/${unhappy}/outcome`, { recovered: false })).statusCode).toBe(409);
    expect((await qm.req('GET', `/api/v1/survey-recoveries?${new URLSearchParams({ status: 'recovered' })}`)).json().items.map((r: { responseId: string }) => r.responseId)).toContain(unhappy);

    // a survey set never to trigger opens no ticket
    const off = (await qm.req('PUT', `/api/v1/surveys/${survey.id}/recovery`, { csatAtMost: null, npsAtMost: null, rowVersion: survey.rowVersion })).json();
    expect(off.recovery).toEqual({ csatAtMost: null, npsAtMost: null });
    const quiet = await submit({ overall: 1, recommend: 0, speed: { expectation: 7, perception: 1 }, channel: 'store' });
    expect((await qm.req('GET', '/api/v1/survey-recoveries')).json().items.some((r: { responseId: string }) => r.responseId === quiet)).toBe(false);
  });
});

describe('analysis', () => {
  it('CSAT, NPS, the element index, SERVQUAL gaps, IPA quadrants, child units and a small-sample warning, checked by hand', async () => {
    const c = content({
      questions: [
        { key: 'overall', type: 'csat', textZh: '总体满意度', textEn: 'Overall', elementId: cat['S10'] },
        { key: 'recommend', type: 'nps', textZh: '推荐意愿', textEn: 'Recommend' },
        { key: 'speed', type: 'servqual', dimension: 'responsiveness', textZh: '处理速度', textEn: 'Speed' },
        { key: 'staff', type: 'servqual', dimension: 'assurance', textZh: '人员专业', textEn: 'Staff' },
      ],
    });
    const created = (await qm.req('POST', '/api/v1/surveys', { code: 'ANALYSIS', content: c })).json();
    const survey = (await qm.req('POST', `/api/v1/surveys/${created.id}/publish`, { rowVersion: created.rowVersion })).json();
    const t = (await agent.req('POST', '/api/v1/tickets', {
      type: 'fault', channel: 'hotline', title: '无法上网', categoryId: cat['N03-02'], orgUnitId: await h.orgId('JN-DZ-T01'), customer: { phone: '13977770001' },
    })).json();
    const answers = [
      { overall: 5, recommend: 10, speed: { expectation: 6, perception: 6 }, staff: { expectation: 7, perception: 5 } },
      { overall: 4, recommend: 7, speed: { expectation: 6, perception: 4 }, staff: { expectation: 5, perception: 5 } },
      { overall: 1, recommend: 3, speed: { expectation: 7, perception: 2 }, staff: { expectation: 6, perception: 6 } },
    ];
    for (const a of answers) {
      const token = (await qm.req('POST', `/api/v1/surveys/${survey.id}/invitations`, { ticketId: t.id })).json().token;
      expect((await qm.req('POST', `/api/v1/public/surveys/${token}/answers`, { answers: a })).statusCode).toBe(201);
    }
    await qm.req('POST', `/api/v1/surveys/${survey.id}/invitations`, { ticketId: t.id }); // sent, never answered
    const today = new Date(Date.now() + 8 * 3_600_000).toISOString().slice(0, 10);
    const res = await qm.req('GET', `/api/v1/survey-analysis?${new URLSearchParams({ survey: survey.id, orgUnit: await h.orgId('JN'), from: today, to: today })}`);
    expect(res.statusCode, res.body).toBe(200);
    const a = res.json();
    expect(a).toMatchObject({ responses: 3, invited: 4, responseRate: 75 });
    // CSAT: 5 and 4 of 3 answers → 66.67; NPS: one promoter (10), one passive (7), one detractor (3) → 0
    expect(a.csat).toEqual({ value: 66.67, numerator: 2, denominator: 3 });
    expect(a.nps).toEqual({ value: 0, promoters: 1, passives: 1, detractors: 1, n: 3 });
    // element S10 from the CSAT question: (5−1)·25 = 100, 75, 0 → 58.33; the only element, so the index
    expect(a.elements).toEqual([{ elementId: cat['S10'], mean: 58.33, n: 3, weight: 1, contribution: expect.any(Number) }]);
    expect(a.satIndex).toEqual({ value: 58.33, scoredWeightShare: 1 });
    // speed: gaps 0, −2, −5 → −2.33 (expectation 6.33, perception 4); staff: −2, 0, 0 → −0.67 (6, 5.33); overall −1.5
    expect(a.servqual.items).toEqual([
      { key: 'speed', dimension: 'responsiveness', expectation: 6.33, perception: 4, gap: -2.33, n: 3 },
      { key: 'staff', dimension: 'assurance', expectation: 6, perception: 5.33, gap: -0.67, n: 3 },
    ]);
    expect(a.servqual.overall).toBe(-1.5);
    // IPA at the means (importance 6.165, performance 4.665): speed matters and lags, staff is over-served
    expect(Object.fromEntries(a.ipa.items.map((i: { key: string; quadrant: string }) => [i.key, i.quadrant]))).toEqual({ speed: 'concentrate_here', staff: 'possible_overkill' });
    const dz = await h.orgId('JN-DZ');
    expect(a.byUnit.find((u: { orgUnitId: string }) => u.orgUnitId === dz)).toEqual({ orgUnitId: dz, responses: 3, csat: 66.67, nps: 0 });
    expect(a.warnings.map((w: { code: string }) => w.code)).toEqual(['small_sample']);
    // an inspector of 东州 reads 东州's own figures by default
    expect((await inspector.req('GET', `/api/v1/survey-analysis?${new URLSearchParams({ survey: survey.id, from: today, to: today })}`)).json()).toMatchObject({ orgUnitId: dz, responses: 3 });
    // agents have no survey access at all; another branch's manager cannot read 东州
    expect((await agent.req('GET', `/api/v1/survey-analysis?${new URLSearchParams({ survey: survey.id, from: today, to: today })}`)).statusCode).toBe(403);
    const bmXz = await h.login('bm.xz');
    expect((await bmXz.req('GET', `/api/v1/survey-analysis?${new URLSearchParams({ survey: survey.id, orgUnit: dz, from: today, to: today })}`)).statusCode).toBe(404);
    const own = (await bmXz.req('GET', `/api/v1/survey-analysis?${new URLSearchParams({ survey: survey.id, from: today, to: today })}`)).json();
    expect(own).toMatchObject({ responses: 0, warnings: [{ code: 'no_answers' }] });
  });
});

describe('the satisfaction index', () => {
  it('weighs the perception elements as set (1 by default) and feeds the sat_index indicator', async () => {
    expect((await qm.req('PUT', '/api/v1/survey-element-weights', { weights: [{ elementId: cat['S10'], weight: 0 }] })).statusCode).toBe(400);
    expect((await qm.req('PUT', '/api/v1/survey-element-weights', { weights: [{ elementId: '00000000-0000-4000-8000-000000000000', weight: 1 }] })).statusCode).toBe(400);
    expect((await agent.req('PUT', '/api/v1/survey-element-weights', { weights: [] })).statusCode).toBe(403);
    const today = new Date(Date.now() + 8 * 3_600_000).toISOString().slice(0, 10);
    const q = new URLSearchParams({ from: today, to: today });
    // two elements answered: S10 (the CSAT questions) and N03 (a star question added here)
    const c = content({ questions: [{ key: 'net', type: 'stars', textZh: '网速', textEn: 'Speed', elementId: cat['N03'] }] });
    const created = (await qm.req('POST', '/api/v1/surveys', { code: 'INDEX', content: c })).json();
    const survey = (await qm.req('POST', `/api/v1/surveys/${created.id}/publish`, { rowVersion: created.rowVersion })).json();
    const t = (await agent.req('POST', '/api/v1/tickets', {
      type: 'fault', channel: 'hotline', title: '网速慢', categoryId: cat['N03-01'], orgUnitId: await h.orgId('JN-DZ-T01'), customer: { phone: '13988880001' },
    })).json();
    const token = (await qm.req('POST', `/api/v1/surveys/${survey.id}/invitations`, { ticketId: t.id })).json().token;
    expect((await qm.req('POST', `/api/v1/public/surveys/${token}/answers`, { answers: { net: 5 } })).statusCode).toBe(201);
    const means = Object.fromEntries(
      rowsOf<{ element_id: string; mean: string }>(await h.database.db.execute(sql`
        SELECT element_id, avg(CASE WHEN type = 'nps' THEN score * 10.0 ELSE (score - 1) * 25.0 END) AS mean FROM survey_response_items
        WHERE element_id IS NOT NULL AND score IS NOT NULL GROUP BY 1`)).map((r) => [r.element_id, Number(r.mean)]),
    );
    expect(Object.keys(means).sort()).toEqual([cat['S10'], cat['N03']].sort());
    expect(means[cat['N03']!]).toBe(100);
    const index = async () => (await qm.req('GET', `/api/v1/indicators/sat_index/value?${q}`)).json().value;
    // equal weights: the plain mean of the two element means
    expect(await index()).toBeCloseTo((means[cat['S10']!]! + 100) / 2, 2);
    const saved = await qm.req('PUT', '/api/v1/survey-element-weights', { weights: [{ elementId: cat['S10'], weight: 3 }] });
    expect(saved.json().items).toEqual([{ elementId: cat['S10'], weight: 3 }]);
    // S10 weighs 3, N03 (not listed) 1
    expect(await index()).toBeCloseTo((3 * means[cat['S10']!]! + 100) / 4, 2);
    const [audit] = rowsOf<{ n: number }>(await h.database.db.execute(sql`SELECT count(*)::int AS n FROM audit_log WHERE entity_type = 'survey_element_weights'`));
    expect(audit!.n).toBe(1);
  });
});
