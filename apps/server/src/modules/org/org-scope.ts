import type { Db } from '../../db/client.js';
import { notFound } from '../../lib/errors.js';
import { pathInScope } from '../../lib/scope.js';
import type { Principal } from '../auth/principal.js';
import { findOrgUnit } from './org.repo.js';

/**
 * Loads an org unit the caller may see. Units outside the caller's scope are reported as not found,
 * exactly like ids that do not exist, so guessing ids reveals nothing.
 */
export async function loadOrgUnitInScope(db: Db, p: Principal, id: string, forUpdate = false) {
  const unit = await findOrgUnit(db, id, forUpdate);
  if (!unit || !pathInScope(p, unit.path)) throw notFound('org unit');
  return unit;
}
