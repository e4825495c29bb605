import type { Db } from '../../db/client.js';
import { forbidden } from '../../lib/errors.js';
import type { Principal } from '../auth/principal.js';
import { appendAudit, type AuditContext } from './append-audit.js';

/**
 * Reveals unmasked customer personal data to a caller allowed to see it, and records the view in
 * the audit trail in the same transaction: no unmasked value leaves the server unrecorded. Every
 * module that returns a customer's full phone or ID number calls this.
 */
export async function recordPiiView(
  tx: Db,
  opts: {
    principal: Principal;
    audit: AuditContext;
    entityType: string;
    entityId: string;
    orgUnitId: string | null;
    /** names of the fields revealed, e.g. ['phone', 'idNumber'] */
    fields: string[];
    /** why the data was needed, shown to auditors */
    reason?: string | undefined;
  },
): Promise<void> {
  if (!opts.principal.permissions.has('pii:unmask')) {
    throw forbidden('your role may not see unmasked customer data');
  }
  await appendAudit(tx, opts.audit, [
    {
      action: 'view_pii',
      entityType: opts.entityType,
      entityId: opts.entityId,
      orgUnitId: opts.orgUnitId,
      after: { fields: opts.fields, ...(opts.reason ? { reason: opts.reason } : {}) },
    },
  ]);
}
