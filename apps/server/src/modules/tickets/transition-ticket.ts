import { and, eq, sql } from 'drizzle-orm';
import { ROLE_PERMISSIONS, type TransitionBody } from '@qloop/contracts';
import type { Db } from '../../db/client.js';
import { groupMembers, groups, ticketEvents, tickets, users } from '../../db/schema/index.js';
import { AppError, badRequest, conflict } from '../../lib/errors.js';
import { appendAudit, type AuditContext } from '../audit/append-audit.js';
import type { Principal } from '../auth/principal.js';
import { loadTicketInScope } from './ticket-access.js';
import { planTransition } from './ticket-state-machine.js';
import { notify } from '../notifications/notify.js';
import { applyTicketClockEvents } from '../sla/apply-ticket-clock-events.js';
import { eventsOfTransition } from '../sla/clock-events.js';

type TicketPatch = Partial<typeof tickets.$inferInsert>;

/**
 * Moves a ticket through its lifecycle. The caller sends the version they read; a ticket changed
 * meanwhile answers 409 so that two agents acting at once never overwrite each other. Every step
 * writes a timeline entry and an audit entry in the same transaction.
 */
export async function transitionTicket(
  db: Db,
  opts: { principal: Principal; audit: AuditContext; id: string; input: TransitionBody; now?: Date },
) {
  const { input, principal } = opts;
  const now = opts.now ?? new Date();
  return db.transaction(async (tx) => {
    const row = await loadTicketInScope(tx, principal, opts.id, true);
    const t = row.ticket;
    if (t.version !== input.version) {
      throw conflict('this ticket was changed by someone else; reload it and try again', { currentVersion: t.version, state: t.state });
    }
    const plan = planTransition(
      { id: t.id, state: t.state, pendingFrom: t.pendingFrom, type: t.type, changesService: t.changesService },
      input,
    );
    if (!plan.ok) {
      if (plan.problem.kind === 'illegal') {
        throw new AppError('ILLEGAL_TRANSITION', plan.problem.message, 409, { state: t.state, allowed: plan.problem.allowed });
      }
      throw badRequest(plan.problem.message, [{ path: `body.${plan.problem.field}`, message: plan.problem.message }]);
    }
    if (input.action === 'assign' || input.action === 'transfer') {
      if (!principal.permissions.has('tickets:manage') && input.assigneeId !== principal.userId && input.action === 'assign') {
        // agents may claim a ticket (assign to themselves) but not hand work to others without a transfer
        throw new AppError('FORBIDDEN', 'you may only assign tickets to yourself; use transfer to hand one over', 403);
      }
      if (input.assigneeId) await assertAssignable(tx, input.assigneeId);
      if (input.groupId) await assertGroupTakes(tx, input.groupId, input.assigneeId);
    }

    const patch: TicketPatch = { state: plan.to, updatedAt: now };
    // A self-service request is owned by the portal's system account until the first person acts
    // on it: that person becomes its first-contact owner (首问负责人).
    const [owner] = await tx.select({ system: users.system }).from(users).where(eq(users.id, t.firstOwnerId));
    if (owner?.system) patch.firstOwnerId = principal.userId;
    const eventData: Record<string, unknown> = {};
    let body: string | null = input.reason ?? null;
    let visibility: 'public' | 'internal' = 'internal';
    switch (input.action) {
      case 'assign':
      case 'transfer':
        // a transfer to a group alone leaves the ticket unassigned in that group's queue
        patch.assigneeId = input.assigneeId ?? null;
        eventData.from = t.assigneeId;
        eventData.to = input.assigneeId ?? null;
        if (input.groupId) {
          patch.groupId = input.groupId;
          eventData.fromGroup = t.groupId;
          eventData.toGroup = input.groupId;
        }
        if (input.action === 'transfer') patch.transferCount = t.transferCount + 1;
        break;
      case 'pend':
        patch.pendingFrom = t.state;
        patch.pendingReason = input.pendingReason!;
        eventData.pendingReason = input.pendingReason;
        break;
      case 'resume':
        patch.pendingFrom = null;
        patch.pendingReason = null;
        break;
      case 'answer':
        patch.answeredAt = t.answeredAt ?? now;
        body = input.reply!;
        visibility = 'public';
        break;
      case 'close':
        patch.outcome = input.outcome!;
        patch.confirmation = input.confirmation ?? null;
        patch.followUpResult = input.followUpResult ?? null;
        patch.closedAt = now;
        Object.assign(eventData, { outcome: input.outcome, confirmation: input.confirmation ?? null, followUpResult: input.followUpResult ?? null });
        break;
      case 'reopen':
        patch.reopenCount = t.reopenCount + 1;
        patch.outcome = null;
        patch.closedAt = null;
        break;
      case 'merge': {
        const survivor = await loadTicketInScope(tx, principal, input.survivorId!, true);
        if (['merged', 'cancelled', 'archived'].includes(survivor.ticket.state)) {
          throw badRequest(`ticket ${survivor.ticket.no} is ${survivor.ticket.state}; merge into a live ticket`);
        }
        if (survivor.ticket.customerId !== t.customerId) throw badRequest('only tickets of the same customer can be merged');
        patch.mergedInto = survivor.ticket.id;
        eventData.survivor = survivor.ticket.no;
        await tx.insert(ticketEvents).values({
          ticketId: survivor.ticket.id, at: now, actorId: principal.userId, kind: 'note', action: 'merge',
          visibility: 'internal', body: `合并工单 ${t.no}`, data: { merged: t.id, mergedNo: t.no },
        });
        break;
      }
    }
    if (input.reply && input.action !== 'answer') {
      // a public reply sent with another action (e.g. reply and set pending in one step) is its own
      // customer-visible timeline entry: it counts as a response
      await tx.insert(ticketEvents).values({ ticketId: t.id, at: now, actorId: principal.userId, kind: 'note', action: 'public_reply', visibility: 'public', body: input.reply });
    }
    await tx
      .update(tickets)
      .set({ ...patch, version: sql`${tickets.version} + 1` })
      .where(eq(tickets.id, t.id));
    await tx.insert(ticketEvents).values({
      ticketId: t.id, at: now, actorId: principal.userId, kind: 'transition', action: input.action,
      fromState: t.state, toState: plan.to, visibility, body, data: Object.keys(eventData).length ? eventData : null,
    });
    // SLA clocks: a reply sent with the action counts as a response before the action applies
    await applyTicketClockEvents(tx, { ticketId: t.id, events: eventsOfTransition(input.action, !!input.reply), at: now, pendingAfter: plan.to === 'pending' });
    const note = `${t.no} ${t.title}`;
    if ((input.action === 'assign' || input.action === 'transfer') && input.assigneeId) {
      await notify(tx, principal.userId, [{
        userId: input.assigneeId,
        kind: input.action === 'assign' ? 'assigned' : 'transferred',
        ticketId: t.id,
        title: input.action === 'assign' ? `工单已分派给您：${note}` : `工单已转派给您：${note}`,
        body: input.reason ?? null,
      }]);
    }
    if (input.action === 'transfer' && !input.assigneeId && input.groupId) {
      const members = await tx
        .select({ userId: groupMembers.userId })
        .from(groupMembers)
        .innerJoin(users, eq(users.id, groupMembers.userId))
        .where(and(eq(groupMembers.groupId, input.groupId), eq(users.active, true)));
      await notify(
        tx,
        principal.userId,
        members.map((m) => ({
          userId: m.userId, kind: 'transferred' as const, ticketId: t.id, title: `工单已转入您所在的队列：${note}`, body: input.reason ?? null,
        })),
      );
    }
    if (input.action === 'reopen' && t.assigneeId) {
      await notify(tx, principal.userId, [{ userId: t.assigneeId, kind: 'reopened', ticketId: t.id, title: `工单已重开：${note}`, body: input.reason ?? null }]);
    }
    const before: Record<string, unknown> = {};
    for (const k of Object.keys(patch) as (keyof typeof t)[]) before[k] = t[k];
    await appendAudit(tx, opts.audit, [
      { action: 'update', entityType: 'ticket', entityId: t.id, orgUnitId: t.orgUnitId, before, after: { ...patch, action: input.action } },
    ]);
    return { no: t.no, state: plan.to, version: t.version + 1 };
  });
}

/** The target group must be active and, when a person is named too, have them as a member. */
async function assertGroupTakes(tx: Db, groupId: string, assigneeId: string | undefined) {
  const [g] = await tx.select({ active: groups.active }).from(groups).where(eq(groups.id, groupId));
  if (!g || !g.active) throw badRequest('the group is not an active group', [{ path: 'body.groupId', message: 'not an active group' }]);
  if (!assigneeId) return;
  const [m] = await tx.select({ userId: groupMembers.userId }).from(groupMembers).where(and(eq(groupMembers.groupId, groupId), eq(groupMembers.userId, assigneeId)));
  if (!m) throw badRequest('the assignee is not a member of that group', [{ path: 'body.assigneeId', message: 'not a member of the group' }]);
}

/** The assignee must be an active user whose role handles tickets. */
async function assertAssignable(tx: Db, userId: string) {
  const [u] = await tx.select({ active: users.active, role: users.role }).from(users).where(eq(users.id, userId));
  if (!u || !u.active) throw badRequest('the assignee is not an active user', [{ path: 'body.assigneeId', message: 'not an active user' }]);
  if (!ROLE_PERMISSIONS[u.role].includes('tickets:handle')) {
    throw badRequest(`a ${u.role} cannot handle tickets`, [{ path: 'body.assigneeId', message: 'this role does not handle tickets' }]);
  }
}
