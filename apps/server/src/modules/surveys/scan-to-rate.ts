import { sql } from 'drizzle-orm';
import { SCAN_POINT_LIMITS, type PublicScanPoint, type ScanMintResult, type ScanPointKind } from '@qloop/contracts';
import { rowsOf, type Db } from '../../db/client.js';
import { AppError } from '../../lib/errors.js';
import { answerPath, writeInvitation } from './invite.js';
import { normaliseScanCode } from './scan-code.js';

/**
 * The public side of a printed QR code (扫码评价): what the scan page shows, and a fresh single-use
 * link of the point's survey for each scan. The code only finds the point; the answer still needs
 * the signed single-use token minted here, so everything the answer page refuses (tampered,
 * expired, reused links, floods) holds for scans too. Refusals carry the same details.reason as
 * the answer page's: invalid (unknown code, 404), closed (point deactivated, survey not in use, 409).
 */

const unknownCode = () =>
  new AppError('NOT_FOUND', 'this QR code is not known here: scan the code on the card again, or ask the staff for help', 404, { reason: 'invalid' });
const closed = () => new AppError('CONFLICT', 'rating by this QR code is closed at the moment: thank you for stopping by', 409, { reason: 'closed' });

type Row = {
  id: string; survey_id: string; kind: ScanPointKind; label_zh: string; label_en: string | null; org_unit_id: string; staff_user_id: string | null; point_active: boolean;
  unit_name: string; unit_name_en: string | null; unit_active: boolean; state: string; published_version: number | null; name_zh: string | null; name_en: string | null;
};

/** The point a code names, with its survey's published version; refused when unknown or not open. */
async function openPoint(db: Db, codeText: string): Promise<Row & { published_version: number; name_zh: string; name_en: string }> {
  const code = normaliseScanCode(codeText);
  if (!code) throw unknownCode();
  const [p] = rowsOf<Row>(
    await db.execute(sql`
      SELECT p.id, p.survey_id, p.kind, p.label_zh, p.label_en, p.org_unit_id, p.staff_user_id, p.active AS point_active,
             u.name AS unit_name, u.name_en AS unit_name_en, u.active AS unit_active,
             s.state, s.published_version, v.content->>'nameZh' AS name_zh, v.content->>'nameEn' AS name_en
      FROM survey_scan_points p JOIN org_units u ON u.id = p.org_unit_id JOIN surveys s ON s.id = p.survey_id
      LEFT JOIN survey_versions v ON v.survey_id = s.id AND v.version = s.published_version
      WHERE p.code = ${code}`),
  );
  if (!p) throw unknownCode();
  if (!p.point_active || !p.unit_active || p.state !== 'published' || p.published_version === null || p.name_zh === null || p.name_en === null) throw closed();
  return { ...p, published_version: p.published_version, name_zh: p.name_zh, name_en: p.name_en };
}

/** What the scan page shows: "您正在评价：东州中山路营业厅 · 3号窗口", and the survey's name. */
export async function loadPublicScanPoint(db: Db, code: string): Promise<PublicScanPoint> {
  const p = await openPoint(db, code);
  return { kind: p.kind, labelZh: p.label_zh, labelEn: p.label_en, orgUnitName: p.unit_name, orgUnitNameEn: p.unit_name_en, surveyNameZh: p.name_zh, surveyNameEn: p.name_en };
}

/**
 * Mints a fresh single-use link for one scan: an invitation of the survey's published version,
 * channel qr, no customer, expiring in two hours (it is answered on the spot), carrying the
 * point, its org unit and staff member into the answer. Not audited, like the answer itself: it
 * is a customer's act, and the invitation row is its record.
 */
export async function mintScanInvitation(db: Db, secret: string, code: string): Promise<ScanMintResult> {
  return db.transaction(async (tx) => {
    const p = await openPoint(tx, code);
    const { row, token } = await writeInvitation(tx, secret, {
      surveyId: p.survey_id, version: p.published_version, surveyName: p.name_zh, ticketId: null, customerId: null, phone: null,
      orgUnitId: p.org_unit_id, channel: 'qr', expiresInDays: SCAN_POINT_LIMITS.mintedLinkHours / 24, createdBy: null,
    });
    // the shared writer knows nothing of scan points: the point and staff member are added in the same transaction
    await tx.execute(sql`UPDATE survey_invitations SET scan_point_id = ${p.id}, staff_user_id = ${p.staff_user_id} WHERE id = ${row.id}`);
    return { token, path: answerPath(token), expiresAt: new Date(row.expires_at).toISOString() };
  });
}
