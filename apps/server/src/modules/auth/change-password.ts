import { eq } from 'drizzle-orm';
import type { Db } from '../../db/client.js';
import { users } from '../../db/schema/index.js';
import { AppError, badRequest } from '../../lib/errors.js';
import { appendAudit, type AuditContext } from '../audit/append-audit.js';
import { hashPassword, verifyPassword } from './passwords.js';
import { deleteUserSessions } from './sessions.repo.js';

/** Changes the caller's own password and signs out their other sessions. */
export async function changePassword(
  db: Db,
  opts: {
    userId: string;
    currentPassword: string;
    newPassword: string;
    keepSessionHash?: string;
    audit: AuditContext;
  },
): Promise<void> {
  const [user] = await db
    .select({ passwordHash: users.passwordHash, orgUnitId: users.orgUnitId })
    .from(users)
    .where(eq(users.id, opts.userId));
  if (!user || !(await verifyPassword(user.passwordHash, opts.currentPassword))) {
    throw new AppError('INVALID_CREDENTIALS', 'the current password is wrong', 400);
  }
  if (opts.currentPassword === opts.newPassword) {
    throw badRequest('the new password must differ from the current one');
  }
  const passwordHash = await hashPassword(opts.newPassword);
  await db.transaction(async (tx) => {
    await tx
      .update(users)
      .set({ passwordHash, mustChangePassword: false, updatedAt: new Date() })
      .where(eq(users.id, opts.userId));
    await deleteUserSessions(tx, opts.userId, opts.keepSessionHash);
    await appendAudit(tx, opts.audit, [
      { action: 'password_change', entityType: 'user', entityId: opts.userId, orgUnitId: user.orgUnitId },
    ]);
  });
}
