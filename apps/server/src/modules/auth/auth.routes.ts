import { ChangePasswordBody, LoginBody, SESSION_COOKIE, SessionResponse } from '@qloop/contracts';
import { defineRoute, type App } from '../../lib/route.js';
import { sha256 } from '../../lib/crypto.js';
import { appendAudit } from '../audit/append-audit.js';
import { csrfTokenFor } from './csrf.js';
import { login } from './login.js';
import { changePassword } from './change-password.js';
import { deleteSession } from './sessions.repo.js';
import { principalFor, toMe } from './principal.js';
import { AUTH_LIMITS } from '@qloop/contracts';
import type { FastifyRequest } from 'fastify';

export function registerAuthRoutes(app: App): void {
  const cookieSecure = (req: FastifyRequest) =>
    app.config.cookieSecure === 'auto' ? req.protocol === 'https' : app.config.cookieSecure;

  defineRoute(app, {
    method: 'POST',
    url: '/api/v1/auth/login',
    access: 'public',
    summary: 'Sign in with username and password; sets the session cookie',
    tags: ['auth'],
    rateLimit: { max: app.config.loginRateLimit, timeWindow: '1 minute' },
    schema: { body: LoginBody, response: { 200: SessionResponse } },
    handler: async (req, reply, ctx) => {
      const { sessionToken, user } = await login(ctx.database.db, {
        username: req.body.username,
        password: req.body.password,
        userAgent: req.headers['user-agent'] ?? null,
        audit: ctx.audit,
      });
      reply.setCookie(SESSION_COOKIE, sessionToken, {
        httpOnly: true,
        sameSite: 'lax',
        secure: cookieSecure(req),
        path: '/',
        maxAge: AUTH_LIMITS.sessionAbsoluteDays * 86_400,
      });
      const principal = principalFor(user, { sessionHash: sha256(sessionToken) });
      return { user: toMe(principal), csrfToken: csrfTokenFor(app.sessionSecret, sessionToken) };
    },
  });

  defineRoute(app, {
    method: 'POST',
    url: '/api/v1/auth/logout',
    access: 'authenticated',
    duringPasswordChange: true,
    sessionOnly: true,
    summary: 'Sign out: ends this session',
    tags: ['auth'],
    handler: async (req, reply, ctx) => {
      const hash = ctx.principal.sessionHash;
      if (hash) {
        await ctx.database.db.transaction(async (tx) => {
          await deleteSession(tx, hash);
          await appendAudit(tx, ctx.audit, [
            { action: 'logout', entityType: 'user', entityId: ctx.principal.userId, orgUnitId: ctx.principal.orgUnitId },
          ]);
        });
      }
      reply.clearCookie(SESSION_COOKIE, { path: '/' });
    },
  });

  defineRoute(app, {
    method: 'GET',
    url: '/api/v1/auth/me',
    access: 'authenticated',
    duringPasswordChange: true,
    summary: 'The signed-in user, their permissions and the CSRF token for this session',
    tags: ['auth'],
    schema: { response: { 200: SessionResponse } },
    handler: async (req, _reply, ctx) => {
      const sessionToken = req.cookies[SESSION_COOKIE];
      return {
        user: toMe(ctx.principal),
        csrfToken: sessionToken ? csrfTokenFor(app.sessionSecret, sessionToken) : '',
      };
    },
  });

  defineRoute(app, {
    method: 'POST',
    url: '/api/v1/auth/change-password',
    access: 'authenticated',
    duringPasswordChange: true,
    sessionOnly: true,
    summary: 'Change your own password; other sessions are signed out',
    tags: ['auth'],
    // the current password is checked here too: limit guessing through a stolen session
    rateLimit: { max: 10, timeWindow: '15 minutes', perUser: true },
    schema: { body: ChangePasswordBody },
    handler: async (req, _reply, ctx) => {
      await changePassword(ctx.database.db, {
        userId: ctx.principal.userId,
        currentPassword: req.body.currentPassword,
        newPassword: req.body.newPassword,
        ...(ctx.principal.sessionHash ? { keepSessionHash: ctx.principal.sessionHash } : {}),
        audit: ctx.audit,
      });
    },
  });
}
