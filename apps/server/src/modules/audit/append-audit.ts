import { randomInt } from 'node:crypto';
import { eq, sql, type SQL } from 'drizzle-orm';
import type { AuditAction } from '@qloop/contracts';
import type { Db } from '../../db/client.js';
import { writeTogether } from '../../db/insert-rows.js';
import { auditChainHeads } from '../../db/schema/index.js';
import { AUDIT_CHAINS, entryHash, type ChainEntry } from './audit-chain.js';

/** Who is acting and through which request; taken from the authenticated request. */
export type AuditContext = {
  actorId: string | null;
  actorName: string | null;
  requestId: string | null;
  ip: string | null;
};

export const SYSTEM_CONTEXT: AuditContext = {
  actorId: null,
  actorName: 'system',
  requestId: null,
  ip: null,
};

export type AuditEvent = {
  action: AuditAction;
  entityType: string;
  entityId?: string | null;
  /** org unit the record belongs to, so scoped viewers see only their part of the trail */
  orgUnitId?: string | null;
  before?: unknown;
  after?: unknown;
  /** who acted, when one transaction carries several people's changes (batched intake) */
  context?: AuditContext;
};

// One chain per transaction: a transaction that appends twice locks one head, never two in an
// order another transaction could reverse (a deadlock).
const chainOfTransaction = new WeakMap<object, number>();
function chainOf(tx: Db): number {
  let chain = chainOfTransaction.get(tx);
  if (chain === undefined) {
    chain = randomInt(AUDIT_CHAINS);
    chainOfTransaction.set(tx, chain);
  }
  return chain;
}

/**
 * Appends events to the audit trail inside the caller's transaction, so the record change and its
 * audit entry commit or roll back together. Must be called with a transaction: the chain head row
 * stays locked until it commits, which is what keeps each chain gap-free and ordered.
 */
export async function appendAudit(
  tx: Db,
  ctx: AuditContext,
  events: AuditEvent[],
  /** which chain to extend; random by default (the benchmark pins it to measure one chain) */
  chain = chainOf(tx),
): Promise<void> {
  await writeTogether(tx, await auditWrites(tx, ctx, events, chain));
}

/**
 * What `appendAudit` writes, for a caller that writes it together with its own rows in one
 * statement (`writeTogether`): locks the chain head and hashes the entries now; the entries and the
 * head's move are the two writes returned. Lock late: the head stays locked until the commit.
 */
export async function auditWrites(tx: Db, ctx: AuditContext, events: AuditEvent[], chain = chainOf(tx)): Promise<SQL[]> {
  if (events.length === 0) return [];
  const [head] = await tx
    .select({ seq: auditChainHeads.seq, hash: auditChainHeads.hash })
    .from(auditChainHeads)
    .where(eq(auditChainHeads.chain, chain))
    .for('update');
  if (!head) throw new Error(`audit chain ${chain} has no head row; migrations incomplete`);
  let seq = Number(head.seq);
  let prevHash = head.hash;
  const at = new Date();
  const rows = events.map((e) => {
    seq += 1;
    const who = e.context ?? ctx;
    const entry: ChainEntry = {
      chain,
      seq,
      at,
      actorId: who.actorId,
      actorName: who.actorName,
      action: e.action,
      entityType: e.entityType,
      entityId: e.entityId ?? null,
      orgUnitId: e.orgUnitId ?? null,
      before: e.before ?? null,
      after: e.after ?? null,
      requestId: who.requestId,
      ip: who.ip,
      prevHash,
    };
    const hash = entryHash(entry);
    prevHash = hash;
    return { ...entry, hash };
  });
  // The entries travel as one JSON parameter: an import appends thousands at once, and building
  // fifteen parameters per entry cost more than the statement. The head moves in the same
  // statement (one round trip less while it is locked, which bounds a chain's append rate); the
  // unique (chain, seq) key refuses an entry written twice.
  const input = rows.map((r) => ({
    chain: r.chain, seq: r.seq, at: r.at.toISOString(), actor_id: r.actorId, actor_name: r.actorName, action: r.action, entity_type: r.entityType,
    entity_id: r.entityId, org_unit_id: r.orgUnitId, before: r.before ?? null, after: r.after ?? null, request_id: r.requestId, ip: r.ip, prev_hash: r.prevHash, hash: r.hash,
  }));
  return [
    sql`INSERT INTO audit_log (chain, seq, at, actor_id, actor_name, action, entity_type, entity_id, org_unit_id, before, after, request_id, ip, prev_hash, hash)
      SELECT chain, seq, at, actor_id, actor_name, action, entity_type, entity_id, org_unit_id, before, after, request_id, ip, prev_hash, hash
      FROM jsonb_to_recordset(${JSON.stringify(input)}::jsonb) AS x(chain smallint, seq bigint, at timestamptz, actor_id uuid, actor_name text, action text,
        entity_type text, entity_id text, org_unit_id uuid, before jsonb, after jsonb, request_id text, ip text, prev_hash text, hash text)
      ORDER BY seq`,
    sql`UPDATE audit_chain_heads SET seq = ${seq}, hash = ${prevHash} WHERE chain = ${chain}`,
  ];
}

/** Keeps only the fields that changed, for compact before/after records of an update. */
export function diffFields<T extends Record<string, unknown>>(
  before: T,
  after: Partial<T>,
): { before: Partial<T>; after: Partial<T> } | null {
  const b: Partial<T> = {};
  const a: Partial<T> = {};
  for (const key of Object.keys(after) as (keyof T)[]) {
    const nv = after[key];
    if (nv === undefined) continue;
    if (JSON.stringify(before[key]) !== JSON.stringify(nv)) {
      b[key] = before[key];
      a[key] = nv;
    }
  }
  return Object.keys(a).length ? { before: b, after: a } : null;
}
