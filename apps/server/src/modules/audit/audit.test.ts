import { describe, expect, it } from 'vitest';
import { AUDIT_CHAINS } from './audit-chain.js';
import { appendAudit } from './append-audit.js';
import { verifyAudit } from './verify-audit.js';
import { createHarness, useSeededHarness } from '../../test/harness.js';

const t = useSeededHarness();

const verify = async () => (await t.admin.req('GET', '/api/v1/audit/verify')).json();

describe('audit trail', () => {
  it('records who changed what, with before and after', async () => {
    const id = await t.h.userId('agent.nz1').catch(() => null);
    expect(id).toBeNull();
    const dzId = await t.h.userId('agent.dz2');
    await t.admin.req('PATCH', `/api/v1/users/${dzId}`, { displayName: '周敏(改)' });
    const res = await t.admin.req('GET', `/api/v1/audit?entityType=user&entityId=${dzId}&action=update`);
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
    const rows = await t.h.database.sql.query<{ t: string }>(`SELECT coalesce(before::text, '') || coalesce(after::text, '') AS t FROM audit_log`);
    expect(rows.some((r) => r.t.includes('argon2'))).toBe(false);
  });

  it('verifies an untouched trail', async () => {
    expect(await verify()).toMatchObject({ ok: true, chains: AUDIT_CHAINS, firstBroken: null });
  });

  it('detects an edited entry and names it', async () => {
    const [row] = await t.h.database.sql.query<{ chain: number; seq: string }>(
      `SELECT chain, seq FROM audit_log WHERE action = 'login' ORDER BY id LIMIT 1`,
    );
    await t.h.database.sql.query(`UPDATE audit_log SET actor_name = 'someone-else' WHERE chain = $1 AND seq = $2`, [row!.chain, row!.seq]);
    const v = await verify();
    expect(v.ok).toBe(false);
    expect(v.firstBroken).toMatchObject({ chain: row!.chain, seq: Number(row!.seq), reason: 'hash_mismatch' });
    await t.h.database.sql.query(`UPDATE audit_log SET actor_name = 'admin' WHERE chain = $1 AND seq = $2`, [row!.chain, row!.seq]);
    expect((await verify()).ok).toBe(true);
  });

  it('detects a deleted entry', async () => {
    const [row] = await t.h.database.sql.query<{ chain: number; seq: string }>(
      `SELECT chain, seq FROM audit_log WHERE seq = 1 ORDER BY chain LIMIT 1`,
    );
    await t.h.database.sql.query(`DELETE FROM audit_log WHERE chain = $1 AND seq = $2`, [row!.chain, row!.seq]);
    const v = await verify();
    expect(v.ok).toBe(false);
    expect(v.firstBroken).toMatchObject({ chain: row!.chain, seq: 1, reason: 'missing_entry' });
  });

  it('the verification CLI reports the same broken link', async () => {
    const result = await verifyAudit(t.h.database.db);
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

describe('personal data in the audit trail', () => {
  it('is masked for readers who may not see it, and intact in the stored (hashed) entry', async () => {
    const id = await t.h.userId('bm.dz');
    await t.admin.req('PATCH', `/api/v1/users/${id}`, { phone: '13912345678', email: 'chen@example.cn' });
    const exec = await t.h.login('exec.zhao');
    const seen = (await exec.req('GET', `/api/v1/audit?entityId=${id}&action=update`)).json().items[0];
    expect(seen.after).toEqual({ phone: '139****5678', email: 'c***@example.cn' });
    const full = (await t.admin.req('GET', `/api/v1/audit?entityId=${id}&action=update`)).json().items[0];
    expect(full.after).toEqual({ phone: '13912345678', email: 'chen@example.cn' });
  });
});

describe('verification edge cases', () => {
  it('verification running during appends reports no false tampering', async () => {
    const fresh = await createHarness({ seed: false });
    try {
      const writes = Array.from({ length: 30 }, (_, i) =>
        fresh.database.db.transaction((tx) =>
          appendAudit(tx, { actorId: null, actorName: `w${i}`, requestId: null, ip: null }, [{ action: 'create', entityType: 'probe', entityId: String(i) }]),
        ),
      );
      const checks = Array.from({ length: 5 }, () => verifyAudit(fresh.database.db));
      const results = await Promise.all([...checks, ...writes]);
      for (const r of results.slice(0, 5)) expect(r).toMatchObject({ ok: true });
      expect(await verifyAudit(fresh.database.db)).toMatchObject({ ok: true, entriesChecked: 30 });
    } finally {
      await fresh.close();
    }
  });
  it('a removed chain head is detected', async () => {
    const fresh = await createHarness({ seed: false });
    try {
      await fresh.database.db.transaction((tx) =>
        appendAudit(tx, { actorId: null, actorName: 'x', requestId: null, ip: null }, [{ action: 'create', entityType: 'probe' }], 4),
      );
      await fresh.database.sql.query('DELETE FROM audit_chain_heads WHERE chain = 4');
      expect((await verifyAudit(fresh.database.db)).firstBroken).toMatchObject({ chain: 4, reason: 'head_mismatch' });
    } finally {
      await fresh.close();
    }
  });
});
