import { and, asc, eq, sql, type SQL } from 'drizzle-orm';
import { ROLES, ROLE_PERMISSIONS } from '@qloop/contracts';
import type { Db } from '../../db/client.js';
import { orgUnits, users } from '../../db/schema/index.js';
import { orgSubtreeCondition } from '../../lib/scope.js';

const HANDLING_ROLES = ROLES.filter((r) => ROLE_PERMISSIONS[r].includes('tickets:handle'));

/**
 * Active users who can handle tickets, for the assign and transfer pickers. Agents need this
 * without the users:read permission, so it shows names and units only, never contact details.
 * Transfers may cross branches (to a head-office department, say), so it is not limited by scope.
 */
export async function listAssignees(db: Db, f: { q?: string | undefined; orgUnitId?: string | undefined }) {
  const conds: (SQL | undefined)[] = [
    eq(users.active, true),
    sql`${users.role} IN (${sql.join(HANDLING_ROLES.map((r) => sql`${r}`), sql`, `)})`,
  ];
  if (f.q) {
    const like = `%${f.q.replace(/[\\%_]/g, (c) => '\\' + c)}%`;
    conds.push(sql`(${users.displayName} ILIKE ${like} OR ${users.username} ILIKE ${like})`);
  }
  if (f.orgUnitId) conds.push(orgSubtreeCondition(f.orgUnitId, users.orgUnitId));
  return db
    .select({ id: users.id, displayName: users.displayName, username: users.username, role: users.role, orgUnitId: users.orgUnitId, orgUnitName: orgUnits.name })
    .from(users)
    .innerJoin(orgUnits, eq(orgUnits.id, users.orgUnitId))
    .where(and(...conds))
    .orderBy(asc(orgUnits.code), asc(users.displayName))
    .limit(100);
}
