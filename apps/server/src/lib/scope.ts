import { sql, type SQL, type AnyColumn } from 'drizzle-orm';
import type { Principal } from '../modules/auth/principal.js';

/**
 * Data scope: a user sees their own org unit and everything below it, unless their role is
 * province-wide. `path` is the record's org-unit path from the root (inclusive).
 */
export function pathInScope(p: Principal, path: readonly string[]): boolean {
  return p.provinceWide || path.includes(p.orgUnitId);
}

/** SQL condition limiting `orgUnitColumn` to the caller's scope, or undefined for province-wide. */
export function orgScopeCondition(p: Principal, orgUnitColumn: AnyColumn | SQL): SQL | undefined {
  if (p.provinceWide) return undefined;
  return sql`${orgUnitColumn} IN (SELECT id FROM org_units WHERE path @> ARRAY[${p.orgUnitId}]::uuid[])`;
}

/** Condition for "within the subtree of `orgUnitId`" (an explicit filter chosen by the user). */
export function orgSubtreeCondition(orgUnitId: string, orgUnitColumn: AnyColumn | SQL): SQL {
  return sql`${orgUnitColumn} IN (SELECT id FROM org_units WHERE path @> ARRAY[${orgUnitId}]::uuid[])`;
}
