import Fastify from 'fastify';
import multipart from '@fastify/multipart';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LIMITS } from '@qloop/contracts';
import { AppError } from './errors.js';
import { readUploadedSheet } from './upload.js';

// A bare app with the general upload limit, as app.ts registers it, and one route per limit.
const app = Fastify();
beforeAll(async () => {
  await app.register(multipart, { limits: { fileSize: LIMITS.uploadBytesMax, files: 1, fields: 10 } });
  app.setErrorHandler((err, _req, reply) => {
    const e = err as AppError & { statusCode?: number };
    return reply.code(e.status ?? e.statusCode ?? 500).send({ code: e.code, message: e.message });
  });
  for (const [path, maxBytes] of [['/small', 1000], ['/large', 20 * 1024 * 1024]] as const) {
    app.post(path, async (req) => {
      const { rows } = await readUploadedSheet(req, { maxBytes });
      return { rows: rows.length };
    });
  }
});
afterAll(() => app.close());

const post = (path: string, content: Buffer) => {
  const boundary = '----qloopupload';
  const payload = Buffer.concat([
    Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="x.csv"\r\nContent-Type: text/csv\r\n\r\n`),
    content,
    Buffer.from(`\r\n--${boundary}--\r\n`),
  ]);
  return app.inject({ method: 'POST', url: path, payload, headers: { 'content-type': `multipart/form-data; boundary=${boundary}` } });
};

describe('uploaded spreadsheets and their size limits', () => {
  it('refuses a file over the route’s own limit with a 413 naming it', async () => {
    const res = await post('/small', Buffer.from('a,b\n' + 'x'.repeat(2000) + ',y\n'));
    expect(res.statusCode).toBe(413);
    expect(res.json()).toMatchObject({ code: 'PAYLOAD_TOO_LARGE', message: 'file is larger than 1000 bytes' });
  });

  it('a route may allow more than the general limit (a 200k-row ticket import is far above 10 MB)', async () => {
    const cell = 'y'.repeat(4 * 1024 * 1024);
    const big = Buffer.from(['h1,h2', `${cell},1`, `${cell},2`, `${cell},3`].join('\n'));
    expect(big.length).toBeGreaterThan(LIMITS.uploadBytesMax);
    const res = await post('/large', big);
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({ rows: 4 });
  });
});
