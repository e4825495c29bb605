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
import { signSurveyToken } from '../apps/server/src/modules/surveys/survey-token.js';
import { ensurePortalUser, seedCategories, seedDemo } from '../apps/server/src/seed/seed.js';

const SECRET = 'bench'.padEnd(40, 'x');
const stats = (ms: number[]) => {
  const s = [...ms].sort((a, b) => a - b);
  const at = (q: number) => +s[Math.min(s.length - 1, Math.floor(q * s.length))]!.toFixed(1);
  return { n: s.length, p50: at(0.5), p95: at(0.95), p99: at(0.99), max: +s[s.length - 1]!.toFixed(1) };
};

export async function benchSurveys(pgUrl: string, opts: { answers: number; clients: number; analysed: number }, log: (s: string) => void) {
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

    // 1. answer submissions: one signed link each, answered once, 100 clients at a time
    const inv = rowsOf<{ id: string }>(
      await db.execute(sql`
        INSERT INTO survey_invitations (survey_id, version, org_unit_id, channel, expires_at)
        SELECT ${surveyId}, 1, (ARRAY[${sql.join(stores.map((x) => sql`${x}::uuid`), sql`, `)}])[1 + g % ${stores.length}], 'sms', now() + interval '7 days'
        FROM generate_series(1, ${opts.answers}) g RETURNING id`),
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
    log(`  ${requests.length} answers from ${opts.clients} clients…`);
    const before = performance.eventLoopUtilization();
    const driven = await new Promise<{ ms: number[]; failures: number; seconds: number; firstError: string | null }>((resolve, reject) => {
      const w = new Worker(new URL('./http-load.mjs', import.meta.url), { workerData: { base, clients: opts.clients, expect: 201, requests } });
      w.once('message', resolve);
      w.once('error', reject);
    });
    const elu = performance.eventLoopUtilization(before);
    await app.close();
    out.submit = {
      answers: requests.length, clients: opts.clients, perSecond: +(requests.length / driven.seconds).toFixed(0), ...stats(driven.ms),
      failures: driven.failures, firstError: driven.firstError, serverBusyMsPerAnswer: +(elu.active / requests.length).toFixed(2),
    };
    log(`  ${JSON.stringify(out.submit)}`);

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
    await database.sql.exec('ANALYZE');
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
    return out;
  } finally {
    await database.sql.close();
    await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
    await admin.end();
  }
}
