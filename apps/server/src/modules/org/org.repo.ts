import { and, asc, eq, sql } from 'drizzle-orm';
import type { OrgUnit } from '@qloop/contracts';
import { rowsOf, type Db } from '../../db/client.js';
import { orgUnits } from '../../db/schema/index.js';

export type OrgUnitRow = typeof orgUnits.$inferSelect;

const userCount = sql<number>`(SELECT count(*)::int FROM users u WHERE u.org_unit_id = org_units.id)`;

export function toOrgUnit(row: OrgUnitRow & { userCount: number }): OrgUnit {
  return {
    id: row.id,
    parentId: row.parentId,
    kind: row.kind,
    code: row.code,
    name: row.name,
    nameEn: row.nameEn,
    active: row.active,
    path: row.path,
    userCount: Number(row.userCount),
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
  };
}

/**
 * Serialises changes to the tree's shape (create, move, delete) for the rest of the transaction.
 * A path is copied from the parent, so a unit created while its parent moves would otherwise keep
 * the old path and land in the wrong branch's scope; two crossing moves could form a cycle. Tree
 * changes are rare administrative acts, so one lock costs nothing.
 */
export async function lockOrgTree(db: Db) {
  await db.execute(sql`SELECT pg_advisory_xact_lock(7461004)`);
}

/** Units under `rootId` (inclusive), or all units when rootId is null. Ordered root-first. */
export async function listOrgUnits(db: Db, rootId: string | null) {
  return db
    .select({ ...orgUnitColumns(), userCount })
    .from(orgUnits)
    .where(rootId ? sql`${orgUnits.path} @> ARRAY[${rootId}]::uuid[]` : undefined)
    .orderBy(sql`array_length(${orgUnits.path}, 1)`, asc(orgUnits.code));
}

export async function findOrgUnit(db: Db, id: string, forUpdate = false) {
  const q = db
    .select({ ...orgUnitColumns(), userCount })
    .from(orgUnits)
    .where(eq(orgUnits.id, id));
  const [row] = forUpdate ? await q.for('update', { of: orgUnits }) : await q;
  return row ?? null;
}

export async function insertOrgUnit(
  db: Db,
  row: { id: string; parentId: string; kind: OrgUnitRow['kind']; code: string; name: string; nameEn: string | null; path: string[] },
) {
  await db.insert(orgUnits).values(row);
}

export async function updateOrgUnitRow(db: Db, id: string, patch: Partial<OrgUnitRow>) {
  await db
    .update(orgUnits)
    .set({ ...patch, updatedAt: new Date(), version: sql`${orgUnits.version} + 1` })
    .where(eq(orgUnits.id, id));
}

/** Rewrites the path of a moved unit and its whole subtree in one statement. */
export async function movePaths(db: Db, id: string, oldPath: string[], newPath: string[]) {
  await db.execute(sql`
    UPDATE org_units
       SET path = ${sql.param(newPath)}::uuid[] || path[${oldPath.length + 1}:]
     WHERE path @> ARRAY[${id}]::uuid[]`);
}

/** What still hangs on a unit, so deletion can refuse with a reason. */
export async function orgUnitDependents(db: Db, id: string) {
  const rows = await db.execute(sql`
    SELECT (SELECT count(*)::int FROM org_units WHERE parent_id = ${id}) AS children,
           (SELECT count(*)::int FROM users WHERE org_unit_id = ${id}) AS users,
           (SELECT count(*)::int FROM departments WHERE org_unit_id = ${id}) AS departments,
           (SELECT count(*)::int FROM customer_base WHERE org_unit_id = ${id}) AS bases`);
  const r = rowsOf<{ children: number; users: number; departments: number; bases: number }>(rows)[0]!;
  return { children: Number(r.children), users: Number(r.users), departments: Number(r.departments), customerBase: Number(r.bases) };
}

export async function deleteOrgUnitRow(db: Db, id: string) {
  await db.delete(orgUnits).where(and(eq(orgUnits.id, id)));
}

export async function findOrgUnitByCode(db: Db, code: string) {
  const [row] = await db
    .select({ id: orgUnits.id, path: orgUnits.path, name: orgUnits.name })
    .from(orgUnits)
    .where(sql`lower(${orgUnits.code}) = lower(${code})`);
  return row ?? null;
}

function orgUnitColumns() {
  return {
    id: orgUnits.id,
    parentId: orgUnits.parentId,
    kind: orgUnits.kind,
    code: orgUnits.code,
    name: orgUnits.name,
    nameEn: orgUnits.nameEn,
    active: orgUnits.active,
    path: orgUnits.path,
    version: orgUnits.version,
    createdAt: orgUnits.createdAt,
    updatedAt: orgUnits.updatedAt,
  };
}
