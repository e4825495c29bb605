import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createHarness, type Harness } from '../test/harness.js';
import { purgeSessions } from './purge-sessions.js';

let h: Harness;
beforeAll(async () => {
  h = await createHarness();
});
afterAll(() => h.close());

describe('purge-sessions job', () => {
  it('deletes expired and idle sessions and keeps live ones', async () => {
    const live = await h.login('admin');
    const idle = await h.login('qm.li');
    const expired = await h.login('exec.zhao');
    await h.database.sql.query(`UPDATE sessions SET last_seen_at = now() - interval '13 hours' WHERE user_id = $1`, [await h.userId('qm.li')]);
    await h.database.sql.query(`UPDATE sessions SET expires_at = now() - interval '1 minute' WHERE user_id = $1`, [await h.userId('exec.zhao')]);
    const result = await purgeSessions.run(h.database.db);
    expect(result.deleted).toBe(2);
    expect((await live.req('GET', '/api/v1/auth/me')).statusCode).toBe(200);
    expect((await idle.req('GET', '/api/v1/auth/me')).statusCode).toBe(401);
    expect((await expired.req('GET', '/api/v1/auth/me')).statusCode).toBe(401);
    expect((await purgeSessions.run(h.database.db)).deleted).toBe(0);
  });
});
