import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ROLE_PERMISSIONS, type Role } from '@qloop/contracts';
import { DEMO_USERS } from '../seed/demo-data.js';
import { createHarness, type Harness, type Session } from './harness.js';

/**
 * Table-driven authorisation: every role against every registered route. A role lacking the
 * route's permission must get 403 before anything else happens; a role holding it must never get
 * 401/403; without a session every non-public route answers 401.
 */
let h: Harness;
const sessions = new Map<Role, Session>();
const ZERO = '00000000-0000-4000-8000-000000000000';

beforeAll(async () => {
  h = await createHarness();
  for (const u of DEMO_USERS) if (!sessions.has(u.role)) sessions.set(u.role, await h.login(u.username));
});
afterAll(() => h.close());

const concreteUrl = (url: string) => url.replace(':id', ZERO);

describe('authorisation table', () => {
  it('covers a non-trivial route table', () => {
    expect(h.app.routeTable.length).toBeGreaterThanOrEqual(25);
  });

  it('every role gets exactly the routes its permissions allow', async () => {
    const failures: string[] = [];
    for (const [role, session] of sessions) {
      for (const r of h.app.routeTable) {
        if (r.access === 'public' || r.url === '/api/v1/auth/logout') continue;
        const res = await session.req(r.method, concreteUrl(r.url), r.method === 'GET' || r.method === 'DELETE' ? undefined : {});
        const allowed = r.access === 'authenticated' || ROLE_PERMISSIONS[role].includes(r.access);
        const denied = res.statusCode === 403 || res.statusCode === 401;
        if (allowed === denied) failures.push(`${role} ${r.method} ${r.url} → ${res.statusCode} (allowed=${allowed})`);
        if (!allowed && res.json().error?.code !== 'FORBIDDEN') failures.push(`${role} ${r.method} ${r.url} → code ${res.json().error?.code}`);
      }
    }
    expect(failures).toEqual([]);
  });

  it('anonymous callers get 401 on every non-public route', async () => {
    for (const r of h.app.routeTable.filter((x) => x.access !== 'public')) {
      const res = await h.app.inject({ method: r.method as 'GET', url: concreteUrl(r.url) });
      expect(res.statusCode, `${r.method} ${r.url}`).toBe(401);
      expect(res.json().error.code).toBe('UNAUTHENTICATED');
    }
  });

  it('a garbage session cookie is treated as no session', async () => {
    const res = await h.app.inject({ method: 'GET', url: '/api/v1/auth/me', headers: { cookie: 'qloop_sid=nonsense' } });
    expect(res.statusCode).toBe(401);
  });
});
