import type { IndicatorSettingsBody, IndicatorUnitSetting } from '@qloop/contracts';
import type { Db } from '../../db/client.js';
import { conflict, notFound } from '../../lib/errors.js';
import { appendAudit, type AuditContext } from '../audit/append-audit.js';
import type { Principal } from '../auth/principal.js';
import { loadOrgUnitInScope } from '../org/org-scope.js';
import { loadIndicator } from './indicator-catalog.js';
import {
  deleteSetting,
  findSetting,
  insertSetting,
  listSettingsWithUnits,
  settingOfRow,
  toUnitSetting,
  updateSetting,
} from './indicators.repo.js';
import { assertThresholdOrder } from './validate-indicator.js';

const entityId = (key: string, orgUnitId: string) => `${key}:${orgUnitId}`;

/**
 * Sets an indicator's target and thresholds for an org unit and, through inheritance, its subtree
 * down to the next unit with its own. Upsert with an optimistic version: editing a unit's setting
 * sends the version loaded; a first setting sends none. Audited with before and after.
 */
export async function saveIndicatorSettings(
  db: Db,
  opts: {
    principal: Principal;
    audit: AuditContext;
    key: string;
    orgUnitId: string;
    input: IndicatorSettingsBody;
  },
): Promise<IndicatorUnitSetting> {
  const ind = await loadIndicator(db, opts.key);
  if (!ind) throw notFound('indicator');
  const { target, thresholds, version } = opts.input;
  assertThresholdOrder(ind.direction, thresholds);
  return db.transaction(async (tx) => {
    await loadOrgUnitInScope(tx, opts.principal, opts.orgUnitId);
    const current = await findSetting(tx, opts.key, opts.orgUnitId, true);
    const values = { target, thresholds, updatedBy: opts.principal.userId };
    if (current) {
      if (version === undefined)
        throw conflict('this unit has its own setting already; send its version to change it', {
          currentVersion: current.version,
        });
      if (version !== current.version)
        throw conflict('this setting was changed by someone else; reload it and try again', {
          currentVersion: current.version,
        });
      const before = settingOfRow(current);
      if (JSON.stringify(before) !== JSON.stringify({ target, thresholds })) {
        await updateSetting(tx, opts.key, opts.orgUnitId, values);
        await appendAudit(tx, opts.audit, [
          {
            action: 'update',
            entityType: 'indicator_setting',
            entityId: entityId(opts.key, opts.orgUnitId),
            orgUnitId: opts.orgUnitId,
            before,
            after: { target, thresholds },
          },
        ]);
      }
    } else {
      if (version !== undefined)
        throw conflict('the setting you edited was removed meanwhile; reload and try again');
      const created = await insertSetting(tx, opts.key, opts.orgUnitId, values);
      if (!created) throw conflict('someone else just gave this unit its own setting; reload and try again');
      await appendAudit(tx, opts.audit, [
        {
          action: 'create',
          entityType: 'indicator_setting',
          entityId: entityId(opts.key, opts.orgUnitId),
          orgUnitId: opts.orgUnitId,
          before: null,
          after: { target, thresholds },
        },
      ]);
    }
    const row = (await listSettingsWithUnits(tx, opts.key)).find((r) => r.s.orgUnitId === opts.orgUnitId)!;
    return toUnitSetting(row);
  });
}

/**
 * Removes a unit's own setting: the unit falls back to its nearest ancestor's (or the defaults).
 * `version`, when sent, must be the one loaded. Audited.
 */
export async function deleteIndicatorSettings(
  db: Db,
  opts: {
    principal: Principal;
    audit: AuditContext;
    key: string;
    orgUnitId: string;
    version?: number | undefined;
  },
): Promise<void> {
  if (!(await loadIndicator(db, opts.key))) throw notFound('indicator');
  await db.transaction(async (tx) => {
    await loadOrgUnitInScope(tx, opts.principal, opts.orgUnitId);
    const current = await findSetting(tx, opts.key, opts.orgUnitId, true);
    if (!current) throw notFound('setting of this org unit');
    if (opts.version !== undefined && opts.version !== current.version) {
      throw conflict('this setting was changed by someone else; reload it and try again', {
        currentVersion: current.version,
      });
    }
    await deleteSetting(tx, opts.key, opts.orgUnitId);
    await appendAudit(tx, opts.audit, [
      {
        action: 'delete',
        entityType: 'indicator_setting',
        entityId: entityId(opts.key, opts.orgUnitId),
        orgUnitId: opts.orgUnitId,
        before: settingOfRow(current),
        after: null,
      },
    ]);
  });
}
