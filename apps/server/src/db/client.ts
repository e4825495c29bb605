import { mkdir } from 'node:fs/promises';
import { PGlite } from '@electric-sql/pglite';
import { drizzle as drizzlePglite } from 'drizzle-orm/pglite';
import { drizzle as drizzlePg } from 'drizzle-orm/node-postgres';
import type { PgDatabase, PgQueryResultHKT } from 'drizzle-orm/pg-core';
import pg from 'pg';
import * as schema from './schema/index.js';

export type Schema = typeof schema;
/** The Drizzle database, or a transaction of it (a PgTransaction is a PgDatabase). */
export type Db = PgDatabase<PgQueryResultHKT, Schema>;

/** The few raw operations the migrator, health checks and benchmarks need on either driver. */
export interface SqlClient {
  kind: 'pglite' | 'postgres';
  exec(sqlText: string): Promise<void>;
  query<T = Record<string, unknown>>(sqlText: string, params?: unknown[]): Promise<T[]>;
  /** Runs `fn` while holding a PostgreSQL advisory lock (a no-op mutex on single-process PGlite). */
  withLock<T>(key: number, fn: () => Promise<T>): Promise<T>;
  close(): Promise<void>;
}

export type Database = { db: Db; sql: SqlClient };

/** Rows of a raw `db.execute(sql…)` result: both drivers answer `{ rows }`, typed differently. */
export function rowsOf<T>(result: unknown): T[] {
  return (result as { rows: T[] }).rows;
}

export type DatabaseOptions = {
  databaseUrl?: string | undefined;
  /** PGlite data directory; `memory://` for a throw-away in-memory database. */
  dataDir?: string;
  poolSize?: number;
  /** PGlite only: start from this dump (PGlite.dumpDataDir) instead of an empty cluster */
  pgliteTemplate?: Blob;
};

export async function openDatabase(opts: DatabaseOptions): Promise<Database> {
  if (opts.databaseUrl) return openPostgres(opts.databaseUrl, opts.poolSize ?? 10);
  return openPglite(opts.dataDir ?? 'memory://', opts.pgliteTemplate);
}

async function openPglite(dataDir: string, template?: Blob): Promise<Database> {
  if (!dataDir.startsWith('memory://')) await mkdir(dataDir, { recursive: true });
  const client = await PGlite.create(dataDir, template ? { loadDataDir: template } : {});
  const db = drizzlePglite({ client, schema }) as unknown as Db;
  const sql: SqlClient = {
    kind: 'pglite',
    exec: async (text) => {
      await client.exec(text);
    },
    query: async <T>(text: string, params?: unknown[]) =>
      (await client.query<T>(text, params as unknown[] | undefined)).rows,
    // PGlite is one connection inside this process: nothing else can take the lock.
    withLock: (_key, fn) => fn(),
    close: () => client.close(),
  };
  return { db, sql };
}

async function openPostgres(url: string, poolSize: number): Promise<Database> {
  // A fresh connection's first statements are slow (its catalog caches empty, trigger functions not
  // yet compiled: hundreds of ms seen under load), and a request waiting for one holds up the others
  // queued behind it (answers written together, see answer-batcher.ts). So a few connections are
  // kept, and the rest live through a minute of idleness rather than pg's default 10 s.
  // No JIT compilation (jit=off for the app's connections): its reads are built to take
  // milliseconds to a few hundred, where compiling a plan (tens to hundreds of ms once its estimated
  // cost passes jit_above_cost) costs more than it saves — measured on the survey analysis over
  // 500,000 answers. Added to the operator's PGOPTIONS; an `options=` in DATABASE_URL replaces both
  // (behind PgBouncer, list `options` in its ignore_startup_parameters or set it there).
  // Four connections, once opened, are never closed for idleness.
  const options = `${process.env.PGOPTIONS ?? ''} -c jit=off`.trim();
  const pool = new pg.Pool({ connectionString: url, max: poolSize, min: Math.min(poolSize, 4), idleTimeoutMillis: 60_000, options });
  // An idle connection dropped by the server (restart, failover) must not crash the process; the
  // pool replaces it on the next query.
  pool.on('error', (err) => console.error(`PostgreSQL idle connection error: ${err.message}`));
  // Fail fast with the driver's message (bad host, bad database) instead of at the first request.
  await pool.query('SELECT 1');
  const db = drizzlePg({ client: pool, schema }) as unknown as Db;
  const sql: SqlClient = {
    kind: 'postgres',
    // One connection for the whole script, rolled back on that same connection if it fails, so
    // a failed multi-statement transaction never returns an aborted connection to the pool.
    exec: async (text) => {
      const conn = await pool.connect();
      try {
        await conn.query(text);
      } catch (err) {
        await conn.query('ROLLBACK').catch(() => undefined);
        throw err;
      } finally {
        conn.release();
      }
    },
    query: async <T>(text: string, params?: unknown[]) =>
      (await pool.query(text, params)).rows as T[],
    withLock: async (key, fn) => {
      const conn = await pool.connect();
      try {
        await conn.query('SELECT pg_advisory_lock($1)', [key]);
        return await fn();
      } finally {
        await conn.query('SELECT pg_advisory_unlock($1)', [key]).catch(() => undefined);
        conn.release();
      }
    },
    close: () => pool.end(),
  };
  return { db, sql };
}
