#!/usr/bin/env node
// Runs the whole test suite against the local PostgreSQL. Every test file creates its own
// throw-away database (prefix qloop_t_<run>) and drops it; whatever a crashed run left behind
// under this run's prefix is dropped at the end.
import { spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import pg from 'pg';

const base = process.env.TEST_PG_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
const prefix = `qloop_t_${randomBytes(3).toString('hex')}`;

async function check() {
  const c = new pg.Client({ connectionString: base });
  try {
    await c.connect();
    const v = await c.query('SHOW server_version');
    console.log(`test:pg on PostgreSQL ${v.rows[0].server_version} (${base.replace(/\/\/[^@]*@/, '//')}), databases ${prefix}_*`);
  } catch (err) {
    console.error(`test:pg needs a PostgreSQL at ${base}: ${err.message}`);
    process.exit(1);
  } finally {
    await c.end().catch(() => {});
  }
}

async function cleanup() {
  const c = new pg.Client({ connectionString: base });
  await c.connect();
  const left = await c.query(`SELECT datname FROM pg_database WHERE datname LIKE $1`, [`${prefix}%`]);
  for (const r of left.rows) await c.query(`DROP DATABASE IF EXISTS ${r.datname} WITH (FORCE)`);
  await c.end();
  if (left.rows.length) console.log(`dropped ${left.rows.length} leftover test databases`);
}

await check();
const args = process.argv.slice(2);
const run = spawnSync('npx', ['vitest', 'run', ...args], {
  stdio: 'inherit',
  env: { ...process.env, TEST_PG_URL: base, TEST_PG_PREFIX: prefix },
});
await cleanup();
process.exit(run.status ?? 1);
