import { sql } from 'drizzle-orm';
import type { PublicSurvey, SurveyAnswers, SurveyContent, SurveyLinkRefusal } from '@qloop/contracts';
import { rowsOf, type Db } from '../../db/client.js';
import { AppError, badRequest } from '../../lib/errors.js';
import type { InvitationRow } from './invite.js';
import { verifySurveyToken } from './survey-token.js';
import { headlineScores, validateAnswers } from './validate-answers.js';
import { lowScoreReason, openRecovery } from './service-recovery.js';
import { writeResponseItems } from './response-items.js';
import { writeResponseComments } from './survey-comments.js';
import { answerBatcherFor } from './answer-batcher.js';
import { publishedContent } from './version-content-cache.js';

/**
 * The public answer page's side: a signed single-use link opens the version it was sent for, keeps
 * progress, and takes one answer. Every refusal carries a reason the page turns into a friendly
 * message: invalid (404), expired / answered / closed (409).
 */

const MESSAGES: Record<SurveyLinkRefusal, string> = {
  invalid: 'this survey link is not valid: it may have been copied incompletely',
  expired: 'this survey link has expired',
  answered: 'this survey has already been answered with this link: thank you',
  closed: 'this survey is no longer open',
};
export const refusal = (reason: SurveyLinkRefusal) => new AppError(reason === 'invalid' ? 'NOT_FOUND' : 'CONFLICT', MESSAGES[reason], reason === 'invalid' ? 404 : 409, { reason });

type Link = InvitationRow & { state: string; content: SurveyContent; recovery_csat_max: number | null; recovery_nps_max: number | null };

/** The invitation a token opens, checked: signature, expiry, the survey it names, single use, the survey still in use. */
async function openLink(db: Db, secret: string, token: string, forUpdate = false): Promise<Link> {
  const check = verifySurveyToken(token, secret, {}, new Date(Date.now()));
  if (!check.ok) throw refusal(check.reason === 'expired' ? 'expired' : 'invalid');
  const [row] = rowsOf<Link>(
    await db.execute(sql`
      SELECT i.*, s.state, s.recovery_csat_max, s.recovery_nps_max, v.content FROM survey_invitations i
      JOIN surveys s ON s.id = i.survey_id JOIN survey_versions v ON v.survey_id = i.survey_id AND v.version = i.version
      WHERE i.id = ${check.payload.invitationId}${forUpdate ? sql` FOR UPDATE OF i` : sql``}`),
  );
  if (!row || row.survey_id !== check.payload.surveyId || row.version !== check.payload.version) throw refusal('invalid');
  if (row.answered_at) throw refusal('answered');
  if (new Date(row.expires_at).getTime() <= Date.now()) throw refusal('expired');
  if (row.state !== 'published') throw refusal('closed');
  return row;
}

export async function loadPublicSurvey(db: Db, secret: string, token: string): Promise<PublicSurvey> {
  const l = await openLink(db, secret, token);
  return { surveyId: l.survey_id, version: l.version, content: l.content, progress: (l.progress as SurveyAnswers | null) ?? null, expiresAt: new Date(l.expires_at).toISOString() };
}

const invalid = (issues: { path: string; message: string }[]) =>
  badRequest('some answers need another look', issues.map((i) => ({ path: `body.answers.${i.path}`, message: i.message })));

/** Keeps a half-filled form (answers so far are checked, required ones may be missing). */
export async function saveSurveyProgress(db: Db, secret: string, token: string, answers: SurveyAnswers): Promise<void> {
  const l = await openLink(db, secret, token);
  const issues = validateAnswers(l.content, answers, false);
  if (issues.length) throw invalid(issues);
  await db.execute(sql`UPDATE survey_invitations SET progress = ${JSON.stringify(answers)}::jsonb WHERE id = ${l.id} AND answered_at IS NULL`);
}

/**
 * Takes the answer. An ordinary answer to a valid link is stored in one statement, with the others
 * arriving at the same time (answer-batcher.ts); anything else — a refusal to explain, answers to check against the stored
 * link, a low score that opens a recovery ticket — goes the careful way: checked against the
 * version, stored with its headline scores and the invitation marked answered in one transaction
 * with the invitation row locked, so two submissions at once give one answer and one "answered".
 */
export async function submitSurveyAnswers(db: Db, secret: string, token: string, answers: SurveyAnswers): Promise<{ ok: true; responseId: string }> {
  const check = verifySurveyToken(token, secret, {}, new Date(Date.now()));
  if (!check.ok) throw refusal(check.reason === 'expired' ? 'expired' : 'invalid');
  const { invitationId, surveyId, version } = check.payload;
  const content = await publishedContent(db, surveyId, version);
  if (content && !validateAnswers(content, answers, true).length) {
    const responseId = await answerBatcherFor(db).submit({ invitationId, surveyId, version, content, answers, ...headlineScores(content, answers) });
    if (responseId) return { ok: true, responseId };
  }
  return db.transaction(async (tx) => {
    const l = await openLink(tx, secret, token, true);
    const issues = validateAnswers(l.content, answers, true);
    if (issues.length) throw invalid(issues);
    const { csat, nps } = headlineScores(l.content, answers);
    // the customer first, as a recovery ticket will: taking it after the answer's rows (which share-lock
    // it by foreign key and lock tally rows) lets two answers of one customer deadlock
    if (l.customer_id) await tx.execute(sql`SELECT 1 FROM customers WHERE id = ${l.customer_id} FOR UPDATE`);
    await tx.execute(sql`UPDATE survey_invitations SET answered_at = now(), progress = NULL WHERE id = ${l.id}`);
    const [r] = rowsOf<{ id: string; created_at: string }>(
      await tx.execute(sql`
        INSERT INTO survey_responses (survey_id, version, invitation_id, org_unit_id, ticket_id, customer_id, staff_user_id, channel, answers, csat, nps)
        VALUES (${l.survey_id}, ${l.version}, ${l.id}, ${l.org_unit_id}, ${l.ticket_id}, ${l.customer_id}, ${l.staff_user_id ?? null}, ${l.channel}, ${JSON.stringify(answers)}::jsonb, ${csat}, ${nps})
        RETURNING id, created_at::text AS created_at`), // as text: a JS Date would drop the microseconds
    );
    await writeResponseItems(tx, { responseId: r!.id, createdAt: r!.created_at, surveyId: l.survey_id, version: l.version, orgUnitId: l.org_unit_id, content: l.content, answers });
    await writeResponseComments(tx, { responseId: r!.id, content: l.content, answers });
    // a low score opens a service-recovery ticket in the same transaction
    const reason = lowScoreReason({ csat, nps }, { csatAtMost: l.recovery_csat_max, npsAtMost: l.recovery_nps_max });
    if (reason) {
      await openRecovery(tx, { responseId: r!.id, reason, surveyName: l.content.nameZh, content: l.content, answers, ticketId: l.ticket_id, customerId: l.customer_id, orgUnitId: l.org_unit_id });
    }
    return { ok: true as const, responseId: r!.id };
  });
}
