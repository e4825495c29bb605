import { sql } from 'drizzle-orm';
import type { SurveyKeywords } from '@qloop/contracts';
import { rowsOf, type Db } from '../../db/client.js';
import type { AnalysisScope } from './analysis-filter.js';
import { stopWords } from './comment-keywords.js';
import type { CommentFilters } from './comment-filters.js';
import { keywordCountRows } from './comment-tallies.js';
import { roundTo } from './analysis/rounding.js';

/**
 * The keyword cloud: the most frequent keywords of the filtered comments, each with the comments
 * containing it and how many of those came from NPS detractors. Counted in SQL from the stored
 * keywords — the monthly tallies for whole months, the comments for the days around them
 * (comment-tallies.ts) — never by segmenting text at read time; words on today's stop list are
 * left out even where older rows still hold them.
 */
export async function surveyKeywords(db: Db, o: { scope: AnalysisScope; filters: Omit<CommentFilters, 'keyword'>; limit: number }): Promise<SurveyKeywords> {
  const rows = rowsOf<{ k: string; n: number; d: number; a: number }>(
    await db.execute(sql`
      WITH counted AS (SELECT k, sum(n)::int AS n, sum(d)::int AS d, sum(a)::int AS a FROM (${keywordCountRows(o.scope, o.filters)}) AS r GROUP BY k)
      SELECT * FROM (
        SELECT * FROM counted WHERE k <> '' AND n > 0 AND k <> ALL (string_to_array(${stopWords().join(',')}, ','))
        ORDER BY n DESC, k LIMIT ${o.limit}
      ) AS words
      UNION ALL SELECT * FROM counted WHERE k = ''`),
  );
  return {
    comments: Number(rows.find((r) => r.k === '')?.n ?? 0),
    items: rows.filter((r) => r.k !== '').map((w) => ({
      keyword: w.k,
      count: Number(w.n),
      detractors: Number(w.d),
      npsAnswered: Number(w.a),
      detractorShare: Number(w.a) > 0 ? roundTo((Number(w.d) / Number(w.a)) * 100, 1) : null,
    })),
  };
}
