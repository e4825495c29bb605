import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ScoreBand } from '@qloop/contracts';
import { rowsOf } from '../../db/client.js';
import { createHarness, type Harness } from '../../test/harness.js';
import { commentCount, splitByWholeMonths } from './comment-tallies.js';
import { surveyKeywords } from './survey-keywords.js';
import type { AnalysisScope } from './analysis-filter.js';
import type { CommentFilters } from './comment-filters.js';

describe('splitting a period by whole months', () => {
  it('reads whole months from the tally and the days around them from the comments', () => {
    expect(splitByWholeMonths('2026-01-15', '2026-05-20')).toEqual({
      months: { first: '2026-02-01', last: '2026-04-01' },
      edges: [{ from: '2026-01-15', to: '2026-01-31' }, { from: '2026-05-01', to: '2026-05-20' }],
    });
    expect(splitByWholeMonths('2026-01-01', '2026-12-31')).toEqual({ months: { first: '2026-01-01', last: '2026-12-01' }, edges: [] });
    expect(splitByWholeMonths('2025-12-03', '2026-12-03')).toEqual({
      months: { first: '2026-01-01', last: '2026-11-01' },
      edges: [{ from: '2025-12-03', to: '2025-12-31' }, { from: '2026-12-01', to: '2026-12-03' }],
    });
    // February of a leap year ends on the 29th
    expect(splitByWholeMonths('2028-02-01', '2028-02-29')).toEqual({ months: { first: '2028-02-01', last: '2028-02-01' }, edges: [] });
    expect(splitByWholeMonths('2028-02-01', '2028-02-28').months).toBeNull();
    // no whole month: all from the comments
    expect(splitByWholeMonths('2026-03-10', '2026-04-20')).toEqual({ months: null, edges: [{ from: '2026-03-10', to: '2026-04-20' }] });
    expect(splitByWholeMonths('2026-03-05', '2026-03-05')).toEqual({ months: null, edges: [{ from: '2026-03-05', to: '2026-03-05' }] });
  });
});

/** The cloud and the counts from the tallies equal what counting every comment gives, through inserts, updates and deletions. */
let h: Harness;
let scope: AnalysisScope;
let branch: { id: string; path: string[] };

beforeAll(async () => {
  h = await createHarness();
  const db = h.database.db;
  const [s] = rowsOf<{ id: string }>(await db.execute(sql`INSERT INTO surveys (code, state, published_version) VALUES ('TALLY', 'published', 1) RETURNING id`));
  await db.execute(sql`INSERT INTO survey_versions (survey_id, version, content, published_at) VALUES (${s!.id}, 1, '{"nameZh":"t","nameEn":"t","questions":[]}'::jsonb, now())`);
  const stores = rowsOf<{ id: string }>(await db.execute(sql`SELECT id FROM org_units WHERE kind = 'store' ORDER BY code`)).map((r) => r.id);
  const [root] = rowsOf<{ id: string; path: string[] }>(await db.execute(sql`SELECT id, path FROM org_units WHERE parent_id IS NULL`));
  branch = rowsOf<{ id: string; path: string[] }>(await db.execute(sql`SELECT id, path FROM org_units WHERE code = 'JN-DZ'`))[0]!;
  scope = { surveyId: s!.id, unit: root!, from: '2026-01-15', to: '2026-05-20' };
  // 600 answers with a comment each, spread over 2025-12-20 … 2026-06-10 (Shanghai midnights are
  // 16:00 UTC the day before: the hour varies so that days and months split at the right instant)
  await db.execute(sql`
    WITH g AS (
      SELECT i, (ARRAY[${sql.join(stores.map((x) => sql`${x}::uuid`), sql`, `)}])[1 + i % ${stores.length}] AS org,
             timestamptz '2025-12-20 00:00+08' + (i * interval '6 hours') + ((i % 7) * interval '1 hour') AS at,
             CASE WHEN i % 5 = 0 THEN NULL ELSE i % 11 END AS nps
      FROM generate_series(1, 600) i
    ), r AS (
      INSERT INTO survey_responses (survey_id, version, org_unit_id, channel, answers, csat, nps, created_at)
      SELECT ${s!.id}, 1, org, CASE WHEN i % 2 = 0 THEN 'sms' ELSE 'qr' END, '{}'::jsonb, 1 + i % 5, nps, at FROM g RETURNING id, org_unit_id, channel, csat, nps, created_at
    )
    INSERT INTO survey_comments (response_id, question_key, survey_id, version, text, org_unit_id, channel, csat, nps, keywords, created_at)
    SELECT id, 'comment', ${s!.id}, 1, '评论', org_unit_id, channel, csat, nps,
           CASE (extract(epoch FROM created_at)::bigint / 3600) % 5 WHEN 0 THEN ARRAY['宽带','网速'] WHEN 1 THEN ARRAY['宽带'] WHEN 2 THEN ARRAY['营业厅','排队','宽带']
                WHEN 3 THEN ARRAY['客服'] ELSE ARRAY[]::text[] END, created_at
    FROM r`);
  // later changes reach the tally too
  await db.execute(sql`UPDATE survey_comments SET keywords = keywords || ARRAY['退费'], nps = 2 WHERE survey_id = ${s!.id} AND created_at < '2026-03-01' AND csat = 1`);
  await db.execute(sql`DELETE FROM survey_comments WHERE survey_id = ${s!.id} AND csat = 5 AND created_at BETWEEN '2026-02-10' AND '2026-04-10'`);
});
afterAll(() => h.close());

const BANDS = { detractor: [0, 6], passive: [7, 8], promoter: [9, 10] } as const;

/** The oracle: every comment read and counted. */
const counted = async (s: AnalysisScope, band?: ScoreBand) => {
  const rows = rowsOf<{ keyword: string; count: number; detractors: number; nps_answered: number }>(
    await h.database.db.execute(sql`
      SELECT k AS keyword, count(*)::int AS count, count(*) FILTER (WHERE c.nps <= 6)::int AS detractors, count(c.nps)::int AS nps_answered
      FROM survey_comments c CROSS JOIN LATERAL unnest(c.keywords) AS k
      WHERE c.survey_id = ${s.surveyId} AND c.org_unit_id IN (SELECT id FROM org_units WHERE path @> ARRAY[${s.unit.id}]::uuid[])
        AND c.created_at >= (${s.from}::date::timestamp AT TIME ZONE 'Asia/Shanghai') AND c.created_at < ((${s.to}::date + 1)::timestamp AT TIME ZONE 'Asia/Shanghai')
        ${band ? sql`AND c.nps BETWEEN ${BANDS[band][0]} AND ${BANDS[band][1]}` : sql``}
      GROUP BY k ORDER BY count DESC, k`),
  );
  return rows.map((r) => ({ keyword: r.keyword, count: r.count, detractors: r.detractors, npsAnswered: r.nps_answered }));
};
const countedComments = async (s: AnalysisScope, f: CommentFilters) =>
  rowsOf<{ n: number }>(await h.database.db.execute(sql`
    SELECT count(*)::int AS n FROM survey_comments c
    WHERE c.survey_id = ${s.surveyId} AND c.org_unit_id IN (SELECT id FROM org_units WHERE path @> ARRAY[${s.unit.id}]::uuid[])
      AND c.created_at >= (${s.from}::date::timestamp AT TIME ZONE 'Asia/Shanghai') AND c.created_at < ((${s.to}::date + 1)::timestamp AT TIME ZONE 'Asia/Shanghai')
      ${f.keyword ? sql`AND c.keywords @> ARRAY[${f.keyword}]` : sql``} ${f.band ? sql`AND c.nps BETWEEN ${BANDS[f.band][0]} AND ${BANDS[f.band][1]}` : sql``} ${f.channel ? sql`AND c.channel = ${f.channel}` : sql``}`))[0]!.n;

describe('keyword tallies', () => {
  it('give the cloud that counting every comment gives, for periods with and without whole months, each band, a branch', async () => {
    const periods = [
      { from: '2026-01-15', to: '2026-05-20' },
      { from: '2026-01-01', to: '2026-03-31' },
      { from: '2025-12-01', to: '2026-06-30' },
      { from: '2026-02-03', to: '2026-02-17' },
    ];
    for (const p of periods) {
      for (const unit of [scope.unit, branch]) {
        for (const band of [undefined, 'detractor', 'passive', 'promoter'] as const) {
          const s = { ...scope, ...p, unit };
          const cloud = await surveyKeywords(h.database.db, { scope: s, filters: band ? { band } : {}, limit: 10 });
          const expected = await counted(s, band);
          expect(cloud.items.map(({ detractorShare: _x, ...k }) => k), JSON.stringify({ p, band })).toEqual(expected);
          expect(cloud.comments).toBe(await countedComments(s, { band }));
        }
      }
    }
    // the period of the test data holds something in every band
    expect((await counted({ ...scope, from: '2026-01-01', to: '2026-03-31' })).length).toBeGreaterThan(3);
  });

  it('count a comment list with a keyword, a band or a channel (the channel read from the comments)', async () => {
    const s = { ...scope, from: '2025-12-25', to: '2026-05-31' };
    for (const f of [{}, { keyword: '宽带' }, { keyword: '退费', band: 'detractor' as const }, { channel: 'sms' }, { keyword: '排队', channel: 'qr' }]) {
      const n = await commentCount(h.database.db, s, f);
      expect(n, JSON.stringify(f)).toBe(await countedComments(s, f));
    }
    expect(await commentCount(h.database.db, s, { keyword: '宽带' })).toBeGreaterThan(0);
  });
});
