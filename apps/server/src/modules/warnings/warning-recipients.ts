import type { WarningLevel } from '@qloop/contracts';
import type { OrgDirectory } from './org-directory.js';

export type WarningOwner = { orgUnitId: string; ownerDepartmentId: string | null; level: WarningLevel };

/**
 * Who hears of a warning. Pure.
 * - the owner: branch managers on the unit's path (its own unit or above — never another branch's),
 *   and, when a department owns the number (13+N), that department's managers;
 * - the quality department (quality managers), which verifies every plan;
 * - executives for red warnings, and for any warning whose plan is a second period late.
 */
export function warningRecipients(w: WarningOwner, dir: OrgDirectory, escalationLevel = 0): string[] {
  const path = dir.units.get(w.orgUnitId)?.path ?? [w.orgUnitId];
  const out = new Set<string>();
  for (const p of dir.people) {
    const owner =
      (p.role === 'branch_manager' && path.includes(p.orgUnitId)) ||
      (p.role === 'dept_manager' && w.ownerDepartmentId !== null && p.departmentIds.includes(w.ownerDepartmentId));
    const executive = p.role === 'executive' && (w.level === 'red' || escalationLevel >= 2);
    if (owner || p.role === 'quality_manager' || executive) out.add(p.id);
  }
  return [...out];
}
