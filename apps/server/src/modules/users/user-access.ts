import { ROLE_GRANTS, type Role } from '@qloop/contracts';
import type { Db } from '../../db/client.js';
import { forbidden, notFound } from '../../lib/errors.js';
import { pathInScope } from '../../lib/scope.js';
import type { Principal } from '../auth/principal.js';
import { findUser } from './users.repo.js';

/** A user record the caller may see; others (and unknown ids) are "not found". */
export async function loadUserInScope(db: Db, p: Principal, id: string, forUpdate = false) {
  const user = await findUser(db, id, forUpdate);
  if (!user || user.system || !pathInScope(p, user.orgPath)) throw notFound('user');
  return user;
}

/**
 * Whether the caller may manage a user holding `role`: administrators manage everyone; others only
 * the roles they may grant. A branch manager can add agents but never touch another manager.
 */
export function assertCanManageRole(p: Principal, role: Role) {
  if (p.role !== 'admin' && !ROLE_GRANTS[p.role].includes(role)) {
    throw forbidden(`your role cannot manage users with role ${role}`);
  }
}
