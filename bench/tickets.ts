/**
 * Work-order benchmarks on PostgreSQL (issue #3): load N tickets with the demo generator, then
 * measure over HTTP against the real app: create-ticket throughput at 50 concurrent clients, list
 * page (50 rows, 3 filters, sorted) latency, Chinese search latency; and a 100,000-row import.
 */
import { randomBytes } from 'node:crypto';
import { sql } from 'drizzle-orm';
import pg from 'pg';
import { buildApp } from '../apps/server/src/app.js';
import { loadConfig } from '../apps/server/src/config.js';
import { openDatabase, type Database } from '../apps/server/src/db/client.js';
import { migrate } from '../apps/server/src/db/migrate.js';
import { categories, customers, orgUnits, ticketEvents, tickets, users } from '../apps/server/src/db/schema/index.js';
import { ensurePortalUser, seedCategories, seedDemo } from '../apps/server/src/seed/seed.js';
import { generateDemoTickets } from '../apps/server/src/seed/demo-tickets.js';
import { eq } from 'drizzle-orm';

const percentile = (sorted: number[], p: number) => sorted[Math.min(sorted.length - 1, Math.floor(p * sorted.length))]!;
const stats = (ms: number[]) => {
  const s = [...ms].sort((a, b) => a - b);
  return { n: s.length, p50: +percentile(s, 0.5).toFixed(1), p95: +percentile(s, 0.95).toFixed(1), p99: +percentile(s, 0.99).toFixed(1) };
};

async function loadTickets(database: Database, total: number, log: (s: string) => void) {
  const db = database.db;
  const units = await db.select({ id: orgUnits.id, path: orgUnits.path }).from(orgUnits).where(sql`${orgUnits.kind} IN ('store','team')`);
  const cats = await db.select({ id: categories.id, code: categories.code, path: categories.path }).from(categories).where(eq(categories.level, 3));
  const people = await db.select({ id: users.id, orgUnitId: users.orgUnitId, role: users.role, path: orgUnits.path }).from(users).innerJoin(orgUnits, eq(orgUnits.id, users.orgUnitId));
  const chunk = 50_000;
  const started = performance.now();
  for (let done = 0, seed = 1; done < total; done += chunk, seed++) {
    const n = Math.min(chunk, total - done);
    const data = generateDemoTickets({ now: new Date(), days: 365, count: n, seed, units, categories: cats, users: people });
    // unique numbers and customer numbers across chunks
    data.tickets.forEach((t, i) => (t.no = `${t.no!.slice(0, 10)}${String(done + i + 1).padStart(8, '0')}`));
    data.customers.forEach((c) => (c.customerNo = `${c.customerNo}-${seed}`));
    for (let i = 0; i < data.customers.length; i += 2000) await db.insert(customers).values(data.customers.slice(i, i + 2000));
    for (let i = 0; i < data.tickets.length; i += 1000) await db.insert(tickets).values(data.tickets.slice(i, i + 1000));
    const created = data.events.filter((e) => e.kind === 'created');
    for (let i = 0; i < created.length; i += 3000) await db.insert(ticketEvents).values(created.slice(i, i + 3000));
    log(`  loaded ${done + n} tickets (${((performance.now() - started) / 1000).toFixed(0)} s)`);
  }
  await database.sql.exec('ANALYZE');
  return (performance.now() - started) / 1000;
}

export async function benchTickets(pgUrl: string, total: number, log: (s: string) => void) {
  // BENCH_KEEP_DB=<name>: load once into that database, keep it, and reuse it on the next run
  const keep = process.env.BENCH_KEEP_DB;
  const name = keep ?? `qloop_bench_${randomBytes(4).toString('hex')}`;
  const admin = new pg.Client({ connectionString: pgUrl });
  await admin.connect();
  const exists = keep ? (await admin.query('SELECT 1 FROM pg_database WHERE datname = $1', [keep])).rowCount : 0;
  if (!exists) await admin.query(`CREATE DATABASE ${name}`);
  const url = new URL(pgUrl);
  url.pathname = `/${name}`;
  const database = await openDatabase({ databaseUrl: url.toString(), poolSize: 60 });
  const results: Record<string, unknown> = {};
  try {
    await migrate(database.sql);
    if (!exists) {
      await seedCategories(database.db);
      await seedDemo(database.db);
      await ensurePortalUser(database.db);
      results.loadSeconds = +(await loadTickets(database, total, log)).toFixed(1);
    }
    results.tickets = (await database.sql.query<{ n: number }>('SELECT count(*)::int AS n FROM tickets'))[0]!.n;

    const config = loadConfig({ LOG_LEVEL: 'silent', WEB_DIST: '/nonexistent', LOGIN_RATE_LIMIT: '100000', NODE_ENV: 'production' } as NodeJS.ProcessEnv);
    const app = await buildApp({ config, database, sessionSecret: 'bench'.padEnd(40, 'x'), logger: false });
    await app.listen({ port: 0, host: '127.0.0.1' });
    const base = `http://127.0.0.1:${(app.server.address() as { port: number }).port}`;
    const login = async (username: string) => {
      const res = await fetch(`${base}/api/v1/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ username, password: 'Qloop#2026' }) });
      const cookie = res.headers.get('set-cookie')!.split(';')[0]!;
      return { cookie, csrf: ((await res.json()) as { csrfToken: string }).csrfToken };
    };
    const bm = await login('bm.dz');
    const qm = await login('qm.li');
    const [cat] = await database.db.select({ id: categories.id }).from(categories).where(eq(categories.code, 'S01-01'));
    const [org] = await database.db.select({ id: orgUnits.id }).from(orgUnits).where(eq(orgUnits.code, 'JN-DZ-S01'));

    // create: 50 concurrent clients for a fixed number of requests
    const clients = 50;
    const perClient = 40;
    const createMs: number[] = [];
    let failures = 0;
    const t0 = performance.now();
    await Promise.all(
      Array.from({ length: clients }, async (_, c) => {
        for (let i = 0; i < perClient; i++) {
          const s = performance.now();
          const res = await fetch(`${base}/api/v1/tickets`, {
            method: 'POST',
            headers: { 'content-type': 'application/json', cookie: bm.cookie, 'x-csrf-token': bm.csrf },
            body: JSON.stringify({ type: 'complaint', channel: 'hotline', title: '宽带断网，光猫红灯', description: '压测工单', categoryId: cat!.id, orgUnitId: org!.id, customer: { phone: `139${String(c * 1000 + i).padStart(8, '0')}` } }),
          });
          await res.arrayBuffer();
          if (res.status !== 201) failures++;
          createMs.push(performance.now() - s);
        }
      }),
    );
    const createSeconds = (performance.now() - t0) / 1000;
    results.create = { clients, requests: clients * perClient, failures, perSecond: Math.round((clients * perClient) / createSeconds), ...stats(createMs) };

    // list and search: 10 concurrent readers
    const timeGets = async (path: string, n: number, who = qm) => {
      const ms: number[] = [];
      await Promise.all(
        Array.from({ length: 10 }, async () => {
          for (let i = 0; i < n / 10; i++) {
            const s = performance.now();
            const res = await fetch(`${base}${path}`, { headers: { cookie: who.cookie } });
            await res.arrayBuffer();
            if (res.status !== 200) throw new Error(`${path}: ${res.status}`);
            ms.push(performance.now() - s);
          }
        }),
      );
      return stats(ms);
    };
    results.list = await timeGets('/api/v1/tickets?pageSize=50&type=complaint&channel=hotline&open=true&sort=-createdAt', 300);
    results.listBranch = await timeGets(`/api/v1/tickets?pageSize=50&type=complaint&channel=hotline&state=closed&sort=-createdAt&page=3`, 300, bm);
    results.search = await timeGets(`/api/v1/tickets?pageSize=50&q=${encodeURIComponent('宽带断网')}`, 200);
    await app.close();
  } finally {
    await database.sql.close();
    if (!keep) await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
    await admin.end();
  }
  return results;
}
