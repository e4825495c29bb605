import { sql } from 'drizzle-orm';
import type { SurveyAnswers, SurveyContent } from '@qloop/contracts';
import { rowsOf, type Db } from '../../db/client.js';
import { responseItems } from './response-items.js';
import { commentRows } from './survey-comments.js';

/**
 * An ordinary answer stored in ONE statement (no explicit transaction, one round trip): the
 * invitation is marked answered only if it still may be — unanswered, unexpired, its survey
 * published — and only if the scores are not low enough to need a recovery ticket; the response,
 * its scored items and its comments are inserted from that same row. A statement is atomic, and
 * the invitation's row lock makes a second submission of the same link wait and then find it
 * answered (expiry by the server's clock, as on the careful path). Returns the response id, or
 * null when the statement took nothing: the caller then
 * takes the careful path, which says exactly why (answered, expired, closed) or opens the recovery
 * ticket in its transaction.
 */
export async function recordAnswerAtOnce(
  db: Db,
  a: { invitationId: string; surveyId: string; version: number; content: SurveyContent; answers: SurveyAnswers; csat: number | null; nps: number | null },
): Promise<string | null> {
  const items = responseItems(a.content, a.answers);
  const comments = commentRows(a.content, a.answers);
  const [row] = rowsOf<{ id: string }>(
    await db.execute(sql`
      WITH inv AS (
        UPDATE survey_invitations i SET answered_at = now(), progress = NULL
        FROM surveys s
        WHERE i.id = ${a.invitationId} AND i.survey_id = ${a.surveyId} AND i.version = ${a.version}
          AND i.answered_at IS NULL AND i.expires_at > ${new Date(Date.now()).toISOString()}::timestamptz AND s.id = i.survey_id AND s.state = 'published'
          AND (${a.csat}::int IS NULL OR s.recovery_csat_max IS NULL OR ${a.csat}::int > s.recovery_csat_max)
          AND (${a.nps}::int IS NULL OR s.recovery_nps_max IS NULL OR ${a.nps}::int > s.recovery_nps_max)
        RETURNING i.id, i.org_unit_id, i.ticket_id, i.customer_id, i.staff_user_id, i.channel
      ), resp AS (
        INSERT INTO survey_responses (survey_id, version, invitation_id, org_unit_id, ticket_id, customer_id, staff_user_id, channel, answers, csat, nps)
        SELECT ${a.surveyId}, ${a.version}, inv.id, inv.org_unit_id, inv.ticket_id, inv.customer_id, inv.staff_user_id, inv.channel,
               ${JSON.stringify(a.answers)}::jsonb, ${a.csat}, ${a.nps}
        FROM inv
        RETURNING id, org_unit_id, ticket_id, channel, created_at
      ), items AS (
        INSERT INTO survey_response_items (response_id, question_key, survey_id, version, type, element_id, dimension, score, expectation, perception, org_unit_id, created_at)
        SELECT resp.id, i.question_key, ${a.surveyId}, ${a.version}, i.type, i.element_id, i.dimension, i.score, i.expectation, i.perception, resp.org_unit_id, resp.created_at
        FROM resp, jsonb_to_recordset(${JSON.stringify(items)}::jsonb)
          AS i(question_key text, type text, element_id uuid, dimension text, score smallint, expectation smallint, perception smallint)
      ), comments AS (
        INSERT INTO survey_comments (response_id, question_key, survey_id, version, text, org_unit_id, channel, csat, nps, keywords, created_at)
        SELECT resp.id, c.question_key, ${a.surveyId}, ${a.version}, c.text, resp.org_unit_id, coalesce(t.channel, resp.channel), ${a.csat}, ${a.nps},
               ARRAY(SELECT jsonb_array_elements_text(c.keywords)), resp.created_at
        FROM resp CROSS JOIN jsonb_to_recordset(${JSON.stringify(comments)}::jsonb) AS c(question_key text, text text, keywords jsonb)
        LEFT JOIN tickets t ON t.id = resp.ticket_id
      )
      SELECT id FROM resp`),
  );
  return row?.id ?? null;
}
