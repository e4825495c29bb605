import { sql, type SQL } from 'drizzle-orm';
import { SCORE_BAND_RANGES, type ScoreBand } from '@qloop/contracts';
import { inAnalysisScope, type AnalysisScope } from './analysis-filter.js';
import { normalizeKeyword } from './comment-keywords.js';

/** What narrows comments beyond the analysis scope. */
export type CommentFilters = { keyword?: string | undefined; band?: ScoreBand | undefined; csatMax?: number | undefined; channel?: string | undefined };

/** survey_comments rows (alias c) in the scope and the filters; a keyword goes through the GIN index. */
export function commentConditions(s: AnalysisScope, f: CommentFilters): SQL {
  const parts = [inAnalysisScope('c', { surveyId: s.surveyId, unitId: s.unit.id, from: s.from, to: s.to })];
  if (f.keyword) parts.push(sql`c.keywords @> ARRAY[${normalizeKeyword(f.keyword)}]::text[]`);
  if (f.band) parts.push(sql`c.nps BETWEEN ${SCORE_BAND_RANGES[f.band].min} AND ${SCORE_BAND_RANGES[f.band].max}`);
  if (f.csatMax !== undefined) parts.push(sql`c.csat <= ${f.csatMax}`);
  if (f.channel) parts.push(sql`c.channel = ${f.channel}`);
  return sql.join(parts, sql` AND `);
}
