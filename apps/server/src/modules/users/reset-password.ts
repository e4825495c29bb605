import { eq, sql } from 'drizzle-orm';
import type { Db } from '../../db/client.js';
import { apiTokens, users } from '../../db/schema/index.js';
import { appendAudit, type AuditContext } from '../audit/append-audit.js';
import type { Principal } from '../auth/principal.js';
import { hashPassword } from '../auth/passwords.js';
import { deleteUserSessions } from '../auth/sessions.repo.js';
import { assertCanManageRole, loadUserInScope } from './user-access.js';

/** Sets a temporary password the user must change at next sign-in; ends their sessions. */
export async function resetPassword(
  db: Db,
  opts: { principal: Principal; audit: AuditContext; id: string; newPassword: string },
) {
  const passwordHash = await hashPassword(opts.newPassword);
  await db.transaction(async (tx) => {
    const user = await loadUserInScope(tx, opts.principal, opts.id, true);
    assertCanManageRole(opts.principal, user.role);
    await tx
      .update(users)
      .set({ passwordHash, mustChangePassword: true, failedAttempts: 0, lockedUntil: null, updatedAt: new Date(), version: sql`${users.version} + 1` })
      .where(eq(users.id, user.id));
    await deleteUserSessions(tx, user.id);
    // A reset usually means the account may be in the wrong hands: its API tokens go too.
    const revoked = await tx
      .update(apiTokens)
      .set({ revokedAt: new Date() })
      .where(sql`${apiTokens.userId} = ${user.id} AND ${apiTokens.revokedAt} IS NULL`)
      .returning({ id: apiTokens.id });
    await appendAudit(tx, opts.audit, [
      {
        action: 'update',
        entityType: 'user',
        entityId: user.id,
        orgUnitId: user.orgUnitId,
        after: { passwordReset: true, tokensRevoked: revoked.map((t) => t.id) },
      },
    ]);
  });
}

/** Lifts a lockout before it runs out. */
export async function unlockUser(db: Db, opts: { principal: Principal; audit: AuditContext; id: string }) {
  await db.transaction(async (tx) => {
    const user = await loadUserInScope(tx, opts.principal, opts.id, true);
    assertCanManageRole(opts.principal, user.role);
    await tx.update(users).set({ failedAttempts: 0, lockedUntil: null }).where(eq(users.id, user.id));
    await appendAudit(tx, opts.audit, [
      { action: 'update', entityType: 'user', entityId: user.id, orgUnitId: user.orgUnitId, before: { lockedUntil: user.lockedUntil }, after: { lockedUntil: null } },
    ]);
  });
}
