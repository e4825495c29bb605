import { sql, type SQL } from 'drizzle-orm';
import type { IndicatorSlice, MeasureFilter } from '@qloop/contracts';
import { rowsOf, type Db } from '../../db/client.js';
import { filterConditions } from './measure-filter-sql.js';
import { splitPeriod } from './period-split.js';
import type { Grain } from './period-buckets.js';

/** Rollup key columns a sum can be grouped by. */
export type RollupColumn = 'org_unit_id' | 'category_id' | 'channel' | 'type';

export type RollupSumsOpts = {
  orgUnitId: string;
  from: string;
  to: string;
  slice?: IndicatorSlice;
  groupBy?: readonly RollupColumn[];
  /** also grouped by day, ISO week or month (key `bucket`: the bucket's first day) */
  bucket?: Grain;
};
export type RollupSum = { keys: Partial<Record<RollupColumn | 'bucket', string>>; n: number };

/**
 * Sums of a measure over an org subtree and a period, optionally grouped. Whole months come from
 * the month rollups, the partial months at the period's ends from the day rollups (see
 * period-split.ts); day and week buckets need the day rows throughout. One statement either way.
 */
export async function rollupSums(db: Db, f: MeasureFilter, o: RollupSumsOpts): Promise<RollupSum[]> {
  const cols = [...(o.groupBy ?? [])];
  const keys: SQL[] = cols.map((c) => sql.raw(`r.${c} AS ${c}`));
  if (o.bucket) keys.push(sql`to_char(date_trunc(${o.bucket}, r.day), 'YYYY-MM-DD') AS bucket`);
  const names = [...cols, ...(o.bucket ? ['bucket'] : [])];
  const measure = sql.raw(`r.${f.measure}`); // from the contract's enum, never the caller's text
  const part = (table: string, from: string, to: string) => sql`
    SELECT ${sql.join([...keys, sql`sum(${measure}) AS n`], sql`, `)} FROM ${sql.raw(table)} r
    WHERE ${filterConditions('r', f, o.orgUnitId, from, to, o.slice ?? {})}${names.length ? sql.raw(` GROUP BY ${names.map((_, i) => i + 1).join(', ')}`) : sql``}`;
  const split = o.bucket === 'day' || o.bucket === 'week' ? { months: null, days: [{ from: o.from, to: o.to }] } : splitPeriod(o.from, o.to);
  const parts = [
    ...(split.months ? [part('ticket_rollups_month', split.months.from, split.months.to)] : []),
    ...split.days.map((d) => part('ticket_rollups', d.from, d.to)),
  ];
  const q =
    parts.length === 1
      ? parts[0]!
      : sql`SELECT ${sql.raw([...names, 'sum(n) AS n'].join(', '))} FROM (${sql.join(parts, sql` UNION ALL `)}) x${names.length ? sql.raw(` GROUP BY ${names.join(', ')}`) : sql``}`;
  const rows = rowsOf<Record<string, string | number | null>>(await db.execute(q));
  return rows
    .filter((r) => r.n !== null)
    .map((r) => ({ keys: Object.fromEntries(names.map((k) => [k, String(r[k])])), n: Number(r.n) }));
}

/** The plain sum (0 without rows). */
export async function rollupTotal(db: Db, f: MeasureFilter, o: Omit<RollupSumsOpts, 'groupBy' | 'bucket'>): Promise<number> {
  const [row] = await rollupSums(db, f, o);
  return row?.n ?? 0;
}
