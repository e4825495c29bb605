import { randomBytes } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import pg from 'pg';
import { inject } from 'vitest';
import { openDatabase, type Database } from '../db/client.js';
import { migrate } from '../db/migrate.js';

/**
 * A throw-away database for one test file: in-memory PGlite by default; with TEST_PG_URL set
 * (npm run test:pg), a fresh PostgreSQL database created here and dropped by `drop()`.
 */
export async function openTestDatabase(): Promise<{ database: Database; drop: () => Promise<void>; /** PostgreSQL only: the database's URL, for a second instance */ url?: string }> {
  const base = process.env.TEST_PG_URL;
  if (!base) {
    const templatePath = inject('pgliteTemplate');
    const pgliteTemplate = templatePath ? new Blob([await readFile(templatePath)]) : undefined;
    const database = await openDatabase({ dataDir: 'memory://', ...(pgliteTemplate ? { pgliteTemplate } : {}) });
    await migrate(database.sql);
    return { database, drop: () => database.sql.close() };
  }
  const name = `${process.env.TEST_PG_PREFIX ?? 'qloop_t'}_${randomBytes(5).toString('hex')}`;
  const admin = new pg.Client({ connectionString: base });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name}`);
  await admin.end();
  const url = new URL(base);
  url.pathname = `/${name}`;
  const database = await openDatabase({ databaseUrl: url.toString(), poolSize: 20 });
  await migrate(database.sql);
  return {
    database,
    url: url.toString(),
    drop: async () => {
      await database.sql.close();
      const a = new pg.Client({ connectionString: base });
      await a.connect();
      await a.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await a.end();
    },
  };
}
