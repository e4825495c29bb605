import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createHarness, type Harness } from '../test/harness.js';
import { purgeAbandonedImports } from './purge-abandoned-imports.js';

let h: Harness;
beforeAll(async () => {
  h = await createHarness();
});
afterAll(() => h.close());

async function importRow(status: string, age: string) {
  const [row] = await h.database.sql.query<{ id: string }>(
    `INSERT INTO ticket_imports (user_id, filename, status, headers, rows, total_rows, created_at)
     VALUES ($1, 'x.csv', $2, '["电话"]', '[["13800001111"]]', 1, now() - $3::interval) RETURNING id`,
    [await h.userId('bm.dz'), status, age],
  );
  return row!.id;
}
const exists = async (id: string) => (await h.database.sql.query(`SELECT 1 FROM ticket_imports WHERE id = $1`, [id])).length === 1;

describe('purge-abandoned-imports job', () => {
  it('deletes uploads never run after 24 hours, in batches; keeps recent uploads and imports that ran', async () => {
    const old = await Promise.all(Array.from({ length: 120 }, () => importRow('uploaded', '25 hours')));
    const fresh = await importRow('uploaded', '23 hours');
    const ran = await importRow('done', '3 days');
    const running = await importRow('running', '2 days');
    expect(await purgeAbandonedImports.run(h.database.db)).toEqual({ deleted: 120 });
    for (const id of [old[0]!, old[119]!]) expect(await exists(id)).toBe(false);
    for (const id of [fresh, ran, running]) expect(await exists(id)).toBe(true);
    // idempotent: a second run (or a second instance) finds nothing left
    expect(await purgeAbandonedImports.run(h.database.db)).toEqual({ deleted: 0 });
  });

  it('two runs at once (as from two instances) delete each upload once', async () => {
    await Promise.all(Array.from({ length: 60 }, () => importRow('uploaded', '2 days')));
    const [a, b] = await Promise.all([purgeAbandonedImports.run(h.database.db), purgeAbandonedImports.run(h.database.db)]);
    expect((a.deleted as number) + (b.deleted as number)).toBe(60);
  });

  it('a purged upload is gone for its owner: validating it answers 404', async () => {
    const s = await h.login('bm.dz');
    const id = await importRow('uploaded', '30 hours');
    await purgeAbandonedImports.run(h.database.db);
    const mapping = { type: 0, channel: 0, title: 0, categoryCode: 0, orgUnitCode: 0 };
    expect((await s.req('POST', `/api/v1/tickets/imports/${id}/run`, { mapping, mode: 'valid_rows', dryRun: true })).statusCode).toBe(404);
  });
});
