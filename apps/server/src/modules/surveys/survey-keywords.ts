import { sql } from 'drizzle-orm';
import { SCORE_BAND_RANGES, type SurveyKeywords } from '@qloop/contracts';
import { rowsOf, type Db } from '../../db/client.js';
import type { AnalysisScope } from './analysis-filter.js';
import { stopWords } from './comment-keywords.js';
import { commentConditions, type CommentFilters } from './list-survey-comments.js';
import { roundTo } from './analysis/rounding.js';

/**
 * The keyword cloud: the most frequent keywords of the filtered comments, each with the comments
 * containing it and how many of those came from NPS detractors. Counted in SQL over the stored
 * keywords (unnest + group), never by segmenting text at read time; words on today's stop list are
 * left out even where older rows still hold them.
 */
export async function surveyKeywords(db: Db, o: { scope: AnalysisScope; filters: Omit<CommentFilters, 'keyword'>; limit: number }): Promise<SurveyKeywords> {
  const where = commentConditions(o.scope, o.filters);
  const detractor = SCORE_BAND_RANGES.detractor;
  const [words, total] = await Promise.all([
    db.execute(sql`
      SELECT k AS keyword, count(*)::int AS n,
             count(*) FILTER (WHERE c.nps BETWEEN ${detractor.min} AND ${detractor.max})::int AS detractors, count(c.nps)::int AS nps_answered
      FROM survey_comments c CROSS JOIN LATERAL unnest(c.keywords) AS k
      WHERE ${where}
      GROUP BY k HAVING k <> ALL (string_to_array(${stopWords().join(',')}, ',')) -- per word, not per occurrence
      ORDER BY n DESC, k LIMIT ${o.limit}`),
    db.execute(sql`SELECT count(*)::int AS n FROM survey_comments c WHERE ${where}`),
  ]);
  return {
    comments: Number(rowsOf<{ n: number }>(total)[0]?.n ?? 0),
    items: rowsOf<{ keyword: string; n: number; detractors: number; nps_answered: number }>(words).map((w) => ({
      keyword: w.keyword,
      count: Number(w.n),
      detractors: Number(w.detractors),
      npsAnswered: Number(w.nps_answered),
      detractorShare: Number(w.nps_answered) > 0 ? roundTo((Number(w.detractors) / Number(w.nps_answered)) * 100, 1) : null,
    })),
  };
}
