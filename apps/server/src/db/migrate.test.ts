import { describe, expect, it } from 'vitest';
import { migrate } from './migrate.js';
import { openTestDatabase } from '../test/test-database.js';

describe('migrations (on PGlite, and on PostgreSQL under npm run test:pg)', () => {
  it('apply once, are recorded, and a second run applies nothing', async () => {
    const { database, drop } = await openTestDatabase();
    try {
      const recorded = await database.sql.query<{ name: string }>('SELECT name FROM schema_migrations ORDER BY name');
      expect(recorded.map((r) => r.name)).toContain('0001_foundation.sql');
      expect(await migrate(database.sql)).toEqual([]);
      const tables = await database.sql.query<{ table_name: string }>(
        `SELECT table_name FROM information_schema.tables WHERE table_schema = 'public' ORDER BY table_name`,
      );
      expect(tables.map((t) => t.table_name)).toEqual(
        expect.arrayContaining(['org_units', 'users', 'sessions', 'api_tokens', 'customer_base', 'audit_log', 'audit_chain_heads', 'departments']),
      );
      const heads = await database.sql.query<{ n: number }>('SELECT count(*)::int AS n FROM audit_chain_heads');
      expect(heads[0]!.n).toBe(16);
    } finally {
      await drop();
    }
  });
});
