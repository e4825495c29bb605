import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { rowsOf, type Db } from '../../db/client.js';
import { createHarness, type Harness } from '../../test/harness.js';
import { createAnswerBatcher } from './answer-batcher.js';
import type { OrdinaryAnswer } from './record-answer.js';
import { publishedContent } from './version-content-cache.js';

/** Group commit of ordinary answers: many answers, few statements, and no answer lost to a neighbour's failure. */
let h: Harness;
let surveyId: string;
let orgUnitId: string;

beforeAll(async () => {
  h = await createHarness();
  const qm = await h.login('qm.li');
  const content = {
    nameZh: '门店评价', nameEn: 'Store rating',
    questions: [
      { key: 'overall', type: 'csat', textZh: '总体满意度', textEn: 'Overall' },
      { key: 'comment', type: 'text', required: false, textZh: '建议', textEn: 'Comment' },
    ],
  };
  const created = (await qm.req('POST', '/api/v1/surveys', { code: 'BATCHED', content })).json();
  const published = await qm.req('POST', `/api/v1/surveys/${created.id}/publish`, { rowVersion: created.rowVersion });
  expect(published.statusCode, published.body).toBe(200);
  surveyId = created.id;
  orgUnitId = await h.orgId('JN-DZ-T01');
});
afterAll(() => h.close());

const invitations = async (n: number) =>
  rowsOf<{ id: string }>(await h.database.db.execute(sql`
    INSERT INTO survey_invitations (survey_id, version, org_unit_id, channel, expires_at)
    SELECT ${surveyId}, 1, ${orgUnitId}, 'qr', now() + interval '1 day' FROM generate_series(1, ${n}) RETURNING id`)).map((r) => r.id);

const answerTo = async (invitationId: string, csat: number): Promise<OrdinaryAnswer> => ({
  invitationId, surveyId, version: 1, content: (await publishedContent(h.database.db, surveyId, 1))!, answers: { overall: csat, comment: '店员很热情' }, csat, nps: null,
});

/** The database, counting its statements and failing the first `failFirst` of them. */
const watched = (db: Db, failFirst = 0) => {
  const seen = { statements: 0 };
  const execute = db.execute.bind(db);
  const proxy = new Proxy(db, {
    get: (target, key, receiver) =>
      key === 'execute'
        ? (q: Parameters<Db['execute']>[0]) => {
            if (seen.statements++ < failFirst) return Promise.reject(Object.assign(new Error('deadlock detected'), { code: '40P01' }));
            return execute(q);
          }
        : Reflect.get(target, key, receiver),
  });
  return { db: proxy, seen };
};

const stored = async (ids: string[]) =>
  rowsOf<{ invitation_id: string; csat: number; items: number; comments: number }>(await h.database.db.execute(sql`
    SELECT r.invitation_id, r.csat,
           (SELECT count(*)::int FROM survey_response_items x WHERE x.response_id = r.id) AS items,
           (SELECT count(*)::int FROM survey_comments c WHERE c.response_id = r.id) AS comments
    FROM survey_responses r WHERE r.invitation_id IN (${sql.join(ids.map((i) => sql`${i}`), sql`, `)})`));

describe('answer batcher', () => {
  it('writes answers arriving together in far fewer statements than answers, each with its items and comment', async () => {
    const ids = await invitations(40);
    const { db, seen } = watched(h.database.db);
    const batcher = createAnswerBatcher(db, { maxBatch: 200, maxInFlight: 1 });
    const results = await Promise.all(ids.map(async (id, i) => batcher.submit(await answerTo(id, 3 + (i % 3)))));
    expect(results.every((r) => typeof r === 'string')).toBe(true);
    expect(new Set(results).size).toBe(40);
    expect(seen.statements).toBeLessThanOrEqual(2);
    const rows = await stored(ids);
    expect(rows).toHaveLength(40);
    expect(rows.every((r) => r.items === 1 && r.comments === 1)).toBe(true);
    const [tally] = rowsOf<{ n: number }>(await h.database.db.execute(sql`SELECT coalesce(sum(n), 0)::int AS n FROM survey_day_scores WHERE survey_id = ${surveyId} AND kind = 'all'`));
    expect(tally!.n).toBe(40);
  });

  it('never puts two submissions of one link in one statement: one is taken, the other finds it answered', async () => {
    const [id] = await invitations(1);
    const batcher = createAnswerBatcher(h.database.db, { maxBatch: 200, maxInFlight: 2 });
    const results = await Promise.all([batcher.submit(await answerTo(id!, 5)), batcher.submit(await answerTo(id!, 4))]);
    expect(results[0]).toMatch(/^[0-9a-f-]{36}$/);
    expect(results[1]).toBeNull();
    expect((await stored([id!])).map((r) => r.csat)).toEqual([5]);
  });

  it('when a statement of many fails, each answer is tried alone and none is lost', async () => {
    const ids = await invitations(6);
    const { db, seen } = watched(h.database.db, 1);
    const batcher = createAnswerBatcher(db, { maxBatch: 200, maxInFlight: 1 });
    const results = await Promise.all(ids.map(async (id) => batcher.submit(await answerTo(id, 5))));
    expect(results.every((r) => typeof r === 'string')).toBe(true);
    expect(seen.statements).toBe(7); // the failed statement of six, then six alone
    expect(await stored(ids)).toHaveLength(6);
  });

  it('a lone answer that fails is refused with its error', async () => {
    const [id] = await invitations(1);
    const { db } = watched(h.database.db, 1);
    await expect(createAnswerBatcher(db).submit(await answerTo(id!, 5))).rejects.toThrow('deadlock detected');
    expect(await stored([id!])).toHaveLength(0);
  });
});
