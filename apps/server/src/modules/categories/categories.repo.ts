import { and, asc, eq, isNull, ne, sql } from 'drizzle-orm';
import type { CategoryNode } from '@qloop/contracts';
import type { Db } from '../../db/client.js';
import { categories } from '../../db/schema/index.js';

export type CategoryRow = typeof categories.$inferSelect;

export function toCategory(r: CategoryRow): CategoryNode {
  return { id: r.id, parentId: r.parentId, level: r.level, code: r.code, name: r.name, nameEn: r.nameEn, active: r.active, path: r.path, sort: r.sort };
}

export async function listCategories(db: Db) {
  return db.select().from(categories).orderBy(asc(categories.level), asc(categories.sort), asc(categories.code));
}

export async function findCategory(db: Db, id: string, forUpdate = false) {
  const q = db.select().from(categories).where(eq(categories.id, id));
  const [row] = forUpdate ? await q.for('update') : await q;
  return row ?? null;
}

/**
 * Serialises changes to the tree for the rest of the transaction: a child created while its parent
 * is being retired would otherwise stay active under a retired parent. Tree edits are rare.
 */
export async function lockCategoryTree(db: Db) {
  await db.execute(sql`SELECT pg_advisory_xact_lock(7461020)`);
}

/** The sort value after the last sibling under `parentId` (null: the top level). */
export async function nextSiblingSort(db: Db, parentId: string | null) {
  const [row] = await db
    .select({ next: sql<number>`coalesce(max(${categories.sort}) + 1, 0)` })
    .from(categories)
    .where(parentId ? eq(categories.parentId, parentId) : isNull(categories.parentId));
  return Number(row?.next ?? 0);
}

export async function insertCategory(db: Db, row: typeof categories.$inferInsert) {
  await db.insert(categories).values(row);
}

export async function updateCategoryRow(
  db: Db,
  id: string,
  patch: Partial<Pick<CategoryRow, 'name' | 'nameEn' | 'sort' | 'active'>>,
) {
  await db.update(categories).set({ ...patch, updatedAt: new Date() }).where(eq(categories.id, id));
}

/** Retires every still-active category below `id` (not `id` itself); returns the ones it switched off. */
export async function retireDescendants(db: Db, id: string) {
  return db
    .update(categories)
    .set({ active: false, updatedAt: new Date() })
    .where(and(sql`${categories.path} @> ARRAY[${id}]::uuid[]`, ne(categories.id, id), eq(categories.active, true)))
    .returning({ id: categories.id, code: categories.code });
}
