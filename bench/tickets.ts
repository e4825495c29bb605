/**
 * Work-order benchmarks on PostgreSQL (issue #3): load N tickets with the demo generator, then
 * measure over HTTP against the real app: create-ticket throughput at 50 concurrent clients, list
 * page (50 rows, 3 filters, sorted) latency, Chinese search latency; and a 100,000-row import.
 */
import { randomBytes } from 'node:crypto';
import { performance } from 'node:perf_hooks';
import { Worker } from 'node:worker_threads';
import { sql } from 'drizzle-orm';
import pg from 'pg';
import { buildApp } from '../apps/server/src/app.js';
import { loadConfig } from '../apps/server/src/config.js';
import { openDatabase, type Database } from '../apps/server/src/db/client.js';
import { migrate } from '../apps/server/src/db/migrate.js';
import {
  categories,
  customers,
  orgUnits,
  ticketEvents,
  tickets,
  users,
} from '../apps/server/src/db/schema/index.js';
import { ensurePortalUser, seedCategories, seedDemo } from '../apps/server/src/seed/seed.js';
import { generateDemoTickets } from '../apps/server/src/seed/demo-tickets.js';
import { httpFloor, writeFloor } from './intake-floor.js';
import { eq } from 'drizzle-orm';

const percentile = (sorted: number[], p: number) =>
  sorted[Math.min(sorted.length - 1, Math.floor(p * sorted.length))]!;
const stats = (ms: number[]) => {
  const s = [...ms].sort((a, b) => a - b);
  return {
    n: s.length,
    p50: +percentile(s, 0.5).toFixed(1),
    p95: +percentile(s, 0.95).toFixed(1),
    p99: +percentile(s, 0.99).toFixed(1),
  };
};

export async function loadTickets(database: Database, total: number, log: (s: string) => void) {
  const db = database.db;
  const units = await db
    .select({ id: orgUnits.id, path: orgUnits.path })
    .from(orgUnits)
    .where(sql`${orgUnits.kind} IN ('store','team')`);
  const cats = await db
    .select({ id: categories.id, code: categories.code, path: categories.path })
    .from(categories)
    .where(eq(categories.level, 3));
  const people = await db
    .select({ id: users.id, orgUnitId: users.orgUnitId, role: users.role, path: orgUnits.path })
    .from(users)
    .innerJoin(orgUnits, eq(orgUnits.id, users.orgUnitId));
  const chunk = 50_000;
  const started = performance.now();
  for (let done = 0, seed = 1; done < total; done += chunk, seed++) {
    const n = Math.min(chunk, total - done);
    const data = generateDemoTickets({
      now: new Date(),
      days: 365,
      count: n,
      seed,
      units,
      categories: cats,
      users: people,
    });
    // unique numbers and customer numbers across chunks
    data.tickets.forEach((t, i) => (t.no = `${t.no!.slice(0, 10)}${String(done + i + 1).padStart(8, '0')}`));
    data.customers.forEach((c) => (c.customerNo = `${c.customerNo}-${seed}`));
    for (let i = 0; i < data.customers.length; i += 2000)
      await db.insert(customers).values(data.customers.slice(i, i + 2000));
    for (let i = 0; i < data.tickets.length; i += 1000)
      await db.insert(tickets).values(data.tickets.slice(i, i + 1000));
    const created = data.events.filter((e) => e.kind === 'created');
    for (let i = 0; i < created.length; i += 3000)
      await db.insert(ticketEvents).values(created.slice(i, i + 3000));
    log(`  loaded ${done + n} tickets (${((performance.now() - started) / 1000).toFixed(0)} s)`);
  }
  // What a service database has by the time anyone lists a million tickets: statistics and a vacuumed
  // table and text index (autovacuum's work; the cluster here runs without it, and a vacuumed text
  // index changed the search's plan: bench/RESULTS.md), and the load's dirty pages written out, else
  // the checkpointer flushes a gigabyte under the first phase measured.
  await database.sql.exec('VACUUM ANALYZE');
  await database.sql.exec('CHECKPOINT');
  return (performance.now() - started) / 1000;
}

type Planned = { method: string; path: string; headers: Record<string, string>; body?: string };
type Driven = {
  ms: number[];
  failures: number;
  seconds: number;
  firstError: string | null;
  serverBusyMsPerRequest: number;
  pgCpuMsPerRequest: number | null;
  processCpuMsPerRequest: number;
};

/**
 * CPU time (ms) used so far by PostgreSQL's processes on this machine, from /proc (Linux; null
 * elsewhere). With the process's own CPU it shows where a request's cost goes: server, clients or
 * database. Backends that exit meanwhile are not counted; the app's pool keeps its connections.
 */
async function pgCpuMs(): Promise<number | null> {
  const { readdir, readFile } = await import('node:fs/promises');
  let total = 0;
  try {
    for (const pid of await readdir('/proc')) {
      if (!/^\d+$/.test(pid)) continue;
      const stat = await readFile(`/proc/${pid}/stat`, 'utf8').catch(() => '');
      const close = stat.lastIndexOf(')');
      if (!stat.slice(stat.indexOf('(') + 1, close).startsWith('postgres')) continue;
      const fields = stat.slice(close + 2).split(' ');
      total += Number(fields[11]) + Number(fields[12]); // utime, stime in clock ticks (100/s)
    }
  } catch {
    return null;
  }
  return total * 10;
}

/** Runs the requests from a worker thread with `clients` concurrent connections. */
async function drive(base: string, clients: number, expect: number, requests: Planned[]): Promise<Driven> {
  // the server's event loop (this thread) busy time per request: its CPU cost, whatever the contention
  const before = performance.eventLoopUtilization();
  const cpuBefore = process.cpuUsage();
  const pgBefore = await pgCpuMs();
  return new Promise((resolve, reject) => {
    const w = new Worker(new URL('./http-load.mjs', import.meta.url), {
      workerData: { base, clients, expect, requests },
    });
    w.once('message', (r: Omit<Driven, 'serverBusyMsPerRequest' | 'pgCpuMsPerRequest' | 'processCpuMsPerRequest'>) => {
      const elu = performance.eventLoopUtilization(before);
      const cpu = process.cpuUsage(cpuBefore);
      void pgCpuMs().then((pgAfter) =>
        resolve({
          ...r,
          serverBusyMsPerRequest: +(elu.active / requests.length).toFixed(2),
          processCpuMsPerRequest: +((cpu.user + cpu.system) / 1000 / requests.length).toFixed(2),
          pgCpuMsPerRequest: pgBefore === null || pgAfter === null ? null : +((pgAfter - pgBefore) / requests.length).toFixed(2),
        }),
      );
    });
    w.once('error', reject);
  });
}

export async function benchTickets(pgUrl: string, total: number, log: (s: string) => void) {
  // BENCH_KEEP_DB=<name>: load once into that database, keep it, and reuse it on the next run
  const keep = process.env.BENCH_KEEP_DB;
  const name = keep ?? `qloop_bench_${randomBytes(4).toString('hex')}`;
  const admin = new pg.Client({ connectionString: pgUrl });
  await admin.connect();
  const exists = keep
    ? (await admin.query('SELECT 1 FROM pg_database WHERE datname = $1', [keep])).rowCount
    : 0;
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
    // A kept database was changed by earlier runs: current statistics, as autovacuum's analyze keeps
    // them in production (the cluster here runs with autovacuum off)
    // — every table: the clocks of tickets created by earlier runs were missing from ticket_clocks'
    // statistics, and reading a list page's clocks took 20 ms on the plan they led to
    if (exists) await database.sql.exec('ANALYZE');
    results.tickets = (
      await database.sql.query<{ n: number }>('SELECT count(*)::int AS n FROM tickets')
    )[0]!.n;

    const config = loadConfig({
      LOG_LEVEL: 'silent',
      WEB_DIST: '/nonexistent',
      LOGIN_RATE_LIMIT: '100000',
      NODE_ENV: 'production',
    } as NodeJS.ProcessEnv);
    const app = await buildApp({ config, database, sessionSecret: 'bench'.padEnd(40, 'x'), logger: false });
    await app.listen({ port: 0, host: '127.0.0.1' });
    const base = `http://127.0.0.1:${(app.server.address() as { port: number }).port}`;
    const login = async (username: string) => {
      const res = await fetch(`${base}/api/v1/auth/login`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ username, password: 'Qloop#2026' }),
      });
      const cookie = res.headers.get('set-cookie')!.split(';')[0]!;
      return { cookie, csrf: ((await res.json()) as { csrfToken: string }).csrfToken };
    };
    const bm = await login('bm.dz');
    const qm = await login('qm.li');
    const [cat] = await database.db
      .select({ id: categories.id })
      .from(categories)
      .where(eq(categories.code, 'S01-01'));
    const [org] = await database.db
      .select({ id: orgUnits.id })
      .from(orgUnits)
      .where(eq(orgUnits.code, 'JN-DZ-S01'));

    // create: 50 concurrent clients; list and search: 1 client (latency) and 10 clients (under load)
    const runId = randomBytes(3).toString('hex');
    const createBody = (i: number) =>
      JSON.stringify({
        type: 'complaint',
        channel: 'hotline',
        title: '宽带断网，光猫红灯',
        description: '压测工单',
        categoryId: cat!.id,
        orgUnitId: org!.id,
        // new customers on every run (numbered past the tickets already loaded), as on the first
        customer: { phone: `139${String((results.tickets as number) + i).padStart(8, '0')}` },
      });
    // BENCH_ONLY=create,floor,list,listBranch,search,import runs a subset
    const only = process.env.BENCH_ONLY?.split(',');
    const wanted = (phase: string) => !only || only.includes(phase);
    if (wanted('create')) {
      const creates = (from: number, n: number) =>
        Array.from({ length: n }, (_, k) => from + k).map((i) => ({
          method: 'POST',
          path: '/api/v1/tickets',
          headers: {
            'content-type': 'application/json',
            cookie: bm.cookie,
            'x-csrf-token': bm.csrf,
            'idempotency-key': `bench-${runId}-${i}`,
          },
          body: createBody(i),
        }));
      // a warm-up (the segmenter's dictionary, compiled schemas, the JIT, the pool) is not counted
      await drive(base, 50, 201, creates(0, 1000));
      const create = await drive(base, 50, 201, creates(1000, 8000));
      results.create = {
        clients: 50,
        requests: create.ms.length,
        failures: create.failures,
        firstError: create.firstError,
        serverBusyMsPerRequest: create.serverBusyMsPerRequest,
        processCpuMsPerRequest: create.processCpuMsPerRequest,
        pgCpuMsPerRequest: create.pgCpuMsPerRequest,
        perSecond: Math.round(create.ms.length / create.seconds),
        ...stats(create.ms),
      };
    }
    // what a created ticket costs at the least here (bench/intake-floor.ts), to read the create figures against
    if (wanted('floor')) {
      const sample = await fetch(`${base}/api/v1/tickets`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', cookie: bm.cookie, 'x-csrf-token': bm.csrf },
        body: createBody(-1),
      });
      if (sample.status !== 201) throw new Error(`floor: sample create refused: ${sample.status}`);
      results.floor = {
        http: await httpFloor(drive, createBody(0), await sample.json()),
        writes: await writeFloor(database, pgCpuMs),
      };
    }
    const gets = (path: string, n: number, who = qm) =>
      Array.from({ length: n }, () => ({ method: 'GET', path, headers: { cookie: who.cookie } }));
    const listPath = '/api/v1/tickets?pageSize=50&type=complaint&channel=hotline&open=true&sort=-createdAt';
    const branchPath =
      '/api/v1/tickets?pageSize=50&type=complaint&channel=hotline&state=closed&sort=-createdAt&page=3';
    const searchPath = `/api/v1/tickets?pageSize=50&q=${encodeURIComponent('宽带断网')}`;
    for (const [name, path, who] of [
      ['list', listPath, qm],
      ['listBranch', branchPath, bm],
      ['search', searchPath, qm],
    ] as const) {
      if (!wanted(name)) continue;
      const one = await drive(base, 1, 200, gets(path, 200, who));
      const ten = await drive(base, 10, 200, gets(path, 500, who));
      results[name] = {
        oneClient: { ...stats(one.ms), serverBusyMsPerRequest: one.serverBusyMsPerRequest, pgCpuMsPerRequest: one.pgCpuMsPerRequest },
        tenClients: {
          ...stats(ten.ms),
          perSecond: Math.round(ten.ms.length / ten.seconds),
          serverBusyMsPerRequest: ten.serverBusyMsPerRequest,
        },
      };
    }

    // import of 100,000 rows (valid_rows), by a branch manager, through the API
    if (wanted('import')) {
      const importRows = Number(process.env.BENCH_IMPORT_ROWS ?? 100_000);
      const header = '类型,渠道,标题,描述,分类编码,组织编码,电话,客户姓名,受理时间';
      const lines = [header];
      for (let i = 0; i < importRows; i++) {
        const day = String(1 + (i % 28)).padStart(2, '0');
        lines.push(
          `投诉,热线,宽带断网${runId}-${i},光猫红灯,S01-01,JN-DZ-S01,138${String(i).padStart(8, '0')},,2026-10-${day} 09:30`,
        );
      }
      const boundary = '----qloopbench';
      const payload = Buffer.concat([
        Buffer.from(
          `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="bench.csv"\r\nContent-Type: text/csv\r\n\r\n`,
        ),
        Buffer.from(lines.join('\n')),
        Buffer.from(`\r\n--${boundary}--\r\n`),
      ]);
      const i0 = performance.now();
      const up = await fetch(`${base}/api/v1/tickets/imports`, {
        method: 'POST',
        headers: {
          'content-type': `multipart/form-data; boundary=${boundary}`,
          cookie: bm.cookie,
          'x-csrf-token': bm.csrf,
        },
        body: payload,
      });
      if (up.status !== 201 && up.status !== 200)
        throw new Error(`import upload refused: ${up.status} ${await up.text()}`);
      const job = (await up.json()) as { id: string; suggestedMapping: unknown };
      const uploadSeconds = (performance.now() - i0) / 1000;
      const started = await fetch(`${base}/api/v1/tickets/imports/${job.id}/run`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', cookie: bm.cookie, 'x-csrf-token': bm.csrf },
        body: JSON.stringify({ mapping: job.suggestedMapping, mode: 'valid_rows' }),
      });
      if (started.status !== 202)
        throw new Error(`import run refused: ${started.status} ${await started.text()}`);
      let state: { status: string; importedRows: number; failedRows: number; message: string | null };
      for (;;) {
        await new Promise((r) => setTimeout(r, 500));
        const res = await fetch(`${base}/api/v1/tickets/imports/${job.id}`, {
          headers: { cookie: bm.cookie },
        });
        if (res.status !== 200) throw new Error(`import status: ${res.status} ${await res.text()}`);
        state = (await res.json()) as typeof state;
        if (state.status === 'done' || state.status === 'failed') break;
      }
      results.import = {
        rows: importRows,
        uploadSeconds: +uploadSeconds.toFixed(1),
        totalSeconds: +((performance.now() - i0) / 1000).toFixed(1),
        status: state.status,
        imported: state.importedRows,
        failed: state.failedRows,
        message: state.message,
      };
    }
    await app.close();
  } finally {
    await database.sql.close();
    if (!keep) await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
    await admin.end();
  }
  return results;
}
