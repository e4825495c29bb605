import type { AuditVerifyResult } from '@qloop/contracts';
import { canonicalJson } from '../../lib/canonical-json.js';
import { sha256 } from '../../lib/crypto.js';

/**
 * The audit trail is split into AUDIT_CHAINS independent hash chains. One global chain would make
 * every writing transaction in the system queue behind a single head row until it commits; with
 * sixteen, writers spread over sixteen heads (one per transaction, so two heads are never locked in
 * opposite orders and no deadlock can form). Each entry carries the hash of its chain predecessor;
 * editing an entry breaks its own hash, deleting one leaves a gap in the chain's sequence, and
 * deleting the newest entries no longer matches the chain head.
 */
export const AUDIT_CHAINS = 16;
export const GENESIS_HASH = '0'.repeat(64);

/** The hashed content of an audit entry. */
export type ChainEntry = {
  chain: number;
  seq: number;
  at: Date;
  actorId: string | null;
  actorName: string | null;
  action: string;
  entityType: string;
  entityId: string | null;
  orgUnitId: string | null;
  before: unknown;
  after: unknown;
  requestId: string | null;
  ip: string | null;
  prevHash: string;
};

export function entryHash(e: ChainEntry): string {
  return sha256(
    canonicalJson({
      chain: e.chain,
      seq: e.seq,
      at: e.at.toISOString(),
      actorId: e.actorId,
      actorName: e.actorName,
      action: e.action,
      entityType: e.entityType,
      entityId: e.entityId,
      orgUnitId: e.orgUnitId,
      before: e.before ?? null,
      after: e.after ?? null,
      requestId: e.requestId,
      ip: e.ip,
      prevHash: e.prevHash,
    }),
  );
}

export type BrokenLink = NonNullable<AuditVerifyResult['firstBroken']>;

/** Walks one chain entry by entry (in seq order) and reports the first link that does not hold. */
export class ChainVerifier {
  private expectedSeq = 1;
  private prevHash = GENESIS_HASH;
  checked = 0;

  constructor(private readonly chain: number) {}

  feed(e: ChainEntry & { hash: string }): BrokenLink | null {
    this.checked++;
    if (e.seq !== this.expectedSeq) {
      return this.broken(
        this.expectedSeq,
        'missing_entry',
        `entry ${this.expectedSeq} of chain ${this.chain} is missing (next present is ${e.seq})`,
      );
    }
    if (e.prevHash !== this.prevHash) {
      return this.broken(e.seq, 'prev_hash_mismatch', `entry ${e.seq} does not point to its predecessor`);
    }
    if (entryHash(e) !== e.hash) {
      return this.broken(e.seq, 'hash_mismatch', `entry ${e.seq} was altered after it was written`);
    }
    this.expectedSeq++;
    this.prevHash = e.hash;
    return null;
  }

  /** Compares the end of the walk with the chain head, catching removal of the newest entries. */
  finish(head: { seq: number; hash: string }): BrokenLink | null {
    const last = this.expectedSeq - 1;
    if (head.seq !== last || head.hash !== this.prevHash) {
      return this.broken(
        last + 1,
        head.seq > last ? 'missing_entry' : 'head_mismatch',
        head.seq > last
          ? `chain ${this.chain} ends at entry ${last} but its head records ${head.seq}`
          : `chain ${this.chain} head does not match its last entry ${last}`,
      );
    }
    return null;
  }

  private broken(seq: number, reason: BrokenLink['reason'], message: string): BrokenLink {
    return { chain: this.chain, seq, reason, message };
  }
}
