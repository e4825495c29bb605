import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import type { SqlClient } from './client.js';

const MIGRATIONS_DIR = path.join(import.meta.dirname, 'migrations');

/**
 * Applies the SQL files of db/migrations in name order, each once, each in its own transaction.
 * An advisory lock keeps two instances starting together from applying the same file twice.
 */
export async function migrate(client: SqlClient): Promise<string[]> {
  const files = (await readdir(MIGRATIONS_DIR)).filter((f) => f.endsWith('.sql')).sort();
  const applied: string[] = [];
  await client.exec(
    `CREATE TABLE IF NOT EXISTS schema_migrations (name text PRIMARY KEY, applied_at timestamptz NOT NULL DEFAULT now())`,
  );
  await client.withLock(7_461_002, async () => {
    const done = new Set(
      (await client.query<{ name: string }>('SELECT name FROM schema_migrations')).map((r) => r.name),
    );
    for (const file of files) {
      if (done.has(file)) continue;
      const sqlText = await readFile(path.join(MIGRATIONS_DIR, file), 'utf8');
      try {
        await client.exec(
          `BEGIN;\n${sqlText}\n;INSERT INTO schema_migrations (name) VALUES ('${file.replace(/'/g, "''")}');\nCOMMIT;`,
        );
      } catch (err) {
        await client.exec('ROLLBACK').catch(() => undefined);
        throw new Error(`migration ${file} failed: ${(err as Error).message}`, { cause: err });
      }
      applied.push(file);
    }
  });
  return applied;
}
