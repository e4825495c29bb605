import { ORG_CHILD_KINDS } from '@qloop/contracts';
import type { Db } from '../../db/client.js';
import { badRequest, conflict, isUniqueViolation } from '../../lib/errors.js';
import { appendAudit, diffFields, type AuditContext } from '../audit/append-audit.js';
import type { Principal } from '../auth/principal.js';
import { loadOrgUnitInScope } from './org-scope.js';
import { findOrgUnit, movePaths, toOrgUnit, updateOrgUnitRow , lockOrgTree } from './org.repo.js';

export type OrgUnitPatch = {
  name?: string | undefined;
  nameEn?: string | null | undefined;
  code?: string | undefined;
  active?: boolean | undefined;
  parentId?: string | undefined;
};

/** Renames, re-codes, (de)activates or moves an org unit; a move carries its whole subtree. */
export async function updateOrgUnit(
  db: Db,
  opts: { principal: Principal; audit: AuditContext; id: string; patch: OrgUnitPatch },
) {
  const { patch } = opts;
  try {
    return await db.transaction(async (tx) => {
      await lockOrgTree(tx);
      const unit = await loadOrgUnitInScope(tx, opts.principal, opts.id, true);
      let newPath: string[] | null = null;
      if (patch.parentId !== undefined && patch.parentId !== unit.parentId) {
        if (unit.parentId === null) throw badRequest('the root of the organisation cannot be moved');
        const parent = await loadOrgUnitInScope(tx, opts.principal, patch.parentId);
        if (parent.path.includes(unit.id)) throw badRequest('a unit cannot move under itself or its descendants');
        if (!ORG_CHILD_KINDS[parent.kind].includes(unit.kind)) {
          throw badRequest(`a ${parent.kind} cannot hold a ${unit.kind}`);
        }
        newPath = [...parent.path, unit.id];
      }
      const changes = diffFields(
        { name: unit.name, nameEn: unit.nameEn, code: unit.code, active: unit.active, parentId: unit.parentId },
        patch,
      );
      if (!changes) return toOrgUnit(unit);
      const { parentId, ...rest } = patch;
      await updateOrgUnitRow(tx, unit.id, { ...rest, ...(newPath ? { parentId } : {}) });
      if (newPath) await movePaths(tx, unit.id, unit.path, newPath);
      await appendAudit(tx, opts.audit, [
        { action: 'update', entityType: 'org_unit', entityId: unit.id, orgUnitId: unit.id, ...changes },
      ]);
      return toOrgUnit((await findOrgUnit(tx, unit.id))!);
    });
  } catch (err) {
    if (isUniqueViolation(err)) throw conflict(`org unit code "${patch.code}" is already used`);
    throw err;
  }
}
