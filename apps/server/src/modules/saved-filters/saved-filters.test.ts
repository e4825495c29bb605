import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createHarness, type Harness, type Session } from '../../test/harness.js';

let h: Harness;
let dz1: Session;
let dz2: Session;
let xz1: Session;
beforeAll(async () => {
  h = await createHarness();
  dz1 = await h.login('agent.dz1');
  dz2 = await h.login('agent.dz2');
  xz1 = await h.login('agent.xz1');
});
afterAll(() => h.close());

describe('saved filters', () => {
  it('saves, lists, renames and deletes a personal filter', async () => {
    const created = await dz1.req('POST', '/api/v1/saved-filters', { name: '我的未结投诉', query: { type: 'complaint', open: 'true', sort: '-createdAt' } });
    expect(created.statusCode).toBe(201);
    expect(created.json()).toMatchObject({ name: '我的未结投诉', view: 'tickets', shared: false, mine: true, query: { type: 'complaint', open: 'true' } });
    const id = created.json().id;
    expect((await dz1.req('GET', '/api/v1/saved-filters')).json().items.map((f: { id: string }) => f.id)).toContain(id);
    expect((await dz2.req('GET', '/api/v1/saved-filters')).json().items.map((f: { id: string }) => f.id)).not.toContain(id);
    // others cannot see, change or delete a personal filter
    expect((await dz2.req('PATCH', `/api/v1/saved-filters/${id}`, { name: 'x' })).statusCode).toBe(404);
    expect((await dz2.req('DELETE', `/api/v1/saved-filters/${id}`)).statusCode).toBe(404);
    const renamed = await dz1.req('PATCH', `/api/v1/saved-filters/${id}`, { name: '未结投诉', query: { type: 'complaint' } });
    expect(renamed.json()).toMatchObject({ name: '未结投诉', query: { type: 'complaint' } });
    expect(renamed.json().query.open).toBeUndefined();
    expect((await dz1.req('DELETE', `/api/v1/saved-filters/${id}`)).statusCode).toBe(204);
    expect((await dz1.req('GET', '/api/v1/saved-filters')).json().items.map((f: { id: string }) => f.id)).not.toContain(id);
  });

  it('a shared filter is listed for everyone but only its owner may change it; it never widens anyone’s scope', async () => {
    const shared = (await dz1.req('POST', '/api/v1/saved-filters', { name: '升级投诉', query: { escalated: 'true' }, shared: true })).json();
    const seen = (await xz1.req('GET', '/api/v1/saved-filters')).json().items.find((f: { id: string }) => f.id === shared.id);
    expect(seen).toMatchObject({ mine: false, ownerName: expect.any(String), query: { escalated: 'true' } });
    expect((await xz1.req('PATCH', `/api/v1/saved-filters/${shared.id}`, { name: 'mine now' })).statusCode).toBe(403);
    expect((await xz1.req('DELETE', `/api/v1/saved-filters/${shared.id}`)).statusCode).toBe(403);
    // applying it is just a list query, still inside the caller's scope
    const list = (await xz1.req('GET', `/api/v1/tickets?${new URLSearchParams(seen.query)}`)).json();
    const xz = await h.orgId('JN-XZ');
    const orgs = await h.database.sql.query<{ id: string }>(`SELECT id FROM org_units WHERE path @> ARRAY['${xz}']::uuid[]`);
    const allowed = new Set(orgs.map((o) => o.id));
    for (const t of list.items as { orgUnitId: string; assigneeId: string | null; firstOwnerId: string }[]) {
      const mineToo = [t.assigneeId, t.firstOwnerId].includes(await h.userId('agent.xz1'));
      expect(allowed.has(t.orgUnitId) || mineToo).toBe(true);
    }
  });

  it('refuses unknown keys, invalid values, duplicates and blank names with clear messages', async () => {
    const bad = await dz1.req('POST', '/api/v1/saved-filters', { name: 'x', query: { colour: 'red' } });
    expect(bad.statusCode).toBe(400);
    expect(JSON.stringify(bad.json())).toMatch(/not a work-list filter: colour/);
    const badValue = await dz1.req('POST', '/api/v1/saved-filters', { name: 'x', query: { state: 'flying' } });
    expect(badValue.statusCode).toBe(400);
    const paging = await dz1.req('POST', '/api/v1/saved-filters', { name: 'x', query: { page: '2' } });
    expect(paging.statusCode).toBe(400);
    expect((await dz1.req('POST', '/api/v1/saved-filters', { name: '  ', query: {} })).statusCode).toBe(400);
    expect((await dz1.req('POST', '/api/v1/saved-filters', { name: '重名', query: {} })).statusCode).toBe(201);
    const dup = await dz1.req('POST', '/api/v1/saved-filters', { name: '重名', query: { type: 'fault' } });
    expect(dup.statusCode).toBe(409);
    expect(dup.json().error.message).toMatch(/already have a saved filter named "重名"/);
  });

  it('caps the number of filters per person', async () => {
    const s = await h.login('agent.dz2');
    for (let i = 0; i < 50; i++) expect((await s.req('POST', '/api/v1/saved-filters', { name: `f${i}`, query: {} })).statusCode).toBe(201);
    const over = await s.req('POST', '/api/v1/saved-filters', { name: 'one too many', query: {} });
    expect(over.statusCode).toBe(400);
    expect(over.json().error.message).toMatch(/50 saved filters/);
  });
});
