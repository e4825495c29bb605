import { sql } from 'drizzle-orm';
import type { SurveyAnswers, SurveyContent } from '@qloop/contracts';
import { rowsOf, type Db } from '../../db/client.js';
import { commentRows, insertComments } from './survey-comments.js';

const KEY = 'survey_comments_catch_up';
type Cursor = { before: string; afterAt?: string; afterId?: string };

/**
 * Comments for the answers given before survey_comments existed (migration 0027 left a cursor in
 * app_settings when there were any): one batch of older answers in (created_at, id) order, their
 * free-text answers segmented and stored, the cursor moved on — and deleted once the walk is
 * through, after which this costs one primary-key read. The cursor row is locked for the batch, so
 * several instances take turns; a comment already stored is left alone, so a rerun is harmless.
 */
export async function catchUpSurveyComments(db: Db, batch = 500): Promise<{ answers: number; comments: number; done: boolean }> {
  return db.transaction(async (tx) => {
    const [marker] = rowsOf<{ value: Cursor }>(await tx.execute(sql`SELECT value FROM app_settings WHERE key = ${KEY} FOR UPDATE`));
    if (!marker) return { answers: 0, comments: 0, done: true };
    const c = marker.value;
    const answers = rowsOf<{ id: string; at: string; answers: SurveyAnswers; content: SurveyContent }>(
      await tx.execute(sql`
        SELECT r.id, r.created_at::text AS at, r.answers, v.content FROM survey_responses r
        JOIN survey_versions v ON v.survey_id = r.survey_id AND v.version = r.version
        WHERE r.created_at < ${c.before}::timestamptz
          ${c.afterAt ? sql`AND (r.created_at, r.id) > (${c.afterAt}::timestamptz, ${c.afterId}::uuid)` : sql``}
        ORDER BY r.created_at, r.id LIMIT ${batch}`),
    );
    const comments = answers.flatMap((a) => commentRows(a.content, a.answers).map((row) => ({ ...row, response_id: a.id })));
    await insertComments(tx, comments);
    const last = answers[answers.length - 1];
    const done = answers.length < batch || !last;
    if (done) await tx.execute(sql`DELETE FROM app_settings WHERE key = ${KEY}`);
    else await tx.execute(sql`UPDATE app_settings SET value = ${JSON.stringify({ before: c.before, afterAt: last.at, afterId: last.id })}::jsonb, updated_at = now() WHERE key = ${KEY}`);
    return { answers: answers.length, comments: comments.length, done };
  });
}
