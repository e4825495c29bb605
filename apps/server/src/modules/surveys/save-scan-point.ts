import { sql } from 'drizzle-orm';
import { rowsOf, type Db } from '../../db/client.js';
import { badRequest, conflict } from '../../lib/errors.js';
import { appendAudit, type AuditContext } from '../audit/append-audit.js';
import type { Principal } from '../auth/principal.js';
import { loadOrgUnitInScope } from '../org/org-scope.js';
import { newScanCode } from './scan-code.js';
import { loadScanPointInScope } from './scan-points.js';
import { insertScanPoint, publicShape, selectScanPoint, setScanPointActiveRow, updateScanPointRow, type ScanPointRecord, type ScanPointShape, type ScanPointValues } from './scan-points.repo.js';

/**
 * Creating, changing, deactivating and reactivating scan-to-rate points. The point's org unit must
 * be in the caller's scope (before and after a change); its survey must be published and in use; a
 * staff point's staff member must be an active user of the unit or a unit below it. The printed
 * code never changes, so a card on the counter can be pointed at another survey without
 * reprinting. Every change is audited; row_version guards two editors.
 */

type Ctx = { principal: Principal; audit: AuditContext };

async function checkSurvey(tx: Db, surveyId: string): Promise<void> {
  const [s] = rowsOf<{ state: string }>(await tx.execute(sql`SELECT state FROM surveys WHERE id = ${surveyId}`));
  if (!s) throw badRequest('no such survey', [{ path: 'body.surveyId', message: 'unknown survey' }]);
  if (s.state !== 'published') throw badRequest('only a published survey in use can be rated by scanning: publish it (or reinstate it) first', [{ path: 'body.surveyId', message: 'not published' }]);
}

async function checkPlace(tx: Db, p: Principal, v: ScanPointValues): Promise<void> {
  const unit = await loadOrgUnitInScope(tx, p, v.orgUnitId);
  if (!unit.active) throw badRequest(`${unit.name} is deactivated: choose an active unit`, [{ path: 'body.orgUnitId', message: 'inactive unit' }]);
  if (!v.staffUserId) return;
  const [staff] = rowsOf<{ active: boolean; path: string[] }>(
    await tx.execute(sql`SELECT u.active, o.path FROM users u JOIN org_units o ON o.id = u.org_unit_id WHERE u.id = ${v.staffUserId}`),
  );
  // an unknown user and someone from elsewhere get the same answer: guessing ids reveals nothing
  if (!staff || !staff.path.includes(v.orgUnitId)) {
    throw badRequest(`the staff member must work in ${unit.name} or a unit below it`, [{ path: 'body.staffUserId', message: 'not in this unit' }]);
  }
  if (!staff.active) throw badRequest('this staff member’s account is deactivated', [{ path: 'body.staffUserId', message: 'inactive user' }]);
}

const audited = ({ surveyId, kind, orgUnitId, staffUserId, labelZh, labelEn, active }: ScanPointShape) => ({ surveyId, kind, orgUnitId, staffUserId, labelZh, labelEn, active });

async function lockedInScope(tx: Db, p: Principal, id: string, rowVersion: number): Promise<ScanPointRecord> {
  const point = await loadScanPointInScope(tx, p, id, true);
  if (point.rowVersion !== rowVersion) throw conflict('this scan point was changed by someone else; reload it and try again', { currentRowVersion: point.rowVersion });
  return point;
}

/** A new point with a fresh code (a code already taken, 1 in 2^50 per point, is drawn again). */
export async function createScanPoint(db: Db, ctx: Ctx, v: ScanPointValues): Promise<ScanPointShape> {
  return db.transaction(async (tx) => {
    await checkSurvey(tx, v.surveyId);
    await checkPlace(tx, ctx.principal, v);
    let id: string | null = null;
    for (let attempt = 0; !id && attempt < 5; attempt++) id = await insertScanPoint(tx, { ...v, code: newScanCode(), createdBy: ctx.principal.userId });
    if (!id) throw new Error('could not draw an unused scan code in 5 attempts');
    const point = (await selectScanPoint(tx, { id }))!;
    await appendAudit(tx, ctx.audit, [{ action: 'create', entityType: 'survey_scan_point', entityId: id, orgUnitId: v.orgUnitId, after: { code: point.code, ...audited(point) } }]);
    return publicShape(point);
  });
}

/** Changes a point (send the rowVersion you loaded); the survey is checked when it changes. */
export async function updateScanPoint(db: Db, ctx: Ctx, id: string, v: ScanPointValues & { rowVersion: number }): Promise<ScanPointShape> {
  return db.transaction(async (tx) => {
    const before = await lockedInScope(tx, ctx.principal, id, v.rowVersion);
    if (v.surveyId !== before.surveyId) await checkSurvey(tx, v.surveyId);
    await checkPlace(tx, ctx.principal, v);
    await updateScanPointRow(tx, id, v);
    const after = (await selectScanPoint(tx, { id }))!;
    await appendAudit(tx, ctx.audit, [{ action: 'update', entityType: 'survey_scan_point', entityId: id, orgUnitId: after.orgUnitId, before: audited(before), after: audited(after) }]);
    return publicShape(after);
  });
}

/**
 * Deactivates a point (its code then opens a friendly "closed" page; answers given stay) or puts
 * it back in use, which needs its survey published.
 */
export async function setScanPointActive(db: Db, ctx: Ctx, id: string, rowVersion: number, active: boolean): Promise<ScanPointShape> {
  return db.transaction(async (tx) => {
    const before = await lockedInScope(tx, ctx.principal, id, rowVersion);
    if (before.active === active) throw badRequest(active ? 'this scan point is already in use' : 'this scan point is already deactivated');
    if (active) await checkSurvey(tx, before.surveyId);
    await setScanPointActiveRow(tx, id, active);
    const after = (await selectScanPoint(tx, { id }))!;
    await appendAudit(tx, ctx.audit, [{ action: 'update', entityType: 'survey_scan_point', entityId: id, orgUnitId: after.orgUnitId, before: { active: before.active }, after: { active } }]);
    return publicShape(after);
  });
}
