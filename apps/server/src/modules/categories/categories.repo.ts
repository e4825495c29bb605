import { asc, eq } from 'drizzle-orm';
import type { Category } from '@qloop/contracts';
import type { Db } from '../../db/client.js';
import { categories } from '../../db/schema/index.js';

export type CategoryRow = typeof categories.$inferSelect;

export function toCategory(r: CategoryRow): Category {
  return { id: r.id, parentId: r.parentId, level: r.level, code: r.code, name: r.name, nameEn: r.nameEn, active: r.active, path: r.path };
}

export async function listCategories(db: Db) {
  return db.select().from(categories).orderBy(asc(categories.level), asc(categories.sort), asc(categories.code));
}

export async function findCategory(db: Db, id: string) {
  const [row] = await db.select().from(categories).where(eq(categories.id, id));
  return row ?? null;
}
