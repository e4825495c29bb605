import type { EffectiveIndicatorSettings, Indicator, IndicatorThresholds } from '@qloop/contracts';
import type { Db } from '../../db/client.js';
import { BUILT_IN_INDICATORS } from './built-in-indicators.js';
import { loadIndicatorOwners } from './indicator-owners.js';
import {
  findCustomIndicator,
  listCustomIndicators,
  listSettingsOf,
  settingOfRow,
  toIndicator,
} from './indicators.repo.js';

/**
 * The indicator library: the built-ins of kpis.md (code) and the custom indicators administrators
 * defined (table `indicators`), with targets and thresholds per org unit (table
 * `indicator_settings`). Everything that reads an indicator goes through here.
 */

/** An indicator's target and thresholds as they hold for one org unit. */
export type IndicatorSettings = { target: number | null; thresholds: IndicatorThresholds };

/** Every indicator of the library, built-ins first; inactive custom ones included (`active` says). */
export async function loadIndicators(db: Db): Promise<Indicator[]> {
  const [custom, owners] = await Promise.all([listCustomIndicators(db), loadIndicatorOwners(db)]);
  return [...BUILT_IN_INDICATORS, ...custom.map(toIndicator)].map((i) => ({ ...i, ownerDepartmentId: owners.get(i.key) ?? null }));
}

/** One indicator by key (active or not), or null. */
export async function loadIndicator(db: Db, key: string): Promise<Indicator | null> {
  const builtIn = BUILT_IN_INDICATORS.find((i) => i.key === key);
  if (builtIn) return builtIn;
  const row = await findCustomIndicator(db, key);
  return row ? toIndicator(row) : null;
}

/**
 * Where each unit's settings come from: walks a path (root first, the unit last) from the unit up
 * and takes the first unit with a setting of its own; the indicator's defaults where none has one.
 * One query for all units, however many paths are resolved.
 */
export async function loadSettingsSource(
  db: Db,
  ind: Indicator,
): Promise<(orgPath: readonly string[]) => Omit<EffectiveIndicatorSettings, 'orgUnitId'>> {
  const own = new Map((await listSettingsOf(db, ind.key)).map((r) => [r.orgUnitId, settingOfRow(r)]));
  const defaults = { target: ind.target, thresholds: ind.thresholds };
  return (orgPath) => {
    for (let i = orgPath.length - 1; i >= 0; i--) {
      const s = own.get(orgPath[i]!);
      if (s)
        return { ...s, source: i === orgPath.length - 1 ? 'own' : 'inherited', fromOrgUnitId: orgPath[i]! };
    }
    return { ...defaults, source: 'default', fromOrgUnitId: null };
  };
}

/**
 * The settings of an indicator per org unit: given a unit's path (root first, the unit last), the
 * target and thresholds that hold for it — its own, else its nearest ancestor's, else the
 * indicator's defaults. One query for all units.
 */
export async function loadSettingsResolver(
  db: Db,
  ind: Indicator,
): Promise<(orgPath: readonly string[]) => IndicatorSettings> {
  const source = await loadSettingsSource(db, ind);
  return (orgPath) => {
    const { target, thresholds } = source(orgPath);
    return { target, thresholds };
  };
}
