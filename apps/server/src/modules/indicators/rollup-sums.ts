import { sql, type SQL } from 'drizzle-orm';
import { isHistogramColumn, type IndicatorSlice, type MeasureFilter, type RollupMeasure } from '@qloop/contracts';
import { rowsOf, type Db } from '../../db/client.js';
import { filterConditions } from './measure-filter-sql.js';
import { splitPeriod } from './period-split.js';
import type { Grain } from './period-buckets.js';

/** Rollup key columns a sum can be grouped by. */
export type RollupColumn = 'org_unit_id' | 'category_id' | 'channel' | 'type';
/** Which rows count: the types, channels and categories of a measure filter (the measure aside). */
export type RowFilter = Omit<MeasureFilter, 'measure'>;

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
export type RollupColumnSums = { keys: Partial<Record<RollupColumn | 'bucket', string>>; sums: number[] };

/**
 * Sums of rollup columns over an org subtree and a period, optionally grouped. Whole months come
 * from the month rollups, the partial months at the period's ends from the day rollups (see
 * period-split.ts); day and week buckets need the day rows throughout. One statement either way.
 * Column names come from the contract's enums, never from the caller's text.
 */
export async function rollupColumnSums(db: Db, filter: RowFilter, columns: readonly RollupMeasure[], o: RollupSumsOpts): Promise<RollupColumnSums[]> {
  const cols = [...(o.groupBy ?? [])];
  const keys: SQL[] = cols.map((c) => sql.raw(`r.${c} AS ${c}`));
  if (o.bucket) keys.push(sql`to_char(date_trunc(${o.bucket}, r.day), 'YYYY-MM-DD') AS bucket`);
  const names = [...cols, ...(o.bucket ? ['bucket'] : [])];
  const sums = columns.map((c, i) => sql.raw(`sum(r.${c}) AS s${i}`));
  const groupBy = names.length ? sql.raw(` GROUP BY ${names.map((_, i) => i + 1).join(', ')}`) : sql``;
  const part = (table: string, from: string, to: string) => sql`
    SELECT ${sql.join([...keys, ...sums], sql`, `)} FROM ${sql.raw(table)} r
    WHERE ${filterConditions('r', filter, o.orgUnitId, from, to, o.slice ?? {})}${groupBy}`;
  // histogram buckets live in the duration rollups, measures in the measure rollups (migration 0021)
  const durations = columns.every(isHistogramColumn);
  if (!durations && columns.some(isHistogramColumn)) throw new Error('measures and histogram buckets are summed from different tables');
  const [dayTable, monthTable] = durations ? ['ticket_duration_rollups', 'ticket_duration_rollups_month'] : ['ticket_rollups', 'ticket_rollups_month'];
  const split = o.bucket === 'day' || o.bucket === 'week' ? { months: null, days: [{ from: o.from, to: o.to }] } : splitPeriod(o.from, o.to);
  const parts = [
    ...(split.months ? [part(monthTable, split.months.from, split.months.to)] : []),
    ...split.days.map((d) => part(dayTable, d.from, d.to)),
  ];
  const outer = [...names, ...columns.map((_, i) => `sum(s${i}) AS s${i}`)].join(', ');
  const q =
    parts.length === 1
      ? parts[0]!
      : sql`SELECT ${sql.raw(outer)} FROM (${sql.join(parts, sql` UNION ALL `)}) x${names.length ? sql.raw(` GROUP BY ${names.join(', ')}`) : sql``}`;
  const rows = rowsOf<Record<string, string | number | null>>(await db.execute(q));
  return rows
    .filter((r) => columns.some((_, i) => r[`s${i}`] !== null))
    .map((r) => ({ keys: Object.fromEntries(names.map((k) => [k, String(r[k])])), sums: columns.map((_, i) => Number(r[`s${i}`] ?? 0)) }));
}

/** Sums of one measure (see rollupColumnSums). */
export async function rollupSums(db: Db, f: MeasureFilter, o: RollupSumsOpts): Promise<RollupSum[]> {
  return (await rollupColumnSums(db, f, [f.measure], o)).map((r) => ({ keys: r.keys, n: r.sums[0]! }));
}

/** The plain sum of a measure (0 without rows). */
export async function rollupTotal(db: Db, f: MeasureFilter, o: Omit<RollupSumsOpts, 'groupBy' | 'bucket'>): Promise<number> {
  const [row] = await rollupSums(db, f, o);
  return row?.n ?? 0;
}
