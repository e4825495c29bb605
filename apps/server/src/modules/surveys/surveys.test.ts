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
  cat = Object.fromEntries(((await qm.req('GET', '/api/v1/categories')).json().items as { code: string; id: string }[]).map((c) => [c.code, c.id]));
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
    expect((await list({ state: 'draft' })).items.map((x: { code: string }) => x.code)).toEqual(['STORE-QR']);
    expect((await list({ sort: 'code' })).items.map((x: { code: string }) => x.code)).toEqual(['FOLLOWUP', 'STORE-QR']);
    const paged = await list({ sort: '-code', pageSize: '1', page: '2' });
    expect(paged).toMatchObject({ total: 2, page: 2, pageSize: 1, items: [{ code: 'FOLLOWUP' }] });
    expect((await list({ q: '扫码' })).items.map((x: { code: string }) => x.code)).toEqual(['STORE-QR']);
    expect((await agent.req('GET', '/api/v1/surveys')).statusCode).toBe(403);

    const [audit] = rowsOf<{ n: number }>(await h.database.db.execute(sql`SELECT count(*)::int AS n FROM audit_log WHERE entity_id = ${s.id} AND entity_type IN ('survey', 'survey_draft')`));
    // create, publish, save (new v2), save (v2), publish, save (v3), discard, retire, reinstate
    expect(audit!.n).toBe(9);
  });
});
