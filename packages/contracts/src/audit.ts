import { z } from 'zod';
import { PageQuery, Uuid } from './common.js';

export const AUDIT_ACTIONS = [
  'create',
  'update',
  'delete',
  'view_pii',
  'login',
  'login_failed',
  'logout',
  'password_change',
  'lockout',
  'token_create',
  'token_revoke',
  'import',
  /** an SLA warning, breach or escalation fired by the system */
  'sla_alert',
  'export',
] as const;
export const AuditAction = z.enum(AUDIT_ACTIONS);
export type AuditAction = z.infer<typeof AuditAction>;

export const AuditEntry = z.object({
  id: z.string(),
  chain: z.number().int(),
  seq: z.number().int(),
  at: z.string(),
  actorId: z.uuid().nullable(),
  actorName: z.string().nullable(),
  action: AuditAction,
  entityType: z.string(),
  entityId: z.string().nullable(),
  orgUnitId: z.uuid().nullable(),
  before: z.unknown().nullable(),
  after: z.unknown().nullable(),
  requestId: z.string().nullable(),
  ip: z.string().nullable(),
  hash: z.string(),
  prevHash: z.string(),
});
export type AuditEntry = z.infer<typeof AuditEntry>;

export const AuditQuery = PageQuery.extend({
  actorId: Uuid.optional(),
  action: AuditAction.optional(),
  entityType: z.string().max(40).optional(),
  entityId: z.string().max(80).optional(),
  from: z.iso.datetime({ offset: true }).optional(),
  to: z.iso.datetime({ offset: true }).optional(),
});

export const AuditVerifyResult = z.object({
  ok: z.boolean(),
  chains: z.number().int(),
  entriesChecked: z.number().int(),
  /** the first link that does not hold, if any */
  firstBroken: z
    .object({
      chain: z.number().int(),
      seq: z.number().int(),
      reason: z.enum(['hash_mismatch', 'prev_hash_mismatch', 'missing_entry', 'head_mismatch']),
      message: z.string(),
    })
    .nullable(),
});
export type AuditVerifyResult = z.infer<typeof AuditVerifyResult>;
