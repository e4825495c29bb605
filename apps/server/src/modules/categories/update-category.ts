import type { Db } from '../../db/client.js';
import { badRequest, notFound } from '../../lib/errors.js';
import { appendAudit, diffFields, type AuditContext, type AuditEvent } from '../audit/append-audit.js';
import { findCategory, lockCategoryTree, retireDescendants, toCategory, updateCategoryRow } from './categories.repo.js';

export type CategoryPatch = {
  name?: string | undefined;
  nameEn?: string | null | undefined;
  sort?: number | undefined;
  active?: boolean | undefined;
};

/**
 * Renames, re-sorts, retires or re-activates a category. Retiring carries the whole subtree (a topic
 * under a retired element must not stay pickable); re-activating needs an active parent and brings
 * back this category alone, so the descendants are re-activated one by one, deliberately.
 * Code and parent never change: tickets, imports and reports refer to them.
 */
export async function updateCategory(db: Db, opts: { audit: AuditContext; id: string; patch: CategoryPatch }) {
  const { patch } = opts;
  return db.transaction(async (tx) => {
    await lockCategoryTree(tx);
    const current = await findCategory(tx, opts.id, true);
    if (!current) throw notFound('category');
    if (patch.active === true && !current.active && current.parentId) {
      const parent = (await findCategory(tx, current.parentId))!;
      if (!parent.active) {
        const message = `cannot re-activate “${current.name}” (${current.code}) while its parent “${parent.name}” (${parent.code}) is retired; re-activate the parent first`;
        throw badRequest(message, [{ path: 'body.active', message }]);
      }
    }
    const changes = diffFields(
      { name: current.name, nameEn: current.nameEn, sort: current.sort, active: current.active },
      patch,
    );
    if (!changes) return toCategory(current);
    await updateCategoryRow(tx, current.id, changes.after);
    const retired = changes.after.active === false ? await retireDescendants(tx, current.id) : [];
    const events: AuditEvent[] = [
      {
        action: 'update',
        entityType: 'category',
        entityId: current.id,
        before: changes.before,
        after: retired.length ? { ...changes.after, descendantsRetired: retired.length } : changes.after,
      },
      // one entry per descendant, so each category's own history says when and why it was retired
      ...retired.map((d) => ({
        action: 'update' as const,
        entityType: 'category',
        entityId: d.id,
        before: { active: true },
        after: { active: false, retiredWith: current.code },
      })),
    ];
    await appendAudit(tx, opts.audit, events);
    return toCategory((await findCategory(tx, current.id))!);
  });
}
