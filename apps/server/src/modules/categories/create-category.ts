import { randomUUID } from 'node:crypto';
import { CATEGORY_LIMITS } from '@qloop/contracts';
import type { Db } from '../../db/client.js';
import { badRequest, conflict, isUniqueViolation } from '../../lib/errors.js';
import { appendAudit, type AuditContext } from '../audit/append-audit.js';
import { findCategory, insertCategory, lockCategoryTree, nextSiblingSort, toCategory } from './categories.repo.js';

/**
 * Adds a category under an active parent (or at the top level when parentId is null). Its level
 * and path follow from the parent; the code is unique across the tree, case-insensitively.
 */
export async function createCategory(
  db: Db,
  opts: {
    audit: AuditContext;
    input: { parentId: string | null; code: string; name: string; nameEn?: string | null | undefined; sort?: number | undefined };
  },
) {
  const { input } = opts;
  try {
    return await db.transaction(async (tx) => {
      await lockCategoryTree(tx);
      let parent: { id: string; level: number; path: string[] } | null = null;
      if (input.parentId !== null) {
        const p = await findCategory(tx, input.parentId);
        if (!p) throw badRequest('unknown parent category', [{ path: 'body.parentId', message: 'unknown parent category' }]);
        if (!p.active) {
          const message = `parent category “${p.name}” (${p.code}) is retired; re-activate it first or choose a current one`;
          throw badRequest(message, [{ path: 'body.parentId', message }]);
        }
        if (p.level >= CATEGORY_LIMITS.maxLevel) {
          const message = `categories go at most ${CATEGORY_LIMITS.maxLevel} levels deep; “${p.name}” (${p.code}) is at level ${p.level}`;
          throw badRequest(message, [{ path: 'body.parentId', message }]);
        }
        parent = p;
      }
      const id = randomUUID();
      const row = {
        id,
        parentId: parent?.id ?? null,
        level: (parent?.level ?? 0) + 1,
        code: input.code,
        name: input.name,
        nameEn: input.nameEn ?? null,
        active: true,
        sort: input.sort ?? (await nextSiblingSort(tx, parent?.id ?? null)),
        path: [...(parent?.path ?? []), id],
      };
      await insertCategory(tx, row);
      await appendAudit(tx, opts.audit, [{ action: 'create', entityType: 'category', entityId: id, after: row }]);
      return toCategory((await findCategory(tx, id))!);
    });
  } catch (err) {
    if (isUniqueViolation(err)) {
      const message = `category code "${input.code}" is already used`;
      throw conflict(message, [{ path: 'body.code', message }]);
    }
    throw err;
  }
}
