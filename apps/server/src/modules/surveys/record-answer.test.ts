import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { rowsOf } from '../../db/client.js';
import { createHarness, type Harness, type Session } from '../../test/harness.js';
import { recordAnswerAtOnce } from './record-answer.js';
import { publishedContent } from './version-content-cache.js';

/** Answers stored in one statement, and the careful path for everything else. */
let h: Harness;
let qm: Session;
let agent: Session;
let survey: { id: string; rowVersion: number };
let ticketId: string;

beforeAll(async () => {
  h = await createHarness();
  qm = await h.login('qm.li');
  agent = await h.login('agent.dz1');
  const cat = await h.categoryIds();
  const content = {
    nameZh: '装机回访', nameEn: 'Installation follow-up',
    questions: [
      { key: 'overall', type: 'csat', textZh: '总体满意度', textEn: 'Overall', elementId: cat['S10'] },
      { key: 'recommend', type: 'nps', textZh: '推荐意愿', textEn: 'Recommend' },
      { key: 'speed', type: 'servqual', dimension: 'responsiveness', textZh: '上门及时', textEn: 'Prompt visit' },
      { key: 'comment', type: 'text', required: false, textZh: '建议', textEn: 'Comment' },
    ],
  };
  const created = (await qm.req('POST', '/api/v1/surveys', { code: 'ONE-STATEMENT', content })).json();
  survey = (await qm.req('POST', `/api/v1/surveys/${created.id}/publish`, { rowVersion: created.rowVersion })).json();
  survey = (await qm.req('PUT', `/api/v1/surveys/${survey.id}/recovery`, { csatAtMost: 2, npsAtMost: null, rowVersion: survey.rowVersion })).json();
  const t = await agent.req('POST', '/api/v1/tickets', {
    type: 'fault', channel: 'hotline', title: '宽带装机后无法上网', categoryId: cat['N03-03'], orgUnitId: await h.orgId('JN-DZ-T01'), customer: { phone: '13800138000' },
  });
  expect(t.statusCode, t.body).toBe(201);
  ticketId = t.json().id;
});
afterAll(() => h.close());

const invite = async () => {
  const res = await qm.req('POST', `/api/v1/surveys/${survey.id}/invitations`, { ticketId, channel: 'link' });
  expect(res.statusCode, res.body).toBe(201);
  return res.json() as { id: string; token: string };
};
const submit = (token: string, answers: Record<string, unknown>) =>
  h.app.inject({ method: 'POST', url: `/api/v1/public/surveys/${encodeURIComponent(token)}/answers`, payload: { answers } });

describe('recording an answer', () => {
  it('stores the answer, its scored items and its comment with keywords, all with the answer\'s own time', async () => {
    const inv = await invite();
    const res = await submit(inv.token, { overall: 4, recommend: 9, speed: { expectation: 6, perception: 5 }, comment: '装维师傅上门很准时，宽带速度也快' });
    expect(res.statusCode, res.body).toBe(201);
    const id = res.json().responseId;
    const [r] = rowsOf<{ csat: number; nps: number; ticket_id: string; answered: boolean }>(
      await h.database.db.execute(sql`SELECT r.csat, r.nps, r.ticket_id, i.answered_at IS NOT NULL AS answered FROM survey_responses r JOIN survey_invitations i ON i.id = r.invitation_id WHERE r.id = ${id}`),
    );
    expect(r).toEqual({ csat: 4, nps: 9, ticket_id: ticketId, answered: true });
    const items = rowsOf<{ question_key: string; same_time: boolean }>(
      await h.database.db.execute(sql`SELECT x.question_key, x.created_at = r.created_at AS same_time FROM survey_response_items x JOIN survey_responses r ON r.id = x.response_id WHERE x.response_id = ${id} ORDER BY 1`),
    );
    expect(items).toEqual([{ question_key: 'overall', same_time: true }, { question_key: 'recommend', same_time: true }, { question_key: 'speed', same_time: true }]);
    const [c] = rowsOf<{ keywords: string[]; channel: string; csat: number }>(await h.database.db.execute(sql`SELECT keywords, channel, csat FROM survey_comments WHERE response_id = ${id}`));
    expect(c!.channel).toBe('hotline'); // the answered ticket's channel
    expect(c!.csat).toBe(4);
    expect(c!.keywords).toContain('宽带');
  });

  it('takes one of five simultaneous submissions of a link; the others are told it was answered', async () => {
    const inv = await invite();
    const results = await Promise.all(Array.from({ length: 5 }, (_, i) => submit(inv.token, { overall: 5, recommend: 10, speed: { expectation: 5, perception: 5 + (i % 2) } })));
    expect(results.map((r) => r.statusCode).sort()).toEqual([201, 409, 409, 409, 409]);
    for (const r of results.filter((x) => x.statusCode === 409)) expect(r.json().error.details.reason).toBe('answered');
    const [n] = rowsOf<{ n: number }>(await h.database.db.execute(sql`SELECT count(*)::int AS n FROM survey_responses WHERE invitation_id = ${inv.id}`));
    expect(n!.n).toBe(1);
  });

  it('a low score still opens its recovery ticket; expired and closed links are refused with their reason', async () => {
    const low = await invite();
    const res = await submit(low.token, { overall: 1, recommend: 3, speed: { expectation: 7, perception: 2 } });
    expect(res.statusCode, res.body).toBe(201);
    const [x] = rowsOf<{ reason: string }>(await h.database.db.execute(sql`SELECT reason FROM survey_recoveries WHERE response_id = ${res.json().responseId}`));
    expect(x!.reason).toBe('CSAT 1 ≤ 2');

    const old = await invite();
    await h.database.db.execute(sql`UPDATE survey_invitations SET expires_at = now() - interval '1 minute' WHERE id = ${old.id}`);
    const expired = await submit(old.token, { overall: 5, recommend: 10, speed: { expectation: 5, perception: 5 } });
    expect([expired.statusCode, expired.json().error.details.reason]).toEqual([409, 'expired']);

    const later = await invite();
    const retired = await qm.req('POST', `/api/v1/surveys/${survey.id}/retire`, { rowVersion: survey.rowVersion });
    expect(retired.statusCode, retired.body).toBe(200);
    const closed = await submit(later.token, { overall: 5, recommend: 10, speed: { expectation: 5, perception: 5 } });
    expect([closed.statusCode, closed.json().error.details.reason]).toEqual([409, 'closed']);
    const [n] = rowsOf<{ n: number }>(await h.database.db.execute(sql`SELECT count(*)::int AS n FROM survey_responses WHERE invitation_id IN (${old.id}, ${later.id})`));
    expect(n!.n).toBe(0);
  });

  it('the one statement takes an ordinary answer once, and takes nothing for a low score or a used link (those go the careful way)', async () => {
    const [inv] = rowsOf<{ id: string }>(await h.database.db.execute(sql`
      INSERT INTO survey_invitations (survey_id, version, org_unit_id, channel, expires_at)
      SELECT ${survey.id}, 1, org_unit_id, 'link', now() + interval '1 day' FROM tickets WHERE id = ${ticketId} RETURNING id`));
    await h.database.db.execute(sql`UPDATE surveys SET state = 'published' WHERE id = ${survey.id}`); // reinstated after the retirement above
    const content = (await publishedContent(h.database.db, survey.id, 1))!;
    const base = { invitationId: inv!.id, surveyId: survey.id, version: 1, content, answers: { overall: 5, recommend: 9, speed: { expectation: 5, perception: 6 } } };
    expect(await recordAnswerAtOnce(h.database.db, { ...base, csat: 1, nps: 9 })).toBeNull(); // low: a recovery ticket is needed
    const id = await recordAnswerAtOnce(h.database.db, { ...base, csat: 5, nps: 9 });
    expect(id).toMatch(/^[0-9a-f-]{36}$/);
    expect(await recordAnswerAtOnce(h.database.db, { ...base, csat: 5, nps: 9 })).toBeNull(); // used
    const [n] = rowsOf<{ n: number }>(await h.database.db.execute(sql`SELECT count(*)::int AS n FROM survey_response_items WHERE response_id = ${id}`));
    expect(n!.n).toBe(3);
  });
});
