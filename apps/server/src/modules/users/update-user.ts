import { eq, sql } from 'drizzle-orm';
import type { Role } from '@qloop/contracts';
import type { Db } from '../../db/client.js';
import { users } from '../../db/schema/index.js';
import { badRequest, conflict, forbidden } from '../../lib/errors.js';
import { appendAudit, diffFields, type AuditContext } from '../audit/append-audit.js';
import type { Principal } from '../auth/principal.js';
import { deleteUserSessions } from '../auth/sessions.repo.js';
import { loadOrgUnitInScope } from '../org/org-scope.js';
import { unknownDepartmentIds } from '../org/departments.repo.js';
import { assertCanManageRole, loadUserInScope } from './user-access.js';
import { findUser, setUserDepartments, toUser } from './users.repo.js';

export type UserPatch = {
  displayName?: string | undefined;
  email?: string | null | undefined;
  phone?: string | null | undefined;
  role?: Role | undefined;
  orgUnitId?: string | undefined;
  departmentIds?: string[] | undefined;
  active?: boolean | undefined;
  version?: number | undefined;
};

/**
 * Updates a user. `version` guards against lost updates from two admins editing at once. A user
 * cannot change their own role or deactivate themselves; deactivation ends their sessions.
 */
export async function updateUser(
  db: Db,
  opts: { principal: Principal; audit: AuditContext; id: string; patch: UserPatch },
) {
  const { patch, principal } = opts;
  return db.transaction(async (tx) => {
    const current = await loadUserInScope(tx, principal, opts.id, true);
    assertCanManageRole(principal, current.role);
    if (patch.version !== undefined && patch.version !== current.version) {
      throw conflict('this user was changed by someone else; reload and try again', {
        currentVersion: current.version,
      });
    }
    const self = current.id === principal.userId;
    if (self && patch.role !== undefined && patch.role !== current.role) throw forbidden('you cannot change your own role');
    if (self && patch.active === false) throw forbidden('you cannot deactivate yourself');
    if (patch.role) assertCanManageRole(principal, patch.role);
    if (patch.orgUnitId) await loadOrgUnitInScope(tx, principal, patch.orgUnitId);
    if (patch.departmentIds) {
      const unknown = await unknownDepartmentIds(tx, patch.departmentIds);
      if (unknown.length) throw badRequest('unknown or inactive departments', { departmentIds: unknown });
    }
    const { version: _v, departmentIds, ...fields } = patch;
    const sortedDepts = departmentIds ? [...new Set(departmentIds)].sort() : undefined;
    const changes = diffFields(
      {
        displayName: current.displayName,
        email: current.email,
        phone: current.phone,
        role: current.role,
        orgUnitId: current.orgUnitId,
        active: current.active,
        departmentIds: [...current.departmentIds].sort(),
      },
      { ...fields, ...(sortedDepts ? { departmentIds: sortedDepts } : {}) },
    );
    if (!changes) return toUser(current, true);
    const { departmentIds: _d, ...columnChanges } = changes.after;
    await tx
      .update(users)
      .set({ ...columnChanges, updatedAt: new Date(), version: sql`${users.version} + 1` })
      .where(eq(users.id, current.id));
    if (sortedDepts) await setUserDepartments(tx, current.id, sortedDepts);
    if (patch.active === false || (patch.role && patch.role !== current.role)) {
      // Permissions live in the session's principal: end sessions so the change takes effect now.
      await deleteUserSessions(tx, current.id);
    }
    await appendAudit(tx, opts.audit, [
      { action: 'update', entityType: 'user', entityId: current.id, orgUnitId: current.orgUnitId, ...changes },
    ]);
    return toUser((await findUser(tx, current.id))!, true);
  });
}
