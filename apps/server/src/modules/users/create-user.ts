import { randomUUID } from 'node:crypto';
import type { Role } from '@qloop/contracts';
import type { Db } from '../../db/client.js';
import { users } from '../../db/schema/index.js';
import { badRequest, conflict, isUniqueViolation } from '../../lib/errors.js';
import { appendAudit, type AuditContext } from '../audit/append-audit.js';
import type { Principal } from '../auth/principal.js';
import { hashPassword } from '../auth/passwords.js';
import { loadOrgUnitInScope } from '../org/org-scope.js';
import { unknownDepartmentIds } from '../org/departments.repo.js';
import { assertCanManageRole } from './user-access.js';
import { findUser, setUserDepartments, toUser } from './users.repo.js';

export type CreateUserInput = {
  username: string;
  displayName: string;
  email?: string | null | undefined;
  phone?: string | null | undefined;
  role: Role;
  orgUnitId: string;
  departmentIds: string[];
  password: string;
};

/** Creates an account; the new user must change the password an administrator chose. */
export async function createUser(
  db: Db,
  opts: { principal: Principal; audit: AuditContext; input: CreateUserInput; mustChangePassword?: boolean },
) {
  const input = { ...opts.input, departmentIds: [...new Set(opts.input.departmentIds)] };
  assertCanManageRole(opts.principal, input.role);
  const passwordHash = await hashPassword(input.password);
  try {
    return await db.transaction(async (tx) => {
      const org = await loadOrgUnitInScope(tx, opts.principal, input.orgUnitId);
      const unknown = await unknownDepartmentIds(tx, input.departmentIds);
      if (unknown.length) throw badRequest('unknown or inactive departments', { departmentIds: unknown });
      const id = randomUUID();
      const row = {
        id,
        username: input.username,
        displayName: input.displayName,
        email: input.email ?? null,
        phone: input.phone ?? null,
        role: input.role,
        orgUnitId: org.id,
        passwordHash,
        mustChangePassword: opts.mustChangePassword ?? true,
      };
      await tx.insert(users).values(row);
      await setUserDepartments(tx, id, input.departmentIds);
      const { passwordHash: _omit, ...safe } = row;
      await appendAudit(tx, opts.audit, [
        { action: 'create', entityType: 'user', entityId: id, orgUnitId: org.id, after: { ...safe, departmentIds: input.departmentIds } },
      ]);
      return toUser((await findUser(tx, id))!, true);
    });
  } catch (err) {
    if (isUniqueViolation(err)) throw conflict(`username "${input.username}" is already taken`);
    throw err;
  }
}
