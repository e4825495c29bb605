import type {
  FastifyInstance,
  FastifyReply,
  FastifyRequest,
  RawServerDefault,
  FastifyBaseLogger,
  RouteGenericInterface,
} from 'fastify';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { z } from 'zod';
import type { Permission } from '@qloop/contracts';
import { AppError, forbidden, unauthenticated } from './errors.js';
import type { Principal } from '../modules/auth/principal.js';
import { auditContextOf } from '../modules/auth/principal.js';
import type { AuditContext } from '../modules/audit/append-audit.js';
import type { Database } from '../db/client.js';
import type { Config } from '../config.js';
import { csrfMatches } from '../modules/auth/csrf.js';

export type App = FastifyInstance<
  RawServerDefault,
  IncomingMessage,
  ServerResponse,
  FastifyBaseLogger,
  ZodTypeProvider
>;

/**
 * Who may call a route: anyone, any signed-in caller, or callers holding one permission.
 * `sessionOnly` routes refuse API tokens (a token cannot mint tokens or change a password).
 */
export type Access = 'public' | 'authenticated' | Permission;

export type RouteInfo = { method: string; url: string; access: Access; sessionOnly: boolean };

type Schemas = {
  params?: z.ZodType;
  querystring?: z.ZodType;
  body?: z.ZodType;
  response?: Record<number, z.ZodType>;
};

type Infer<T> = T extends z.ZodType ? z.infer<T> : undefined;

export type Ctx = {
  principal: Principal;
  audit: AuditContext;
  database: Database;
  config: Config;
};

type ResponseOf<S extends Schemas> = S['response'] extends Record<number, z.ZodType>
  ? z.input<S['response'][keyof S['response']]> | void
  : unknown;

export type RouteSpec<S extends Schemas> = {
  method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
  url: string;
  access: Access;
  sessionOnly?: boolean;
  /** still reachable while the user must change a temporary password (me, logout, change) */
  duringPasswordChange?: boolean;
  summary: string;
  tags: string[];
  schema?: S;
  /** per-route rate limit, e.g. for login and public forms */
  rateLimit?: { max: number; timeWindow: string; perUser?: boolean };
  handler: (
    req: FastifyRequest<RouteGenericInterface> & {
      params: Infer<S['params']>;
      query: Infer<S['querystring']>;
      body: Infer<S['body']>;
    },
    reply: FastifyReply,
    ctx: Ctx,
  ) => Promise<ResponseOf<S>>;
};

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

/**
 * Registers a route with its schema, its access rule enforced before the handler runs, and an entry
 * in the app's route table (which the table-driven authorisation test walks).
 */
export function defineRoute<S extends Schemas>(app: App, spec: RouteSpec<S>): void {
  const sessionOnly = spec.sessionOnly ?? false;
  app.routeTable.push({ method: spec.method, url: spec.url, access: spec.access, sessionOnly });
  app.route({
    method: spec.method,
    url: spec.url,
    config: spec.rateLimit
      ? {
          rateLimit: {
            max: spec.rateLimit.max,
            timeWindow: spec.rateLimit.timeWindow,
            // per signed-in user where it guards an account, so one office behind NAT is not one bucket
            ...(spec.rateLimit.perUser
              ? { keyGenerator: (req: FastifyRequest) => req.principal?.userId ?? req.ip }
              : {}),
          },
        }
      : {},
    schema: {
      summary: spec.summary,
      tags: spec.tags,
      ...(spec.access === 'public' ? {} : { security: [{ session: [] }, { bearer: [] }] }),
      ...spec.schema,
    },
    // onRequest: refuse unauthenticated, forbidden and cross-site callers before the body is even
    // parsed or validated, so they learn nothing about the route's input rules.
    onRequest: async (req) => {
      if (spec.access === 'public') return;
      const p = req.principal;
      if (!p) throw unauthenticated();
      if (p.via === 'session' && !SAFE_METHODS.has(req.method)) {
        if (!csrfMatches(app.sessionSecret, req)) {
          throw new AppError(
            'CSRF_FAILED',
            'missing or wrong x-csrf-token header; reload the page and try again',
            403,
          );
        }
      }
      if (sessionOnly && p.via !== 'session') throw forbidden('API tokens cannot use this route');
      if (p.mustChangePassword && !spec.duringPasswordChange) {
        throw new AppError('PASSWORD_CHANGE_REQUIRED', 'change your temporary password before continuing', 403);
      }
      if (spec.access !== 'authenticated' && !p.permissions.has(spec.access)) throw forbidden();
    },
    handler: async (req, reply) => {
      const ctx: Ctx = {
        principal: req.principal as Principal,
        audit: auditContextOf(req.principal, req),
        database: app.database,
        config: app.config,
      };
      // eslint-disable-next-line @typescript-eslint/no-explicit-any
      const result = await spec.handler(req as any, reply, ctx);
      if (result === undefined && !reply.sent) return reply.code(204).send();
      return result;
    },
  });
}
