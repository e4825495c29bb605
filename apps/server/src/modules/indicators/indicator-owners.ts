import { sql } from 'drizzle-orm';
import type { IndicatorBreakdown } from '@qloop/contracts';
import { rowsOf, type Db } from '../../db/client.js';
import { badRequest, notFound } from '../../lib/errors.js';
import { appendAudit, type AuditContext } from '../audit/append-audit.js';
import type { Principal } from '../auth/principal.js';
import { loadIndicator } from './indicator-catalog.js';

/**
 * 13+N (归口管理): an indicator's province-level number is owned by one department (the "13"),
 * each branch owns its own (the "N"). Table `indicator_owners`; without a row every org unit owns
 * its own figure.
 */

export async function loadIndicatorOwners(db: Db): Promise<Map<string, string>> {
  const rows = rowsOf<{ indicator_key: string; department_id: string }>(await db.execute(sql`SELECT indicator_key, department_id FROM indicator_owners`));
  return new Map(rows.map((r) => [r.indicator_key, r.department_id]));
}

/** Who owns the figure of an org unit: the owning department when it belongs to that very unit, else the unit. */
export async function ownerOfFigure(db: Db, key: string, unit: { id: string; name: string; nameEn: string | null }): Promise<IndicatorBreakdown['owner']> {
  const [dept] = rowsOf<{ id: string; org_unit_id: string; name: string; name_en: string | null }>(
    await db.execute(sql`SELECT d.id, d.org_unit_id, d.name, d.name_en FROM indicator_owners o JOIN departments d ON d.id = o.department_id WHERE o.indicator_key = ${key}`),
  );
  if (dept && dept.org_unit_id === unit.id) return { kind: 'department', id: dept.id, name: dept.name, nameEn: dept.name_en };
  return { kind: 'org_unit', id: unit.id, name: unit.name, nameEn: unit.nameEn };
}

/** Sets or clears the owning department of an indicator; audited. */
export async function setIndicatorOwner(db: Db, o: { principal: Principal; audit: AuditContext; key: string; departmentId: string | null }): Promise<{ key: string; departmentId: string | null }> {
  if (!(await loadIndicator(db, o.key))) throw notFound('indicator');
  return db.transaction(async (tx) => {
    if (o.departmentId) {
      const [d] = rowsOf<{ active: boolean; org_unit_id: string }>(await tx.execute(sql`SELECT active, org_unit_id FROM departments WHERE id = ${o.departmentId}`));
      if (!d) throw badRequest('no such department', [{ path: 'body.departmentId', message: 'unknown department' }]);
      if (!d.active) throw badRequest('this department is retired: choose an active one', [{ path: 'body.departmentId', message: 'retired department' }]);
    }
    const [before] = rowsOf<{ department_id: string }>(await tx.execute(sql`SELECT department_id FROM indicator_owners WHERE indicator_key = ${o.key} FOR UPDATE`));
    if (o.departmentId) {
      await tx.execute(sql`
        INSERT INTO indicator_owners (indicator_key, department_id, updated_by) VALUES (${o.key}, ${o.departmentId}, ${o.principal.userId})
        ON CONFLICT (indicator_key) DO UPDATE SET department_id = excluded.department_id, updated_by = excluded.updated_by, updated_at = now()`);
    } else {
      await tx.execute(sql`DELETE FROM indicator_owners WHERE indicator_key = ${o.key}`);
    }
    if ((before?.department_id ?? null) !== o.departmentId) {
      await appendAudit(tx, o.audit, [
        { action: 'update', entityType: 'indicator_owner', entityId: o.key, before: { departmentId: before?.department_id ?? null }, after: { departmentId: o.departmentId } },
      ]);
    }
    return { key: o.key, departmentId: o.departmentId };
  });
}
