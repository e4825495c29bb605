import { describe, expect, it } from 'vitest';
import { ChainVerifier, entryHash, GENESIS_HASH, type ChainEntry } from './audit-chain.js';

function chainOf(n: number): (ChainEntry & { hash: string })[] {
  const out: (ChainEntry & { hash: string })[] = [];
  let prev = GENESIS_HASH;
  for (let seq = 1; seq <= n; seq++) {
    const e: ChainEntry = {
      chain: 3, seq, at: new Date(Date.UTC(2026, 0, 1, 0, 0, seq)), actorId: null, actorName: 'tester',
      action: 'update', entityType: 'user', entityId: `u${seq}`, orgUnitId: null,
      before: { a: seq }, after: { b: { y: 2, x: 1 } }, requestId: null, ip: null, prevHash: prev,
    };
    const hash = entryHash(e);
    out.push({ ...e, hash });
    prev = hash;
  }
  return out;
}

function verify(entries: (ChainEntry & { hash: string })[], head: { seq: number; hash: string }) {
  const v = new ChainVerifier(3);
  for (const e of entries) {
    const b = v.feed(e);
    if (b) return b;
  }
  return v.finish(head);
}

describe('audit hash chain', () => {
  it('accepts an intact chain', () => {
    const c = chainOf(5);
    expect(verify(c, { seq: 5, hash: c[4]!.hash })).toBeNull();
  });
  it('hash does not depend on key order (jsonb reorders keys)', () => {
    const [e] = chainOf(1);
    expect(entryHash({ ...e!, after: { b: { x: 1, y: 2 } } })).toBe(e!.hash);
  });
  it('detects an edited entry at its own seq', () => {
    const c = chainOf(5);
    c[2] = { ...c[2]!, after: { b: 'tampered' } };
    expect(verify(c, { seq: 5, hash: c[4]!.hash })).toMatchObject({ seq: 3, reason: 'hash_mismatch' });
  });
  it('detects a deleted entry in the middle', () => {
    const c = chainOf(5);
    c.splice(1, 1);
    expect(verify(c, { seq: 5, hash: c[3]!.hash })).toMatchObject({ seq: 2, reason: 'missing_entry' });
  });
  it('detects deletion of the newest entry through the head', () => {
    const c = chainOf(5);
    const head = { seq: 5, hash: c[4]!.hash };
    c.pop();
    expect(verify(c, head)).toMatchObject({ seq: 5, reason: 'missing_entry' });
  });
  it('detects an entry re-hashed after editing (its successor no longer points to it)', () => {
    const c = chainOf(4);
    const edited = { ...c[1]!, after: { b: 'tampered' } };
    c[1] = { ...edited, hash: entryHash(edited) };
    expect(verify(c, { seq: 4, hash: c[3]!.hash })).toMatchObject({ seq: 3, reason: 'prev_hash_mismatch' });
  });
});
