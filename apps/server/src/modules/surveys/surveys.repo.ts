import { sql, type SQL } from 'drizzle-orm';
import type {
  SurveyContent,
  SurveyDetail,
  SurveyState,
  SurveySummary,
  SurveyVersion,
} from '@qloop/contracts';
import { rowsOf, type Db } from '../../db/client.js';

/** Reading and writing surveys and their versions (tables surveys, survey_versions; migration 0022). */

type SurveyRow = {
  id: string;
  code: string;
  state: SurveyState;
  published_version: number | null;
  draft_version: number | null;
  row_version: number;
  updated_at: string | Date;
  name_zh: string;
  name_en: string;
  questions: number;
  responses: number;
};
type VersionRow = {
  version: number;
  content: SurveyContent;
  published_at: string | Date | null;
  published_by: string | null;
  published_by_name?: string | null;
  responses: number;
};

const iso = (v: string | Date) => (v instanceof Date ? v : new Date(v)).toISOString();

/** The summary columns: names and question count from the version shown (the published one, else the draft). */
const SUMMARY = sql`
  SELECT s.id, s.code, s.state, s.published_version, s.draft_version, s.row_version, s.updated_at,
         v.content->>'nameZh' AS name_zh, v.content->>'nameEn' AS name_en, jsonb_array_length(v.content->'questions')::int AS questions,
         (SELECT count(*)::int FROM survey_responses r WHERE r.survey_id = s.id) AS responses
  FROM surveys s JOIN survey_versions v ON v.survey_id = s.id AND v.version = coalesce(s.published_version, s.draft_version)`;

const toSummary = (r: SurveyRow): SurveySummary => ({
  id: r.id,
  code: r.code,
  nameZh: r.name_zh,
  nameEn: r.name_en,
  state: r.state,
  publishedVersion: r.published_version,
  draftVersion: r.draft_version,
  questions: Number(r.questions),
  responses: Number(r.responses),
  updatedAt: iso(r.updated_at),
  rowVersion: r.row_version,
});
const toVersion = (v: VersionRow): SurveyVersion => ({
  version: v.version,
  content: v.content,
  publishedAt: v.published_at ? iso(v.published_at) : null,
  publishedBy: v.published_by,
      publishedByName: v.published_by_name ?? null,
  responses: Number(v.responses),
});

const ORDER: Record<string, string> = {
  code: 'lower(code) ASC',
  '-code': 'lower(code) DESC',
  updatedAt: 'updated_at ASC',
  '-updatedAt': 'updated_at DESC',
  responses: 'responses ASC',
  '-responses': 'responses DESC',
};

export async function listSurveys(
  db: Db,
  q: {
    state?: SurveyState | undefined;
    q?: string | undefined;
    sort: string;
    page: number;
    pageSize: number;
  },
): Promise<{ items: SurveySummary[]; total: number }> {
  const conds: SQL[] = [];
  if (q.state) conds.push(sql`state = ${q.state}`);
  if (q.q) {
    const like = `%${q.q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
    conds.push(sql`(code ILIKE ${like} OR name_zh ILIKE ${like} OR name_en ILIKE ${like})`);
  }
  const where = conds.length ? sql`WHERE ${sql.join(conds, sql` AND `)}` : sql``;
  const rows = rowsOf<SurveyRow & { total: number }>(
    await db.execute(sql`
      SELECT x.*, count(*) OVER ()::int AS total FROM (${SUMMARY}) x ${where}
      ORDER BY ${sql.raw(ORDER[q.sort] ?? 'updated_at DESC')}, id
      LIMIT ${q.pageSize} OFFSET ${(q.page - 1) * q.pageSize}`),
  );
  return { items: rows.map(toSummary), total: Number(rows[0]?.total ?? 0) };
}

export async function findSurveySummary(db: Db, id: string): Promise<SurveySummary | null> {
  const [row] = rowsOf<SurveyRow>(await db.execute(sql`SELECT * FROM (${SUMMARY}) x WHERE id = ${id}`));
  return row ? toSummary(row) : null;
}

/** The survey row locked for a change, or null. */
export async function lockSurvey(db: Db, id: string) {
  const [row] = rowsOf<{
    id: string;
    code: string;
    state: SurveyState;
    published_version: number | null;
    draft_version: number | null;
    row_version: number;
  }>(
    await db.execute(
      sql`SELECT id, code, state, published_version, draft_version, row_version FROM surveys WHERE id = ${id} FOR UPDATE`,
    ),
  );
  return row ?? null;
}

export async function findVersion(db: Db, surveyId: string, version: number): Promise<SurveyVersion | null> {
  const [row] = rowsOf<VersionRow>(
    await db.execute(sql`
      SELECT v.version, v.content, v.published_at, v.published_by, (SELECT display_name FROM users u WHERE u.id = v.published_by) AS published_by_name,
             (SELECT count(*)::int FROM survey_responses r WHERE r.survey_id = v.survey_id AND r.version = v.version) AS responses
      FROM survey_versions v WHERE v.survey_id = ${surveyId} AND v.version = ${version}`),
  );
  return row ? toVersion(row) : null;
}

export async function findSurveyDetail(db: Db, id: string): Promise<SurveyDetail | null> {
  const summary = await findSurveySummary(db, id);
  if (!summary) return null;
  const [recovery] = rowsOf<{ csat: number | null; nps: number | null }>(await db.execute(sql`SELECT recovery_csat_max AS csat, recovery_nps_max AS nps FROM surveys WHERE id = ${id}`));
  const [draft, published, history] = await Promise.all([
    summary.draftVersion ? findVersion(db, id, summary.draftVersion) : null,
    summary.publishedVersion ? findVersion(db, id, summary.publishedVersion) : null,
    db.execute(sql`
      SELECT v.version, v.published_at, v.published_by, (SELECT display_name FROM users u WHERE u.id = v.published_by) AS published_by_name, v.content->>'nameZh' AS name_zh, v.content->>'nameEn' AS name_en,
             (SELECT count(*)::int FROM survey_responses r WHERE r.survey_id = v.survey_id AND r.version = v.version) AS responses
      FROM survey_versions v WHERE v.survey_id = ${id} AND v.published_at IS NOT NULL ORDER BY v.version DESC`),
  ]);
  return {
    ...summary,
    recovery: { csatAtMost: recovery?.csat ?? null, npsAtMost: recovery?.nps ?? null },
    draft,
    published,
    history: rowsOf<Omit<VersionRow, 'content'> & { name_zh: string; name_en: string }>(history).map((v) => ({
      version: v.version,
      publishedAt: v.published_at ? iso(v.published_at) : null,
      publishedBy: v.published_by,
      publishedByName: v.published_by_name ?? null,
      responses: Number(v.responses),
      nameZh: v.name_zh,
      nameEn: v.name_en,
    })),
  };
}
