import { and, desc, eq, type SQL } from 'drizzle-orm';
import type { ApiToken } from '@qloop/contracts';
import type { Db } from '../../db/client.js';
import { apiTokens, users } from '../../db/schema/index.js';

export type ApiTokenRow = typeof apiTokens.$inferSelect;

export function toApiToken(r: ApiTokenRow): ApiToken {
  return {
    id: r.id,
    name: r.name,
    prefix: r.prefix,
    scopes: r.scopes as ApiToken['scopes'],
    userId: r.userId,
    createdAt: r.createdAt.toISOString(),
    expiresAt: r.expiresAt?.toISOString() ?? null,
    lastUsedAt: r.lastUsedAt?.toISOString() ?? null,
    revokedAt: r.revokedAt?.toISOString() ?? null,
  };
}

export async function listTokens(db: Db, userId: string | null) {
  const where: SQL | undefined = userId ? eq(apiTokens.userId, userId) : undefined;
  return db.select().from(apiTokens).where(where).orderBy(desc(apiTokens.createdAt));
}

/** A token with its owner's org unit (the audit entry of a revocation belongs to the owner's unit). */
export async function findToken(db: Db, id: string) {
  const [row] = await db
    .select({ token: apiTokens, ownerOrgUnitId: users.orgUnitId })
    .from(apiTokens)
    .innerJoin(users, eq(users.id, apiTokens.userId))
    .where(and(eq(apiTokens.id, id)));
  return row ? { ...row.token, ownerOrgUnitId: row.ownerOrgUnitId } : null;
}
