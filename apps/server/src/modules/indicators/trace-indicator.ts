import { sql, type SQL } from 'drizzle-orm';
import type { Indicator, MeasureFilter } from '@qloop/contracts';
import { rowsOf, type Db } from '../../db/client.js';
import { badRequest } from '../../lib/errors.js';

const inList = (values: readonly string[]) => sql.join(values.map((v) => sql`${v}`), sql`, `);

/** The ticket set a part of a formula counts, or why it has none. */
function filterOf(ind: Indicator, part: 'numerator' | 'denominator'): MeasureFilter {
  const f = ind.formula;
  if (part === 'denominator') {
    if (f.kind === 'ratio') return f.denominator;
    throw badRequest(f.kind === 'per_customers' ? 'the denominator is the customer base, not tickets' : 'this figure has no denominator');
  }
  if (f.kind === 'ratio' || f.kind === 'per_customers' || f.kind === 'count') return f.numerator;
  throw badRequest(f.kind === 'survey' ? 'this figure is made of survey answers, not tickets' : 'open tickets are listed in the work list (filter: open)');
}

/**
 * The tickets behind a figure, newest day first: read from the same per-ticket contributions the
 * rollups are summed from, so the list always has exactly as many tickets as the figure counts.
 */
export async function traceIndicator(
  db: Db,
  ind: Indicator,
  opts: { orgUnitId: string; from: string; to: string; part: 'numerator' | 'denominator'; page: number; pageSize: number },
): Promise<{ ticketIds: string[]; total: number }> {
  const f = filterOf(ind, opts.part);
  const conds: SQL[] = [
    sql`c.org_unit_id IN (SELECT id FROM org_units WHERE path @> ARRAY[${opts.orgUnitId}]::uuid[])`,
    sql`c.day BETWEEN ${opts.from}::date AND ${opts.to}::date`,
    // the measure name comes from the contract's enum
    sql`coalesce((c.measures->>${f.measure})::numeric, 0) <> 0`,
  ];
  if (f.types?.length) conds.push(sql`c.type IN (${inList(f.types)})`);
  if (f.channels?.length) conds.push(sql`c.channel IN (${inList(f.channels)})`);
  if (f.categoryIds?.length) conds.push(sql`c.category_id IN (SELECT id FROM categories WHERE path && ARRAY[${inList(f.categoryIds)}]::uuid[])`);
  const rows = rowsOf<{ ticket_id: string; total: number }>(
    await db.execute(sql`
      SELECT c.ticket_id, count(*) OVER ()::int AS total FROM ticket_rollup_contributions c
      WHERE ${sql.join(conds, sql` AND `)}
      ORDER BY c.day DESC, c.ticket_id
      LIMIT ${opts.pageSize} OFFSET ${(opts.page - 1) * opts.pageSize}`),
  );
  return { ticketIds: rows.map((r) => r.ticket_id), total: Number(rows[0]?.total ?? 0) };
}
