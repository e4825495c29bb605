import type { Db } from '../../db/client.js';
import { badRequest, conflict } from '../../lib/errors.js';
import { appendAudit, type AuditContext } from '../audit/append-audit.js';
import type { Principal } from '../auth/principal.js';
import { loadOrgUnitInScope } from './org-scope.js';
import { deleteOrgUnitRow, orgUnitDependents, toOrgUnit , lockOrgTree } from './org.repo.js';

/**
 * Deletes an empty org unit. A unit that still holds units, users, departments or figures is
 * refused with what it holds: deactivate it instead, so history stays valid.
 */
export async function deleteOrgUnit(
  db: Db,
  opts: { principal: Principal; audit: AuditContext; id: string },
) {
  await db.transaction(async (tx) => {
    await lockOrgTree(tx);
    const unit = await loadOrgUnitInScope(tx, opts.principal, opts.id, true);
    if (unit.parentId === null) throw badRequest('the root of the organisation cannot be deleted');
    const deps = await orgUnitDependents(tx, unit.id);
    if (deps.children + deps.users + deps.departments + deps.customerBase > 0) {
      throw conflict(
        `org unit still holds ${deps.children} units, ${deps.users} users, ${deps.departments} departments and ${deps.customerBase} customer-base figures; deactivate it instead`,
        deps,
      );
    }
    await deleteOrgUnitRow(tx, unit.id);
    await appendAudit(tx, opts.audit, [
      { action: 'delete', entityType: 'org_unit', entityId: unit.id, orgUnitId: unit.parentId, before: toOrgUnit(unit) },
    ]);
  });
}
