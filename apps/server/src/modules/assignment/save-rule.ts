import { randomUUID } from 'node:crypto';
import { eq, sql } from 'drizzle-orm';
import type { AssignStrategy, RuleConditions } from '@qloop/contracts';
import type { Db } from '../../db/client.js';
import { assignmentRules, groups } from '../../db/schema/index.js';
import { badRequest, notFound } from '../../lib/errors.js';
import { appendAudit, diffFields, type AuditContext } from '../audit/append-audit.js';
import { listRules, toRule } from './assignment.repo.js';

type RuleInput = {
  name?: string | undefined;
  active?: boolean | undefined;
  conditions?: RuleConditions | undefined;
  groupId?: string | undefined;
  strategy?: AssignStrategy | undefined;
  skill?: string | null | undefined;
};

// Rule changes are rare and their order matters: serialise them so positions never collide.
const lockRules = (tx: Db) => tx.execute(sql`SELECT pg_advisory_xact_lock(7461005)`);

/** Creates a rule at the end of the order (no `id`) or updates one. */
export async function saveRule(db: Db, opts: { audit: AuditContext; id?: string; input: RuleInput }) {
  return db.transaction(async (tx) => {
    await lockRules(tx);
    if (opts.input.groupId) {
      const [g] = await tx.select({ id: groups.id }).from(groups).where(eq(groups.id, opts.input.groupId));
      if (!g) throw badRequest('unknown group', [{ path: 'body.groupId', message: 'unknown group' }]);
    }
    if (!opts.id) {
      const [{ next }] = (await tx.select({ next: sql<number>`coalesce(max(${assignmentRules.position}), 0) + 1` }).from(assignmentRules)) as [{ next: number }];
      const row = {
        id: randomUUID(),
        position: Number(next),
        name: opts.input.name!,
        active: opts.input.active ?? true,
        conditions: opts.input.conditions ?? {},
        groupId: opts.input.groupId!,
        strategy: opts.input.strategy!,
        skill: opts.input.skill ?? null,
      };
      await tx.insert(assignmentRules).values(row);
      await appendAudit(tx, opts.audit, [{ action: 'create', entityType: 'assignment_rule', entityId: row.id, after: row }]);
      return toRule(row as Parameters<typeof toRule>[0]);
    }
    const [current] = await tx.select().from(assignmentRules).where(eq(assignmentRules.id, opts.id)).for('update');
    if (!current) throw notFound('assignment rule');
    const merged = { ...current, ...Object.fromEntries(Object.entries(opts.input).filter(([, v]) => v !== undefined)) };
    if (merged.strategy === 'skill' && !merged.skill) throw badRequest('the skill strategy needs a skill', [{ path: 'body.skill', message: 'required for skill' }]);
    const changes = diffFields(
      { name: current.name, active: current.active, conditions: current.conditions, groupId: current.groupId, strategy: current.strategy, skill: current.skill },
      opts.input,
    );
    if (changes) {
      await tx.update(assignmentRules).set({ ...changes.after, updatedAt: new Date() }).where(eq(assignmentRules.id, current.id));
      await appendAudit(tx, opts.audit, [{ action: 'update', entityType: 'assignment_rule', entityId: current.id, ...changes }]);
    }
    return toRule((await listRules(tx)).find((r) => r.id === current.id)!);
  });
}

/** Sets the order of all rules at once; the list must name every rule exactly once. */
export async function reorderRules(db: Db, opts: { audit: AuditContext; ids: string[] }) {
  return db.transaction(async (tx) => {
    await lockRules(tx);
    const rules = await listRules(tx);
    const known = new Set(rules.map((r) => r.id));
    if (opts.ids.length !== rules.length || new Set(opts.ids).size !== opts.ids.length || opts.ids.some((id) => !known.has(id))) {
      throw badRequest('list every rule exactly once, in the new order');
    }
    for (const [i, id] of opts.ids.entries()) await tx.update(assignmentRules).set({ position: i + 1 }).where(eq(assignmentRules.id, id));
    await appendAudit(tx, opts.audit, [
      { action: 'update', entityType: 'assignment_rule', before: { order: rules.map((r) => r.id) }, after: { order: opts.ids } },
    ]);
    return (await listRules(tx)).map(toRule);
  });
}

export async function deleteRule(db: Db, opts: { audit: AuditContext; id: string }) {
  await db.transaction(async (tx) => {
    await lockRules(tx);
    const [current] = await tx.select().from(assignmentRules).where(eq(assignmentRules.id, opts.id));
    if (!current) throw notFound('assignment rule');
    await tx.delete(assignmentRules).where(eq(assignmentRules.id, opts.id));
    await appendAudit(tx, opts.audit, [{ action: 'delete', entityType: 'assignment_rule', entityId: current.id, before: toRule(current) }]);
  });
}
