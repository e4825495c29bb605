import { eq } from 'drizzle-orm';
import type { Db } from '../../db/client.js';
import { apiTokens } from '../../db/schema/index.js';
import { notFound } from '../../lib/errors.js';
import { appendAudit, type AuditContext } from '../audit/append-audit.js';
import type { Principal } from '../auth/principal.js';
import { findToken } from './tokens.repo.js';

/** Revokes a token at once; its owner or an administrator may do so. Revoking twice is harmless. */
export async function revokeApiToken(db: Db, opts: { principal: Principal; audit: AuditContext; id: string }) {
  await db.transaction(async (tx) => {
    const token = await findToken(tx, opts.id);
    if (!token || (token.userId !== opts.principal.userId && opts.principal.role !== 'admin')) {
      throw notFound('API token');
    }
    if (token.revokedAt) return;
    await tx.update(apiTokens).set({ revokedAt: new Date() }).where(eq(apiTokens.id, token.id));
    await appendAudit(tx, opts.audit, [
      { action: 'token_revoke', entityType: 'api_token', entityId: token.id, orgUnitId: token.ownerOrgUnitId, before: { name: token.name, prefix: token.prefix } },
    ]);
  });
}
