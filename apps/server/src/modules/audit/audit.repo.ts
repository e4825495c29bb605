import { and, asc, desc, eq, gt, gte, lte, sql, type SQL } from 'drizzle-orm';
import { maskEmail, maskIdNumber, maskPhone, type AuditEntry } from '@qloop/contracts';
import type { Db } from '../../db/client.js';
import { auditChainHeads, auditLog } from '../../db/schema/index.js';
import { orgScopeCondition } from '../../lib/scope.js';
import { parseSort } from '../../lib/sort.js';
import type { Principal } from '../auth/principal.js';

export type AuditRow = typeof auditLog.$inferSelect;

const MASKERS: Record<string, (v: string) => string | null> = {
  phone: maskPhone,
  email: maskEmail,
  idNumber: maskIdNumber,
};

/**
 * The stored entry keeps the real values (its hash covers them); what a reader sees has phone
 * numbers, emails and ID numbers masked unless the reader may see them in full.
 */
export function maskPersonalFields(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(maskPersonalFields);
  if (value && typeof value === 'object') {
    return Object.fromEntries(
      Object.entries(value).map(([k, v]) => [k, typeof v === 'string' && MASKERS[k] ? MASKERS[k](v) : maskPersonalFields(v)]),
    );
  }
  return value;
}

export function toAuditEntry(r: AuditRow, reveal = false): AuditEntry {
  const shown = (v: unknown) => (v == null ? null : reveal ? v : maskPersonalFields(v));
  return {
    id: String(r.id),
    chain: r.chain,
    seq: Number(r.seq),
    at: r.at.toISOString(),
    actorId: r.actorId,
    actorName: r.actorName,
    action: r.action as AuditEntry['action'],
    entityType: r.entityType,
    entityId: r.entityId,
    orgUnitId: r.orgUnitId,
    before: shown(r.before),
    after: shown(r.after),
    requestId: r.requestId,
    ip: r.ip,
    hash: r.hash,
    prevHash: r.prevHash,
  };
}

export type AuditFilter = {
  actorId?: string | undefined;
  action?: string | undefined;
  entityType?: string | undefined;
  entityId?: string | undefined;
  from?: string | undefined;
  to?: string | undefined;
};

/**
 * Newest first. Scoped users see entries about records of their subtree; entries with no org unit
 * (system events) only province-wide roles see.
 */
export async function listAudit(db: Db, p: Principal, f: AuditFilter & { page: number; pageSize: number; sort?: string | undefined }) {
  const conds: (SQL | undefined)[] = [orgScopeCondition(p, auditLog.orgUnitId)];
  if (f.actorId) conds.push(eq(auditLog.actorId, f.actorId));
  if (f.action) conds.push(eq(auditLog.action, f.action));
  if (f.entityType) conds.push(eq(auditLog.entityType, f.entityType));
  if (f.entityId) conds.push(eq(auditLog.entityId, f.entityId));
  if (f.from) conds.push(gte(auditLog.at, new Date(f.from)));
  if (f.to) conds.push(lte(auditLog.at, new Date(f.to)));
  const where = and(...conds);
  const ascending = !parseSort(f.sort, ['at'], '-at').desc;
  const [items, [count]] = await Promise.all([
    db
      .select()
      .from(auditLog)
      .where(where)
      .orderBy(...(ascending ? [asc(auditLog.at), asc(auditLog.id)] : [desc(auditLog.at), desc(auditLog.id)]))
      .limit(f.pageSize)
      .offset((f.page - 1) * f.pageSize),
    db.select({ n: sql<number>`count(*)::int` }).from(auditLog).where(where),
  ]);
  return { items, total: Number(count?.n ?? 0) };
}

export async function chainHeads(db: Db) {
  return db.select().from(auditChainHeads).orderBy(asc(auditChainHeads.chain));
}

/** One batch of a chain after `afterSeq`, in order. */
export async function chainBatch(db: Db, chain: number, afterSeq: number, limit: number) {
  return db
    .select()
    .from(auditLog)
    .where(and(eq(auditLog.chain, chain), gt(auditLog.seq, afterSeq)))
    .orderBy(asc(auditLog.seq))
    .limit(limit);
}
