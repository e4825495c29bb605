import { eq, sql } from 'drizzle-orm';
import { roleHas, type WarningAction, type WarningDetail } from '@qloop/contracts';
import type { Db } from '../../db/client.js';
import { warningEvents, warningRules, warnings } from '../../db/schema/index.js';
import { AppError, conflict, forbidden, notFound } from '../../lib/errors.js';
import { appendAudit, type AuditContext } from '../audit/append-audit.js';
import type { Principal } from '../auth/principal.js';
import { actionsFrom, planDueAt, WARNING_ACTIONS } from './warning-lifecycle.js';
import { findWarning, warningDetail } from './warnings.repo.js';

/**
 * One lifecycle step on a warning: the caller needs the action's permission and the warning in
 * scope; the state must allow it; the version must be the one the caller saw (two people acting at
 * once get a clean conflict, never a lost plan). The change, its timeline event and its audit
 * entry commit together.
 */
export async function actOnWarning(db: Db, p: Principal, audit: AuditContext, id: string, a: WarningAction): Promise<WarningDetail> {
  const spec = WARNING_ACTIONS[a.action];
  if (!roleHas(p.role, spec.permission)) throw forbidden(`only the ${spec.permission === 'warnings:manage' ? 'quality department' : "warning's owner"} may ${a.action.replace('_', ' ')}`);
  await db.transaction(async (tx) => {
    const row = await findWarning(tx, p, id);
    if (!row) throw notFound('warning');
    await tx.execute(sql`SELECT 1 FROM warnings WHERE id = ${id} FOR UPDATE`);
    const [w] = await tx.select().from(warnings).where(eq(warnings.id, id));
    if (!w) throw notFound('warning');
    if (w.version !== a.version) throw conflict('this warning was changed by someone else; reload it and try again', { currentVersion: w.version });
    if (!spec.from.includes(w.state)) {
      throw new AppError('ILLEGAL_TRANSITION', `a warning that is ${w.state.replace('_', ' ')} cannot be ${a.action.replace('_', ' ')}`, 409, { state: w.state, allowed: actionsFrom(w.state) });
    }
    const now = new Date();
    const patch: Partial<typeof warnings.$inferInsert> = { state: spec.to, version: w.version + 1, updatedAt: now };
    let note: string | null = null;
    if (a.action === 'acknowledge') {
      Object.assign(patch, { acknowledgedAt: now, acknowledgedBy: p.userId });
      note = a.note ?? null;
    }
    if (a.action === 'submit_plan') Object.assign(patch, { plan: a.plan, planSubmittedAt: now, planSubmittedBy: p.userId, nextEscalationAt: null });
    if (a.action === 'verify') {
      Object.assign(patch, { verifiedAt: now, verifiedBy: p.userId });
      note = a.note ?? null;
    }
    if (a.action === 'close') {
      Object.assign(patch, { closedAt: now, closedBy: p.userId, closeReason: a.note, nextEscalationAt: null });
      note = a.note;
    }
    if (a.action === 'reject_plan') {
      // the owner gets a fresh plan period; the escalation level already reached stays
      const [rule] = await tx.select({ planDays: warningRules.planDays }).from(warningRules).where(eq(warningRules.id, w.ruleId));
      const due = planDueAt(now, rule!.planDays[w.level]);
      Object.assign(patch, { planDueAt: due, nextEscalationAt: w.escalationLevel < 2 ? due : null, planSubmittedAt: null, planSubmittedBy: null });
      note = a.note;
    }
    await tx.update(warnings).set(patch).where(eq(warnings.id, id));
    await tx.insert(warningEvents).values({ warningId: id, kind: EVENT_OF[a.action], actorId: p.userId, at: now, note, data: a.action === 'submit_plan' ? { plan: a.plan } : null });
    await appendAudit(tx, audit, [
      { action: 'update', entityType: 'warning', entityId: id, orgUnitId: w.orgUnitId, before: { state: w.state, plan: w.plan }, after: { state: spec.to, action: a.action, note, ...(a.action === 'submit_plan' ? { plan: a.plan } : {}) } },
    ]);
  });
  return (await warningDetail(db, p, id))!;
}

const EVENT_OF = { acknowledge: 'acknowledged', submit_plan: 'plan_submitted', verify: 'verified', reject_plan: 'plan_rejected', close: 'closed' } as const satisfies Record<WarningAction['action'], string>;
