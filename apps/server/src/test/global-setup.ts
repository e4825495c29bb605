import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { TestProject } from 'vitest/node';
import { openDatabase } from '../db/client.js';
import { migrate } from '../db/migrate.js';

declare module 'vitest' {
  export interface ProvidedContext {
    /** path of a PGlite dump with every migration applied ('' under test:pg) */
    pgliteTemplate: string;
  }
}

/**
 * Creating a PGlite cluster (initdb in WASM) takes seconds; loading a dump takes a fraction of
 * that. The migrations are applied once here, to a fresh cluster, and every test database starts
 * from the dump. Under test:pg each test file migrates its own fresh PostgreSQL database instead.
 */
export default async function setup(project: TestProject) {
  if (process.env.TEST_PG_URL) {
    project.provide('pgliteTemplate', '');
    return;
  }
  const dir = await mkdtemp(path.join(tmpdir(), 'qloop-test-'));
  const file = path.join(dir, 'migrated.tar');
  const database = await openDatabase({ dataDir: 'memory://' });
  await migrate(database.sql);
  const client = (database.db as unknown as { $client: { dumpDataDir: (c: 'none') => Promise<Blob> } }).$client;
  const dump = await client.dumpDataDir('none');
  await writeFile(file, Buffer.from(await dump.arrayBuffer()));
  await database.sql.close();
  project.provide('pgliteTemplate', file);
  return async () => {
    await rm(dir, { recursive: true, force: true });
  };
}
