import { sql } from 'drizzle-orm';
import { maskPhone, type SurveyAnswers, type SurveyContent } from '@qloop/contracts';
import type { Db } from '../../db/client.js';
import { commentKeywords } from './comment-keywords.js';

/**
 * Verbatim comments (原话): the free-text answers of an answer set, kept one per row in
 * survey_comments with their jieba keywords, written with the answer.
 */

export type CommentRow = { question_key: string; text: string; keywords: string[] };

/** The text answers worth keeping (empty ones are not comments), each with its keywords. Pure. */
export function commentRows(content: SurveyContent, answers: SurveyAnswers): CommentRow[] {
  return content.questions.flatMap((q): CommentRow[] => {
    const a = answers[q.key];
    if (q.type !== 'text' || typeof a !== 'string') return [];
    const text = a.trim();
    return text ? [{ question_key: q.key, text, keywords: commentKeywords(text) }] : [];
  });
}

/** The columns of survey_comments as both writers (one answer, answers at once) fill them. */
export const COMMENT_COLUMNS = sql.raw('response_id, question_key, survey_id, version, text, org_unit_id, channel, csat, nps, keywords, created_at');

/**
 * A comment's values for COMMENT_COLUMNS: from its response (alias `response`), the comment read
 * from JSON (`c`) and the answered ticket (`t`, left-joined). The channel is the service channel:
 * the ticket's, else the answer's own.
 */
export const commentValuesFrom = (response: 'r' | 'resp') =>
  sql.raw(`${response}.id, c.question_key, ${response}.survey_id, ${response}.version, c.text, ${response}.org_unit_id, COALESCE(t.channel, ${response}.channel),
    ${response}.csat, ${response}.nps, ARRAY(SELECT jsonb_array_elements_text(c.keywords)), ${response}.created_at`);

/**
 * Stores comments of any number of answers (the catch-up writes a batch at once). The answer row
 * gives survey, version, unit, scores and time; the channel is the service channel — the answered
 * ticket's, else the answer's own. A comment already stored is left as it is, so a rerun is harmless.
 */
export async function insertComments(tx: Db, rows: readonly (CommentRow & { response_id: string })[]): Promise<void> {
  if (!rows.length) return;
  await tx.execute(sql`
    INSERT INTO survey_comments (${COMMENT_COLUMNS})
    SELECT ${commentValuesFrom('r')}
    FROM jsonb_to_recordset(${JSON.stringify(rows)}::jsonb) AS c(response_id uuid, question_key text, text text, keywords jsonb)
    JOIN survey_responses r ON r.id = c.response_id
    LEFT JOIN tickets t ON t.id = r.ticket_id
    ON CONFLICT (response_id, question_key) DO NOTHING`);
}

/** The comments of one answer, in the transaction that stores it. */
export async function writeResponseComments(tx: Db, r: { responseId: string; content: SurveyContent; answers: SurveyAnswers }): Promise<void> {
  await insertComments(tx, commentRows(r.content, r.answers).map((c) => ({ ...c, response_id: r.responseId })));
}

/** Mainland mobile numbers, also written 138 1234 5678 or 138-1234-5678, not inside a longer number. */
const MOBILE = /(?<!\d)1[3-9]\d(?:[ -]?\d{4}){2}(?!\d)/g;

/** A comment's text with every mobile number masked as the rest of the app masks phones (138****5678). Pure. */
export function maskPhonesInText(text: string): string {
  return text.replace(MOBILE, (m) => maskPhone(m.replace(/[ -]/g, ''))!);
}

/** Whether the text holds a mobile number (revealing it is a PII view). Pure. */
export const hasPhone = (text: string) => new RegExp(MOBILE.source).test(text);
