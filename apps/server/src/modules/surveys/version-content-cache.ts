import { sql } from 'drizzle-orm';
import type { SurveyContent } from '@qloop/contracts';
import { rowsOf, type Db } from '../../db/client.js';

/**
 * Published survey versions never change (a database trigger refuses it), so their content is
 * kept in memory once read: an answer need not fetch its questionnaire again. Drafts can change and
 * are never cached. Bounded; the oldest entry goes first.
 */
const MAX = 500;
const cache = new Map<string, SurveyContent>();

/** The content of a published version (null when there is no such published version). */
export async function publishedContent(db: Db, surveyId: string, version: number): Promise<SurveyContent | null> {
  const key = `${surveyId}:${version}`;
  const hit = cache.get(key);
  if (hit) return hit;
  const [row] = rowsOf<{ content: SurveyContent }>(
    await db.execute(sql`SELECT content FROM survey_versions WHERE survey_id = ${surveyId} AND version = ${version} AND published_at IS NOT NULL`),
  );
  if (!row) return null;
  if (cache.size >= MAX) cache.delete(cache.keys().next().value!);
  cache.set(key, row.content);
  return row.content;
}
