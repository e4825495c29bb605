import { sql, type SQL } from 'drizzle-orm';
import type { SurveyAnswers, SurveyContent, SurveyRecovery } from '@qloop/contracts';
import { rowsOf, type Db } from '../../db/client.js';
import { answerPairs } from './recovery-answers.js';
import { maskPhonesInText } from './survey-comments.js';

/**
 * Reading service recoveries (table survey_recoveries, migration 0024) with what the person who
 * calls the customer back needs: the recovery ticket, the answer in words against the version the
 * customer answered, the ticket the answer was about, and who closed the loop.
 */

type Row = {
  response_id: string; ticket_id: string; no: string; state: string; org_unit_id: string; survey_id: string; code: string;
  content: SurveyContent; answers: SurveyAnswers; origin_ticket_id: string | null; origin_no: string | null;
  reason: string; csat: number | null; nps: number | null;
  recovered: boolean | null; note: string | null; recorded_at: string | Date | null; recorded_by_name: string | null; created_at: string | Date;
};
const iso = (v: string | Date) => (v instanceof Date ? v : new Date(v)).toISOString();

const toRecovery = (r: Row): SurveyRecovery => ({
  responseId: r.response_id, ticketId: r.ticket_id, ticketNo: r.no, ticketState: r.state, orgUnitId: r.org_unit_id,
  surveyId: r.survey_id, surveyCode: r.code, surveyNameZh: r.content.nameZh, surveyNameEn: r.content.nameEn,
  originTicketId: r.origin_ticket_id, originTicketNo: r.origin_no,
  reason: r.reason, csat: r.csat, nps: r.nps,
  // a number typed into a comment is masked like every customer phone: the caller-back dials from the customer panel (unmasking there is audited)
  answers: answerPairs(r.content, r.answers).map((a) => (a.type === 'text' ? { ...a, answerZh: maskPhonesInText(a.answerZh), answerEn: maskPhonesInText(a.answerEn) } : a)),
  recovered: r.recovered, note: r.note, recordedAt: r.recorded_at ? iso(r.recorded_at) : null, recordedByName: r.recorded_by_name, createdAt: iso(r.created_at),
});

// `tickets` is not aliased, so the tickets module's scope condition (written against its columns) applies as it is
const FROM = sql`
  FROM survey_recoveries x
  JOIN tickets ON tickets.id = x.ticket_id
  JOIN survey_responses r ON r.id = x.response_id
  JOIN surveys s ON s.id = r.survey_id
  JOIN survey_versions v ON v.survey_id = r.survey_id AND v.version = r.version
  LEFT JOIN tickets o ON o.id = r.ticket_id
  LEFT JOIN users u ON u.id = x.recorded_by`;
const SELECT = sql`
  SELECT x.response_id, x.ticket_id, tickets.no, tickets.state, x.org_unit_id, r.survey_id, s.code, v.content, r.answers,
         r.ticket_id AS origin_ticket_id, o.no AS origin_no, x.reason, r.csat, r.nps,
         x.recovered, x.note, x.recorded_at, u.display_name AS recorded_by_name, x.created_at
  ${FROM}`;

/** One recovery by its answer's id, whatever the scope (callers check it first). */
export async function findRecovery(db: Db, responseId: string): Promise<SurveyRecovery | null> {
  const [row] = rowsOf<Row>(await db.execute(sql`${SELECT} WHERE x.response_id = ${responseId}`));
  return row ? toRecovery(row) : null;
}

/** A page of recoveries matching `where`, newest or oldest first, with the count of all matches. */
export async function findRecoveries(db: Db, o: { where: SQL; newestFirst: boolean; limit: number; offset: number }) {
  const dir = o.newestFirst ? sql`DESC` : sql`ASC`;
  const rows = rowsOf<Row>(await db.execute(sql`${SELECT} WHERE ${o.where} ORDER BY x.created_at ${dir}, x.response_id ${dir} LIMIT ${o.limit} OFFSET ${o.offset}`));
  const [count] = rowsOf<{ n: number }>(await db.execute(sql`SELECT count(*)::int AS n ${FROM} WHERE ${o.where}`));
  return { items: rows.map(toRecovery), total: Number(count?.n ?? 0) };
}

/** The surveys with a recovery matching `where`, by code, named as their latest answered version. */
export async function findRecoverySurveys(db: Db, where: SQL) {
  return rowsOf<{ id: string; code: string; nameZh: string; nameEn: string }>(
    await db.execute(sql`
      SELECT DISTINCT ON (s.code) s.id, s.code, v.content->>'nameZh' AS "nameZh", v.content->>'nameEn' AS "nameEn"
      ${FROM} WHERE ${where}
      ORDER BY s.code, v.version DESC`),
  );
}
