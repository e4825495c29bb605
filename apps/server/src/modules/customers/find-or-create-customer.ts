import { randomUUID } from 'node:crypto';
import { eq, sql } from 'drizzle-orm';
import type { Db } from '../../db/client.js';
import { customers } from '../../db/schema/index.js';
import type { AuditEvent } from '../audit/append-audit.js';
import { findCustomerByKey, type CustomerRow } from './customers.repo.js';
import { notFound } from '../../lib/errors.js';
import { pathInScope } from '../../lib/scope.js';
import type { Principal } from '../auth/principal.js';
import { findOrgUnit } from '../org/org.repo.js';

export type CustomerKey = {
  id?: string | undefined;
  name?: string | undefined;
  phone?: string | undefined;
  customerNo?: string | undefined;
  tier?: 'vip' | 'normal' | undefined;
};

/**
 * At intake: the customer with this customer number or phone, or a new one in the ticket's org
 * unit. Fills in a missing name or number on an existing record, never overwrites one. Returns the
 * audit events to append with the ticket.
 */
export async function findOrCreateCustomer(
  tx: Db,
  opts: { key: CustomerKey; orgUnitId: string; principal?: Principal },
): Promise<{ customer: CustomerRow; events: AuditEvent[] }> {
  if (opts.key.id) {
    // picked in the look-up: it must exist and be a customer the caller may see
    const [picked] = await tx.select().from(customers).where(eq(customers.id, opts.key.id)).for('update');
    const org = picked ? await findOrgUnit(tx, picked.orgUnitId) : null;
    if (!picked || !org || !opts.principal || !pathInScope(opts.principal, org.path)) throw notFound('customer');
    return { customer: picked, events: [] };
  }
  const existing = await findCustomerByKey(tx, opts.key);
  if (existing) {
    const fill: Partial<CustomerRow> = {};
    if (!existing.name && opts.key.name) fill.name = opts.key.name;
    if (!existing.customerNo && opts.key.customerNo) fill.customerNo = opts.key.customerNo;
    if (!existing.phone && opts.key.phone) fill.phone = opts.key.phone;
    if (Object.keys(fill).length === 0) return { customer: existing, events: [] };
    const [updated] = await tx
      .update(customers)
      .set({ ...fill, updatedAt: new Date(), version: sql`${customers.version} + 1` })
      .where(eq(customers.id, existing.id))
      .returning();
    return {
      customer: updated!,
      events: [{ action: 'update', entityType: 'customer', entityId: existing.id, orgUnitId: existing.orgUnitId, before: {}, after: { filled: Object.keys(fill) } }],
    };
  }
  const [created] = await tx
    .insert(customers)
    .values({
      id: randomUUID(),
      orgUnitId: opts.orgUnitId,
      name: opts.key.name ?? null,
      phone: opts.key.phone ?? null,
      customerNo: opts.key.customerNo ?? null,
      tier: opts.key.tier ?? 'normal',
    })
    .returning();
  return {
    customer: created!,
    // the phone is personal data: the trail records that a customer was created, not the number
    events: [{ action: 'create', entityType: 'customer', entityId: created!.id, orgUnitId: opts.orgUnitId, after: { name: created!.name, customerNo: created!.customerNo, tier: created!.tier } }],
  };
}
