import { sql } from 'drizzle-orm';
import type { ScanPointKind } from '@qloop/contracts';
import type { Db } from '../../db/client.js';
import { notFound } from '../../lib/errors.js';
import { orgScopeCondition, pathInScope } from '../../lib/scope.js';
import type { Principal } from '../auth/principal.js';
import { publicShape, selectScanPoint, selectScanPoints, type ScanPointRecord, type ScanPointShape } from './scan-points.repo.js';

/** Scan-to-rate points in the caller's data scope: the list, and one point. */

/** Points of the org units in the caller's scope, filtered, sorted and paged. */
export async function listScanPoints(
  db: Db,
  p: Principal,
  q: { survey?: string | undefined; orgUnit?: string | undefined; kind?: ScanPointKind | undefined; active?: boolean | undefined; q?: string | undefined; sort: string; page: number; pageSize: number },
): Promise<{ items: ScanPointShape[]; total: number; page: number; pageSize: number }> {
  const { items, total } = await selectScanPoints(db, { ...q, scope: orgScopeCondition(p, sql`org_unit_id`) });
  return { items: items.map(publicShape), total, page: q.page, pageSize: q.pageSize };
}

/**
 * One point the caller may see; a point of a unit outside the scope is reported as not found,
 * exactly like an id that does not exist. `forUpdate` locks it for a change.
 */
export async function loadScanPointInScope(db: Db, p: Principal, id: string, forUpdate = false): Promise<ScanPointRecord> {
  const point = await selectScanPoint(db, { id }, forUpdate);
  if (!point || !pathInScope(p, point.orgUnitPath)) throw notFound('scan point');
  return point;
}
