import type { FastifyRequest } from 'fastify';
import { AUTH_LIMITS, SESSION_COOKIE } from '@qloop/contracts';
import type { Db } from '../../db/client.js';
import { sha256 } from '../../lib/crypto.js';
import { principalFor, type Principal } from './principal.js';
import { findSessionUser, findTokenUser, touchSession } from './sessions.repo.js';

export const TOKEN_PREFIX = 'qlp_';
const TOUCH_EVERY_MS = 60_000;

/**
 * Resolves the caller from the session cookie or an `Authorization: Bearer qlp_…` API token.
 * Unknown, expired and revoked credentials simply give no principal; the route's guard turns that
 * into 401.
 */
export async function resolvePrincipal(db: Db, req: FastifyRequest): Promise<Principal | null> {
  const auth = req.headers.authorization;
  if (auth?.startsWith('Bearer ')) {
    const token = auth.slice(7).trim();
    if (!token.startsWith(TOKEN_PREFIX)) return null;
    const user = await findTokenUser(db, sha256(token));
    return user ? principalFor(user, { tokenId: user.tokenId, scopes: user.scopes }) : null;
  }
  const sessionToken = req.cookies[SESSION_COOKIE];
  if (!sessionToken) return null;
  const idHash = sha256(sessionToken);
  const idleSince = new Date(Date.now() - AUTH_LIMITS.sessionIdleHours * 3600_000);
  const user = await findSessionUser(db, idHash, idleSince);
  if (!user) return null;
  // Sliding idle timeout without a write on every request.
  if (Date.now() - user.lastSeenAt.getTime() > TOUCH_EVERY_MS) await touchSession(db, idHash);
  return principalFor(user, { sessionHash: idHash });
}
