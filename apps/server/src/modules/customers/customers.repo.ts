import { eq, sql, type SQL } from 'drizzle-orm';
import { maskPhone, type Customer } from '@qloop/contracts';
import type { Db } from '../../db/client.js';
import { customers } from '../../db/schema/index.js';

export type CustomerRow = typeof customers.$inferSelect;

/** The customer as every list and detail shows it: phone masked. */
export function toCustomer(r: Pick<CustomerRow, 'id' | 'orgUnitId' | 'name' | 'phone' | 'customerNo' | 'tier'>): Customer {
  return { id: r.id, orgUnitId: r.orgUnitId, name: r.name, phone: maskPhone(r.phone), customerNo: r.customerNo, tier: r.tier };
}

export async function findCustomer(db: Db, id: string) {
  const [row] = await db.select().from(customers).where(eq(customers.id, id));
  return row ?? null;
}

/**
 * Intake look-up as the agent types: phone prefix, exact customer number, or name. Limited to
 * customers of the caller's scope.
 */
export async function searchCustomers(db: Db, scope: SQL | undefined, q: string, limit: number) {
  const like = `${q.replace(/[\\%_]/g, (c) => '\\' + c)}%`;
  const match = /^\d+$/.test(q)
    ? sql`${customers.phone} LIKE ${like}`
    : sql`(${customers.customerNo} = ${q.toUpperCase()} OR ${customers.name} LIKE ${like})`;
  return db
    .select()
    .from(customers)
    .where(scope ? sql`${match} AND ${scope}` : match)
    .orderBy(sql`${customers.updatedAt} DESC`)
    .limit(limit);
}
