import { describe, expect, it } from 'vitest';
import { useSeededHarness } from '../../test/harness.js';

const t = useSeededHarness();

describe('users', () => {
  it('filters, sorts and pages', async () => {
    const page1 = await t.admin.req('GET', '/api/v1/users?pageSize=3&sort=username');
    expect(page1.json()).toMatchObject({ total: 10, page: 1, pageSize: 3 });
    expect(page1.json().items.map((u: { username: string }) => u.username)).toEqual(['admin', 'agent.dz1', 'agent.dz2']);
    const desc = await t.admin.req('GET', '/api/v1/users?pageSize=1&sort=-username');
    expect(desc.json().items[0].username).toBe('qm.li');
    const agents = await t.admin.req('GET', '/api/v1/users?role=agent');
    expect(agents.json().total).toBe(3);
    const q = await t.admin.req('GET', `/api/v1/users?q=${encodeURIComponent('东州')}`);
    expect(q.json().items.map((u: { username: string }) => u.username)).toContain('agent.dz1');
    const sub = await t.admin.req('GET', `/api/v1/users?orgUnitId=${await t.h.orgId('JN-DZ')}`);
    expect(sub.json().total).toBe(4);
  });

  it('masks staff phone numbers for roles that do not manage users', async () => {
    const exec = await t.h.login('exec.zhao');
    const res = await exec.req('GET', `/api/v1/users/${await t.h.userId('bm.dz')}`);
    expect(res.json().phone).toBe('139****0001');
    const full = await t.admin.req('GET', `/api/v1/users/${await t.h.userId('bm.dz')}`);
    expect(full.json().phone).toBe('13900020001');
  });

  it('creates a user who must change the password at first sign-in', async () => {
    const res = await t.admin.req('POST', '/api/v1/users', {
      username: 'agent.nz1', displayName: '南州坐席', role: 'agent', orgUnitId: await t.h.orgId('JN-NZ-S01'),
      departmentIds: [], password: 'Welcome#2026',
    });
    expect(res.statusCode).toBe(201);
    const s = await t.h.login('agent.nz1', 'Welcome#2026');
    expect((await s.req('GET', '/api/v1/auth/me')).json().user.mustChangePassword).toBe(true);
    // Until the temporary password is changed, nothing but me/logout/change-password is open.
    const blocked = await s.req('GET', '/api/v1/org-units');
    expect(blocked.statusCode).toBe(403);
    expect(blocked.json().error.code).toBe('PASSWORD_CHANGE_REQUIRED');
    const changed = await s.req('POST', '/api/v1/auth/change-password', { currentPassword: 'Welcome#2026', newPassword: 'MyOwn#2026pw' });
    expect(changed.statusCode).toBe(204);
    expect((await s.req('GET', '/api/v1/org-units')).statusCode).toBe(200);
  });

  it('refuses a stale version with 409 and keeps the other change', async () => {
    const id = await t.h.userId('agent.xz1');
    const v = (await t.admin.req('GET', `/api/v1/users/${id}`)).json().version;
    expect((await t.admin.req('PATCH', `/api/v1/users/${id}`, { displayName: 'first', version: v })).statusCode).toBe(200);
    const stale = await t.admin.req('PATCH', `/api/v1/users/${id}`, { displayName: 'second', version: v });
    expect(stale.statusCode).toBe(409);
    expect((await t.admin.req('GET', `/api/v1/users/${id}`)).json().displayName).toBe('first');
  });

  it('deactivation ends the user’s sessions and blocks sign-in', async () => {
    const s = await t.h.login('inspector.dz');
    const id = await t.h.userId('inspector.dz');
    expect((await t.admin.req('PATCH', `/api/v1/users/${id}`, { active: false })).statusCode).toBe(200);
    expect((await s.req('GET', '/api/v1/auth/me')).statusCode).toBe(401);
    const again = await t.h.app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { username: 'inspector.dz', password: 'Qloop#2026' } });
    expect(again.statusCode).toBe(403);
    expect(again.json().error.code).toBe('ACCOUNT_DISABLED');
  });

  it('nobody can change their own role or deactivate themselves', async () => {
    const me = await t.h.userId('admin');
    expect((await t.admin.req('PATCH', `/api/v1/users/${me}`, { role: 'agent' })).statusCode).toBe(403);
    expect((await t.admin.req('PATCH', `/api/v1/users/${me}`, { active: false })).statusCode).toBe(403);
  });

  it('a branch manager manages agents of the own branch but not another manager', async () => {
    const dz = await t.h.login('bm.dz');
    const agent = await t.h.userId('agent.dz1');
    expect((await dz.req('PATCH', `/api/v1/users/${agent}`, { displayName: '张晓(夜班)' })).statusCode).toBe(200);
    const res = await dz.req('POST', `/api/v1/users/${agent}/reset-password`, { newPassword: 'Temp#20261123' });
    expect(res.statusCode).toBe(204);
    const s = await t.h.login('agent.dz1', 'Temp#20261123');
    expect((await s.req('GET', '/api/v1/auth/me')).json().user.mustChangePassword).toBe(true);
    const boss = await t.h.userId('bm.dz');
    expect((await dz.req('PATCH', `/api/v1/users/${boss}`, { displayName: 'me' })).statusCode).toBe(403);
  });

  it('rejects unknown departments', async () => {
    const res = await t.admin.req('PATCH', `/api/v1/users/${await t.h.userId('agent.dz2')}`, {
      departmentIds: ['6f1e8f59-2b52-4d41-9a55-1b0c2a1e0e00'],
    });
    expect(res.statusCode).toBe(400);
  });
});
