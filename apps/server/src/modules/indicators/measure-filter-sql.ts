import { sql, type SQL } from 'drizzle-orm';
import type { MeasureFilter } from '@qloop/contracts';
import { orgSubtreeCondition } from '../../lib/scope.js';

/** A list of values as SQL parameters, for `IN (…)`. */
export const inList = (values: readonly string[]) => sql.join(values.map((v) => sql`${v}`), sql`, `);

/**
 * The rows of a table keyed like the rollups (`alias`.day, org_unit_id, type, channel, category_id)
 * that a figure counts: an org subtree, a period of days, the filter's types, channels and category
 * subtrees. The rollups and the per-ticket contributions share it, so a figure and the tickets
 * listed behind it are always cut the same way.
 */
export function filterConditions(alias: 'r' | 'c', f: MeasureFilter, orgUnitId: string, from: string, to: string): SQL {
  const col = (name: string) => sql.raw(`${alias}.${name}`);
  const conds: SQL[] = [orgSubtreeCondition(orgUnitId, col('org_unit_id')), sql`${col('day')} BETWEEN ${from}::date AND ${to}::date`];
  if (f.types?.length) conds.push(sql`${col('type')} IN (${inList(f.types)})`);
  if (f.channels?.length) conds.push(sql`${col('channel')} IN (${inList(f.channels)})`);
  if (f.categoryIds?.length) conds.push(sql`${col('category_id')} IN (SELECT id FROM categories WHERE path && ARRAY[${inList(f.categoryIds)}]::uuid[])`);
  return sql.join(conds, sql` AND `);
}
