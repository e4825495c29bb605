import type { IndicatorSettingsView } from '@qloop/contracts';
import type { Db } from '../../db/client.js';
import { notFound } from '../../lib/errors.js';
import { pathInScope } from '../../lib/scope.js';
import type { Principal } from '../auth/principal.js';
import { findOrgUnit } from '../org/org.repo.js';
import { loadOrgUnitInScope } from '../org/org-scope.js';
import { loadIndicator, loadSettingsSource } from './indicator-catalog.js';
import { listSettingsWithUnits, toUnitSetting } from './indicators.repo.js';

/**
 * An indicator's settings as a reader may see them: the units with their own setting in the
 * caller's scope, plus the caller's own ancestors' (they apply to the caller), and the effective
 * setting of one unit with where it comes from.
 */
export async function getIndicatorSettings(
  db: Db,
  opts: { principal: Principal; key: string; orgUnitId?: string | undefined },
): Promise<IndicatorSettingsView> {
  const ind = await loadIndicator(db, opts.key);
  if (!ind) throw notFound('indicator');
  const unit = await loadOrgUnitInScope(db, opts.principal, opts.orgUnitId ?? opts.principal.orgUnitId);
  const own = await findOrgUnit(db, opts.principal.orgUnitId);
  const [rows, source] = await Promise.all([listSettingsWithUnits(db, ind.key), loadSettingsSource(db, ind)]);
  return {
    key: ind.key,
    defaults: { target: ind.target, thresholds: ind.thresholds },
    items: rows
      .filter((r) => pathInScope(opts.principal, r.path) || (own?.path ?? []).includes(r.s.orgUnitId))
      .map(toUnitSetting),
    effective: { orgUnitId: unit.id, ...source(unit.path) },
  };
}
