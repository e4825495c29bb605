import { sql } from 'drizzle-orm';
import { rowsOf, type Db } from '../../db/client.js';
import type { Finding, RuleOf } from './finding.js';
import { nearestOfKind, type OrgDirectory } from './org-directory.js';

/**
 * Group complaints (群体性投诉): every ticket flagged as one, taken in the lookback, is a red warning
 * of its own (the domain: a special task force per incident). The key is the ticket, not the rule,
 * so two rules never raise it twice. The branch over the ticket owns it: a task force is a branch's.
 */
export async function findGroupComplaints(db: Db, dir: OrgDirectory, rule: RuleOf<'group_complaint'>, now: Date): Promise<Finding[]> {
  const since = new Date(now.getTime() - rule.params.lookbackHours * 3_600_000);
  const rows = rowsOf<{ id: string; no: string; title: string; org_unit_id: string }>(
    await db.execute(sql`
      SELECT id, no, title, org_unit_id FROM tickets
      WHERE group_complaint AND created_at >= ${since.toISOString()}::timestamptz AND created_at <= ${now.toISOString()}::timestamptz
        AND state <> 'cancelled' AND merged_into IS NULL`),
  );
  return rows.map((t) => {
    const unit = nearestOfKind(dir, t.org_unit_id, 'branch');
    return {
      ruleId: rule.id,
      kind: 'group_complaint' as const,
      conditionKey: `group:${t.id}`,
      level: 'red' as const,
      orgUnitId: unit?.id ?? t.org_unit_id,
      ownerDepartmentId: rule.ownerDepartmentId,
      title: `群体性投诉：${unit?.name ?? ''} ${t.no} ${t.title}`,
      titleEn: `Group complaint: ${unit?.nameEn ?? unit?.name ?? ''} ${t.no} ${t.title}`,
      evidence: { kind: 'group_complaint' as const, ticketId: t.id, ticketNo: t.no },
      ticketIds: [t.id],
      ticketCount: 1,
      stamp: t.id,
    };
  });
}
