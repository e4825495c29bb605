import { sql, type SQL } from 'drizzle-orm';
import { type Page, type SurveyComment, type SurveyCommentsQuery } from '@qloop/contracts';
import { rowsOf, type Db } from '../../db/client.js';
import type { AuditContext } from '../audit/append-audit.js';
import { appendAudit } from '../audit/append-audit.js';
import type { Principal } from '../auth/principal.js';
import type { AnalysisScope } from './analysis-filter.js';
import { commentConditions, type CommentFilters } from './comment-filters.js';
import { commentCount } from './comment-tallies.js';
import { hasPhone, maskPhonesInText } from './survey-comments.js';

const ORDER: Record<NonNullable<SurveyCommentsQuery['sort']>, SQL> = {
  '-createdAt': sql`c.created_at DESC, c.response_id DESC, c.question_key`,
  createdAt: sql`c.created_at, c.response_id, c.question_key`,
  csat: sql`c.csat ASC NULLS LAST, c.created_at DESC, c.response_id DESC, c.question_key`,
  '-csat': sql`c.csat DESC NULLS LAST, c.created_at DESC, c.response_id DESC, c.question_key`,
  nps: sql`c.nps ASC NULLS LAST, c.created_at DESC, c.response_id DESC, c.question_key`,
  '-nps': sql`c.nps DESC NULLS LAST, c.created_at DESC, c.response_id DESC, c.question_key`,
};

type Row = { response_id: string; question_key: string; text: string; keywords: string[]; org_unit_id: string | null; channel: string; csat: number | null; nps: number | null; created_at: string | Date };

/**
 * The comments (原话) of a survey in an org subtree and a period, filtered by keyword, score band,
 * CSAT and channel, sorted and paged. Mobile numbers in the text are masked; a caller with
 * pii:unmask reads them whole, and each comment so revealed is recorded in the audit trail (one
 * entry per comment, on its unit) in the same transaction as the read.
 */
export async function listSurveyComments(
  db: Db,
  o: { principal: Principal; audit: AuditContext; scope: AnalysisScope; filters: CommentFilters; sort: NonNullable<SurveyCommentsQuery['sort']>; page: number; pageSize: number },
): Promise<Page<SurveyComment>> {
  const where = commentConditions(o.scope, o.filters);
  return db.transaction(async (tx) => {
    const [rows, count] = await Promise.all([
      tx.execute(sql`
        SELECT c.response_id, c.question_key, c.text, c.keywords, c.org_unit_id, c.channel, c.csat, c.nps, c.created_at
        FROM survey_comments c WHERE ${where}
        ORDER BY ${ORDER[o.sort]} LIMIT ${o.pageSize} OFFSET ${(o.page - 1) * o.pageSize}`),
      commentCount(tx, o.scope, o.filters),
    ]);
    const items = rowsOf<Row>(rows);
    const reveal = o.principal.permissions.has('pii:unmask');
    if (reveal) {
      const shown = items.filter((r) => hasPhone(r.text));
      await appendAudit(tx, o.audit, shown.map((r) => ({
        action: 'view_pii', entityType: 'survey_comment', entityId: r.response_id, orgUnitId: r.org_unit_id,
        after: { fields: ['phone'], questionKey: r.question_key, reason: 'survey comment read in the satisfaction analysis' },
      })));
    }
    return {
      items: items.map((r) => ({
        responseId: r.response_id,
        questionKey: r.question_key,
        text: reveal ? r.text : maskPhonesInText(r.text),
        keywords: r.keywords,
        orgUnitId: r.org_unit_id,
        channel: r.channel,
        csat: r.csat === null ? null : Number(r.csat),
        nps: r.nps === null ? null : Number(r.nps),
        createdAt: new Date(r.created_at).toISOString(),
      })),
      total: count,
      page: o.page,
      pageSize: o.pageSize,
    };
  });
}
