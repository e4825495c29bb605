import { getTableColumns, getTableName, sql, type SQL } from 'drizzle-orm';
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
  await writeTogether(tx, [insertRowsStatement(tx, table, rows)]);
}

/** The statement `insertRows` runs, to write it together with others (`writeTogether`); null when there are no rows. */
export function insertRowsStatement<T extends PgTable>(tx: Db, table: T, rows: readonly T['$inferInsert'][]): SQL | null {
  if (!rows.length) return null;
  const columns = Object.entries(getTableColumns(table)) as [string, { name: string; hasDefault: boolean }][];
  const given = columns.filter(([key]) => rows.some((r) => (r as Record<string, unknown>)[key] !== undefined));
  // a column left out takes its default; without one that is null, which the JSON can say
  if (given.some(([key, c]) => c.hasDefault && rows.some((r) => (r as Record<string, unknown>)[key] === undefined))) {
    return tx.insert(table).values(rows as T['$inferInsert'][]).getSQL();
  }
  const names = given.map(([, c]) => c.name);
  const json = JSON.stringify(rows.map((r) => Object.fromEntries(given.map(([key, c]) => [c.name, (r as Record<string, unknown>)[key] ?? null]))));
  const list = sql.raw(names.map((n) => `"${n}"`).join(', '));
  const name = sql.raw(`"${getTableName(table)}"`);
  return sql`INSERT INTO ${name} (${list}) SELECT ${list} FROM jsonb_populate_recordset(NULL::${name}, ${json}::jsonb)`;
}

/**
 * Runs writes as ONE statement: all but the last become data-modifying WITH queries, which
 * PostgreSQL runs to completion whether or not anything reads them. Every statement a batch sends
 * costs a round trip, and on a small machine each one is a wake-up of the database backend and of
 * the server in turn — intake measured about 0.3 ms of server time per statement.
 * Foreign keys are checked at the end of the whole statement, so a row and the rows pointing at it
 * may be written together. The writes must not touch one row twice, and none may carry a WITH of
 * its own (PostgreSQL allows data-modifying WITH only at the top level).
 */
export async function writeTogether(tx: Db, statements: readonly (SQL | null)[]): Promise<void> {
  const parts = statements.filter((s): s is SQL => s !== null);
  if (!parts.length) return;
  const last = parts[parts.length - 1]!;
  if (parts.length === 1) {
    await tx.execute(last);
    return;
  }
  const ahead = parts.slice(0, -1).map((s, i) => sql`${sql.raw(`w${i}`)} AS (${s})`);
  await tx.execute(sql`WITH ${sql.join(ahead, sql`, `)} ${last}`);
}
