import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createHarness, type Harness, type Session } from './harness.js';

/** A branch manager of 东州 (JN-DZ) guesses ids belonging to 西州 (JN-XZ). */
let h: Harness;
let dz: Session;
let xzUserId: string;
let xzOrgId: string;
let xzBaseId: string;

beforeAll(async () => {
  h = await createHarness();
  dz = await h.login('bm.dz');
  xzUserId = await h.userId('agent.xz1');
  xzOrgId = await h.orgId('JN-XZ-S01');
  const admin = await h.login('admin');
  const base = await admin.req('GET', `/api/v1/customer-base?orgUnitId=${xzOrgId}&pageSize=1`);
  xzBaseId = base.json().items[0].id;
});
afterAll(() => h.close());

describe('data scope: another branch’s records are invisible and untouchable', () => {
  it('reading another branch’s user by id is 404, like an unknown id', async () => {
    const res = await dz.req('GET', `/api/v1/users/${xzUserId}`);
    expect(res.statusCode).toBe(404);
    expect(res.json().error.code).toBe('NOT_FOUND');
  });
  it('changing, resetting or unlocking another branch’s user is 404 and changes nothing', async () => {
    expect((await dz.req('PATCH', `/api/v1/users/${xzUserId}`, { displayName: 'hijacked' })).statusCode).toBe(404);
    expect((await dz.req('POST', `/api/v1/users/${xzUserId}/reset-password`, { newPassword: 'Hijack#2026x' })).statusCode).toBe(404);
    expect((await dz.req('POST', `/api/v1/users/${xzUserId}/unlock`)).statusCode).toBe(404);
    const admin = await h.login('admin');
    const u = await admin.req('GET', `/api/v1/users/${xzUserId}`);
    expect(u.json().displayName).toBe('吴磊(西州营业员)');
    await h.login('agent.xz1'); // password unchanged
  });
  it('reading another branch’s org unit is 404', async () => {
    expect((await dz.req('GET', `/api/v1/org-units/${xzOrgId}`)).statusCode).toBe(404);
  });
  it('moving a user into another branch is refused', async () => {
    const own = await dz.req('GET', `/api/v1/users/${await h.userId('agent.dz2')}`);
    const res = await dz.req('PATCH', `/api/v1/users/${own.json().id}`, { orgUnitId: xzOrgId });
    expect(res.statusCode).toBe(404);
  });
  it('creating a user in another branch is refused', async () => {
    const res = await dz.req('POST', '/api/v1/users', {
      username: 'sneaky', displayName: 'x', role: 'agent', orgUnitId: xzOrgId, password: 'Sneaky#2026x',
    });
    expect(res.statusCode).toBe(404);
  });
  it('customer-base figures of another branch cannot be read by filter, changed or deleted', async () => {
    const list = await dz.req('GET', `/api/v1/customer-base?orgUnitId=${xzOrgId}`);
    expect(list.json().total).toBe(0);
    expect((await dz.req('PUT', '/api/v1/customer-base', { orgUnitId: xzOrgId, month: '2026-11', customers: 1 })).statusCode).toBe(404);
    expect((await dz.req('DELETE', `/api/v1/customer-base/${xzBaseId}`)).statusCode).toBe(404);
  });
  it('lists only contain the own subtree', async () => {
    const users = await dz.req('GET', '/api/v1/users?pageSize=200');
    const names = users.json().items.map((u: { username: string }) => u.username).sort();
    expect(names).toEqual(['agent.dz1', 'agent.dz2', 'bm.dz', 'inspector.dz']);
    const orgs = await dz.req('GET', '/api/v1/org-units');
    expect(orgs.json().items.map((o: { code: string }) => o.code)).toEqual(['JN-DZ', 'JN-DZ-S01', 'JN-DZ-S02', 'JN-DZ-T01']);
    const audit = await dz.req('GET', '/api/v1/audit?pageSize=200');
    const orgIds = new Set((await orgs.json()).items.map((o: { id: string }) => o.id));
    for (const e of audit.json().items) expect(orgIds.has(e.orgUnitId)).toBe(true);
  });
  it('a branch manager cannot create or promote to a role they may not grant', async () => {
    const dzOrg = await h.orgId('JN-DZ-S01');
    const res = await dz.req('POST', '/api/v1/users', {
      username: 'newboss', displayName: 'x', role: 'admin', orgUnitId: dzOrg, password: 'Newboss#2026x',
    });
    expect(res.statusCode).toBe(403);
    const agent = await h.userId('agent.dz2');
    expect((await dz.req('PATCH', `/api/v1/users/${agent}`, { role: 'branch_manager' })).statusCode).toBe(403);
  });
  it('a province-wide role sees every branch', async () => {
    const qm = await h.login('qm.li');
    expect((await qm.req('GET', `/api/v1/users/${xzUserId}`)).statusCode).toBe(200);
  });
});
