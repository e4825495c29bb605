import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AUTH_LIMITS } from '@qloop/contracts';
import { createHarness, type Harness } from '../../test/harness.js';

let h: Harness;
beforeAll(async () => {
  h = await createHarness();
});
afterAll(() => h.close());

const login = (username: string, password: string) =>
  h.app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { username, password } });

describe('login and session', () => {
  it('sets an httpOnly SameSite session cookie and returns the user and a CSRF token', async () => {
    const res = await login('admin', 'Qloop#2026');
    expect(res.statusCode).toBe(200);
    const c = res.cookies.find((x) => x.name === 'qloop_sid')!;
    expect(c.httpOnly).toBe(true);
    expect(c.sameSite).toBe('Lax');
    expect(res.json().user).toMatchObject({ username: 'admin', role: 'admin', provinceWide: true });
    expect(res.json().csrfToken).toMatch(/^[0-9a-f]{64}$/);
  });
  it('wrong password and unknown user give the same answer', async () => {
    const a = await login('admin', 'wrong-password');
    const b = await login('nobody', 'wrong-password');
    expect(a.statusCode).toBe(401);
    expect(b.statusCode).toBe(401);
    expect(a.json()).toEqual(b.json());
  });
  it('usernames are case-insensitive', async () => {
    expect((await login('ADMIN', 'Qloop#2026')).statusCode).toBe(200);
  });
  it('logout ends the session', async () => {
    const s = await h.login('exec.zhao');
    expect((await s.req('POST', '/api/v1/auth/logout')).statusCode).toBe(204);
    expect((await s.req('GET', '/api/v1/auth/me')).statusCode).toBe(401);
  });
});

describe('CSRF', () => {
  it('refuses a state-changing request without the token', async () => {
    const s = await h.login('admin');
    const res = await h.app.inject({
      method: 'PUT', url: '/api/v1/customer-base', headers: { cookie: s.cookie },
      payload: { orgUnitId: await h.orgId('JN-DZ-S01'), month: '2026-01', customers: 5 },
    });
    expect(res.statusCode).toBe(403);
    expect(res.json().error.code).toBe('CSRF_FAILED');
  });
  it('refuses a token from another session', async () => {
    const a = await h.login('admin');
    const b = await h.login('qm.li');
    const res = await h.app.inject({
      method: 'POST', url: '/api/v1/auth/logout', headers: { cookie: a.cookie, 'x-csrf-token': b.csrf },
    });
    expect(res.statusCode).toBe(403);
    expect((await a.req('GET', '/api/v1/auth/me')).statusCode).toBe(200);
  });
  it('accepts the right token and lets GET through without one', async () => {
    const s = await h.login('admin');
    const get = await h.app.inject({ method: 'GET', url: '/api/v1/auth/me', headers: { cookie: s.cookie } });
    expect(get.statusCode).toBe(200);
    expect(get.json().csrfToken).toBe(s.csrf);
    const put = await s.req('PUT', '/api/v1/customer-base', { orgUnitId: await h.orgId('JN-DZ-S01'), month: '2026-01', customers: 5 });
    expect(put.statusCode).toBe(200);
  });
});

describe('lockout', () => {
  it(`locks after ${AUTH_LIMITS.lockoutThreshold} failures, refuses even the right password, and an admin can unlock`, async () => {
    for (let i = 1; i < AUTH_LIMITS.lockoutThreshold; i++) expect((await login('agent.dz1', 'nope-nope')).statusCode).toBe(401);
    const locked = await login('agent.dz1', 'nope-nope');
    expect(locked.statusCode).toBe(423);
    expect(locked.json().error.code).toBe('ACCOUNT_LOCKED');
    expect((await login('agent.dz1', 'Qloop#2026')).statusCode).toBe(423);

    const admin = await h.login('admin');
    const id = await h.userId('agent.dz1');
    expect((await admin.req('GET', `/api/v1/users/${id}`)).json().locked).toBe(true);
    const audit = await admin.req('GET', `/api/v1/audit?entityId=${id}&action=lockout`);
    expect(audit.json().total).toBe(1);
    expect((await admin.req('POST', `/api/v1/users/${id}/unlock`)).statusCode).toBe(204);
    expect((await login('agent.dz1', 'Qloop#2026')).statusCode).toBe(200);
  });
  it('a successful login resets the failure count', async () => {
    for (let i = 0; i < AUTH_LIMITS.lockoutThreshold - 1; i++) await login('agent.dz2', 'nope-nope');
    expect((await login('agent.dz2', 'Qloop#2026')).statusCode).toBe(200);
    expect((await login('agent.dz2', 'nope-nope')).statusCode).toBe(401);
  });
});

describe('password change', () => {
  it('needs the current password, enforces the policy and signs out other sessions', async () => {
    const a = await h.login('inspector.dz');
    const b = await h.login('inspector.dz');
    expect((await a.req('POST', '/api/v1/auth/change-password', { currentPassword: 'bad', newPassword: 'Another#2026' })).statusCode).toBe(400);
    const weak = await a.req('POST', '/api/v1/auth/change-password', { currentPassword: 'Qloop#2026', newPassword: 'short' });
    expect(weak.statusCode).toBe(400);
    expect(weak.json().error.message).toMatch(/at least 10/);
    expect((await a.req('POST', '/api/v1/auth/change-password', { currentPassword: 'Qloop#2026', newPassword: 'Another#2026' })).statusCode).toBe(204);
    expect((await a.req('GET', '/api/v1/auth/me')).statusCode).toBe(200);
    expect((await b.req('GET', '/api/v1/auth/me')).statusCode).toBe(401);
    expect((await login('inspector.dz', 'Another#2026')).statusCode).toBe(200);
  });
});

describe('API tokens', () => {
  async function makeToken(scopes: string[], username = 'qm.li') {
    const s = await h.login(username);
    const res = await s.req('POST', '/api/v1/api-tokens', { name: `t-${scopes.join('+')}`, scopes });
    return { s, res };
  }
  const bearer = (token: string, method: string, url: string, payload?: object) =>
    h.app.inject({ method: method as 'GET', url, headers: { authorization: `Bearer ${token}` }, ...(payload ? { payload } : {}) });

  it('is shown once, stored hashed, and acts only within its scopes', async () => {
    const { s, res } = await makeToken(['users:read']);
    expect(res.statusCode).toBe(201);
    const { token, id } = res.json();
    expect(token).toMatch(/^qlp_/);
    const list = await s.req('GET', '/api/v1/api-tokens');
    expect(JSON.stringify(list.json())).not.toContain(token);
    const raw = await h.database.sql.query<{ token_hash: string }>('SELECT token_hash FROM api_tokens WHERE id = $1', [id]);
    expect(raw[0]!.token_hash).not.toContain(token.slice(4));
    expect((await bearer(token, 'GET', '/api/v1/users')).statusCode).toBe(200);
    expect((await bearer(token, 'GET', '/api/v1/customer-base')).statusCode).toBe(403);
  });
  it('needs no CSRF token (no cookie involved)', async () => {
    const { res } = await makeToken(['customer_base:manage']);
    const put = await bearer(res.json().token, 'PUT', '/api/v1/customer-base', { orgUnitId: await h.orgId('JN-NZ-S01'), month: '2026-02', customers: 9 });
    expect(put.statusCode).toBe(200);
  });
  it('cannot exceed its owner’s role', async () => {
    const { res } = await makeToken(['org:manage']);
    expect(res.statusCode).toBe(400);
  });
  it('cannot use session-only routes such as minting tokens', async () => {
    const { res } = await makeToken(['tokens:manage']);
    const t = res.json().token;
    expect((await bearer(t, 'POST', '/api/v1/api-tokens', { name: 'x', scopes: ['tokens:manage'] })).statusCode).toBe(403);
  });
  it('stops working at once when revoked', async () => {
    const { s, res } = await makeToken(['org:read']);
    const { token, id } = res.json();
    expect((await bearer(token, 'GET', '/api/v1/org-units')).statusCode).toBe(200);
    expect((await s.req('DELETE', `/api/v1/api-tokens/${id}`)).statusCode).toBe(204);
    expect((await bearer(token, 'GET', '/api/v1/org-units')).statusCode).toBe(401);
  });
  it('another user cannot revoke my token', async () => {
    const { res } = await makeToken(['org:read']);
    const other = await h.login('bm.dz');
    expect((await other.req('DELETE', `/api/v1/api-tokens/${res.json().id}`)).statusCode).toBe(403);
  });
  it('expired tokens are refused', async () => {
    const { res } = await makeToken(['org:read']);
    await h.database.sql.query(`UPDATE api_tokens SET expires_at = now() - interval '1 minute' WHERE id = $1`, [res.json().id]);
    expect((await bearer(res.json().token, 'GET', '/api/v1/org-units')).statusCode).toBe(401);
  });
});

describe('login rate limit per address', () => {
  it('answers 429 with the standard error body once the limit is passed', async () => {
    const small = await createHarness({ seed: false, env: { LOGIN_RATE_LIMIT: '3' } });
    try {
      const codes: number[] = [];
      for (let i = 0; i < 4; i++) {
        const r = await small.app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { username: 'x', password: 'y' } });
        codes.push(r.statusCode);
        if (i === 3) expect(r.json().error.code).toBe('RATE_LIMITED');
      }
      expect(codes).toEqual([401, 401, 401, 429]);
    } finally {
      await small.close();
    }
  });
});

describe('lockout under parallel guessing', () => {
  it(`checks at most ${AUTH_LIMITS.lockoutThreshold} passwords and the right one cannot slip through a lock`, async () => {
    const attempts = [
      ...Array.from({ length: 30 }, () => login('bm.xz', 'wrong-guess')),
      login('bm.xz', 'Qloop#2026'),
    ];
    const codes = (await Promise.all(attempts)).map((r) => r.statusCode);
    expect(codes.filter((c) => c === 401).length).toBeLessThanOrEqual(AUTH_LIMITS.lockoutThreshold);
    const failed = await h.database.sql.query<{ n: number }>(
      `SELECT count(*)::int AS n FROM audit_log WHERE action = 'login_failed' AND actor_name = 'bm.xz'`,
    );
    expect(failed[0]!.n).toBeLessThanOrEqual(AUTH_LIMITS.lockoutThreshold);
    const locks = await h.database.sql.query<{ n: number }>(
      `SELECT count(*)::int AS n FROM audit_log WHERE action = 'lockout' AND actor_name = 'bm.xz'`,
    );
    expect(locks[0]!.n).toBe(1);
    // whatever happened to the right password in the crowd, the account ends locked
    expect((await login('bm.xz', 'Qloop#2026')).statusCode).toBe(423);
  });
});
