import { randomUUID } from 'node:crypto';
import type { Permission } from '@qloop/contracts';
import type { Db } from '../../db/client.js';
import { apiTokens } from '../../db/schema/index.js';
import { badRequest } from '../../lib/errors.js';
import { randomToken, sha256 } from '../../lib/crypto.js';
import { appendAudit, type AuditContext } from '../audit/append-audit.js';
import { TOKEN_PREFIX } from '../auth/authenticate.js';
import type { Principal } from '../auth/principal.js';
import { toApiToken } from './tokens.repo.js';

/**
 * Issues an API token acting as the caller with a subset of the caller's permissions. Only the
 * SHA-256 of the secret is stored; the secret is returned once.
 */
export async function createApiToken(
  db: Db,
  opts: {
    principal: Principal;
    audit: AuditContext;
    input: { name: string; scopes: Permission[]; expiresInDays?: number | null | undefined };
  },
) {
  const scopes = [...new Set(opts.input.scopes)];
  const beyond = scopes.filter((s) => !opts.principal.permissions.has(s));
  if (beyond.length) {
    throw badRequest(`a token cannot have scopes your role lacks: ${beyond.join(', ')}`, { scopes: beyond });
  }
  const secret = randomToken(32);
  const prefix = secret.slice(0, 8);
  const token = `${TOKEN_PREFIX}${secret}`;
  const row = {
    id: randomUUID(),
    userId: opts.principal.userId,
    name: opts.input.name,
    prefix: `${TOKEN_PREFIX}${prefix}`,
    tokenHash: sha256(token),
    scopes,
    expiresAt: opts.input.expiresInDays ? new Date(Date.now() + opts.input.expiresInDays * 86_400_000) : null,
  };
  return db.transaction(async (tx) => {
    const [inserted] = await tx.insert(apiTokens).values(row).returning();
    await appendAudit(tx, opts.audit, [
      {
        action: 'token_create',
        entityType: 'api_token',
        entityId: row.id,
        orgUnitId: opts.principal.orgUnitId,
        after: { name: row.name, prefix: row.prefix, scopes, expiresAt: row.expiresAt?.toISOString() ?? null },
      },
    ]);
    return { ...toApiToken(inserted!), token };
  });
}
