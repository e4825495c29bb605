import { AuditEntry, AuditQuery, AuditVerifyResult, pageOf } from '@qloop/contracts';
import { defineRoute, type App } from '../../lib/route.js';
import { listAudit, toAuditEntry } from './audit.repo.js';
import { verifyAudit } from './verify-audit.js';

export function registerAuditRoutes(app: App): void {
  const tags = ['audit'];

  defineRoute(app, {
    method: 'GET',
    url: '/api/v1/audit',
    access: 'audit:read',
    summary: 'Audit trail (存证), newest first (sort=at for oldest first)',
    tags,
    schema: { querystring: AuditQuery, response: { 200: pageOf(AuditEntry) } },
    handler: async (req, _reply, { database, principal }) => {
      const { items, total } = await listAudit(database.db, principal, req.query);
      const reveal = principal.permissions.has('users:manage') && principal.permissions.has('pii:unmask');
      return { items: items.map((r) => toAuditEntry(r, reveal)), total, page: req.query.page, pageSize: req.query.pageSize };
    },
  });

  defineRoute(app, {
    method: 'GET',
    url: '/api/v1/audit/verify',
    access: 'audit:verify',
    summary: 'Verify every hash chain of the audit trail; reports the first broken link',
    tags,
    schema: { response: { 200: AuditVerifyResult } },
    handler: async (_req, _reply, { database }) => verifyAudit(database.db),
  });
}
