import { getTableColumns, getTableName, sql } from 'drizzle-orm';
import type { PgTable } from 'drizzle-orm/pg-core';
import type { Db } from './client.js';

/**
 * Inserts many rows as ONE JSON parameter (jsonb_populate_recordset over the table's own row type,
 * so every value is read by its column's type). Drizzle's multi-row insert builds a parameter per
 * value — 25 columns × 1,000 rows for a chunk of imported tickets — and that building, not the
 * statement, was most of an import's server time. A column with a default that some rows give and
 * others leave out cannot be said in one list: such rows go through Drizzle.
 */
export async function insertRows<T extends PgTable>(tx: Db, table: T, rows: readonly T['$inferInsert'][]): Promise<void> {
  if (!rows.length) return;
  const columns = Object.entries(getTableColumns(table)) as [string, { name: string; hasDefault: boolean }][];
  const given = columns.filter(([key]) => rows.some((r) => (r as Record<string, unknown>)[key] !== undefined));
  // a column left out takes its default; without one that is null, which the JSON can say
  if (given.some(([key, c]) => c.hasDefault && rows.some((r) => (r as Record<string, unknown>)[key] === undefined))) {
    await tx.insert(table).values(rows as T['$inferInsert'][]);
    return;
  }
  const names = given.map(([, c]) => c.name);
  const json = JSON.stringify(rows.map((r) => Object.fromEntries(given.map(([key, c]) => [c.name, (r as Record<string, unknown>)[key] ?? null]))));
  const list = sql.raw(names.map((n) => `"${n}"`).join(', '));
  const name = sql.raw(`"${getTableName(table)}"`);
  await tx.execute(sql`INSERT INTO ${name} (${list}) SELECT ${list} FROM jsonb_populate_recordset(NULL::${name}, ${json}::jsonb)`);
}
