import { sql } from 'drizzle-orm';
import type { PlanDays, WarningLevel } from '@qloop/contracts';
import { rowsOf, type Db } from '../../db/client.js';
import { appendAudit, SYSTEM_CONTEXT } from '../audit/append-audit.js';
import { notify } from '../notifications/notify.js';
import { warningEvents } from '../../db/schema/index.js';
import type { OrgDirectory } from './org-directory.js';
import { warningRecipients } from './warning-recipients.js';

/** Escalation levels a late plan climbs: 1 at the plan deadline, 2 one more plan period later. */
export const MAX_ESCALATION = 2;

/**
 * Late plans (整改方案逾期): every warning still owing its plan past its next escalation moment
 * climbs one level — the owner and the quality department are told, executives too at level 2 —
 * and the next moment is one more plan period on. A plan submitted stops the climb
 * (next_escalation_at cleared); a rejected plan restarts the deadline but keeps the level reached.
 */
export async function escalateLatePlans(tx: Db, dir: OrgDirectory, now: Date): Promise<number> {
  const due = rowsOf<{ id: string; warning_no: string; title: string; title_en: string; level: WarningLevel; org_unit_id: string; owner_department_id: string | null; escalation_level: number; plan_days: PlanDays; plan_due_at: string | Date }>(
    await tx.execute(sql`
      SELECT w.id, w.warning_no, w.title, w.title_en, w.level, w.org_unit_id, w.owner_department_id, w.escalation_level, r.plan_days, w.plan_due_at
      FROM warnings w JOIN warning_rules r ON r.id = w.rule_id
      WHERE w.next_escalation_at <= ${now.toISOString()}::timestamptz AND w.state IN ('raised', 'acknowledged')
      ORDER BY w.next_escalation_at FOR UPDATE OF w SKIP LOCKED`),
  );
  for (const w of due) {
    const level = w.escalation_level + 1;
    const next = level < MAX_ESCALATION ? new Date(now.getTime() + w.plan_days[w.level] * 86_400_000) : null;
    await tx.execute(sql`
      UPDATE warnings SET escalation_level = ${level}, next_escalation_at = ${next?.toISOString() ?? null}::timestamptz, version = version + 1, updated_at = now()
      WHERE id = ${w.id}`);
    await tx.insert(warningEvents).values({ warningId: w.id, kind: 'escalated', at: now, data: { escalationLevel: level, planDueAt: new Date(w.plan_due_at).toISOString() } });
    const people = warningRecipients({ orgUnitId: w.org_unit_id, ownerDepartmentId: w.owner_department_id, level: w.level }, dir, level);
    await notify(tx, null, people.map((userId) => ({ userId, kind: 'warning_escalated' as const, warningId: w.id, title: `整改方案逾期（${level} 级督办）：${w.warning_no} ${w.title}`, body: `Rectification plan late (escalation ${level}): ${w.title_en}` })));
    await appendAudit(tx, SYSTEM_CONTEXT, [{ action: 'update', entityType: 'warning', entityId: w.id, orgUnitId: w.org_unit_id, before: { escalationLevel: w.escalation_level }, after: { escalationLevel: level } }]);
  }
  return due.length;
}
