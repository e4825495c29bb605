import type { FastifyRequest } from 'fastify';
import { CSRF_HEADER, SESSION_COOKIE } from '@qloop/contracts';
import { hmac, safeEqual } from '../../lib/crypto.js';

/**
 * CSRF token bound to the session: an HMAC of the session id under the server secret. The page reads
 * it from the login or /auth/me response and sends it as a header; a cross-site form can neither
 * read it nor set the header, and nothing needs storing.
 */
export function csrfTokenFor(secret: string, sessionToken: string): string {
  return hmac(secret, `csrf:${sessionToken}`);
}

export function csrfMatches(secret: string, req: FastifyRequest): boolean {
  const sessionToken = req.cookies[SESSION_COOKIE];
  const sent = req.headers[CSRF_HEADER];
  if (!sessionToken || typeof sent !== 'string') return false;
  return safeEqual(sent, csrfTokenFor(secret, sessionToken));
}
