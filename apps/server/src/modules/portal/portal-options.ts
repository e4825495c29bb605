import { asc, sql } from 'drizzle-orm';
import type { Db } from '../../db/client.js';
import { categories, orgUnits } from '../../db/schema/index.js';

/** The public lists for the portal form: active branches and stores, active categories to level 2. */
export async function portalOptions(db: Db) {
  const [units, cats] = await Promise.all([
    db
      .select({ id: orgUnits.id, name: orgUnits.name, nameEn: orgUnits.nameEn, parentId: orgUnits.parentId, kind: orgUnits.kind })
      .from(orgUnits)
      .where(sql`${orgUnits.active} AND ${orgUnits.kind} IN ('branch', 'store')`)
      .orderBy(asc(orgUnits.code)),
    db
      .select({ id: categories.id, name: categories.name, nameEn: categories.nameEn, parentId: categories.parentId, level: categories.level })
      .from(categories)
      .where(sql`${categories.active} AND ${categories.level} <= 2`)
      .orderBy(asc(categories.level), asc(categories.sort)),
  ]);
  return { units, categories: cats };
}

