import { describe, expect, it } from 'vitest';
import { useSeededHarness } from '../../test/harness.js';

const t = useSeededHarness();

describe('org units', () => {
  it('lists the tree root first with paths and user counts', async () => {
    const res = await t.admin.req('GET', '/api/v1/org-units');
    const items = res.json().items;
    expect(items[0]).toMatchObject({ code: 'JN', kind: 'province', parentId: null });
    const dz = items.find((o: { code: string }) => o.code === 'JN-DZ');
    const store = items.find((o: { code: string }) => o.code === 'JN-DZ-S01');
    expect(store.path).toEqual([items[0].id, dz.id, store.id]);
    expect(store.userCount).toBe(1);
  });

  it('creates a store under a branch and refuses a branch under a store', async () => {
    const branch = await t.h.orgId('JN-NZ');
    const created = await t.admin.req('POST', '/api/v1/org-units', { parentId: branch, kind: 'store', code: 'JN-NZ-S03', name: '南州江滨营业厅' });
    expect(created.statusCode).toBe(201);
    expect(created.json().path.slice(-2)).toEqual([branch, created.json().id]);
    const wrong = await t.admin.req('POST', '/api/v1/org-units', { parentId: created.json().id, kind: 'branch', code: 'BAD', name: 'x' });
    expect(wrong.statusCode).toBe(400);
    expect(wrong.json().error.message).toMatch(/store cannot hold a branch/);
  });

  it('refuses a duplicate code case-insensitively', async () => {
    const res = await t.admin.req('POST', '/api/v1/org-units', { parentId: await t.h.orgId('JN-NZ'), kind: 'store', code: 'jn-nz-s01', name: 'dup' });
    expect(res.statusCode).toBe(409);
  });

  it('moves a unit with its subtree and scope follows the move', async () => {
    const team = await t.admin.req('POST', '/api/v1/org-units', { parentId: await t.h.orgId('JN-BZ-S01'), kind: 'team', code: 'JN-BZ-S01-T1', name: '北州站前班组' });
    const teamId = team.json().id;
    const moved = await t.admin.req('PATCH', `/api/v1/org-units/${await t.h.orgId('JN-BZ-S01')}`, { parentId: await t.h.orgId('JN-DZ') });
    expect(moved.statusCode).toBe(200);
    const child = await t.admin.req('GET', `/api/v1/org-units/${teamId}`);
    expect(child.json().path.slice(0, 2)).toEqual([await t.h.orgId('JN'), await t.h.orgId('JN-DZ')]);
    const dz = await t.h.login('bm.dz');
    expect((await dz.req('GET', `/api/v1/org-units/${teamId}`)).statusCode).toBe(200);
  });

  it('refuses moving a unit under its own descendant', async () => {
    const res = await t.admin.req('PATCH', `/api/v1/org-units/${await t.h.orgId('JN-DZ')}`, { parentId: await t.h.orgId('JN-DZ-S02') });
    expect(res.statusCode).toBe(400);
  });

  it('refuses deleting a unit that still holds users, and deletes an empty one', async () => {
    const busy = await t.admin.req('DELETE', `/api/v1/org-units/${await t.h.orgId('JN-DZ-S01')}`);
    expect(busy.statusCode).toBe(409);
    expect(busy.json().error.details).toMatchObject({ users: 1 });
    const empty = await t.admin.req('POST', '/api/v1/org-units', { parentId: await t.h.orgId('JN-XZ'), kind: 'team', code: 'TMP-1', name: 'temp' });
    expect((await t.admin.req('DELETE', `/api/v1/org-units/${empty.json().id}`)).statusCode).toBe(204);
    const audit = await t.admin.req('GET', `/api/v1/audit?entityType=org_unit&entityId=${empty.json().id}`);
    expect(audit.json().items.map((e: { action: string }) => e.action)).toEqual(['delete', 'create']);
  });

  it('departments: create, rename, list with member counts', async () => {
    const created = await t.admin.req('POST', '/api/v1/departments', { code: 'LEGAL', name: '法务部', orgUnitId: await t.h.orgId('JN') });
    expect(created.statusCode).toBe(201);
    const renamed = await t.admin.req('PATCH', `/api/v1/departments/${created.json().id}`, { name: '法律事务部' });
    expect(renamed.json().name).toBe('法律事务部');
    const list = await t.admin.req('GET', '/api/v1/departments');
    const qm = list.json().items.find((d: { code: string }) => d.code === 'QM');
    expect(qm.memberCount).toBe(2);
  });
});
