import { randomUUID } from 'node:crypto';
import { eq } from 'drizzle-orm';
import type { Db } from '../../db/client.js';
import { departments } from '../../db/schema/index.js';
import { conflict, isUniqueViolation, notFound } from '../../lib/errors.js';
import { appendAudit, diffFields, type AuditContext } from '../audit/append-audit.js';
import type { Principal } from '../auth/principal.js';
import { loadOrgUnitInScope } from './org-scope.js';
import { findDepartment, toDepartment } from './departments.repo.js';

type DepartmentInput = {
  code?: string | undefined;
  name?: string | undefined;
  nameEn?: string | null | undefined;
  active?: boolean | undefined;
  orgUnitId?: string | undefined;
};

/**
 * Creates a department (when `id` is absent) or updates one. Head-office departments (部门) sit
 * beside the org tree: users belong to one org unit and may belong to several departments.
 */
export async function saveDepartment(
  db: Db,
  opts: { principal: Principal; audit: AuditContext; id?: string; input: DepartmentInput },
) {
  const { input } = opts;
  try {
    return await db.transaction(async (tx) => {
      if (!opts.id) {
        const org = await loadOrgUnitInScope(tx, opts.principal, input.orgUnitId!);
        const row = {
          id: randomUUID(),
          orgUnitId: org.id,
          code: input.code!,
          name: input.name!,
          nameEn: input.nameEn ?? null,
        };
        await tx.insert(departments).values(row);
        await appendAudit(tx, opts.audit, [
          { action: 'create', entityType: 'department', entityId: row.id, orgUnitId: org.id, after: row },
        ]);
        return toDepartment((await findDepartment(tx, row.id))!);
      }
      const current = await findDepartment(tx, opts.id);
      if (!current) throw notFound('department');
      const changes = diffFields(
        { code: current.code, name: current.name, nameEn: current.nameEn, active: current.active },
        input,
      );
      if (!changes) return toDepartment(current);
      await tx
        .update(departments)
        .set({ ...changes.after, updatedAt: new Date() })
        .where(eq(departments.id, current.id));
      await appendAudit(tx, opts.audit, [
        { action: 'update', entityType: 'department', entityId: current.id, orgUnitId: current.orgUnitId, ...changes },
      ]);
      return toDepartment((await findDepartment(tx, current.id))!);
    });
  } catch (err) {
    if (isUniqueViolation(err)) throw conflict(`department code "${input.code}" is already used`);
    throw err;
  }
}
