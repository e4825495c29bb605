import { sql } from 'drizzle-orm';
import type { SurveyInvitation } from '@qloop/contracts';
import { rowsOf, type Db } from '../../db/client.js';
import { badRequest, notFound } from '../../lib/errors.js';
import { pathInScope } from '../../lib/scope.js';
import { appendAudit, type AuditContext } from '../audit/append-audit.js';
import type { Principal } from '../auth/principal.js';
import { outboundChannels } from '../notifications/outbound-channel.js';
import { loadTicketInScope } from '../tickets/ticket-access.js';
import { signSurveyToken } from './survey-token.js';

export type InvitationRow = {
  id: string; survey_id: string; version: number; ticket_id: string | null; customer_id: string | null; org_unit_id: string | null;
  channel: string; expires_at: string | Date; answered_at: string | Date | null; progress: Record<string, unknown> | null;
  /** set on a link minted by scanning a printed code (扫码评价, migration 0026) */
  scan_point_id?: string | null; staff_user_id?: string | null;
};
const iso = (v: string | Date) => (v instanceof Date ? v : new Date(v)).toISOString();
export const toInvitation = (r: InvitationRow): SurveyInvitation => ({
  id: r.id, surveyId: r.survey_id, version: r.version, ticketId: r.ticket_id, customerId: r.customer_id, orgUnitId: r.org_unit_id,
  channel: r.channel, expiresAt: iso(r.expires_at), answeredAt: r.answered_at ? iso(r.answered_at) : null,
});

/** The answer page of a token (the web app's public route). */
export const answerPath = (token: string) => `/s/${token}`;

/**
 * Invites a customer to answer the survey's published version: about a ticket (the ticket's
 * customer, its org unit) or directly. The customer must be in the caller's scope and must not
 * have refused surveys. The link is a signed single-use token; an sms or email invitation goes out
 * through the outbound channel (the default channel records it). Audited.
 */
export async function inviteToSurvey(
  db: Db,
  o: { principal: Principal; audit: AuditContext; secret: string; surveyId: string; ticketId?: string | undefined; customerId?: string | undefined; channel: 'sms' | 'email' | 'link'; expiresInDays: number },
): Promise<SurveyInvitation> {
  return db.transaction(async (tx) => {
    const [survey] = rowsOf<{ state: string; published_version: number | null; name: string }>(
      await tx.execute(sql`SELECT s.state, s.published_version, v.content->>'nameZh' AS name FROM surveys s
        LEFT JOIN survey_versions v ON v.survey_id = s.id AND v.version = s.published_version WHERE s.id = ${o.surveyId}`),
    );
    if (!survey) throw notFound('survey');
    if (survey.state !== 'published' || !survey.published_version) throw badRequest('only a published survey in use can be sent');
    let customerId = o.customerId ?? null;
    let orgUnitId: string | null = null;
    if (o.ticketId) {
      const t = await loadTicketInScope(tx, o.principal, o.ticketId);
      customerId = t.ticket.customerId;
      orgUnitId = t.ticket.orgUnitId;
    }
    const [c] = rowsOf<{ id: string; org_unit_id: string; phone: string | null; consent_survey: boolean; path: string[] }>(
      await tx.execute(sql`SELECT c.id, c.org_unit_id, c.phone, c.consent_survey, u.path FROM customers c JOIN org_units u ON u.id = c.org_unit_id WHERE c.id = ${customerId}`),
    );
    if (!c || (!o.ticketId && !pathInScope(o.principal, c.path))) throw notFound('customer');
    if (!c.consent_survey) throw badRequest('this customer has declined surveys (consent withdrawn)', [{ path: 'body.customerId', message: 'no survey consent' }]);
    if (o.channel === 'sms' && !c.phone) throw badRequest('the customer has no phone number for an SMS', [{ path: 'body.channel', message: 'no phone' }]);
    orgUnitId ??= c.org_unit_id;
    const { row, token } = await writeInvitation(tx, o.secret, {
      surveyId: o.surveyId, version: survey.published_version, surveyName: survey.name, ticketId: o.ticketId ?? null, customerId: c.id, phone: c.phone,
      orgUnitId, channel: o.channel, expiresInDays: o.expiresInDays, createdBy: o.principal.userId,
    });
    await appendAudit(tx, o.audit, [{ action: 'create', entityType: 'survey_invitation', entityId: row.id, orgUnitId, after: { surveyId: o.surveyId, version: survey.published_version, ticketId: o.ticketId ?? null, customerId: c.id, channel: o.channel } }]);
    return { ...toInvitation(row), token, path: answerPath(token) };
  });
}

/**
 * Writes an invitation and signs its link; an SMS invitation goes out through the outbound channel
 * in the same transaction (the default channel records it). Shared by invitations made by hand and
 * the automatic post-ticket sender.
 */
export async function writeInvitation(
  tx: Db,
  secret: string,
  i: { surveyId: string; version: number; surveyName: string; ticketId: string | null; customerId: string | null; phone: string | null; orgUnitId: string; channel: string; expiresInDays: number; createdBy: string | null },
): Promise<{ row: InvitationRow; token: string }> {
  const expires = new Date(Date.now() + i.expiresInDays * 86_400_000);
  const [row] = rowsOf<InvitationRow>(
    await tx.execute(sql`
      INSERT INTO survey_invitations (survey_id, version, ticket_id, customer_id, org_unit_id, channel, expires_at, created_by)
      VALUES (${i.surveyId}, ${i.version}, ${i.ticketId}, ${i.customerId}, ${i.orgUnitId}, ${i.channel}, ${expires.toISOString()}::timestamptz, ${i.createdBy})
      RETURNING *`),
  );
  const token = signSurveyToken({ invitationId: row!.id, surveyId: i.surveyId, version: i.version, exp: Math.floor(expires.getTime() / 1000) }, secret);
  if (i.channel === 'sms' && i.phone) {
    await outboundChannels.sms.send(tx, { to: i.phone, body: `【满意度回访】${i.surveyName}：${answerPath(token)}`, ticketId: i.ticketId });
  }
  return { row: row!, token };
}
