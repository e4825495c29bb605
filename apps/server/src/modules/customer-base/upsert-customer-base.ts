import { eq } from 'drizzle-orm';
import type { Db } from '../../db/client.js';
import { customerBase } from '../../db/schema/index.js';
import { notFound } from '../../lib/errors.js';
import { pathInScope } from '../../lib/scope.js';
import { appendAudit, type AuditContext, type AuditEvent } from '../audit/append-audit.js';
import type { Principal } from '../auth/principal.js';
import { loadOrgUnitInScope } from '../org/org-scope.js';
import {
  findCustomerBase,
  findCustomerBaseFor,
  insertCustomerBaseIfAbsent,
  toCustomerBase,
  upsertCustomerBaseRow,
} from './customer-base.repo.js';

/**
 * Writes one figure inside `tx` and returns its audit event (null when nothing changed).
 * Shared by the single upsert and the import.
 */
export async function writeCustomerBase(
  tx: Db,
  userId: string | null,
  v: { orgUnitId: string; month: string; customers: number },
): Promise<{ id: string; event: AuditEvent | null }> {
  // Insert first: a new figure is created exactly once even when two writers race, and the loser
  // finds the row to lock and update (a FOR UPDATE on a row that does not exist yet locks nothing).
  const created = await insertCustomerBaseIfAbsent(tx, { ...v, updatedBy: userId });
  if (created) {
    return {
      id: created,
      event: { action: 'create', entityType: 'customer_base', entityId: created, orgUnitId: v.orgUnitId, before: null, after: { month: v.month, customers: v.customers } },
    };
  }
  const before = await findCustomerBaseFor(tx, v.orgUnitId, v.month);
  if (before && before.customers === v.customers) return { id: before.id, event: null };
  const id = await upsertCustomerBaseRow(tx, { ...v, updatedBy: userId });
  return {
    id,
    event: {
      action: before ? 'update' : 'create',
      entityType: 'customer_base',
      entityId: id,
      orgUnitId: v.orgUnitId,
      before: before ? { month: v.month, customers: before.customers } : null,
      after: { month: v.month, customers: v.customers },
    },
  };
}

export async function upsertCustomerBase(
  db: Db,
  opts: { principal: Principal; audit: AuditContext; input: { orgUnitId: string; month: string; customers: number } },
) {
  return db.transaction(async (tx) => {
    await loadOrgUnitInScope(tx, opts.principal, opts.input.orgUnitId);
    const { id, event } = await writeCustomerBase(tx, opts.principal.userId, opts.input);
    if (event) await appendAudit(tx, opts.audit, [event]);
    return toCustomerBase((await findCustomerBase(tx, id))!);
  });
}

export async function deleteCustomerBase(
  db: Db,
  opts: { principal: Principal; audit: AuditContext; id: string },
) {
  await db.transaction(async (tx) => {
    const row = await findCustomerBase(tx, opts.id);
    if (!row || !pathInScope(opts.principal, row.orgPath)) throw notFound('customer-base figure');
    await tx.delete(customerBase).where(eq(customerBase.id, row.id));
    await appendAudit(tx, opts.audit, [
      { action: 'delete', entityType: 'customer_base', entityId: row.id, orgUnitId: row.orgUnitId, before: toCustomerBase(row) },
    ]);
  });
}
