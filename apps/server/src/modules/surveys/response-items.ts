import { sql } from 'drizzle-orm';
import type { SurveyAnswers, SurveyContent } from '@qloop/contracts';
import type { Db } from '../../db/client.js';

export type ResponseItem = { question_key: string; type: string; element_id: string | null; dimension: string | null; score: number | null; expectation: number | null; perception: number | null };

/** The columns of survey_response_items as both writers (one answer, answers at once) fill them. */
export const ITEM_COLUMNS = sql.raw('response_id, question_key, survey_id, version, type, element_id, dimension, score, expectation, perception, org_unit_id, created_at');
/** A `ResponseItem` read back from JSON: `jsonb_to_recordset(...) AS ${ITEM_RECORD}` names it `i`. */
export const ITEM_RECORD = sql.raw('i(question_key text, type text, element_id uuid, dimension text, score smallint, expectation smallint, perception smallint)');

/** The scored answers of an answer set, one per question (choices and text are not scores). Pure. */
export function responseItems(content: SurveyContent, answers: SurveyAnswers): ResponseItem[] {
  return content.questions.flatMap((q): ResponseItem[] => {
    const a = answers[q.key];
    if (a === undefined) return [];
    const base = { question_key: q.key, type: q.type, element_id: q.elementId ?? null, dimension: q.dimension ?? null };
    if ((q.type === 'csat' || q.type === 'nps' || q.type === 'stars') && typeof a === 'number') return [{ ...base, score: a, expectation: null, perception: null }];
    if (q.type === 'servqual' && typeof a === 'object' && !Array.isArray(a)) {
      const p = a as { expectation: number; perception: number };
      return [{ ...base, score: null, expectation: p.expectation, perception: p.perception }];
    }
    return [];
  });
}

export async function writeResponseItems(tx: Db, r: { responseId: string; /** the response's created_at as PostgreSQL wrote it (text) */ createdAt: string; surveyId: string; version: number; orgUnitId: string | null; content: SurveyContent; answers: SurveyAnswers }): Promise<void> {
  const items = responseItems(r.content, r.answers);
  if (!items.length) return;
  await tx.execute(sql`
    INSERT INTO survey_response_items (${ITEM_COLUMNS})
    SELECT ${r.responseId}, i.question_key, ${r.surveyId}, ${r.version}, i.type, i.element_id, i.dimension, i.score, i.expectation, i.perception, ${r.orgUnitId},
           ${r.createdAt}::timestamptz
    FROM jsonb_to_recordset(${JSON.stringify(items)}::jsonb) AS ${ITEM_RECORD}`);
}
