import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createHarness, type Harness } from '../../test/harness.js';

let h: Harness;
beforeAll(async () => {
  h = await createHarness({ seed: false });
});
afterAll(() => h.close());

describe('operations endpoints', () => {
  it('/healthz and /readyz answer; /readyz goes 503 once shutdown begins', async () => {
    expect((await h.app.inject('/healthz')).json()).toEqual({ status: 'ok' });
    expect((await h.app.inject('/readyz')).statusCode).toBe(200);
    h.app.acceptingTraffic = false;
    expect((await h.app.inject('/readyz')).statusCode).toBe(503);
    h.app.acceptingTraffic = true;
  });
  it('/metrics speaks Prometheus and counts requests by route pattern', async () => {
    await h.app.inject('/api/v1/users/6f1e8f59-2b52-4d41-9a55-1b0c2a1e0e00');
    const res = await h.app.inject('/metrics');
    expect(res.headers['content-type']).toContain('text/plain');
    expect(res.body).toContain('qloop_http_requests_total{method="GET",route="/api/v1/users/:id",status="401"}');
    expect(res.body).not.toContain('6f1e8f59');
  });
  it('serves the OpenAPI document and the interactive page', async () => {
    const doc = (await h.app.inject('/api/docs/json')).json();
    expect(doc.openapi).toMatch(/^3\./);
    expect(Object.keys(doc.paths)).toEqual(expect.arrayContaining(['/api/v1/auth/login', '/api/v1/users/{id}', '/api/v1/audit/verify']));
    expect(doc.paths['/api/v1/users'].post.requestBody).toBeTruthy();
    const page = await h.app.inject('/api/docs');
    expect([200, 302]).toContain(page.statusCode);
  });
  it('sets protective headers', async () => {
    const res = await h.app.inject('/healthz');
    expect(res.headers['x-content-type-options']).toBe('nosniff');
    expect(res.headers['x-frame-options']).toBe('DENY');
  });
});

describe('web app serving', () => {
  it('serves index.html for client routes, 404 for missing files and unknown API paths', async () => {
    const { mkdtempSync, writeFileSync, mkdirSync } = await import('node:fs');
    const { tmpdir } = await import('node:os');
    const path = await import('node:path');
    const dist = mkdtempSync(path.join(tmpdir(), 'qloop-web-'));
    writeFileSync(path.join(dist, 'index.html'), '<!doctype html><title>Qloop</title>');
    const web = await createHarness({ seed: false, env: { WEB_DIST: dist } });
    try {
      // the root is the app too (the static files' directory itself is never listed)
      const root = await web.app.inject('/');
      expect(root.statusCode).toBe(200);
      expect(root.body).toContain('<title>Qloop</title>');
      const page = await web.app.inject('/users?x=1');
      expect(page.statusCode).toBe(200);
      expect(page.headers['content-type']).toContain('text/html');
      // a file written after start is served without a restart
      mkdirSync(path.join(dist, 'assets'));
      writeFileSync(path.join(dist, 'assets', 'app-1.js'), 'console.log(1)');
      const js = await web.app.inject('/assets/app-1.js');
      expect(js.statusCode).toBe(200);
      expect(js.headers['content-type']).toContain('javascript');
      expect((await web.app.inject('/assets/missing.js')).statusCode).toBe(404);
      // a survey link ends in ".<signature>": the app, not a missing file
      const link = await web.app.inject('/s/eyJpbnZpdGF0aW9uSWQiOiIxIn0.AbCdEfGh');
      expect(link.statusCode).toBe(200);
      expect(link.headers['content-type']).toContain('text/html');
      const api = await web.app.inject('/api/v1/nothing');
      expect(api.statusCode).toBe(404);
      expect(api.json().error.code).toBe('NOT_FOUND');
    } finally {
      await web.close();
    }
  });
});
