/**
 * Survey benchmarks on PostgreSQL (issue #6): answer submissions over HTTP from 100 concurrent
 * clients (each a distinct signed single-use link), and the analysis page's query over 500,000
 * answers spread over a year and the stores of the demo organisation.
 */
import { randomBytes } from 'node:crypto';
import { performance } from 'node:perf_hooks';
import { Worker } from 'node:worker_threads';
import { sql } from 'drizzle-orm';
import pg from 'pg';
import { SurveyContent } from '@qloop/contracts';
import { buildApp } from '../apps/server/src/app.js';
import { loadConfig } from '../apps/server/src/config.js';
import { openDatabase, rowsOf } from '../apps/server/src/db/client.js';
import { migrate } from '../apps/server/src/db/migrate.js';
import { analyseSurvey } from '../apps/server/src/modules/surveys/analyse-survey.js';
import type { Principal } from '../apps/server/src/modules/auth/principal.js';
import { SYSTEM_CONTEXT } from '../apps/server/src/modules/audit/append-audit.js';
import { listSurveyComments } from '../apps/server/src/modules/surveys/list-survey-comments.js';
import { surveyBreakdown } from '../apps/server/src/modules/surveys/survey-breakdown.js';
import { surveyKeywords } from '../apps/server/src/modules/surveys/survey-keywords.js';
import { surveyTrend } from '../apps/server/src/modules/surveys/survey-trend.js';
import { signSurveyToken } from '../apps/server/src/modules/surveys/survey-token.js';
import { ensurePortalUser, seedCategories, seedDemo } from '../apps/server/src/seed/seed.js';

const SECRET = 'bench'.padEnd(40, 'x');
const stats = (ms: number[]) => {
  const s = [...ms].sort((a, b) => a - b);
  const at = (q: number) => +s[Math.min(s.length - 1, Math.floor(q * s.length))]!.toFixed(1);
  return { n: s.length, p50: at(0.5), p95: at(0.95), p99: at(0.99), max: +s[s.length - 1]!.toFixed(1) };
};

export async function benchSurveys(pgUrl: string, opts: { answers: number; clients: number; analysed: number; rate: number }, log: (s: string) => void) {
  const name = `qloop_bench_srv_${randomBytes(3).toString('hex')}`;
  const admin = new pg.Client({ connectionString: pgUrl });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name}`);
  const url = new URL(pgUrl);
  url.pathname = `/${name}`;
  const database = await openDatabase({ databaseUrl: url.toString(), poolSize: 40 });
  const db = database.db;
  const out: Record<string, unknown> = {};
  try {
    await migrate(database.sql);
    await seedCategories(db);
    await seedDemo(db);
    await ensurePortalUser(db);
    const cat = Object.fromEntries(rowsOf<{ code: string; id: string }>(await db.execute(sql`SELECT code, id FROM categories`)).map((c) => [c.code, c.id]));
    const content = SurveyContent.parse({
      nameZh: '服务满意度', nameEn: 'Service satisfaction',
      questions: [
        { key: 'overall', type: 'csat', textZh: '总体满意度', textEn: 'Overall', elementId: cat['S10'] },
        { key: 'recommend', type: 'nps', textZh: '推荐意愿', textEn: 'Recommend' },
        { key: 'net', type: 'stars', textZh: '网络质量', textEn: 'Network', elementId: cat['N03'] },
        { key: 'speed', type: 'servqual', dimension: 'responsiveness', textZh: '处理速度', textEn: 'Speed' },
        { key: 'staff', type: 'servqual', dimension: 'assurance', textZh: '人员专业', textEn: 'Staff' },
        { key: 'comment', type: 'text', required: false, textZh: '建议', textEn: 'Comment' },
      ],
    });
    const [s] = rowsOf<{ id: string }>(await db.execute(sql`INSERT INTO surveys (code, state, published_version, recovery_csat_max, recovery_nps_max) VALUES ('BENCH', 'published', 1, NULL, NULL) RETURNING id`));
    const surveyId = s!.id;
    await db.execute(sql`INSERT INTO survey_versions (survey_id, version, content, published_at) VALUES (${surveyId}, 1, ${JSON.stringify(content)}::jsonb, now())`);
    const stores = rowsOf<{ id: string }>(await db.execute(sql`SELECT id FROM org_units WHERE kind = 'store'`)).map((r) => r.id);

    // 1. answer submissions: one signed link each, answered once, from `clients` clients at a time.
    // A warm-up (JIT, pool connections) is not counted; then the most the server takes (each client
    // sends again as soon as answered), then an offered load of `rate` answers/s (as from many
    // phones), timed from when each answer was due.
    const warmUp = Math.min(1_000, opts.answers);
    const inv = rowsOf<{ id: string }>(
      await db.execute(sql`
        INSERT INTO survey_invitations (survey_id, version, org_unit_id, channel, expires_at)
        SELECT ${surveyId}, 1, (ARRAY[${sql.join(stores.map((x) => sql`${x}::uuid`), sql`, `)}])[1 + g % ${stores.length}], 'sms', now() + interval '7 days'
        FROM generate_series(1, ${warmUp + 2 * opts.answers}) g RETURNING id`),
    );
    const exp = Math.floor(Date.now() / 1000) + 7 * 86_400;
    const config = loadConfig({ LOG_LEVEL: 'silent', WEB_DIST: '/nonexistent', NODE_ENV: 'production', SURVEY_RATE_LIMIT: '100000000' } as NodeJS.ProcessEnv);
    const app = await buildApp({ config, database, sessionSecret: SECRET, logger: false });
    await app.listen({ port: 0, host: '127.0.0.1' });
    const base = `http://127.0.0.1:${(app.server.address() as { port: number }).port}`;
    const requests = inv.map((r, i) => ({
      method: 'POST',
      path: `/api/v1/public/surveys/${signSurveyToken({ invitationId: r.id, surveyId, version: 1, exp }, SECRET)}/answers`,
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ answers: { overall: 3 + (i % 3), recommend: 6 + (i % 5), net: 1 + (i % 5), speed: { expectation: 6, perception: 1 + (i % 7) }, staff: { expectation: 5, perception: 4 }, comment: '网速还可以' } }),
    }));
    const drive = async (part: typeof requests, ratePerSecond?: number) => {
      const before = performance.eventLoopUtilization();
      const driven = await new Promise<{ ms: number[]; failures: number; seconds: number; firstError: string | null }>((resolve, reject) => {
        const w = new Worker(new URL('./http-load.mjs', import.meta.url), { workerData: { base, clients: opts.clients, expect: 201, requests: part, ratePerSecond } });
        w.once('message', resolve);
        w.once('error', reject);
      });
      const elu = performance.eventLoopUtilization(before);
      return {
        answers: part.length, clients: opts.clients, ...(ratePerSecond ? { offeredPerSecond: ratePerSecond } : {}), perSecond: +(part.length / driven.seconds).toFixed(0),
        ...stats(driven.ms), failures: driven.failures, firstError: driven.firstError, serverBusyMsPerAnswer: +(elu.active / part.length).toFixed(2),
      };
    };
    log(`  warm-up: ${warmUp} answers…`);
    await drive(requests.slice(0, warmUp));
    log(`  ${opts.answers} answers from ${opts.clients} clients as fast as they are taken…`);
    out.submit = await drive(requests.slice(warmUp, warmUp + opts.answers));
    log(`  ${JSON.stringify(out.submit)}`);
    log(`  ${opts.answers} answers offered at ${opts.rate}/s…`);
    out.submitPaced = await drive(requests.slice(warmUp + opts.answers), opts.rate);
    log(`  ${JSON.stringify(out.submitPaced)}`);
    await app.close();

    // 2. the analysis over many answers: generated in SQL over the last year, every store
    const t = performance.now();
    await db.execute(sql`
      WITH g AS (
        SELECT gen_random_uuid() AS id, (ARRAY[${sql.join(stores.map((x) => sql`${x}::uuid`), sql`, `)}])[1 + (i % ${stores.length})] AS org,
               now() - (random() * interval '365 days') AS at, 1 + floor(random() * 5)::int AS csat, floor(random() * 11)::int AS nps,
               1 + floor(random() * 5)::int AS net, 1 + floor(random() * 7)::int AS e1, 1 + floor(random() * 7)::int AS p1, 1 + floor(random() * 7)::int AS e2, 1 + floor(random() * 7)::int AS p2
        FROM generate_series(1, ${opts.analysed}) i
      ), r AS (
        INSERT INTO survey_responses (id, survey_id, version, org_unit_id, channel, answers, csat, nps, created_at)
        SELECT id, ${surveyId}, 1, org, 'sms', jsonb_build_object('overall', csat, 'recommend', nps), csat, nps, at FROM g RETURNING id
      )
      INSERT INTO survey_response_items (response_id, question_key, survey_id, version, type, element_id, dimension, score, expectation, perception, org_unit_id, created_at)
      SELECT id, k.key, ${surveyId}, 1, k.type, k.el, k.dim, k.score, k.e, k.p, org, at FROM g, LATERAL (VALUES
        ('overall', 'csat', ${cat['S10']}::uuid, NULL, csat, NULL::int, NULL::int),
        ('recommend', 'nps', NULL::uuid, NULL, nps, NULL, NULL),
        ('net', 'stars', ${cat['N03']}::uuid, NULL, net, NULL, NULL),
        ('speed', 'servqual', NULL::uuid, 'responsiveness', NULL, e1, p1),
        ('staff', 'servqual', NULL::uuid, 'assurance', NULL, e2, p2)
      ) AS k(key, type, el, dim, score, e, p)`);
    // what autovacuum would have done by the time anyone reads a year of answers: statistics, and the
    // visibility map that lets counts use index-only scans (the test cluster runs without autovacuum)
    await database.sql.exec('VACUUM ANALYZE');
    out.generatedSeconds = +((performance.now() - t) / 1000).toFixed(0);
    const [root] = rowsOf<{ id: string; path: string[] }>(await db.execute(sql`SELECT id, path FROM org_units WHERE parent_id IS NULL`));
    const [branch] = rowsOf<{ id: string; path: string[] }>(await db.execute(sql`SELECT id, path FROM org_units WHERE code = 'JN-DZ'`));
    const to = new Date(Date.now() + 8 * 3_600_000).toISOString().slice(0, 10);
    const from = `${Number(to.slice(0, 4)) - 1}${to.slice(4)}`;
    const ms: number[] = [];
    await analyseSurvey(db, { surveyId, unit: root!, from, to }); // warm
    for (let i = 0; i < 10; i++) {
      for (const unit of [root!, branch!]) {
        const t0 = performance.now();
        await analyseSurvey(db, { surveyId, unit, from, to });
        ms.push(performance.now() - t0);
      }
    }
    const [n] = rowsOf<{ n: number }>(await db.execute(sql`SELECT count(*)::int AS n FROM survey_responses`));
    out.analysis = { answers: n!.n, period: `${from} – ${to}`, ...stats(ms) };
    log(`  analysis ${JSON.stringify(out.analysis)}`);
    out.insights = await benchInsights(db, { surveyId, units: [root!, branch!], from, to, analysed: opts.analysed }, log);
    return out;
  } finally {
    await database.sql.close();
    // BENCH_KEEP_DB=1 keeps the database to look into afterwards (EXPLAIN); its name is logged
    if (process.env.BENCH_KEEP_DB) log(`  kept database ${name}`);
    else await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
    await admin.end();
  }
}

/**
 * The rest of the analysis page over the same answers: its answers tied to tickets (hotline, store …
 * categories and assignees), about a third with a comment and its keywords; then the trend by week,
 * the breakdowns, the keyword cloud and a page of comments, each alone and all at once as the page
 * asks for them (with the headline analysis), for the province and for a branch.
 */
async function benchInsights(
  db: Awaited<ReturnType<typeof openDatabase>>['db'],
  o: { surveyId: string; units: { id: string; path: string[] }[]; from: string; to: string; analysed: number },
  log: (s: string) => void,
) {
  const t = performance.now();
  const tickets = Math.max(1_000, Math.round(o.analysed / 5));
  // tickets: minimal rows, spread over channels, level-3 categories, stores and assignees
  await db.execute(sql`
    WITH c AS (INSERT INTO customers (org_unit_id, phone) SELECT id, '13900000000' FROM org_units WHERE parent_id IS NULL RETURNING id),
    cats AS (SELECT array_agg(id) AS a FROM categories WHERE level = 3),
    us AS (SELECT array_agg(id) AS a FROM users),
    orgs AS (SELECT array_agg(id) AS a FROM org_units WHERE kind = 'store')
    INSERT INTO tickets (no, type, channel, priority, state, title, category_id, org_unit_id, customer_id, first_owner_id, assignee_id)
    SELECT 'B' || g, 'complaint', (ARRAY['hotline','store','app_api','e_channel','web'])[1 + g % 5], 'normal', 'closed', 'bench',
           cats.a[1 + g % array_length(cats.a, 1)], orgs.a[1 + g % array_length(orgs.a, 1)], (SELECT id FROM c), us.a[1], us.a[1 + g % array_length(us.a, 1)]
    FROM generate_series(1, ${tickets}) g, cats, us, orgs`);
  await db.execute(sql`
    WITH t AS (SELECT id, row_number() OVER (ORDER BY id) AS rn FROM tickets WHERE no LIKE 'B%')
    UPDATE survey_responses r SET ticket_id = t.id FROM t WHERE r.survey_id = ${o.surveyId} AND t.rn = 1 + (hashtext(r.id::text) & 2147483647) % ${tickets}`);
  // comments: a third of the answers, two to four keywords from a pool of sixty
  await db.execute(sql`
    WITH pool AS (SELECT ARRAY['宽带','网速','信号','客服','营业厅','排队','话费','套餐','资费','维修','师傅','上门','态度','流量','5G','断网','掉线','退费','账单','热线',
                               '接通','等待','解释','专业','耐心','及时','解决','处理','效率','办理','业务','优惠','合约','补贴','装机','光猫','路由器','室内','覆盖','通话',
                               '杂音','卡顿','视频','延迟','提醒','停机','缴费','充值','APP','短信','推销','营业员','窗口','预约','回访','投诉','承诺','服务','环境','速度'] AS a)
    INSERT INTO survey_comments (response_id, question_key, survey_id, version, text, org_unit_id, channel, csat, nps, keywords, created_at)
    SELECT r.id, 'comment', r.survey_id, r.version, '网速还可以，营业厅排队太久', r.org_unit_id, t.channel, r.csat, r.nps,
           ARRAY(SELECT DISTINCT pool.a[1 + floor(random() * 60)::int] FROM generate_series(1, 2 + (r.nps % 3)) WHERE r.id IS NOT NULL),
           r.created_at
    FROM survey_responses r JOIN tickets t ON t.id = r.ticket_id, pool
    WHERE r.survey_id = ${o.surveyId} AND random() < 0.33
    ON CONFLICT DO NOTHING`);
  await db.execute(sql`VACUUM ANALYZE`);
  const [c] = rowsOf<{ n: number }>(await db.execute(sql`SELECT count(*)::int AS n FROM survey_comments WHERE survey_id = ${o.surveyId}`));
  log(`  ${tickets} tickets linked, ${c!.n} comments in ${((performance.now() - t) / 1000).toFixed(0)} s`);

  const reader = { permissions: new Set(['surveys:read']), provinceWide: true } as unknown as Principal;
  const calls = {
    trendWeek: (scope: Scope) => surveyTrend(db, { scope, granularity: 'week' }),
    trendDay90: (scope: Scope) => surveyTrend(db, { scope: { ...scope, from: daysBefore(scope.to, 89) }, granularity: 'day' }),
    breakdownChannel: (scope: Scope) => surveyBreakdown(db, { scope, by: 'channel', categoryLevel: 2, sort: '-responses', page: 1, pageSize: 10 }),
    breakdownCategory: (scope: Scope) => surveyBreakdown(db, { scope, by: 'category', categoryLevel: 2, sort: '-responses', page: 1, pageSize: 10 }),
    breakdownStaff: (scope: Scope) => surveyBreakdown(db, { scope, by: 'staff', categoryLevel: 2, sort: '-responses', page: 1, pageSize: 10 }),
    keywords: (scope: Scope) => surveyKeywords(db, { scope, filters: {}, limit: 40 }),
    keywordsDetractors: (scope: Scope) => surveyKeywords(db, { scope, filters: { band: 'detractor' }, limit: 40 }),
    comments: (scope: Scope) => listSurveyComments(db, { principal: reader, audit: SYSTEM_CONTEXT, scope, filters: {}, sort: '-createdAt', page: 1, pageSize: 8 }),
    commentsKeyword: (scope: Scope) => listSurveyComments(db, { principal: reader, audit: SYSTEM_CONTEXT, scope, filters: { keyword: '宽带' }, sort: '-createdAt', page: 1, pageSize: 8 }),
    // what the page asks for at once when it opens
    page: (scope: Scope) =>
      Promise.all([
        analyseSurvey(db, scope),
        surveyTrend(db, { scope, granularity: 'month' }),
        surveyBreakdown(db, { scope, by: 'channel', categoryLevel: 2, sort: '-responses', page: 1, pageSize: 10 }),
        surveyKeywords(db, { scope, filters: {}, limit: 40 }),
        listSurveyComments(db, { principal: reader, audit: SYSTEM_CONTEXT, scope, filters: {}, sort: '-createdAt', page: 1, pageSize: 8 }),
      ]),
  };
  const out: Record<string, unknown> = {};
  for (const [name, call] of Object.entries(calls)) {
    const ms: number[] = [];
    await call({ surveyId: o.surveyId, unit: o.units[0]!, from: o.from, to: o.to }); // warm
    for (let i = 0; i < 10; i++) {
      for (const unit of o.units) {
        const t0 = performance.now();
        await call({ surveyId: o.surveyId, unit, from: o.from, to: o.to });
        ms.push(performance.now() - t0);
      }
    }
    out[name] = stats(ms);
    log(`  ${name} ${JSON.stringify(out[name])}`);
  }
  return out;
}
type Scope = { surveyId: string; unit: { id: string; path: string[] }; from: string; to: string };
const daysBefore = (day: string, n: number) => new Date(Date.parse(day) - n * 86_400_000).toISOString().slice(0, 10);
