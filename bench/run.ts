/**
 * `npm run bench`: runs the benchmarks and prints their figures as a Markdown table. PostgreSQL
 * figures need the local server (BENCH_PG_URL, default postgres://postgres@127.0.0.1:5432/postgres);
 * without it only PGlite is measured. Record the figures in bench/RESULTS.md.
 */
import os from 'node:os';
import pg from 'pg';
import { benchAuditAppend } from './audit-append.js';

const pgUrl = process.env.BENCH_PG_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';

async function reachable(url: string) {
  const c = new pg.Client({ connectionString: url, connectionTimeoutMillis: 2000 });
  try {
    await c.connect();
    return true;
  } catch {
    return false;
  } finally {
    await c.end().catch(() => undefined);
  }
}

const havePg = await reachable(pgUrl);
if (!havePg) console.warn(`PostgreSQL not reachable at ${pgUrl}: measuring PGlite only`);
console.log(`\n## Audit-log append, 50 concurrent writers (${os.cpus().length} cores, ${new Date().toISOString().slice(0, 10)})\n`);
const rows = await benchAuditAppend(havePg ? pgUrl : undefined);
console.log('| database | chains | writers | appends | seconds | appends/s | p50 ms | p99 ms | chain verified |');
console.log('|---|---|---|---|---|---|---|---|---|');
for (const r of rows) {
  console.log(`| ${r.database} | ${r.chains} | ${r.writers} | ${r.appends} | ${r.seconds} | ${r.perSecond} | ${r.p50ms} | ${r.p99ms} | ${r.verified ? 'yes' : 'NO'} |`);
}
