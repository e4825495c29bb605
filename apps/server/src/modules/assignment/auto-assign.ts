import { eq, sql } from 'drizzle-orm';
import type { Db } from '../../db/client.js';
import { assignmentRules, ticketEvents, tickets } from '../../db/schema/index.js';
import type { AuditEvent } from '../audit/append-audit.js';
import { candidatesOf, listRules } from './assignment.repo.js';
import { firstMatchingRule, pickAssignee, type RoutableTicket } from './route-ticket.js';
import { notify } from '../notifications/notify.js';

/**
 * Routes a just-accepted ticket by the assignment rules, inside the intake transaction. The matching
 * rule's group becomes the ticket's queue; when its strategy picks someone the ticket is assigned to
 * them. The rule row is locked while picking, so round robin stays fair under concurrent intake.
 * Returns the audit event, or null when no rule matched.
 */
export async function autoAssign(
  tx: Db,
  opts: { ticketId: string; orgUnitId: string; title: string; ticket: RoutableTicket; now: Date },
): Promise<AuditEvent | null> {
  const rule = firstMatchingRule(
    (await listRules(tx)).map((r) => ({ ...r, conditions: r.conditions ?? {} })),
    opts.ticket,
  );
  if (!rule) return null;
  const [locked] = await tx.select({ lastPicked: assignmentRules.lastPicked }).from(assignmentRules).where(eq(assignmentRules.id, rule.id)).for('update');
  const assignee = pickAssignee(rule.strategy, await candidatesOf(tx, rule.groupId), { lastPicked: locked?.lastPicked ?? null, skill: rule.skill });
  if (assignee && rule.strategy === 'round_robin') {
    await tx.update(assignmentRules).set({ lastPicked: assignee }).where(eq(assignmentRules.id, rule.id));
  }
  await tx
    .update(tickets)
    .set({ groupId: rule.groupId, ...(assignee ? { assigneeId: assignee, state: 'assigned' as const } : {}), version: sql`${tickets.version} + 1` })
    .where(eq(tickets.id, opts.ticketId));
  await tx.insert(ticketEvents).values({
    ticketId: opts.ticketId,
    at: opts.now,
    actorId: null,
    kind: assignee ? 'transition' : 'note',
    action: assignee ? 'assign' : 'queue',
    fromState: assignee ? 'accepted' : null,
    toState: assignee ? 'assigned' : null,
    data: { rule: rule.id, group: rule.groupId, strategy: rule.strategy, to: assignee },
  });
  if (assignee) {
    await notify(tx, null, [{ userId: assignee, kind: 'assigned', ticketId: opts.ticketId, title: `新工单已自动分派给您：${opts.title}` }]);
  }
  return {
    action: 'update',
    entityType: 'ticket',
    entityId: opts.ticketId,
    orgUnitId: opts.orgUnitId,
    after: { autoAssigned: { rule: rule.id, group: rule.groupId, assignee } },
  };
}
