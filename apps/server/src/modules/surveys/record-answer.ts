import { sql } from 'drizzle-orm';
import type { SurveyAnswers, SurveyContent } from '@qloop/contracts';
import { rowsOf, type Db } from '../../db/client.js';
import { ITEM_COLUMNS, ITEM_RECORD, responseItems } from './response-items.js';
import { COMMENT_COLUMNS, commentRows, commentValuesFrom } from './survey-comments.js';

export type OrdinaryAnswer = { invitationId: string; surveyId: string; version: number; content: SurveyContent; answers: SurveyAnswers; csat: number | null; nps: number | null };

/**
 * Ordinary answers stored in ONE statement (no explicit transaction, one round trip, one commit
 * for all of them): each invitation is marked answered only if it still may be — unanswered,
 * unexpired, its survey published — and only if its scores are not low enough to need a recovery
 * ticket; the responses, their scored items and their comments are inserted from those same rows.
 * A statement is atomic, and an invitation's row lock makes a second submission of the same link
 * wait and then find it answered (expiry by the server's clock, as on the careful path). The
 * statement-level tally triggers fire once for the lot, which is what makes many answers at once
 * cheap (see answer-batcher.ts).
 * Returns invitation id → response id for the answers taken; an answer missing from the map was
 * taken by nothing: its caller then takes the careful path, which says exactly why (answered,
 * expired, closed) or opens the recovery ticket in its transaction.
 * The same invitation must not appear twice in one call.
 */
export async function recordAnswersAtOnce(db: Db, answers: readonly OrdinaryAnswer[]): Promise<Map<string, string>> {
  if (!answers.length) return new Map();
  const input = answers.map((a) => ({
    invitation_id: a.invitationId, survey_id: a.surveyId, version: a.version, answers: a.answers, csat: a.csat, nps: a.nps,
    items: responseItems(a.content, a.answers), comments: commentRows(a.content, a.answers),
  }));
  const rows = rowsOf<{ invitation_id: string; id: string }>(
    await db.execute(sql`
      WITH x AS (
        SELECT * FROM jsonb_to_recordset(${JSON.stringify(input)}::jsonb)
          AS x(invitation_id uuid, survey_id uuid, version int, answers jsonb, csat smallint, nps smallint, items jsonb, comments jsonb)
      ), inv AS (
        UPDATE survey_invitations i SET answered_at = now(), progress = NULL
        FROM x JOIN surveys s ON s.id = x.survey_id
        WHERE i.id = x.invitation_id AND i.survey_id = x.survey_id AND i.version = x.version
          AND i.answered_at IS NULL AND i.expires_at > ${new Date(Date.now()).toISOString()}::timestamptz AND s.state = 'published'
          AND (x.csat IS NULL OR s.recovery_csat_max IS NULL OR x.csat > s.recovery_csat_max)
          AND (x.nps IS NULL OR s.recovery_nps_max IS NULL OR x.nps > s.recovery_nps_max)
        RETURNING i.id, i.org_unit_id, i.ticket_id, i.customer_id, i.staff_user_id, i.channel
      ), resp AS (
        INSERT INTO survey_responses (survey_id, version, invitation_id, org_unit_id, ticket_id, customer_id, staff_user_id, channel, answers, csat, nps)
        SELECT x.survey_id, x.version, inv.id, inv.org_unit_id, inv.ticket_id, inv.customer_id, inv.staff_user_id, inv.channel, x.answers, x.csat, x.nps
        FROM inv JOIN x ON x.invitation_id = inv.id
        RETURNING id, invitation_id, survey_id, version, org_unit_id, ticket_id, channel, csat, nps, created_at
      ), items AS (
        INSERT INTO survey_response_items (${ITEM_COLUMNS})
        SELECT resp.id, i.question_key, resp.survey_id, resp.version, i.type, i.element_id, i.dimension, i.score, i.expectation, i.perception, resp.org_unit_id, resp.created_at
        FROM resp JOIN x ON x.invitation_id = resp.invitation_id
        CROSS JOIN LATERAL jsonb_to_recordset(x.items) AS ${ITEM_RECORD}
      ), comments AS (
        INSERT INTO survey_comments (${COMMENT_COLUMNS})
        SELECT ${commentValuesFrom('resp')}
        FROM resp JOIN x ON x.invitation_id = resp.invitation_id
        CROSS JOIN LATERAL jsonb_to_recordset(x.comments) AS c(question_key text, text text, keywords jsonb)
        LEFT JOIN tickets t ON t.id = resp.ticket_id
      )
      SELECT invitation_id, id FROM resp`),
  );
  return new Map(rows.map((r) => [r.invitation_id, r.id]));
}

/** One ordinary answer (see recordAnswersAtOnce): its response id, or null when the statement took nothing. */
export async function recordAnswerAtOnce(db: Db, a: OrdinaryAnswer): Promise<string | null> {
  return (await recordAnswersAtOnce(db, [a])).get(a.invitationId) ?? null;
}
