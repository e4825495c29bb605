import { and, asc, desc, eq, or } from 'drizzle-orm';
import type { SavedFilter } from '@qloop/contracts';
import type { Db } from '../../db/client.js';
import { savedFilters, users } from '../../db/schema/index.js';

/** The caller's own filters first, then those others shared, each group by name. */
export async function listSavedFilters(db: Db, userId: string, view: 'tickets'): Promise<SavedFilter[]> {
  const rows = await db
    .select({ f: savedFilters, ownerName: users.displayName })
    .from(savedFilters)
    .innerJoin(users, eq(users.id, savedFilters.ownerId))
    .where(and(eq(savedFilters.view, view), or(eq(savedFilters.ownerId, userId), eq(savedFilters.shared, true))))
    .orderBy(desc(eq(savedFilters.ownerId, userId)), asc(savedFilters.name));
  return rows.map(({ f, ownerName }) => toSavedFilter(f, ownerName, userId));
}

export function toSavedFilter(f: typeof savedFilters.$inferSelect, ownerName: string, userId: string): SavedFilter {
  return {
    id: f.id,
    view: f.view,
    name: f.name,
    query: f.query,
    shared: f.shared,
    ownerId: f.ownerId,
    ownerName,
    mine: f.ownerId === userId,
    updatedAt: f.updatedAt.toISOString(),
  };
}
