import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createHarness, type Harness } from '../test/harness.js';
import { failStaleImports } from './fail-stale-imports.js';

let h: Harness;
beforeAll(async () => {
  h = await createHarness();
});
afterAll(() => h.close());

async function importRow(status: string, mode: string, heartbeatAgo: string, imported = 0) {
  const [row] = await h.database.sql.query<{ id: string }>(
    `INSERT INTO ticket_imports (user_id, filename, status, mode, headers, rows, total_rows, imported_rows, heartbeat_at)
     VALUES ($1, 'x.csv', $2, $3, '[]', '[]', 10, $4, now() - $5::interval) RETURNING id`,
    [await h.userId('bm.dz'), status, mode, imported, heartbeatAgo],
  );
  return row!.id;
}
const statusOf = async (id: string) =>
  (await h.database.sql.query<{ status: string; message: string | null; finished_at: Date | null }>(`SELECT status, message, finished_at FROM ticket_imports WHERE id = $1`, [id]))[0]!;

describe('fail-stale-imports job', () => {
  it('fails running imports whose heartbeat stopped, saying what was kept; leaves live and finished ones alone', async () => {
    const deadAll = await importRow('running', 'all_or_nothing', '10 minutes');
    const deadValid = await importRow('running', 'valid_rows', '10 minutes', 4000);
    const live = await importRow('running', 'valid_rows', '5 seconds');
    const done = await importRow('done', 'valid_rows', '1 day');
    expect((await failStaleImports.run(h.database.db)).failed).toBe(2);
    expect(await statusOf(deadAll)).toMatchObject({ status: 'failed', message: expect.stringMatching(/nothing was imported/) });
    expect(await statusOf(deadValid)).toMatchObject({ status: 'failed', message: expect.stringMatching(/4000 rows had been imported/) });
    expect((await statusOf(deadValid)).finished_at).not.toBeNull();
    expect((await statusOf(live)).status).toBe('running');
    expect((await statusOf(done)).status).toBe('done');
    expect((await failStaleImports.run(h.database.db)).failed).toBe(0);
  });
});
