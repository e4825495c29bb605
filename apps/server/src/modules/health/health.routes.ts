import type { App } from '../../lib/route.js';

/** Liveness answers while the process runs; readiness also needs the database and no shutdown. */
export function registerHealthRoutes(app: App): void {
  app.get('/healthz', { schema: { hide: true } }, async () => ({ status: 'ok' }));
  app.get('/readyz', { schema: { hide: true } }, async (_req, reply) => {
    if (!app.acceptingTraffic) return reply.code(503).send({ status: 'shutting_down' });
    try {
      await app.database.sql.query('SELECT 1');
      return { status: 'ready', database: app.database.sql.kind };
    } catch {
      return reply.code(503).send({ status: 'database_unavailable' });
    }
  });
}
