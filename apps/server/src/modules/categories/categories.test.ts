import { describe, expect, it } from 'vitest';
import { useSeededHarness } from '../../test/harness.js';

const t = useSeededHarness();

type Cat = { id: string; code: string; parentId: string | null; level: number; active: boolean; path: string[]; sort: number; name: string };

async function tree(): Promise<Map<string, Cat>> {
  const items = (await t.admin.req('GET', '/api/v1/categories')).json().items as Cat[];
  return new Map(items.map((c) => [c.code, c]));
}

async function auditOf(entityId: string) {
  const res = await t.admin.req('GET', `/api/v1/audit?entityType=category&entityId=${entityId}`);
  return res.json().items as { action: string; before: Record<string, unknown> | null; after: Record<string, unknown> | null }[];
}

describe('category administration', () => {
  it('creates a level-4 category under a seeded level-3 topic, after its last sibling, audited', async () => {
    const parent = (await tree()).get('S01-01')!;
    expect(parent.level).toBe(3);
    const res = await t.admin.req('POST', '/api/v1/categories', { parentId: parent.id, code: 'S01-01-01', name: '国际漫游误收费', nameEn: 'Wrong roaming charge' });
    expect(res.statusCode).toBe(201);
    const c = res.json();
    expect(c).toMatchObject({ parentId: parent.id, level: 4, code: 'S01-01-01', active: true, sort: 0, nameEn: 'Wrong roaming charge' });
    expect(c.path).toEqual([...parent.path, c.id]);
    const second = await t.admin.req('POST', '/api/v1/categories', { parentId: parent.id, code: 'S01-01-02', name: '套餐外流量误收费' });
    expect(second.json()).toMatchObject({ sort: 1, nameEn: null });
    const entries = await auditOf(c.id);
    expect(entries).toHaveLength(1);
    expect(entries[0]).toMatchObject({ action: 'create', before: null, after: { code: 'S01-01-01', level: 4 } });
  });

  it('creates a new top-level category when parentId is null', async () => {
    const res = await t.admin.req('POST', '/api/v1/categories', { parentId: null, code: 'X', name: '其他类', sort: 9 });
    expect(res.statusCode).toBe(201);
    expect(res.json()).toMatchObject({ level: 1, parentId: null, sort: 9 });
    expect(res.json().path).toEqual([res.json().id]);
  });

  it('refuses a duplicate code (case-insensitively) with 409', async () => {
    const parent = (await tree()).get('S01')!;
    const res = await t.admin.req('POST', '/api/v1/categories', { parentId: parent.id, code: 's01-02', name: 'dup' });
    expect(res.statusCode).toBe(409);
    expect(res.json().error).toMatchObject({ code: 'CONFLICT', message: 'category code "s01-02" is already used' });
  });

  it('refuses an unknown parent and a tree deeper than 5 levels', async () => {
    const unknown = await t.admin.req('POST', '/api/v1/categories', { parentId: '00000000-0000-4000-8000-000000000000', code: 'ORPHAN', name: 'x' });
    expect(unknown.statusCode).toBe(400);
    expect(unknown.json().error.message).toBe('unknown parent category');
    const l4 = (await tree()).get('S01-01-01')!;
    const l5 = await t.admin.req('POST', '/api/v1/categories', { parentId: l4.id, code: 'S01-01-01-A', name: '第五级' });
    expect(l5.json().level).toBe(5);
    const l6 = await t.admin.req('POST', '/api/v1/categories', { parentId: l5.json().id, code: 'S01-01-01-A1', name: '第六级' });
    expect(l6.statusCode).toBe(400);
    expect(l6.json().error.message).toMatch(/at most 5 levels deep/);
  });

  it('only category managers may write: an agent and a branch manager get 403', async () => {
    const parent = (await tree()).get('N01')!;
    for (const username of ['agent.dz1', 'bm.dz']) {
      const s = await t.h.login(username);
      expect((await s.req('POST', '/api/v1/categories', { parentId: parent.id, code: 'N01-99', name: 'x' })).statusCode).toBe(403);
      expect((await s.req('PATCH', `/api/v1/categories/${parent.id}`, { name: 'x' })).statusCode).toBe(403);
    }
    const qm = await t.h.login('qm.li');
    expect((await qm.req('POST', '/api/v1/categories', { parentId: parent.id, code: 'N01-04', name: '高铁沿线信号差' })).statusCode).toBe(201);
  });

  it('renames and re-sorts, audited with before and after; an unchanged patch writes nothing', async () => {
    const c = (await tree()).get('S01-01-02')!;
    const res = await t.admin.req('PATCH', `/api/v1/categories/${c.id}`, { name: '流量包误收费', nameEn: 'Wrong data-pack charge', sort: 5 });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ name: '流量包误收费', nameEn: 'Wrong data-pack charge', sort: 5, code: 'S01-01-02' });
    await t.admin.req('PATCH', `/api/v1/categories/${c.id}`, { name: '流量包误收费' });
    const entries = await auditOf(c.id);
    expect(entries.map((e) => e.action)).toEqual(['update', 'create']);
    expect(entries[0]).toMatchObject({
      before: { name: '套餐外流量误收费', nameEn: null, sort: 1 },
      after: { name: '流量包误收费', nameEn: 'Wrong data-pack charge', sort: 5 },
    });
  });

  it('refuses changing the code or the parent, saying why', async () => {
    const c = (await tree()).get('S01-01-02')!;
    const res = await t.admin.req('PATCH', `/api/v1/categories/${c.id}`, { code: 'NEW', name: 'x' });
    expect(res.statusCode).toBe(400);
    expect(res.json().error.message).toMatch(/code and parent cannot change/);
    const moved = await t.admin.req('PATCH', `/api/v1/categories/${c.id}`, { parentId: (await tree()).get('N01')!.id });
    expect(moved.json().error.message).toMatch(/code and parent cannot change/);
    expect((await t.admin.req('DELETE', `/api/v1/categories/${c.id}`)).statusCode).toBe(404);
  });

  it('retiring a category retires its subtree; re-activating under a retired parent is refused', async () => {
    const before = await tree();
    const l3 = before.get('S01-01')!;
    const res = await t.admin.req('PATCH', `/api/v1/categories/${l3.id}`, { active: false });
    expect(res.json()).toMatchObject({ active: false });
    const after = await tree();
    for (const code of ['S01-01', 'S01-01-01', 'S01-01-02', 'S01-01-01-A']) expect(after.get(code)!.active, code).toBe(false);
    expect(after.get('S01')!.active).toBe(true);
    expect(after.get('S01-02')!.active).toBe(true);

    const own = await auditOf(l3.id);
    expect(own[0]).toMatchObject({ action: 'update', before: { active: true }, after: { active: false, descendantsRetired: 3 } });
    const child = await auditOf(after.get('S01-01-01')!.id);
    expect(child[0]).toMatchObject({ before: { active: true }, after: { active: false, retiredWith: 'S01-01' } });

    const refused = await t.admin.req('PATCH', `/api/v1/categories/${after.get('S01-01-01')!.id}`, { active: true });
    expect(refused.statusCode).toBe(400);
    expect(refused.json().error.message).toMatch(/while its parent .*S01-01\) is retired; re-activate the parent first/);
    const underRetired = await t.admin.req('POST', '/api/v1/categories', { parentId: l3.id, code: 'S01-01-03', name: 'x' });
    expect(underRetired.statusCode).toBe(400);
    expect(underRetired.json().error.message).toMatch(/is retired/);

    // the parent comes back alone; then its children one by one
    expect((await t.admin.req('PATCH', `/api/v1/categories/${l3.id}`, { active: true })).json().active).toBe(true);
    expect((await tree()).get('S01-01-01')!.active).toBe(false);
    expect((await t.admin.req('PATCH', `/api/v1/categories/${after.get('S01-01-01')!.id}`, { active: true })).json().active).toBe(true);
  });

  it('refuses a retired category for new tickets but old tickets keep showing it', async () => {
    const agent = await t.h.login('agent.dz1');
    const topic = (await tree()).get('S09-01')!;
    const orgUnitId = await t.h.orgId('JN-DZ-T01');
    const created = await agent.req('POST', '/api/v1/tickets', {
      type: 'complaint', channel: 'hotline', title: '充值未到账', categoryId: topic.id, orgUnitId, customer: { phone: '13612340000' },
    });
    expect(created.statusCode).toBe(201);
    expect((await t.admin.req('PATCH', `/api/v1/categories/${topic.id}`, { active: false })).statusCode).toBe(200);

    const old = await agent.req('GET', `/api/v1/tickets/${created.json().id}`);
    expect(old.statusCode).toBe(200);
    expect(old.json()).toMatchObject({ categoryId: topic.id, categoryName: topic.name });

    const refused = await agent.req('POST', '/api/v1/tickets', {
      type: 'complaint', channel: 'hotline', title: '充值未到账', categoryId: topic.id, orgUnitId, customer: { phone: '13612340001' },
    });
    expect(refused.statusCode).toBe(400);
    expect(refused.json().error.message).toMatch(/retired/);
  });

  it('answers 404 for an unknown category', async () => {
    const res = await t.admin.req('PATCH', '/api/v1/categories/00000000-0000-4000-8000-000000000000', { name: 'x' });
    expect(res.statusCode).toBe(404);
  });
});
