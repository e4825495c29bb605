import { sql, type SQL } from 'drizzle-orm';
import type { ScanPointKind, SurveyScanPoint } from '@qloop/contracts';
import { rowsOf, type Db } from '../../db/client.js';
import { orgSubtreeCondition } from '../../lib/scope.js';
import { scanPath } from './scan-code.js';

/** Reading and writing scan-to-rate points (table survey_scan_points; migration 0026). */

type Row = {
  id: string; code: string; survey_id: string; survey_code: string; survey_name_zh: string; survey_name_en: string; survey_state: string;
  kind: ScanPointKind; label_zh: string; label_en: string | null; org_unit_id: string; org_unit_name: string; org_unit_name_en: string | null;
  org_unit_path: string[]; staff_user_id: string | null; staff_name: string | null; active: boolean; responses: number;
  created_at: string | Date; updated_at: string | Date; row_version: number;
};

const iso = (v: string | Date) => (v instanceof Date ? v : new Date(v)).toISOString();

/** A point with its survey's name (the published version, else the draft), its unit, staff member and answers. */
const SELECT = sql`
  SELECT p.*, s.code AS survey_code, s.state AS survey_state,
         coalesce(v.content->>'nameZh', s.code) AS survey_name_zh, coalesce(v.content->>'nameEn', s.code) AS survey_name_en,
         u.name AS org_unit_name, u.name_en AS org_unit_name_en, u.path AS org_unit_path, su.display_name AS staff_name,
         (SELECT count(*)::int FROM survey_responses r JOIN survey_invitations i ON i.id = r.invitation_id WHERE i.scan_point_id = p.id) AS responses
  FROM survey_scan_points p JOIN surveys s ON s.id = p.survey_id
  LEFT JOIN survey_versions v ON v.survey_id = s.id AND v.version = coalesce(s.published_version, s.draft_version)
  JOIN org_units u ON u.id = p.org_unit_id
  LEFT JOIN users su ON su.id = p.staff_user_id`;

/** A point as the API shows it, with its unit's path for the scope check. */
export type ScanPointRecord = Omit<SurveyScanPoint, 'url'> & { orgUnitPath: string[] };

const toScanPoint = (r: Row): ScanPointRecord => ({
  id: r.id, code: r.code, path: scanPath(r.code), surveyId: r.survey_id, surveyCode: r.survey_code, surveyNameZh: r.survey_name_zh,
  surveyNameEn: r.survey_name_en, surveyState: r.survey_state, kind: r.kind, labelZh: r.label_zh, labelEn: r.label_en, orgUnitId: r.org_unit_id,
  orgUnitName: r.org_unit_name, orgUnitNameEn: r.org_unit_name_en, staffUserId: r.staff_user_id, staffName: r.staff_name, active: r.active,
  responses: Number(r.responses), createdAt: iso(r.created_at), updatedAt: iso(r.updated_at), rowVersion: r.row_version, orgUnitPath: r.org_unit_path,
});

/** The API shape (but the absolute address, which depends on the request) without the scope helper field. */
export type ScanPointShape = Omit<SurveyScanPoint, 'url'>;
export const publicShape = ({ orgUnitPath: _path, ...p }: ScanPointRecord): ScanPointShape => p;

const ORDER: Record<string, string> = {
  label: 'lower(label_zh) ASC',
  '-label': 'lower(label_zh) DESC',
  kind: 'kind ASC, lower(label_zh) ASC',
  '-kind': 'kind DESC, lower(label_zh) ASC',
  responses: 'responses ASC',
  '-responses': 'responses DESC',
  updatedAt: 'updated_at ASC',
  '-updatedAt': 'updated_at DESC',
};

/** Points filtered (the caller's scope comes as `scope`), sorted and paged. */
export async function selectScanPoints(
  db: Db,
  q: { scope: SQL | undefined; survey?: string | undefined; orgUnit?: string | undefined; kind?: ScanPointKind | undefined; active?: boolean | undefined; q?: string | undefined; sort: string; page: number; pageSize: number },
): Promise<{ items: ScanPointRecord[]; total: number }> {
  const conds: SQL[] = [];
  if (q.scope) conds.push(q.scope);
  if (q.survey) conds.push(sql`survey_id = ${q.survey}`);
  if (q.orgUnit) conds.push(orgSubtreeCondition(q.orgUnit, sql`org_unit_id`));
  if (q.kind) conds.push(sql`kind = ${q.kind}`);
  if (q.active !== undefined) conds.push(sql`active = ${q.active}`);
  if (q.q) {
    const like = `%${q.q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
    conds.push(sql`(label_zh ILIKE ${like} OR label_en ILIKE ${like} OR code ILIKE ${like} OR staff_name ILIKE ${like})`);
  }
  const where = conds.length ? sql`WHERE ${sql.join(conds, sql` AND `)}` : sql``;
  const rows = rowsOf<Row & { total: number }>(
    await db.execute(sql`
      SELECT x.*, count(*) OVER ()::int AS total FROM (${SELECT}) x ${where}
      ORDER BY ${sql.raw(ORDER[q.sort] ?? 'updated_at DESC')}, id
      LIMIT ${q.pageSize} OFFSET ${(q.page - 1) * q.pageSize}`),
  );
  return { items: rows.map(toScanPoint), total: Number(rows[0]?.total ?? 0) };
}

/** One point by id (or, for the public page, by code), or null; `forUpdate` locks its row. */
export async function selectScanPoint(db: Db, by: { id: string } | { code: string }, forUpdate = false): Promise<ScanPointRecord | null> {
  const cond = 'id' in by ? sql`p.id = ${by.id}` : sql`p.code = ${by.code}`;
  const [row] = rowsOf<Row>(await db.execute(sql`${SELECT} WHERE ${cond}${forUpdate ? sql` FOR UPDATE OF p` : sql``}`));
  return row ? toScanPoint(row) : null;
}

export type ScanPointValues = { surveyId: string; kind: ScanPointKind; orgUnitId: string; staffUserId: string | null; labelZh: string; labelEn: string | null };

/** Inserts a point and returns its id, or null when the code is taken already (the caller draws another). */
export async function insertScanPoint(db: Db, v: ScanPointValues & { code: string; createdBy: string }): Promise<string | null> {
  const [r] = rowsOf<{ id: string }>(
    await db.execute(sql`
      INSERT INTO survey_scan_points (code, survey_id, kind, label_zh, label_en, org_unit_id, staff_user_id, created_by)
      VALUES (${v.code}, ${v.surveyId}, ${v.kind}, ${v.labelZh}, ${v.labelEn}, ${v.orgUnitId}, ${v.staffUserId}, ${v.createdBy})
      ON CONFLICT (code) DO NOTHING
      RETURNING id`),
  );
  return r?.id ?? null;
}

export async function updateScanPointRow(db: Db, id: string, v: ScanPointValues): Promise<void> {
  await db.execute(sql`
    UPDATE survey_scan_points SET survey_id = ${v.surveyId}, kind = ${v.kind}, label_zh = ${v.labelZh}, label_en = ${v.labelEn},
      org_unit_id = ${v.orgUnitId}, staff_user_id = ${v.staffUserId}, row_version = row_version + 1, updated_at = now()
    WHERE id = ${id}`);
}

export async function setScanPointActiveRow(db: Db, id: string, active: boolean): Promise<void> {
  await db.execute(sql`UPDATE survey_scan_points SET active = ${active}, row_version = row_version + 1, updated_at = now() WHERE id = ${id}`);
}
