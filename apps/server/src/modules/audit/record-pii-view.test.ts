import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { principalFor } from '../auth/principal.js';
import { findPrincipalUser } from '../auth/sessions.repo.js';
import { createHarness, type Harness } from '../../test/harness.js';
import { recordPiiView } from './record-pii-view.js';

let h: Harness;
beforeAll(async () => {
  h = await createHarness();
});
afterAll(() => h.close());

async function principalOf(username: string) {
  const user = await findPrincipalUser(h.database.db, await h.userId(username));
  return principalFor(user!, { sessionHash: 'x' });
}
const ctx = { actorId: null, actorName: 'tester', requestId: 'r1', ip: '127.0.0.1' };

describe('recordPiiView', () => {
  it('audits the view of unmasked data for a role that may see it', async () => {
    const p = await principalOf('agent.dz1');
    await h.database.db.transaction((tx) =>
      recordPiiView(tx, { principal: p, audit: ctx, entityType: 'customer', entityId: 'c-1', orgUnitId: p.orgUnitId, fields: ['phone'] }),
    );
    const rows = await h.database.sql.query<{ after: { fields: string[] } }>(
      `SELECT after FROM audit_log WHERE action = 'view_pii' AND entity_id = 'c-1'`,
    );
    expect(rows.map((r) => r.after.fields)).toEqual([['phone']]);
  });
  it('refuses a role without pii:unmask and records nothing', async () => {
    const p = await principalOf('exec.zhao');
    await expect(
      h.database.db.transaction((tx) =>
        recordPiiView(tx, { principal: p, audit: ctx, entityType: 'customer', entityId: 'c-2', orgUnitId: null, fields: ['phone'] }),
      ),
    ).rejects.toThrow(/unmasked/);
    const rows = await h.database.sql.query(`SELECT 1 FROM audit_log WHERE entity_id = 'c-2'`);
    expect(rows).toHaveLength(0);
  });
});
