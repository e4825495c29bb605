import { eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll } from 'vitest';
import type { LightMyRequestResponse } from 'fastify';
import { buildApp } from '../app.js';
import { loadConfig } from '../config.js';
import { openDatabase, rowsOf, type Database } from '../db/client.js';
import { orgUnits, users } from '../db/schema/index.js';
import type { App } from '../lib/route.js';
import { DEMO_PASSWORD } from '../seed/demo-data.js';
import { ensurePortalUser, seedCategories, seedDemo } from '../seed/seed.js';
import { openTestDatabase } from './test-database.js';

export type Session = {
  username: string;
  cookie: string;
  csrf: string;
  /** inject with this session's cookie and CSRF header */
  req: (method: string, url: string, body?: unknown, headers?: Record<string, string>) => Promise<LightMyRequestResponse>;
};

export type Harness = {
  app: App;
  database: Database;
  login: (username: string, password?: string) => Promise<Session>;
  orgId: (code: string) => Promise<string>;
  userId: (username: string) => Promise<string>;
  /** the seeded categories' ids by code (S10, N03-03 …) */
  categoryIds: () => Promise<Record<string, string>>;
  /**
   * PostgreSQL only (null on the embedded database, which one process owns): another connection
   * pool to the same database, as a second server instance has. Closed with the harness.
   */
  secondInstance: () => Promise<Database | null>;
  close: () => Promise<void>;
};

/** An app on a fresh, migrated database seeded with the demo organisation. */
export async function createHarness(opts: { seed?: boolean; env?: Record<string, string> } = {}): Promise<Harness> {
  const { database, drop, url } = await openTestDatabase();
  const extra: Database[] = [];
  if (opts.seed !== false) {
    await seedCategories(database.db);
    await seedDemo(database.db, new Date('2026-11-15T00:00:00Z'));
    await ensurePortalUser(database.db);
  }
  const config = loadConfig({
    QLOOP_DEMO: '1',
    LOG_LEVEL: 'silent',
    WEB_DIST: '/nonexistent',
    LOGIN_RATE_LIMIT: '100000',
    PORTAL_RATE_LIMIT: '100000',
    SURVEY_RATE_LIMIT: '100000',
    SCAN_REPEAT_LIMIT: '100000',
    ...opts.env,
  } as NodeJS.ProcessEnv);
  const app = await buildApp({ config, database, sessionSecret: 'test-secret-'.padEnd(40, 'x'), logger: false });
  await app.ready();

  const login = async (username: string, password = DEMO_PASSWORD): Promise<Session> => {
    const res = await app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { username, password } });
    if (res.statusCode !== 200) throw new Error(`login ${username} failed: ${res.statusCode} ${res.body}`);
    const cookie = res.cookies.find((c) => c.name === 'qloop_sid')!;
    const csrf = res.json().csrfToken as string;
    const cookieHeader = `qloop_sid=${cookie.value}`;
    return {
      username,
      cookie: cookieHeader,
      csrf,
      req: (method, url, body, headers = {}) =>
        app.inject({
          method: method as 'GET',
          url,
          headers: { cookie: cookieHeader, 'x-csrf-token': csrf, ...headers },
          ...(body !== undefined ? { payload: body as object } : {}),
        }),
    };
  };
  const orgId = async (code: string) => {
    const [row] = await database.db.select({ id: orgUnits.id }).from(orgUnits).where(eq(orgUnits.code, code));
    if (!row) throw new Error(`no org unit ${code}`);
    return row.id;
  };
  const userId = async (username: string) => {
    const [row] = await database.db.select({ id: users.id }).from(users).where(sql`${users.username} = ${username}`);
    if (!row) throw new Error(`no user ${username}`);
    return row.id;
  };
  const categoryIds = async () =>
    Object.fromEntries(rowsOf<{ code: string; id: string }>(await database.db.execute(sql`SELECT code, id FROM categories`)).map((c) => [c.code, c.id]));
  return {
    app,
    database,
    login,
    orgId,
    userId,
    categoryIds,
    secondInstance: async () => {
      if (!url) return null;
      const other = await openDatabase({ databaseUrl: url, poolSize: 10 });
      extra.push(other);
      return other;
    },
    close: async () => {
      await app.close();
      for (const d of extra) await d.sql.close();
      await drop();
    },
  };
}

/**
 * For a test file: a seeded harness created before its tests and closed after them, with the
 * administrator signed in. Use as `const t = useSeededHarness();` then `t.h`, `t.admin`.
 */
export function useSeededHarness(): { h: Harness; admin: Session } {
  const ctx = {} as { h: Harness; admin: Session };
  beforeAll(async () => {
    ctx.h = await createHarness();
    ctx.admin = await ctx.h.login('admin');
  });
  afterAll(() => ctx.h.close());
  return ctx;
}
