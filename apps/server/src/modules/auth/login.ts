import { eq, sql } from 'drizzle-orm';
import { AUTH_LIMITS } from '@qloop/contracts';
import type { Db } from '../../db/client.js';
import { users } from '../../db/schema/index.js';
import { AppError } from '../../lib/errors.js';
import { randomToken, sha256 } from '../../lib/crypto.js';
import { appendAudit, type AuditContext } from '../audit/append-audit.js';
import { verifyPassword } from './passwords.js';
import { findPrincipalUser, insertSession } from './sessions.repo.js';
import type { PrincipalUser } from './principal.js';

const invalid = () => new AppError('INVALID_CREDENTIALS', 'wrong username or password', 401);

function lockedError(until: Date): AppError {
  const minutes = Math.max(1, Math.ceil((until.getTime() - Date.now()) / 60_000));
  return new AppError(
    'ACCOUNT_LOCKED',
    `account locked after ${AUTH_LIMITS.lockoutThreshold} failed sign-ins; try again in ${minutes} min or ask an administrator to unlock it`,
    423,
    { lockedUntil: until.toISOString() },
  );
}

/**
 * Checks a username and password and opens a session. Failed attempts are counted atomically; the
 * threshold locks the account for a while. Every outcome goes to the audit trail.
 */
export async function login(
  db: Db,
  opts: { username: string; password: string; userAgent: string | null; audit: AuditContext },
): Promise<{ sessionToken: string; user: PrincipalUser }> {
  const [user] = await db
    .select({
      id: users.id,
      username: users.username,
      passwordHash: users.passwordHash,
      active: users.active,
      lockedUntil: users.lockedUntil,
      orgUnitId: users.orgUnitId,
    })
    .from(users)
    .where(sql`lower(${users.username}) = lower(${opts.username})`);

  const failedCtx = { ...opts.audit, actorId: user?.id ?? null, actorName: opts.username };
  if (!user) {
    await verifyPassword(null, opts.password);
    await db.transaction((tx) =>
      appendAudit(tx, failedCtx, [
        { action: 'login_failed', entityType: 'user', after: { reason: 'unknown_user' } },
      ]),
    );
    throw invalid();
  }
  if (user.lockedUntil && user.lockedUntil > new Date()) throw lockedError(user.lockedUntil);

  const ok = await verifyPassword(user.passwordHash, opts.password);
  if (!ok) {
    const lockedUntil = await db.transaction(async (tx) => {
      // A lock that has run out starts the count afresh.
      const [row] = await tx
        .update(users)
        .set({
          failedAttempts: sql`CASE WHEN ${users.lockedUntil} IS NOT NULL AND ${users.lockedUntil} <= now() THEN 1 ELSE ${users.failedAttempts} + 1 END`,
          lockedUntil: sql`CASE WHEN ${users.lockedUntil} IS NOT NULL AND ${users.lockedUntil} <= now() THEN NULL ELSE ${users.lockedUntil} END`,
        })
        .where(eq(users.id, user.id))
        .returning({ failedAttempts: users.failedAttempts });
      const attempts = row?.failedAttempts ?? 0;
      let until: Date | null = null;
      if (attempts >= AUTH_LIMITS.lockoutThreshold) {
        until = new Date(Date.now() + AUTH_LIMITS.lockoutMinutes * 60_000);
        await tx.update(users).set({ lockedUntil: until }).where(eq(users.id, user.id));
      }
      await appendAudit(tx, failedCtx, [
        {
          action: 'login_failed',
          entityType: 'user',
          entityId: user.id,
          orgUnitId: user.orgUnitId,
          after: { reason: 'wrong_password', failedAttempts: attempts },
        },
        ...(until
          ? [
              {
                action: 'lockout' as const,
                entityType: 'user',
                entityId: user.id,
                orgUnitId: user.orgUnitId,
                after: { lockedUntil: until.toISOString() },
              },
            ]
          : []),
      ]);
      return until;
    });
    if (lockedUntil) throw lockedError(lockedUntil);
    throw invalid();
  }
  if (!user.active) {
    throw new AppError('ACCOUNT_DISABLED', 'this account is disabled; ask an administrator', 403);
  }

  const sessionToken = randomToken();
  await db.transaction(async (tx) => {
    await tx
      .update(users)
      .set({ failedAttempts: 0, lockedUntil: null, lastLoginAt: new Date() })
      .where(eq(users.id, user.id));
    await insertSession(tx, {
      idHash: sha256(sessionToken),
      userId: user.id,
      expiresAt: new Date(Date.now() + AUTH_LIMITS.sessionAbsoluteDays * 86_400_000),
      ip: opts.audit.ip ?? '',
      userAgent: opts.userAgent,
    });
    await appendAudit(tx, { ...opts.audit, actorId: user.id, actorName: user.username }, [
      { action: 'login', entityType: 'user', entityId: user.id, orgUnitId: user.orgUnitId },
    ]);
  });
  const principalUser = await findPrincipalUser(db, user.id);
  if (!principalUser) throw invalid();
  return { sessionToken, user: principalUser };
}
