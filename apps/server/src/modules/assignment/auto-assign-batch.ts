import { inArray } from 'drizzle-orm';
import type { Db } from '../../db/client.js';
import { assignmentRules } from '../../db/schema/index.js';
import { candidatesOf, listRules } from './assignment.repo.js';
import { routeBatch, firstMatchingRule, type BatchRoute, type Candidate, type RoutableTicket } from './route-ticket.js';

/**
 * Routes a batch of new tickets (an import) inside its transaction with a handful of queries instead
 * of several per ticket: rules read once, matched rules locked (round robin stays fair against
 * concurrent intake), members of each matched group loaded once, round-robin positions saved once.
 */
export async function autoAssignBatch(tx: Db, tickets: readonly RoutableTicket[]): Promise<BatchRoute[]> {
  const rules = (await listRules(tx)).map((r) => ({ ...r, conditions: r.conditions ?? {} }));
  if (!rules.some((r) => r.active)) return tickets.map(() => null);
  const matched = new Set(tickets.map((t) => firstMatchingRule(rules, t)?.id).filter((id): id is string => !!id));
  if (!matched.size) return tickets.map(() => null);
  const locked = await tx
    .select({ id: assignmentRules.id, lastPicked: assignmentRules.lastPicked })
    .from(assignmentRules)
    .where(inArray(assignmentRules.id, [...matched]))
    // in id order: concurrent intake lanes lock overlapping rules without a deadlock
    .orderBy(assignmentRules.id)
    .for('update');
  const fresh = new Map(locked.map((r) => [r.id, r.lastPicked]));
  const candidates = new Map<string, Candidate[]>();
  const used = rules.filter((r) => matched.has(r.id));
  for (const groupId of new Set(used.map((r) => r.groupId))) {
    // round robin never compares loads: its groups' members are loaded without counting them
    const withLoad = used.some((r) => r.groupId === groupId && r.strategy !== 'round_robin');
    candidates.set(groupId, await candidatesOf(tx, groupId, { withLoad }));
  }
  const { routes, lastPicked } = routeBatch(
    rules.map((r) => ({ ...r, lastPicked: fresh.get(r.id) ?? r.lastPicked })),
    candidates,
    tickets,
  );
  for (const [id, last] of lastPicked) {
    await tx.update(assignmentRules).set({ lastPicked: last }).where(inArray(assignmentRules.id, [id]));
  }
  return routes;
}
