import { sql, type SQL } from 'drizzle-orm';
import { OPEN_STATES, type Indicator, type IndicatorValue, type MeasureFilter } from '@qloop/contracts';
import { rowsOf, type Db } from '../../db/client.js';
import { formulaValue, monthsOf, periodCustomerBase } from './indicator-value.js';
import { ORG_TIME_ZONE } from './ticket-facts.js';

const inList = (values: readonly string[]) => sql.join(values.map((v) => sql`${v}`), sql`, `);

/** Sum of a measure over the rollups of an org subtree and a period of days, narrowed by the filter. */
async function sumMeasure(db: Db, f: MeasureFilter, orgUnitId: string, from: string, to: string): Promise<number> {
  const conds: SQL[] = [
    sql`r.org_unit_id IN (SELECT id FROM org_units WHERE path @> ARRAY[${orgUnitId}]::uuid[])`,
    sql`r.day BETWEEN ${from}::date AND ${to}::date`,
  ];
  if (f.types?.length) conds.push(sql`r.type IN (${inList(f.types)})`);
  if (f.channels?.length) conds.push(sql`r.channel IN (${inList(f.channels)})`);
  if (f.categoryIds?.length) conds.push(sql`r.category_id IN (SELECT id FROM categories WHERE path && ARRAY[${inList(f.categoryIds)}]::uuid[])`);
  // the measure name comes from the contract's enum, never from the caller's text
  const [row] = rowsOf<{ n: string | number | null }>(
    await db.execute(sql`SELECT coalesce(sum(r.${sql.raw(f.measure)}), 0) AS n FROM ticket_rollups r WHERE ${sql.join(conds, sql` AND `)}`),
  );
  return Number(row?.n ?? 0);
}

async function customerBase(db: Db, orgUnitId: string, from: string, to: string): Promise<number | null> {
  const months = monthsOf(from, to);
  const rows = rowsOf<{ month: string; n: string | number }>(
    await db.execute(sql`
      SELECT month, sum(customers) AS n FROM customer_base
      WHERE org_unit_id IN (SELECT id FROM org_units WHERE path @> ARRAY[${orgUnitId}]::uuid[]) AND month IN (${inList(months)})
      GROUP BY month`),
  );
  return periodCustomerBase(new Map(rows.map((r) => [r.month, Number(r.n)])), months);
}

/** Open at the end of `to` (taken by then, not closed by then, neither cancelled nor merged); overdue: past a running deadline now. */
async function liveCount(db: Db, what: 'backlog' | 'overdue_backlog', orgUnitId: string, to: string): Promise<number> {
  const scope = sql`t.org_unit_id IN (SELECT id FROM org_units WHERE path @> ARRAY[${orgUnitId}]::uuid[])`;
  const end = sql`((${to}::date + 1)::timestamp AT TIME ZONE ${ORG_TIME_ZONE})`;
  const q =
    what === 'backlog'
      ? sql`SELECT count(*)::int AS n FROM tickets t WHERE ${scope} AND t.created_at < ${end} AND (t.closed_at IS NULL OR t.closed_at >= ${end})
              AND t.state <> 'cancelled' AND t.merged_into IS NULL`
      : sql`SELECT count(*)::int AS n FROM tickets t WHERE ${scope} AND t.state IN (${inList(OPEN_STATES)}) AND t.next_deadline < ${new Date().toISOString()}::timestamptz`;
  const [row] = rowsOf<{ n: number }>(await db.execute(q));
  return Number(row?.n ?? 0);
}

/** An indicator's value for an org subtree and a period of days (inclusive, organisation time zone). */
export async function computeIndicator(db: Db, ind: Indicator, opts: { orgUnitId: string; from: string; to: string }): Promise<IndicatorValue> {
  const { orgUnitId, from, to } = opts;
  const f = ind.formula;
  let inputs: { numerator: number | null; denominator: number | null } = { numerator: null, denominator: null };
  if (f.kind === 'ratio') {
    const [numerator, denominator] = await Promise.all([sumMeasure(db, f.numerator, orgUnitId, from, to), sumMeasure(db, f.denominator, orgUnitId, from, to)]);
    inputs = { numerator, denominator };
  } else if (f.kind === 'per_customers') {
    const [numerator, denominator] = await Promise.all([sumMeasure(db, f.numerator, orgUnitId, from, to), customerBase(db, orgUnitId, from, to)]);
    inputs = { numerator, denominator };
  } else if (f.kind === 'count') {
    inputs = { numerator: await sumMeasure(db, f.numerator, orgUnitId, from, to), denominator: null };
  } else if (f.kind === 'live') {
    inputs = { numerator: await liveCount(db, f.what, orgUnitId, to), denominator: null };
  }
  return { key: ind.key, orgUnitId, from, to, ...formulaValue(f, inputs) };
}
