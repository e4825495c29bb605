import { sql } from 'drizzle-orm';
import type { SurveyAnswers, SurveyContent, SurveyRecovery } from '@qloop/contracts';
import { rowsOf, type Db } from '../../db/client.js';
import { AppError, conflict, notFound } from '../../lib/errors.js';
import { appendAudit, SYSTEM_CONTEXT, type AuditContext } from '../audit/append-audit.js';
import { principalFor, type Principal } from '../auth/principal.js';
import { findPrincipalUser } from '../auth/sessions.repo.js';
import { createTicket } from '../tickets/create-ticket.js';
import { loadTicketInScope } from '../tickets/ticket-access.js';
import { PORTAL_USERNAME } from '../../seed/seed.js';
import { findRecovery } from './recoveries.repo.js';
import { answerPairs } from './recovery-answers.js';

/**
 * 服务补救: a low score opens a follow-up ticket for the team that owns the answer's org unit —
 * priority high, so it runs on its own (high-priority) SLA — with the answers in its description;
 * closing the loop records whether the customer was won back.
 */

/** Why an answer is low, or null. Pure. */
export function lowScoreReason(scores: { csat: number | null; nps: number | null }, limits: { csatAtMost: number | null; npsAtMost: number | null }): string | null {
  const why: string[] = [];
  if (scores.csat !== null && limits.csatAtMost !== null && scores.csat <= limits.csatAtMost) why.push(`CSAT ${scores.csat} ≤ ${limits.csatAtMost}`);
  if (scores.nps !== null && limits.npsAtMost !== null && scores.nps <= limits.npsAtMost) why.push(`NPS ${scores.nps} ≤ ${limits.npsAtMost}`);
  return why.length ? why.join('; ') : null;
}

/** The answers as the ticket's description: each question's Chinese text and the answer given. Pure. */
export function answersText(content: SurveyContent, answers: SurveyAnswers): string {
  return answerPairs(content, answers)
    .map((p) => `${p.questionZh}：${p.answerZh}`)
    .join('\n');
}

/**
 * Opens the recovery ticket of a low answer (inside the answer's transaction). The ticket follows
 * up the answered ticket (same customer, category, type) or, for an answer without one, the
 * customer and the CSAT question's perception element; with neither there is nothing to route it
 * by and no ticket is opened (returns null).
 */
export async function openRecovery(
  tx: Db,
  r: { responseId: string; reason: string; surveyName: string; content: SurveyContent; answers: SurveyAnswers; ticketId: string | null; customerId: string | null; orgUnitId: string | null },
): Promise<string | null> {
  const [origin] = r.ticketId
    ? rowsOf<{ type: string; category_id: string; org_unit_id: string; no: string }>(await tx.execute(sql`SELECT type, category_id, org_unit_id, no FROM tickets WHERE id = ${r.ticketId}`))
    : [];
  const categoryId = origin?.category_id ?? r.content.questions.find((q) => q.type === 'csat')?.elementId;
  const orgUnitId = origin?.org_unit_id ?? r.orgUnitId;
  if (!r.customerId || !categoryId || !orgUnitId) return null;
  const [system] = rowsOf<{ id: string }>(await tx.execute(sql`SELECT id FROM users WHERE username = ${PORTAL_USERNAME} AND system`));
  const user = system ? await findPrincipalUser(tx, system.id) : null;
  if (!user) throw new AppError('INTERNAL', 'the system account is not set up', 503);
  const { id } = await createTicket(tx, {
    principal: principalFor(user, { sessionHash: 'survey' }),
    audit: { ...SYSTEM_CONTEXT, actorId: user.id, actorName: 'survey' },
    input: {
      type: (origin?.type ?? 'complaint') as 'complaint',
      channel: 'e_channel',
      priority: 'high',
      title: `服务补救：${r.reason}（${r.surveyName}${origin ? `，工单 ${origin.no}` : ''}）`.slice(0, 200),
      description: `客户在满意度调查中给出低分，请联系客户补救并记录结果。\n${answersText(r.content, r.answers)}`.slice(0, 4000),
      categoryId,
      orgUnitId,
      customer: { id: r.customerId },
      escalated: false,
      regulatorAppeal: false,
      groupComplaint: false,
      changesService: false,
    },
  });
  await tx.execute(sql`INSERT INTO survey_recoveries (response_id, ticket_id, org_unit_id, reason) VALUES (${r.responseId}, ${id}, ${orgUnitId}, ${r.reason})`);
  return id;
}

/** Closes the loop: the recovery ticket must be closed; recorded once (a second record is a conflict); audited. */
export async function recordRecovery(db: Db, o: { principal: Principal; audit: AuditContext; responseId: string; recovered: boolean; note: string }): Promise<SurveyRecovery> {
  return db.transaction(async (tx) => {
    const [x] = rowsOf<{ ticket_id: string; recovered: boolean | null; org_unit_id: string }>(
      await tx.execute(sql`SELECT ticket_id, recovered, org_unit_id FROM survey_recoveries WHERE response_id = ${o.responseId} FOR UPDATE`),
    );
    if (!x) throw notFound('service recovery');
    const t = await loadTicketInScope(tx, o.principal, x.ticket_id); // another branch's recovery does not exist for the caller
    if (!['closed', 'archived'].includes(t.ticket.state)) throw conflict('close the recovery ticket first, then record whether the customer was won back', { ticketState: t.ticket.state });
    if (x.recovered !== null) throw conflict('the outcome of this recovery is recorded already', { recovered: x.recovered });
    await tx.execute(sql`UPDATE survey_recoveries SET recovered = ${o.recovered}, note = ${o.note || null}, recorded_at = now(), recorded_by = ${o.principal.userId} WHERE response_id = ${o.responseId}`);
    await appendAudit(tx, o.audit, [{ action: 'update', entityType: 'survey_recovery', entityId: o.responseId, orgUnitId: x.org_unit_id, before: { recovered: null }, after: { recovered: o.recovered, note: o.note } }]);
    return (await findRecovery(tx, o.responseId))!;
  });
}
