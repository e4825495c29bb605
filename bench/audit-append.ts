/**
 * Audit-trail append rate with concurrent writers, on PGlite and on PostgreSQL: each writer runs
 * transactions that update a business row and append one audit entry, as every use case does.
 * Compares the production setting (16 chains, one picked per transaction) with a single chain,
 * which is what one global hash chain would cost.
 */
import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { sql } from 'drizzle-orm';
import { openDatabase, type Database } from '../apps/server/src/db/client.js';
import { migrate } from '../apps/server/src/db/migrate.js';
import { appendAudit } from '../apps/server/src/modules/audit/append-audit.js';
import { verifyAudit } from '../apps/server/src/modules/audit/verify-audit.js';

export type AppendResult = {
  database: string;
  chains: string;
  writers: number;
  appends: number;
  seconds: number;
  perSecond: number;
  p50ms: number;
  p99ms: number;
  verified: boolean;
};

const percentile = (sorted: number[], p: number) => sorted[Math.min(sorted.length - 1, Math.floor(p * sorted.length))]!;

async function run(database: Database, label: string, writers: number, perWriter: number, singleChain: boolean): Promise<AppendResult> {
  await database.sql.exec(`CREATE TABLE IF NOT EXISTS bench_rows (id int PRIMARY KEY, n int NOT NULL DEFAULT 0)`);
  await database.sql.exec(`INSERT INTO bench_rows (id) SELECT g FROM generate_series(1, ${writers}) g ON CONFLICT DO NOTHING`);
  const latencies: number[] = [];
  const started = performance.now();
  await Promise.all(
    Array.from({ length: writers }, async (_, w) => {
      for (let i = 0; i < perWriter; i++) {
        const t0 = performance.now();
        await database.db.transaction(async (tx) => {
          await tx.execute(sql`UPDATE bench_rows SET n = n + 1 WHERE id = ${w + 1}`);
          await appendAudit(
            tx,
            { actorId: null, actorName: `writer-${w}`, requestId: null, ip: null },
            [{ action: 'update', entityType: 'bench_row', entityId: String(w + 1), before: { n: i }, after: { n: i + 1 } }],
            ...(singleChain ? [0] : []),
          );
        });
        latencies.push(performance.now() - t0);
      }
    }),
  );
  const seconds = (performance.now() - started) / 1000;
  latencies.sort((a, b) => a - b);
  const verified = (await verifyAudit(database.db)).ok;
  const appends = writers * perWriter;
  return {
    database: label,
    chains: singleChain ? '1 (global)' : '16 (production)',
    writers,
    appends,
    seconds: Number(seconds.toFixed(2)),
    perSecond: Math.round(appends / seconds),
    p50ms: Number(percentile(latencies, 0.5).toFixed(1)),
    p99ms: Number(percentile(latencies, 0.99).toFixed(1)),
    verified,
  };
}

export async function benchAuditAppend(pgUrl: string | undefined, writers = 50, perWriter = 40): Promise<AppendResult[]> {
  const results: AppendResult[] = [];
  for (const singleChain of [false, true]) {
    const lite = await openDatabase({ dataDir: 'memory://' });
    await migrate(lite.sql);
    await run(lite, 'warm-up', 10, 5, singleChain); // JIT and caches warm before measuring
    results.push(await run(lite, 'PGlite (in-process)', writers, perWriter, singleChain));
    await lite.sql.close();
  }
  if (!pgUrl) return results;
  for (const singleChain of [false, true]) {
    const name = `qloop_bench_${randomBytes(4).toString('hex')}`;
    const admin = new pg.Client({ connectionString: pgUrl });
    await admin.connect();
    await admin.query(`CREATE DATABASE ${name}`);
    const url = new URL(pgUrl);
    url.pathname = `/${name}`;
    const database = await openDatabase({ databaseUrl: url.toString(), poolSize: writers });
    try {
      await migrate(database.sql);
      await run(database, 'warm-up', 10, 5, singleChain);
      results.push(await run(database, 'PostgreSQL', writers, perWriter, singleChain));
    } finally {
      await database.sql.close();
      await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await admin.end();
    }
  }
  return results;
}
