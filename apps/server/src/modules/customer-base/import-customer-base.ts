import type { ImportResult } from '@qloop/contracts';
import type { Db } from '../../db/client.js';
import { pathInScope } from '../../lib/scope.js';
import { appendAudit, type AuditContext, type AuditEvent } from '../audit/append-audit.js';
import type { Principal } from '../auth/principal.js';
import { findOrgUnitByCode } from '../org/org.repo.js';
import { parseCustomerBaseRows, type ImportRowError } from './parse-customer-base-rows.js';
import { writeCustomerBase } from './upsert-customer-base.js';

/**
 * Imports customer-base figures from a parsed sheet. All or nothing: any invalid row and no row is
 * written, and the report lists every problem by spreadsheet row. `dryRun` validates only.
 */
export async function importCustomerBase(
  db: Db,
  opts: { principal: Principal; audit: AuditContext; table: string[][]; dryRun: boolean; filename: string },
): Promise<ImportResult> {
  const { rows, errors } = parseCustomerBaseRows(opts.table);
  const resolved: { orgUnitId: string; month: string; customers: number }[] = [];
  const codeCache = new Map<string, Awaited<ReturnType<typeof findOrgUnitByCode>>>();
  for (const r of rows) {
    const key = r.orgUnitCode.toLowerCase();
    if (!codeCache.has(key)) codeCache.set(key, await findOrgUnitByCode(db, r.orgUnitCode));
    const unit = codeCache.get(key);
    if (!unit || !pathInScope(opts.principal, unit.path)) {
      errors.push({ row: r.row, field: 'orgUnitCode', message: `no org unit with code "${r.orgUnitCode}" in your scope` });
      continue;
    }
    resolved.push({ orgUnitId: unit.id, month: r.month, customers: r.customers });
  }
  errors.sort((a: ImportRowError, b: ImportRowError) => a.row - b.row);
  const total = Math.max(0, opts.table.length - 1);
  if (errors.length || opts.dryRun) {
    return { dryRun: opts.dryRun, rows: total, imported: 0, errors };
  }
  await db.transaction(async (tx) => {
    const events: AuditEvent[] = [];
    for (const v of resolved) {
      const { event } = await writeCustomerBase(tx, opts.principal.userId, v);
      if (event) events.push(event);
    }
    events.push({
      action: 'import',
      entityType: 'customer_base',
      orgUnitId: opts.principal.orgUnitId,
      after: { file: opts.filename, rows: resolved.length, changed: events.length },
    });
    await appendAudit(tx, opts.audit, events);
  });
  return { dryRun: false, rows: total, imported: resolved.length, errors: [] };
}
