import { eq, sql } from 'drizzle-orm';
import { AUTH_LIMITS } from '@qloop/contracts';
import type { Db } from '../../db/client.js';
import { users } from '../../db/schema/index.js';
import { AppError } from '../../lib/errors.js';
import { randomToken, sha256 } from '../../lib/crypto.js';
import { appendAudit, type AuditContext, type AuditEvent } from '../audit/append-audit.js';
import { verifyPassword } from './passwords.js';
import { findPrincipalUser, insertSession } from './sessions.repo.js';
import type { PrincipalUser } from './principal.js';

const invalid = () => new AppError('INVALID_CREDENTIALS', 'wrong username or password', 401);

function lockedError(until: Date | null): AppError {
  const ms = until ? until.getTime() - Date.now() : AUTH_LIMITS.lockoutMinutes * 60_000;
  const minutes = Math.max(1, Math.ceil(ms / 60_000));
  return new AppError(
    'ACCOUNT_LOCKED',
    `account locked after ${AUTH_LIMITS.lockoutThreshold} failed sign-ins; try again in ${minutes} min or ask an administrator to unlock it`,
    423,
    until ? { lockedUntil: until.toISOString() } : undefined,
  );
}

/** A lock that has run out no longer counts: the next attempt starts the count afresh. */
const lockExpired = sql`(${users.lockedUntil} IS NOT NULL AND ${users.lockedUntil} <= now())`;
const notLocked = sql`(${users.lockedUntil} IS NULL OR ${users.lockedUntil} <= now())`;

/**
 * Checks a username and password and opens a session.
 *
 * Every attempt first reserves a slot in the failure count, in one atomic statement, before the
 * password is checked. So at most `lockoutThreshold` checks can run against an account however many
 * requests arrive at once (checking first and counting afterwards lets parallel guesses through),
 * and a right password can only succeed while the account is not locked. Every outcome is audited.
 */
export async function login(
  db: Db,
  opts: { username: string; password: string; userAgent: string | null; audit: AuditContext },
): Promise<{ sessionToken: string; user: PrincipalUser }> {
  const [user] = await db
    .select({ id: users.id, username: users.username, passwordHash: users.passwordHash, active: users.active, orgUnitId: users.orgUnitId })
    .from(users)
    .where(sql`lower(${users.username}) = lower(${opts.username})`);

  const failedCtx = { ...opts.audit, actorId: user?.id ?? null, actorName: opts.username };
  if (!user) {
    await verifyPassword(null, opts.password);
    await db.transaction((tx) =>
      appendAudit(tx, failedCtx, [{ action: 'login_failed', entityType: 'user', after: { reason: 'unknown_user' } }]),
    );
    throw invalid();
  }
  const subject = { entityType: 'user', entityId: user.id, orgUnitId: user.orgUnitId };

  const [reserved] = await db
    .update(users)
    .set({
      failedAttempts: sql`CASE WHEN ${lockExpired} THEN 1 ELSE ${users.failedAttempts} + 1 END`,
      lockedUntil: sql`CASE WHEN ${lockExpired} THEN NULL ELSE ${users.lockedUntil} END`,
    })
    .where(sql`${users.id} = ${user.id} AND ${notLocked}`)
    .returning({ attempt: users.failedAttempts });
  if (!reserved) throw lockedError(await lockedUntilOf(db, user.id));
  if (reserved.attempt > AUTH_LIMITS.lockoutThreshold) {
    // Parallel attempts beyond the threshold: lock without checking their passwords.
    throw lockedError(await lock(db, failedCtx, subject, user.id));
  }

  const ok = await verifyPassword(user.passwordHash, opts.password);
  if (!ok) {
    await db.transaction((tx) =>
      appendAudit(tx, failedCtx, [
        { action: 'login_failed', ...subject, after: { reason: 'wrong_password', failedAttempts: reserved.attempt } },
      ]),
    );
    if (reserved.attempt >= AUTH_LIMITS.lockoutThreshold) throw lockedError(await lock(db, failedCtx, subject, user.id));
    throw invalid();
  }
  if (!user.active) throw new AppError('ACCOUNT_DISABLED', 'this account is disabled; ask an administrator', 403);

  const sessionToken = randomToken();
  await db.transaction(async (tx) => {
    const [cleared] = await tx
      .update(users)
      .set({ failedAttempts: 0, lockedUntil: null, lastLoginAt: new Date() })
      .where(sql`${users.id} = ${user.id} AND ${notLocked}`)
      .returning({ id: users.id });
    // A parallel wrong guess locked the account meanwhile: the lock wins.
    if (!cleared) throw lockedError(await lockedUntilOf(tx, user.id));
    await insertSession(tx, {
      idHash: sha256(sessionToken),
      userId: user.id,
      expiresAt: new Date(Date.now() + AUTH_LIMITS.sessionAbsoluteDays * 86_400_000),
      ip: opts.audit.ip ?? '',
      userAgent: opts.userAgent,
    });
    await appendAudit(tx, { ...opts.audit, actorId: user.id, actorName: user.username }, [{ action: 'login', ...subject }]);
  });
  const principalUser = await findPrincipalUser(db, user.id);
  if (!principalUser) throw invalid();
  return { sessionToken, user: principalUser };
}

async function lockedUntilOf(db: Db, userId: string): Promise<Date | null> {
  const [row] = await db.select({ until: users.lockedUntil }).from(users).where(eq(users.id, userId));
  return row?.until ?? null;
}

/** Locks the account (once: only the attempt that sets the lock audits it); returns the lock end. */
async function lock(
  db: Db,
  ctx: AuditContext,
  subject: Omit<AuditEvent, 'action'>,
  userId: string,
): Promise<Date | null> {
  const until = new Date(Date.now() + AUTH_LIMITS.lockoutMinutes * 60_000);
  await db.transaction(async (tx) => {
    const [set] = await tx
      .update(users)
      .set({ lockedUntil: until })
      .where(sql`${users.id} = ${userId} AND ${notLocked}`)
      .returning({ id: users.id });
    if (set) await appendAudit(tx, ctx, [{ action: 'lockout', ...subject, after: { lockedUntil: until.toISOString() } }]);
  });
  return lockedUntilOf(db, userId);
}
