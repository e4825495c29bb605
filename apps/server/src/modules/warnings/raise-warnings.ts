import { sql } from 'drizzle-orm';
import type { PlanDays } from '@qloop/contracts';
import { rowsOf, type Db } from '../../db/client.js';
import { appendAudit, SYSTEM_CONTEXT } from '../audit/append-audit.js';
import { localDay } from '../indicators/ticket-facts.js';
import { notify } from '../notifications/notify.js';
import { warningEvents, warnings, warningTickets } from '../../db/schema/index.js';
import type { Finding } from './finding.js';
import { LEVEL_ZH } from './finding.js';
import type { OrgDirectory } from './org-directory.js';
import { levelRank } from './threshold-level.js';
import { PLAN_OWED, planDueAt } from './warning-lifecycle.js';
import { warningRecipients } from './warning-recipients.js';

export type RaiseOutcome = 'raised' | 'merged' | 'upgraded' | 'seen';

type OpenRow = { id: string; level: Finding['level']; state: string; last_stamp: string; plan_due_at: string | Date; warning_no: string };

/**
 * Turns a finding into a warning inside the caller's transaction. While a warning of the same
 * condition is open, the finding merges into it: last seen, evidence and tickets refreshed; one
 * more occurrence when the finding is news (another day's window, other tickets); the level raised
 * — never lowered — with its owners told, and the plan deadline brought forward to the new level's.
 * Otherwise a new warning is raised and its owners are told, in-app and by the outbound channel.
 */
export async function raiseOrMerge(tx: Db, dir: OrgDirectory, f: Finding, planDays: PlanDays, now: Date): Promise<RaiseOutcome> {
  const [open] = rowsOf<OpenRow>(
    await tx.execute(sql`SELECT id, level, state, last_stamp, plan_due_at, warning_no FROM warnings WHERE condition_key = ${f.conditionKey} AND state <> 'closed' FOR UPDATE`),
  );
  if (!open) return raise(tx, dir, f, planDays, now);
  const news = open.last_stamp !== f.stamp;
  const worse = levelRank(f.level) > levelRank(open.level);
  if (f.ticketIds?.length) await tx.insert(warningTickets).values(f.ticketIds.map((ticketId) => ({ warningId: open.id, ticketId }))).onConflictDoNothing();
  // stored tickets accumulate over merges; traced ones are the finding's own count
  const n = f.ticketIds
    ? Number(rowsOf<{ n: number }>(await tx.execute(sql`SELECT count(*)::int AS n FROM warning_tickets WHERE warning_id = ${open.id}`))[0]!.n)
    : f.ticketCount;
  const sooner = planDueAt(now, planDays[f.level]);
  const due = worse && PLAN_OWED.includes(open.state as never) && sooner < new Date(open.plan_due_at) ? sooner : null;
  await tx.execute(sql`
    UPDATE warnings SET last_seen_at = ${now.toISOString()}::timestamptz, evidence = ${JSON.stringify(f.evidence)}::jsonb, ticket_count = ${n},
      title = ${f.title}, title_en = ${f.titleEn}, last_stamp = ${f.stamp},
      occurrences = occurrences + ${news ? 1 : 0},
      level = ${worse ? f.level : open.level},
      plan_due_at = coalesce(${due?.toISOString() ?? null}::timestamptz, plan_due_at),
      next_escalation_at = CASE WHEN ${due !== null} AND escalation_level = 0 THEN ${due?.toISOString() ?? null}::timestamptz ELSE next_escalation_at END,
      version = version + ${news || worse ? 1 : 0}, updated_at = CASE WHEN ${news || worse} THEN now() ELSE updated_at END
    WHERE id = ${open.id}`);
  if (worse) {
    await tx.insert(warningEvents).values({ warningId: open.id, kind: 'upgraded', at: now, data: { from: open.level, to: f.level, evidence: f.evidence } });
    await notify(tx, null, warningRecipients(f, dir).map((userId) => ({ userId, kind: 'warning_escalated' as const, warningId: open.id, title: `预警升级为${LEVEL_ZH[f.level]}：${open.warning_no} ${f.title}`, body: f.titleEn })));
    await appendAudit(tx, SYSTEM_CONTEXT, [{ action: 'update', entityType: 'warning', entityId: open.id, orgUnitId: f.orgUnitId, before: { level: open.level }, after: { level: f.level } }]);
    return 'upgraded';
  }
  if (news) {
    await tx.insert(warningEvents).values({ warningId: open.id, kind: 'merged', at: now, data: { evidence: f.evidence } });
    return 'merged';
  }
  return 'seen';
}

async function raise(tx: Db, dir: OrgDirectory, f: Finding, planDays: PlanDays, now: Date): Promise<RaiseOutcome> {
  const [seq] = rowsOf<{ n: string | number }>(await tx.execute(sql`SELECT nextval('warning_no_seq') AS n`));
  const warningNo = `YJ-${localDay(now).replaceAll('-', '')}-${String(seq!.n).padStart(4, '0')}`;
  const due = planDueAt(now, planDays[f.level]);
  const [row] = await tx
    .insert(warnings)
    .values({
      warningNo, ruleId: f.ruleId, kind: f.kind, conditionKey: f.conditionKey, level: f.level, state: 'raised', title: f.title, titleEn: f.titleEn,
      orgUnitId: f.orgUnitId, ownerDepartmentId: f.ownerDepartmentId, evidence: f.evidence, ticketCount: f.ticketCount, raisedAt: now, lastSeenAt: now,
      lastStamp: f.stamp, planDueAt: due, nextEscalationAt: due,
    })
    .returning({ id: warnings.id });
  const id = row!.id;
  if (f.ticketIds?.length) await tx.insert(warningTickets).values(f.ticketIds.map((ticketId) => ({ warningId: id, ticketId }))).onConflictDoNothing();
  await tx.insert(warningEvents).values({ warningId: id, kind: 'raised', at: now, data: { level: f.level, evidence: f.evidence } });
  await notify(tx, null, warningRecipients(f, dir).map((userId) => ({ userId, kind: 'warning_raised' as const, warningId: id, title: `${LEVEL_ZH[f.level]}预警 ${warningNo}：${f.title}`, body: f.titleEn })));
  await appendAudit(tx, SYSTEM_CONTEXT, [{ action: 'create', entityType: 'warning', entityId: id, orgUnitId: f.orgUnitId, after: { warningNo, level: f.level, conditionKey: f.conditionKey, evidence: f.evidence } }]);
  return 'raised';
}
