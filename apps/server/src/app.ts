import { existsSync } from 'node:fs';
import { randomUUID } from 'node:crypto';
import path from 'node:path';
import Fastify from 'fastify';
import cookie from '@fastify/cookie';
import rateLimit from '@fastify/rate-limit';
import multipart from '@fastify/multipart';
import fastifyStatic from '@fastify/static';
import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import {
  jsonSchemaTransform,
  serializerCompiler,
  validatorCompiler,
  type ZodTypeProvider,
} from 'fastify-type-provider-zod';
import { LIMITS, type ErrorBody } from '@qloop/contracts';
import type { Config } from './config.js';
import type { Database } from './db/client.js';
import { errorHandler } from './lib/error-handler.js';
import { AppError } from './lib/errors.js';
import { findUnstorableText } from './lib/unstorable-text.js';
import { registerMetrics } from './lib/metrics.js';
import type { App, RouteInfo } from './lib/route.js';
import type { Principal } from './modules/auth/principal.js';
import { resolvePrincipal } from './modules/auth/authenticate.js';
import { registerAuthRoutes } from './modules/auth/auth.routes.js';
import { registerHealthRoutes } from './modules/health/health.routes.js';
import { registerOrgRoutes } from './modules/org/org.routes.js';
import { registerDepartmentRoutes } from './modules/org/departments.routes.js';
import { registerUserRoutes } from './modules/users/users.routes.js';
import { registerCustomerBaseRoutes } from './modules/customer-base/customer-base.routes.js';
import { registerAuditRoutes } from './modules/audit/audit.routes.js';
import { registerTokenRoutes } from './modules/tokens/tokens.routes.js';
import { registerCategoryRoutes } from './modules/categories/categories.routes.js';
import { registerCustomerRoutes } from './modules/customers/customers.routes.js';
import { registerTicketRoutes } from './modules/tickets/tickets.routes.js';
import { registerSavedFilterRoutes } from './modules/saved-filters/saved-filters.routes.js';
import { registerCalendarRoutes } from './modules/calendars/calendars.routes.js';
import { registerSlaRoutes } from './modules/sla/sla.routes.js';
import { registerIndicatorRoutes } from './modules/indicators/indicators.routes.js';
import { registerWarningRoutes } from './modules/warnings/warnings.routes.js';
import { registerSurveyRoutes } from './modules/surveys/surveys.routes.js';
import { registerAssignmentRoutes } from './modules/assignment/assignment.routes.js';
import { registerNotificationRoutes } from './modules/notifications/notifications.routes.js';
import { registerPortalRoutes } from './modules/portal/portal.routes.js';
import { registerTicketImportRoutes } from './modules/ticket-import/ticket-import.routes.js';

declare module 'fastify' {
  interface FastifyInstance {
    database: Database;
    config: Config;
    sessionSecret: string;
    routeTable: RouteInfo[];
    /** false while starting and once shutdown has begun: /readyz answers 503 */
    acceptingTraffic: boolean;
  }
  interface FastifyRequest {
    principal: Principal | null;
  }
}

export type BuildOptions = {
  config: Config;
  database: Database;
  sessionSecret: string;
  /** pino logger options; tests pass false */
  logger?: boolean | object;
};

export async function buildApp(opts: BuildOptions): Promise<App> {
  const app = Fastify({
    logger:
      opts.logger ??
      (opts.config.production
        ? { level: opts.config.logLevel }
        : { level: opts.config.logLevel, transport: { target: 'pino-pretty', options: { singleLine: true } } }),
    bodyLimit: LIMITS.bodyBytesMax,
    trustProxy: opts.config.trustProxy,
    requestIdHeader: false,
    // Accept a caller's request id only if it is short and plain; otherwise make one.
    genReqId: (req) => {
      const given = req.headers['x-request-id'];
      return typeof given === 'string' && /^[\w.-]{1,64}$/.test(given) ? given : randomUUID();
    },
    // a signed survey-link token travels in the path (about 200 characters)
    routerOptions: { ignoreTrailingSlash: true, maxParamLength: 1000 },
  }).withTypeProvider<ZodTypeProvider>();

  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  app.setErrorHandler(errorHandler);

  app.decorate('database', opts.database);
  app.decorate('config', opts.config);
  app.decorate('sessionSecret', opts.sessionSecret);
  app.decorate('routeTable', [] as RouteInfo[]);
  app.decorate('acceptingTraffic', true);
  app.decorateRequest('principal', null);

  app.addHook('onRequest', async (req, reply) => {
    reply.header('x-request-id', req.id);
  });
  app.addHook('onSend', async (_req, reply, payload) => {
    reply.header('x-content-type-options', 'nosniff');
    reply.header('referrer-policy', 'same-origin');
    reply.header('x-frame-options', 'DENY');
    return payload;
  });

  await app.register(cookie);
  // Registered after the cookie plugin so that cookies are parsed when this hook runs.
  app.addHook('onRequest', async (req) => {
    if (req.url.startsWith('/api/v1/')) req.principal = await resolvePrincipal(opts.database.db, req);
  });
  await app.register(rateLimit, { global: false });
  await app.register(multipart, {
    limits: { fileSize: LIMITS.uploadBytesMax, files: 1, fields: 10 },
  });
  await app.register(swagger, {
    openapi: {
      info: {
        title: 'Qloop API',
        description: 'Qloop service quality management platform (服务质量管理平台). Errors: `{ error: { code, message, details } }`. Lists: `page`, `pageSize`, `sort` (`field` or `-field`).',
        version: '1',
      },
      components: {
        securitySchemes: {
          session: { type: 'apiKey', in: 'cookie', name: 'qloop_sid' },
          bearer: { type: 'http', scheme: 'bearer', description: 'API token qlp_…' },
        },
      },
    },
    transform: jsonSchemaTransform,
  });
  await app.register(swaggerUi, { routePrefix: '/api/docs' });


  app.addHook('preValidation', async (req) => {
    for (const [part, value] of [['body', req.body], ['querystring', req.query], ['params', req.params]] as const) {
      const where = findUnstorableText(value);
      if (where) {
        throw new AppError('VALIDATION_FAILED', `${part}.${where}: contains a NUL character or broken Unicode`, 400, [
          { path: `${part}.${where}`, message: 'contains a NUL character or broken Unicode' },
        ]);
      }
    }
  });

  registerMetrics(app);
  registerHealthRoutes(app);
  registerAuthRoutes(app);
  registerOrgRoutes(app);
  registerDepartmentRoutes(app);
  registerUserRoutes(app);
  registerCustomerBaseRoutes(app);
  registerAuditRoutes(app);
  registerTokenRoutes(app);
  registerCategoryRoutes(app);
  registerCustomerRoutes(app);
  registerTicketImportRoutes(app);
  registerTicketRoutes(app);
  registerSavedFilterRoutes(app);
  registerCalendarRoutes(app);
  registerSlaRoutes(app);
  registerIndicatorRoutes(app);
  registerWarningRoutes(app);
  registerSurveyRoutes(app);
  registerAssignmentRoutes(app);
  registerNotificationRoutes(app);
  registerPortalRoutes(app);

  await registerWebApp(app, opts.config.webDist);
  return app;
}

/**
 * Serves the built web app. Files are looked up per request (a rebuild needs no restart); a path
 * that names a file (has an extension) and is missing is a 404, so a stale page gets a clear error
 * instead of HTML where it expected a script. Other GETs fall back to index.html for client routes.
 */
async function registerWebApp(app: App, webDist: string) {
  const hasWeb = existsSync(path.join(webDist, 'index.html'));
  if (hasWeb) {
    await app.register(fastifyStatic, { root: webDist, wildcard: true, index: false });
    // '/' would name the files' directory, which static serving refuses (403): it is the app
    app.get('/', { schema: { hide: true } }, (_req, reply) => reply.type('text/html').header('cache-control', 'no-cache').sendFile('index.html'));
  }
  app.setNotFoundHandler((req, reply) => {
    const urlPath = req.url.split('?')[0] ?? '/';
    const apiLike = /^\/(api|healthz|readyz|metrics)(\/|$)/.test(urlPath);
    // a missing asset is a 404, not the app; only known file extensions count as files (a survey
    // link /s/<payload>.<signature> ends in a dot and letters, and must open the app)
    const namesFile = /\.(js|mjs|css|map|json|html|txt|xml|ico|png|jpe?g|gif|svg|webp|avif|woff2?|ttf|otf|eot|wasm|webmanifest|pdf|xlsx|csv)$/i.test(urlPath);
    if (!apiLike && !namesFile && req.method === 'GET' && hasWeb) {
      return reply.type('text/html').header('cache-control', 'no-cache').sendFile('index.html');
    }
    const body: ErrorBody = { error: { code: 'NOT_FOUND', message: `no route ${req.method} ${urlPath}` } };
    return reply.code(404).send(body);
  });
}
