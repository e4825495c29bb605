import { sql, type SQL } from 'drizzle-orm';
import type { IndicatorSlice, MeasureFilter } from '@qloop/contracts';
import { orgSubtreeCondition } from '../../lib/scope.js';

/** A list of values as SQL parameters, for `IN (…)`. */
export const inList = (values: readonly string[]) => sql.join(values.map((v) => sql`${v}`), sql`, `);

/** `column` is one of these categories or below them. */
const inCategorySubtrees = (column: SQL, ids: readonly string[]) => sql`${column} IN (SELECT id FROM categories WHERE path && ARRAY[${inList(ids)}]::uuid[])`;

/**
 * The dashboard's type / channel / category filters on rows with `alias`.type, channel,
 * category_id (rollups, contributions, tickets). They add to the indicator's own filter (AND).
 */
export function sliceConditions(alias: 'r' | 'c' | 't', slice: IndicatorSlice): SQL[] {
  const col = (name: string) => sql.raw(`${alias}.${name}`);
  const conds: SQL[] = [];
  if (slice.type) conds.push(sql`${col('type')} = ${slice.type}`);
  if (slice.channel) conds.push(sql`${col('channel')} = ${slice.channel}`);
  if (slice.category) conds.push(inCategorySubtrees(col('category_id'), [slice.category]));
  return conds;
}

export const isSliced = (slice: IndicatorSlice) => !!(slice.type || slice.channel || slice.category);

/**
 * The rows of a table keyed like the rollups (`alias`.day, org_unit_id, type, channel, category_id)
 * that a figure counts: an org subtree, a period of days, the filter's types, channels and category
 * subtrees, and the dashboard's slice. The day and month rollups and the per-ticket contributions
 * share it, so a figure and the tickets listed behind it are always cut the same way.
 */
export function filterConditions(alias: 'r' | 'c', f: Omit<MeasureFilter, 'measure'>, orgUnitId: string, from: string, to: string, slice: IndicatorSlice = {}): SQL {
  const col = (name: string) => sql.raw(`${alias}.${name}`);
  const conds: SQL[] = [orgSubtreeCondition(orgUnitId, col('org_unit_id')), sql`${col('day')} BETWEEN ${from}::date AND ${to}::date`];
  if (f.types?.length) conds.push(sql`${col('type')} IN (${inList(f.types)})`);
  if (f.channels?.length) conds.push(sql`${col('channel')} IN (${inList(f.channels)})`);
  if (f.categoryIds?.length) conds.push(inCategorySubtrees(col('category_id'), f.categoryIds));
  conds.push(...sliceConditions(alias, slice));
  return sql.join(conds, sql` AND `);
}
