import { describe, expect, it } from 'vitest';
import { useSeededHarness } from './harness.js';

/** Every kind of bad input gets a 4xx with the standard error body and a message a person can act on. */
const t = useSeededHarness();

function expectError(res: { statusCode: number; json: () => { error: { code: string; message: string } } }, status: number, code: string) {
  expect(res.statusCode).toBe(status);
  const body = res.json();
  expect(body.error.code).toBe(code);
  expect(body.error.message.length).toBeGreaterThan(5);
}

describe('bad input', () => {
  it('malformed JSON → 400 INVALID_JSON', async () => {
    const res = await t.h.app.inject({
      method: 'POST', url: '/api/v1/users', payload: '{"username": ',
      headers: { cookie: t.admin.cookie, 'x-csrf-token': t.admin.csrf, 'content-type': 'application/json' },
    });
    expectError(res, 400, 'INVALID_JSON');
  });
  it('malformed JSON on the public login route → 400 INVALID_JSON', async () => {
    const res = await t.h.app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: 'nope', headers: { 'content-type': 'application/json' } });
    expectError(res, 400, 'INVALID_JSON');
  });
  it('wrong types → 400 with the path of each field', async () => {
    const res = await t.admin.req('PUT', '/api/v1/customer-base', { orgUnitId: 'not-a-uuid', month: 202611, customers: 'many' });
    expectError(res, 400, 'VALIDATION_FAILED');
    const paths = (res.json().error.details as { path: string }[]).map((d) => d.path).sort();
    expect(paths).toEqual(['body.customers', 'body.month', 'body.orgUnitId']);
  });
  it('unknown fields are refused, not ignored', async () => {
    const res = await t.admin.req('PATCH', `/api/v1/users/${await t.h.userId('agent.dz1')}`, { displayName: 'ok', isAdmin: true });
    expectError(res, 400, 'VALIDATION_FAILED');
    expect(res.json().error.message).toContain('isAdmin');
  });
  it('oversize body → 413', async () => {
    const res = await t.admin.req('PATCH', `/api/v1/users/${await t.h.userId('agent.dz1')}`, { displayName: 'x'.repeat(1_100_000) });
    expectError(res, 413, 'PAYLOAD_TOO_LARGE');
  });
  it('a non-JSON content type → 415', async () => {
    const res = await t.h.app.inject({
      method: 'PUT', url: '/api/v1/customer-base', payload: 'a=b',
      headers: { cookie: t.admin.cookie, 'x-csrf-token': t.admin.csrf, 'content-type': 'application/x-www-form-urlencoded' },
    });
    expectError(res, 415, 'UNSUPPORTED_MEDIA_TYPE');
  });
  it('a malformed id in the path → 400', async () => {
    expectError(await t.admin.req('GET', '/api/v1/users/123'), 400, 'VALIDATION_FAILED');
  });
  it('an unknown id → 404', async () => {
    expectError(await t.admin.req('GET', '/api/v1/org-units/6f1e8f59-2b52-4d41-9a55-1b0c2a1e0e00'), 404, 'NOT_FOUND');
  });
  it('bad paging and sorting → 400', async () => {
    expectError(await t.admin.req('GET', '/api/v1/users?pageSize=5000'), 400, 'VALIDATION_FAILED');
    expectError(await t.admin.req('GET', '/api/v1/users?page=0'), 400, 'VALIDATION_FAILED');
    const sort = await t.admin.req('GET', '/api/v1/users?sort=passwordHash');
    expectError(sort, 400, 'VALIDATION_FAILED');
    expect(sort.json().error.message).toContain('username');
  });
  it('an unknown enum value in a filter → 400', async () => {
    expectError(await t.admin.req('GET', '/api/v1/users?role=king'), 400, 'VALIDATION_FAILED');
    expectError(await t.admin.req('GET', '/api/v1/audit?from=yesterday'), 400, 'VALIDATION_FAILED');
  });
  it('an unknown route → 404 JSON', async () => {
    expectError(await t.admin.req('GET', '/api/v1/nothing-here'), 404, 'NOT_FOUND');
  });
  it('a duplicate unique value → 409', async () => {
    const res = await t.admin.req('POST', '/api/v1/users', {
      username: 'ADMIN', displayName: 'dup', role: 'agent', orgUnitId: await t.h.orgId('JN-DZ-S01'), password: 'Duplicate#2026',
    });
    expectError(res, 409, 'CONFLICT');
  });
  it('an empty JSON body where one is required → 400', async () => {
    const res = await t.h.app.inject({
      method: 'POST', url: '/api/v1/users', payload: '',
      headers: { cookie: t.admin.cookie, 'x-csrf-token': t.admin.csrf, 'content-type': 'application/json' },
    });
    expect(res.statusCode).toBe(400);
  });
  it('every response carries a request id, and a given one is echoed', async () => {
    const res = await t.h.app.inject({ method: 'GET', url: '/healthz', headers: { 'x-request-id': 'abc-123' } });
    expect(res.headers['x-request-id']).toBe('abc-123');
    const other = await t.h.app.inject({ method: 'GET', url: '/healthz', headers: { 'x-request-id': '<script>' } });
    expect(other.headers['x-request-id']).not.toBe('<script>');
  });
});

describe('text PostgreSQL cannot store', () => {
  it('NUL in a JSON body, a query or the login → 400 naming the field, never 500', async () => {
    const id = await t.h.userId('agent.dz1');
    const body = await t.admin.req('PATCH', `/api/v1/users/${id}`, { displayName: 'x\u0000y' });
    expectError(body, 400, 'VALIDATION_FAILED');
    expect(body.json().error.message).toContain('body.displayName');
    expectError(await t.admin.req('PATCH', `/api/v1/users/${id}`, { displayName: 'x\ud800y' }), 400, 'VALIDATION_FAILED');
    expectError(await t.admin.req('GET', '/api/v1/audit?entityId=a%00b'), 400, 'VALIDATION_FAILED');
    expectError(await t.admin.req('GET', '/api/v1/users?q=%00'), 400, 'VALIDATION_FAILED');
    const login = await t.h.app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { username: 'a\u0000b', password: 'x' } });
    expectError(login, 400, 'VALIDATION_FAILED');
  });
  it('malformed multipart → 400', async () => {
    const res = await t.h.app.inject({
      method: 'POST', url: '/api/v1/customer-base/import?dryRun=true',
      payload: '--xyz\r\nContent-Disposition: form-data; name="file"; filename="a.csv"\r\n\r\nabc',
      headers: { cookie: t.admin.cookie, 'x-csrf-token': t.admin.csrf, 'content-type': 'multipart/form-data; boundary=xyz' },
    });
    expectError(res, 400, 'VALIDATION_FAILED');
  });
  it('duplicate department ids on create are folded, not mistaken for a taken username', async () => {
    const depts = (await t.admin.req('GET', '/api/v1/departments')).json().items;
    const res = await t.admin.req('POST', '/api/v1/users', {
      username: 'dup.dept', displayName: 'x', role: 'agent', orgUnitId: await t.h.orgId('JN-DZ-S01'),
      departmentIds: [depts[0].id, depts[0].id], password: 'Dupdept#2026',
    });
    expect(res.statusCode).toBe(201);
    expect(res.json().departmentIds).toEqual([depts[0].id]);
  });
  it('customer counts must be plain digits', async () => {
    const { parseCustomerBaseRows } = await import('../modules/customer-base/parse-customer-base-rows.js');
    const r = parseCustomerBaseRows([['orgUnitCode', 'month', 'customers'], ['A', '2026-01', '0x10'], ['B', '2026-01', '1e3']]);
    expect(r.errors.map((e) => e.row)).toEqual([2, 3]);
  });
});
