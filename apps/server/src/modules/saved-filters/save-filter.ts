import { and, count, eq } from 'drizzle-orm';
import { SAVED_FILTER_LIMITS, type SavedFilter } from '@qloop/contracts';
import type { Db } from '../../db/client.js';
import { savedFilters, users } from '../../db/schema/index.js';
import { conflict, forbidden, isUniqueViolation, notFound, badRequest } from '../../lib/errors.js';
import type { Principal } from '../auth/principal.js';
import { toSavedFilter } from './saved-filters.repo.js';

type FilterInput = { view?: 'tickets'; name?: string | undefined; query?: Record<string, string> | undefined; shared?: boolean | undefined };

/**
 * Creates (no `id`) or changes one of the caller's saved filters. Only the owner may change a
 * filter, shared or not: others see it but cannot rewrite what its owner relies on.
 */
export async function saveFilter(db: Db, opts: { principal: Principal; id?: string; input: FilterInput }): Promise<SavedFilter> {
  const { principal, input } = opts;
  try {
    return await db.transaction(async (tx) => {
      let row: typeof savedFilters.$inferSelect | undefined;
      if (!opts.id) {
        const [{ n } = { n: 0 }] = await tx
          .select({ n: count() })
          .from(savedFilters)
          .where(and(eq(savedFilters.ownerId, principal.userId), eq(savedFilters.view, input.view ?? 'tickets')));
        if (n >= SAVED_FILTER_LIMITS.perUser) {
          throw badRequest(`you already have ${SAVED_FILTER_LIMITS.perUser} saved filters; delete one first`);
        }
        [row] = await tx
          .insert(savedFilters)
          .values({ ownerId: principal.userId, view: input.view ?? 'tickets', name: input.name!, query: input.query!, shared: input.shared ?? false })
          .returning();
      } else {
        const [current] = await tx.select().from(savedFilters).where(eq(savedFilters.id, opts.id)).for('update');
        if (!current || (current.ownerId !== principal.userId && !current.shared)) throw notFound('saved filter');
        if (current.ownerId !== principal.userId) throw forbidden('only its owner may change a saved filter');
        [row] = await tx
          .update(savedFilters)
          .set({
            ...(input.name !== undefined ? { name: input.name } : {}),
            ...(input.query !== undefined ? { query: input.query } : {}),
            ...(input.shared !== undefined ? { shared: input.shared } : {}),
            updatedAt: new Date(),
          })
          .where(eq(savedFilters.id, opts.id))
          .returning();
      }
      const [owner] = await tx.select({ name: users.displayName }).from(users).where(eq(users.id, row!.ownerId));
      return toSavedFilter(row!, owner!.name, principal.userId);
    });
  } catch (e) {
    if (isUniqueViolation(e)) throw conflict(`you already have a saved filter named "${input.name}"`);
    throw e;
  }
}

export async function deleteFilter(db: Db, opts: { principal: Principal; id: string }): Promise<void> {
  const [current] = await db.select().from(savedFilters).where(eq(savedFilters.id, opts.id));
  if (!current || (current.ownerId !== opts.principal.userId && !current.shared)) throw notFound('saved filter');
  if (current.ownerId !== opts.principal.userId) throw forbidden('only its owner may delete a saved filter');
  await db.delete(savedFilters).where(eq(savedFilters.id, opts.id));
}
