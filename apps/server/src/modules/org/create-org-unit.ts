import { randomUUID } from 'node:crypto';
import { ORG_CHILD_KINDS, type OrgUnitKind } from '@qloop/contracts';
import type { Db } from '../../db/client.js';
import { badRequest, conflict, isUniqueViolation } from '../../lib/errors.js';
import { appendAudit, type AuditContext } from '../audit/append-audit.js';
import type { Principal } from '../auth/principal.js';
import { loadOrgUnitInScope } from './org-scope.js';
import { findOrgUnit, insertOrgUnit, toOrgUnit , lockOrgTree } from './org.repo.js';

export async function createOrgUnit(
  db: Db,
  opts: {
    principal: Principal;
    audit: AuditContext;
    input: { parentId: string; kind: OrgUnitKind; code: string; name: string; nameEn?: string | null | undefined };
  },
) {
  const { input } = opts;
  try {
    return await db.transaction(async (tx) => {
      await lockOrgTree(tx);
      const parent = await loadOrgUnitInScope(tx, opts.principal, input.parentId);
      if (!ORG_CHILD_KINDS[parent.kind].includes(input.kind)) {
        throw badRequest(`a ${parent.kind} cannot hold a ${input.kind}`, {
          allowed: ORG_CHILD_KINDS[parent.kind],
        });
      }
      const id = randomUUID();
      const row = {
        id,
        parentId: parent.id,
        kind: input.kind,
        code: input.code,
        name: input.name,
        nameEn: input.nameEn ?? null,
        path: [...parent.path, id],
      };
      await insertOrgUnit(tx, row);
      await appendAudit(tx, opts.audit, [
        { action: 'create', entityType: 'org_unit', entityId: id, orgUnitId: id, after: row },
      ]);
      const created = await findOrgUnit(tx, id);
      return toOrgUnit(created!);
    });
  } catch (err) {
    if (isUniqueViolation(err)) throw conflict(`org unit code "${input.code}" is already used`);
    throw err;
  }
}
