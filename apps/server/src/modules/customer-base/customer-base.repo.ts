import { and, asc, eq, gte, lte, sql, type SQL } from 'drizzle-orm';
import type { CustomerBase } from '@qloop/contracts';
import type { Db } from '../../db/client.js';
import { customerBase, orgUnits } from '../../db/schema/index.js';
import { orgScopeCondition, orgSubtreeCondition } from '../../lib/scope.js';
import type { Principal } from '../auth/principal.js';
import { parseSort } from '../../lib/sort.js';

const columns = {
  id: customerBase.id,
  orgUnitId: customerBase.orgUnitId,
  orgUnitName: orgUnits.name,
  orgPath: orgUnits.path,
  month: customerBase.month,
  customers: customerBase.customers,
  updatedAt: customerBase.updatedAt,
};
export type CustomerBaseRow = NonNullable<Awaited<ReturnType<typeof findCustomerBase>>>;

export function toCustomerBase(r: CustomerBaseRow): CustomerBase {
  return {
    id: r.id,
    orgUnitId: r.orgUnitId,
    orgUnitName: r.orgUnitName,
    month: r.month,
    customers: r.customers,
    updatedAt: r.updatedAt.toISOString(),
  };
}

const SORTS = ['month', 'customers', 'orgUnitName', 'updatedAt'] as const;
const sortCol = {
  month: customerBase.month,
  customers: customerBase.customers,
  orgUnitName: orgUnits.name,
  updatedAt: customerBase.updatedAt,
};

export async function listCustomerBase(
  db: Db,
  p: Principal,
  f: { orgUnitId?: string | undefined; fromMonth?: string | undefined; toMonth?: string | undefined; page: number; pageSize: number; sort?: string | undefined },
) {
  const conds: (SQL | undefined)[] = [orgScopeCondition(p, customerBase.orgUnitId)];
  if (f.orgUnitId) conds.push(orgSubtreeCondition(f.orgUnitId, customerBase.orgUnitId));
  if (f.fromMonth) conds.push(gte(customerBase.month, f.fromMonth));
  if (f.toMonth) conds.push(lte(customerBase.month, f.toMonth));
  const where = and(...conds);
  const { field, desc } = parseSort(f.sort, SORTS, '-month');
  const col = sortCol[field];
  const [items, [count]] = await Promise.all([
    db
      .select(columns)
      .from(customerBase)
      .innerJoin(orgUnits, eq(orgUnits.id, customerBase.orgUnitId))
      .where(where)
      .orderBy(desc ? sql`${col} DESC` : asc(col), asc(orgUnits.code), asc(customerBase.month), asc(customerBase.id))
      .limit(f.pageSize)
      .offset((f.page - 1) * f.pageSize),
    db.select({ n: sql<number>`count(*)::int` }).from(customerBase).where(where),
  ]);
  return { items, total: Number(count?.n ?? 0) };
}

export async function findCustomerBase(db: Db, id: string) {
  const [row] = await db
    .select(columns)
    .from(customerBase)
    .innerJoin(orgUnits, eq(orgUnits.id, customerBase.orgUnitId))
    .where(eq(customerBase.id, id));
  return row ?? null;
}

export async function findCustomerBaseFor(db: Db, orgUnitId: string, month: string) {
  const [row] = await db
    .select({ id: customerBase.id, customers: customerBase.customers })
    .from(customerBase)
    .where(and(eq(customerBase.orgUnitId, orgUnitId), eq(customerBase.month, month)))
    .for('update');
  return row ?? null;
}

/** Inserts the figure if the org unit has none for the month; returns the new id or null. */
export async function insertCustomerBaseIfAbsent(
  db: Db,
  row: { orgUnitId: string; month: string; customers: number; updatedBy: string | null },
): Promise<string | null> {
  const [r] = await db
    .insert(customerBase)
    .values(row)
    .onConflictDoNothing({ target: [customerBase.orgUnitId, customerBase.month] })
    .returning({ id: customerBase.id });
  return r?.id ?? null;
}

/** Inserts or replaces the figure of one org unit and month; returns its id. */
export async function upsertCustomerBaseRow(
  db: Db,
  row: { orgUnitId: string; month: string; customers: number; updatedBy: string | null },
): Promise<string> {
  const [r] = await db
    .insert(customerBase)
    .values(row)
    .onConflictDoUpdate({
      target: [customerBase.orgUnitId, customerBase.month],
      set: { customers: row.customers, updatedBy: row.updatedBy, updatedAt: new Date() },
    })
    .returning({ id: customerBase.id });
  return r!.id;
}
