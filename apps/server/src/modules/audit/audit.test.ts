import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AUDIT_CHAINS } from './audit-chain.js';
import { appendAudit } from './append-audit.js';
import { verifyAudit } from './verify-audit.js';
import { createHarness, type Harness, type Session } from '../../test/harness.js';

let h: Harness;
let admin: Session;
beforeAll(async () => {
  h = await createHarness();
  admin = await h.login('admin');
});
afterAll(() => h.close());

const verify = async () => (await admin.req('GET', '/api/v1/audit/verify')).json();

describe('audit trail', () => {
  it('records who changed what, with before and after', async () => {
    const id = await h.userId('agent.nz1').catch(() => null);
    expect(id).toBeNull();
    const dzId = await h.userId('agent.dz2');
    await admin.req('PATCH', `/api/v1/users/${dzId}`, { displayName: '周敏(改)' });
    const res = await admin.req('GET', `/api/v1/audit?entityType=user&entityId=${dzId}&action=update`);
    const [entry] = res.json().items;
    expect(entry).toMatchObject({
      actorName: 'admin',
      action: 'update',
      before: { displayName: '周敏(中山路营业员)' },
      after: { displayName: '周敏(改)' },
    });
    expect(entry.requestId).toBeTruthy();
    expect(entry.hash).toMatch(/^[0-9a-f]{64}$/);
  });

  it('never stores password hashes', async () => {
    const rows = await h.database.sql.query<{ t: string }>(`SELECT coalesce(before::text, '') || coalesce(after::text, '') AS t FROM audit_log`);
    expect(rows.some((r) => r.t.includes('argon2'))).toBe(false);
  });

  it('verifies an untouched trail', async () => {
    expect(await verify()).toMatchObject({ ok: true, chains: AUDIT_CHAINS, firstBroken: null });
  });

  it('detects an edited entry and names it', async () => {
    const [row] = await h.database.sql.query<{ chain: number; seq: string }>(
      `SELECT chain, seq FROM audit_log WHERE action = 'login' ORDER BY id LIMIT 1`,
    );
    await h.database.sql.query(`UPDATE audit_log SET actor_name = 'someone-else' WHERE chain = $1 AND seq = $2`, [row!.chain, row!.seq]);
    const v = await verify();
    expect(v.ok).toBe(false);
    expect(v.firstBroken).toMatchObject({ chain: row!.chain, seq: Number(row!.seq), reason: 'hash_mismatch' });
    await h.database.sql.query(`UPDATE audit_log SET actor_name = 'admin' WHERE chain = $1 AND seq = $2`, [row!.chain, row!.seq]);
    expect((await verify()).ok).toBe(true);
  });

  it('detects a deleted entry', async () => {
    const [row] = await h.database.sql.query<{ chain: number; seq: string }>(
      `SELECT chain, seq FROM audit_log WHERE seq = 1 ORDER BY chain LIMIT 1`,
    );
    await h.database.sql.query(`DELETE FROM audit_log WHERE chain = $1 AND seq = $2`, [row!.chain, row!.seq]);
    const v = await verify();
    expect(v.ok).toBe(false);
    expect(v.firstBroken).toMatchObject({ chain: row!.chain, seq: 1, reason: 'missing_entry' });
  });

  it('the verification CLI reports the same broken link', async () => {
    const result = await verifyAudit(h.database.db);
    expect(result.ok).toBe(false);
    expect(result.firstBroken?.reason).toBe('missing_entry');
  });
});

describe('concurrent appends', () => {
  it('keeps every chain gap-free under many parallel writers', async () => {
    const fresh = await createHarness({ seed: false });
    try {
      const writers = Array.from({ length: 40 }, (_, i) =>
        fresh.database.db.transaction((tx) =>
          appendAudit(tx, { actorId: null, actorName: `w${i}`, requestId: null, ip: null }, [
            { action: 'create', entityType: 'probe', entityId: String(i) },
            { action: 'update', entityType: 'probe', entityId: String(i) },
          ]),
        ),
      );
      await Promise.all(writers);
      const result = await verifyAudit(fresh.database.db);
      expect(result).toMatchObject({ ok: true, entriesChecked: 80 });
    } finally {
      await fresh.close();
    }
  });
});
