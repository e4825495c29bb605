import { asc, eq, sql } from 'drizzle-orm';
import type { Department } from '@qloop/contracts';
import type { Db } from '../../db/client.js';
import { departments } from '../../db/schema/index.js';

const memberCount = sql<number>`(SELECT count(*)::int FROM user_departments ud WHERE ud.department_id = departments.id)`;

export type DepartmentRow = typeof departments.$inferSelect & { memberCount: number };

export function toDepartment(r: DepartmentRow): Department {
  return {
    id: r.id,
    code: r.code,
    name: r.name,
    nameEn: r.nameEn,
    orgUnitId: r.orgUnitId,
    active: r.active,
    memberCount: Number(r.memberCount),
  };
}

export async function listDepartments(db: Db): Promise<DepartmentRow[]> {
  return db
    .select({ ...allColumns(), memberCount })
    .from(departments)
    .orderBy(asc(departments.code));
}

export async function findDepartment(db: Db, id: string): Promise<DepartmentRow | null> {
  const [row] = await db
    .select({ ...allColumns(), memberCount })
    .from(departments)
    .where(eq(departments.id, id));
  return row ?? null;
}

/** Ids among `ids` that are not existing, active departments. */
export async function unknownDepartmentIds(db: Db, ids: string[]): Promise<string[]> {
  if (ids.length === 0) return [];
  const rows = await db
    .select({ id: departments.id })
    .from(departments)
    .where(sql`${departments.id} IN ${ids} AND ${departments.active}`);
  const found = new Set(rows.map((r) => r.id));
  return ids.filter((id) => !found.has(id));
}

function allColumns() {
  return {
    id: departments.id,
    orgUnitId: departments.orgUnitId,
    code: departments.code,
    name: departments.name,
    nameEn: departments.nameEn,
    active: departments.active,
    createdAt: departments.createdAt,
    updatedAt: departments.updatedAt,
  };
}
