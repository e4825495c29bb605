import type { FastifyRequest } from 'fastify';
import { AUTH_LIMITS, SESSION_COOKIE } from '@qloop/contracts';
import type { Db } from '../../db/client.js';
import { sha256 } from '../../lib/crypto.js';
import { principalFor, type Principal } from './principal.js';
import { createBatchLoader } from '../../lib/batch-loader.js';
import { findSessionUsers, findTokenUser, touchSession } from './sessions.repo.js';

export const TOKEN_PREFIX = 'qlp_';
const TOUCH_EVERY_MS = 60_000;

/**
 * Resolves the caller from the session cookie or an `Authorization: Bearer qlp_…` API token.
 * Unknown, expired and revoked credentials simply give no principal; the route's guard turns that
 * into 401.
 */
const sessionLoaders = new WeakMap<Db, ReturnType<typeof newSessionLoader>>();
const newSessionLoader = (db: Db) => createBatchLoader((hashes: string[]) => findSessionUsers(db, hashes, AUTH_LIMITS.sessionIdleHours));
/** Concurrent requests resolve their sessions together: one query per turn of the event loop. */
function sessionLoaderOf(db: Db) {
  let loader = sessionLoaders.get(db);
  if (!loader) {
    loader = newSessionLoader(db);
    sessionLoaders.set(db, loader);
  }
  return loader;
}

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
  const user = await sessionLoaderOf(db)(idHash);
  if (!user) return null;
  // Sliding idle timeout without a write on every request.
  if (Date.now() - user.lastSeenAt.getTime() > TOUCH_EVERY_MS) await touchSession(db, idHash);
  return principalFor(user, { sessionHash: idHash });
}
