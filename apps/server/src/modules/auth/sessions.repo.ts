import { and, eq, gt, lt, sql } from 'drizzle-orm';
import type { Db } from '../../db/client.js';
import { anyOf, prepared } from '../../db/prepared.js';
import { apiTokens, orgUnits, sessions, users } from '../../db/schema/index.js';
import type { PrincipalUser } from './principal.js';

const principalColumns = {
  id: users.id,
  username: users.username,
  displayName: users.displayName,
  role: users.role,
  orgUnitId: users.orgUnitId,
  orgUnitName: orgUnits.name,
  mustChangePassword: users.mustChangePassword,
  locale: users.locale,
  active: users.active,
  departmentIds: sql<string[]>`coalesce((SELECT array_agg(department_id::text) FROM user_departments ud WHERE ud.user_id = users.id), '{}')`,
};

export async function insertSession(
  db: Db,
  row: { idHash: string; userId: string; expiresAt: Date; ip: string; userAgent: string | null },
): Promise<void> {
  await db.insert(sessions).values(row);
}

/** The user behind a live session, or null when the session is unknown, expired or idle too long. */
/**
 * The users behind live sessions (not expired, not idle for `idleHours`, user active), by session
 * hash: one query for many concurrent requests.
 */
export async function findSessionUsers(
  db: Db,
  idHashes: string[],
  idleHours: number,
): Promise<Map<string, PrincipalUser & { lastSeenAt: Date }>> {
  // runs before almost every request: prepared, so neither Drizzle nor PostgreSQL rebuilds its plan
  const lookUp = prepared(db, 'session_users', (d) =>
    d
      .select({ ...principalColumns, lastSeenAt: sessions.lastSeenAt, idHash: sessions.idHash })
      .from(sessions)
      .innerJoin(users, eq(users.id, sessions.userId))
      .innerJoin(orgUnits, eq(orgUnits.id, users.orgUnitId))
      .where(
        and(
          anyOf(sessions.idHash, 'hashes', 'text'),
          gt(sessions.expiresAt, sql`now()`),
          gt(sessions.lastSeenAt, sql`now() - make_interval(hours => ${sql.placeholder('idleHours')}::int)`),
          eq(users.active, true),
        ),
      )
      .prepare('session_users'),
  );
  const rows = await lookUp.execute({ hashes: idHashes, idleHours });
  return new Map(rows.map(({ idHash, ...row }) => [idHash, normalise(row)]));
}

export async function touchSession(db: Db, idHash: string): Promise<void> {
  await db.update(sessions).set({ lastSeenAt: new Date() }).where(eq(sessions.idHash, idHash));
}

export async function deleteSession(db: Db, idHash: string): Promise<void> {
  await db.delete(sessions).where(eq(sessions.idHash, idHash));
}

/** Signs a user out everywhere, optionally keeping the current session. */
export async function deleteUserSessions(db: Db, userId: string, exceptHash?: string): Promise<void> {
  await db
    .delete(sessions)
    .where(
      exceptHash
        ? and(eq(sessions.userId, userId), sql`${sessions.idHash} <> ${exceptHash}`)
        : eq(sessions.userId, userId),
    );
}

export async function purgeExpiredSessions(db: Db): Promise<void> {
  await db.delete(sessions).where(lt(sessions.expiresAt, sql`now()`));
}

/** The user and scopes behind a live, unrevoked, unexpired API token. */
export async function findTokenUser(
  db: Db,
  tokenHash: string,
): Promise<(PrincipalUser & { tokenId: string; scopes: string[] }) | null> {
  const [row] = await db
    .select({ ...principalColumns, tokenId: apiTokens.id, scopes: apiTokens.scopes })
    .from(apiTokens)
    .innerJoin(users, eq(users.id, apiTokens.userId))
    .innerJoin(orgUnits, eq(orgUnits.id, users.orgUnitId))
    .where(
      and(
        eq(apiTokens.tokenHash, tokenHash),
        sql`${apiTokens.revokedAt} IS NULL`,
        sql`(${apiTokens.expiresAt} IS NULL OR ${apiTokens.expiresAt} > now())`,
        eq(users.active, true),
      ),
    );
  if (!row) return null;
  await db.update(apiTokens).set({ lastUsedAt: new Date() }).where(eq(apiTokens.id, row.tokenId));
  return normalise(row);
}

/** Principal data for a user id (after login or password change). */
export async function findPrincipalUser(db: Db, userId: string): Promise<PrincipalUser | null> {
  const [row] = await db
    .select(principalColumns)
    .from(users)
    .innerJoin(orgUnits, eq(orgUnits.id, users.orgUnitId))
    .where(eq(users.id, userId));
  return row ? normalise(row) : null;
}

function normalise<T extends { departmentIds: string[] | string | null }>(row: T): T {
  return { ...row, departmentIds: Array.isArray(row.departmentIds) ? row.departmentIds : [] };
}
