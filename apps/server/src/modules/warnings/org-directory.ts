import { sql } from 'drizzle-orm';
import type { Role, WatchedOrgKind } from '@qloop/contracts';
import { rowsOf, type Db } from '../../db/client.js';

export type DirectoryUnit = { id: string; parentId: string | null; kind: string; path: string[]; name: string; nameEn: string | null; active: boolean };

/** The org tree and the people warnings go to, loaded once per evaluation. */
export type OrgDirectory = {
  units: ReadonlyMap<string, DirectoryUnit>;
  /** active users of the roles warnings notify, with their org unit and departments */
  people: readonly { id: string; role: Role; orgUnitId: string; departmentIds: readonly string[] }[];
};

export async function loadOrgDirectory(db: Db): Promise<OrgDirectory> {
  const units = rowsOf<{ id: string; parent_id: string | null; kind: string; path: string[]; name: string; name_en: string | null; active: boolean }>(
    await db.execute(sql`SELECT id, parent_id, kind, path, name, name_en, active FROM org_units`),
  );
  const people = rowsOf<{ id: string; role: Role; org_unit_id: string; departments: string[] | null }>(
    await db.execute(sql`
      SELECT u.id, u.role, u.org_unit_id, array_remove(array_agg(ud.department_id), NULL) AS departments
      FROM users u LEFT JOIN user_departments ud ON ud.user_id = u.id
      WHERE u.active AND u.role IN ('quality_manager', 'executive', 'branch_manager', 'dept_manager')
      GROUP BY u.id`),
  );
  return {
    units: new Map(units.map((u) => [u.id, { id: u.id, parentId: u.parent_id, kind: u.kind, path: u.path, name: u.name, nameEn: u.name_en, active: u.active }])),
    people: people.map((p) => ({ id: p.id, role: p.role, orgUnitId: p.org_unit_id, departmentIds: p.departments ?? [] })),
  };
}

/** The active units of the watched kinds. */
export function watchedUnits(dir: OrgDirectory, kinds: readonly WatchedOrgKind[]): DirectoryUnit[] {
  return [...dir.units.values()].filter((u) => u.active && (kinds as readonly string[]).includes(u.kind));
}

/** The nearest unit of a kind on a unit's path (itself included), else the unit itself. */
export function nearestOfKind(dir: OrgDirectory, orgUnitId: string, kind: string): DirectoryUnit | null {
  const unit = dir.units.get(orgUnitId);
  if (!unit) return null;
  for (let i = unit.path.length - 1; i >= 0; i--) {
    const u = dir.units.get(unit.path[i]!);
    if (u?.kind === kind) return u;
  }
  return unit;
}

/**
 * The area a ticket belongs to for batch detection: the nearest store (营业区域) on its path — tickets
 * are filed on teams, and a fault hits the district, not the team.
 */
export const areaOf = (dir: OrgDirectory, orgUnitId: string) => nearestOfKind(dir, orgUnitId, 'store');

/** A unit's name in both languages, for warning titles. */
export const unitNames = (u: DirectoryUnit) => ({ zh: u.name, en: u.nameEn ?? u.name });
