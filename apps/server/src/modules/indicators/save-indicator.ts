import type { CreateIndicatorBody, Indicator, UpdateIndicatorBody } from '@qloop/contracts';
import type { Db } from '../../db/client.js';
import { badRequest, conflict, notFound } from '../../lib/errors.js';
import { appendAudit, diffFields, type AuditContext } from '../audit/append-audit.js';
import type { Principal } from '../auth/principal.js';
import { BUILT_IN_KEYS } from './built-in-indicators.js';
import {
  findCustomIndicator,
  indicatorReferences,
  insertIndicator,
  toIndicator,
  updateIndicatorRow,
} from './indicators.repo.js';
import { assertFormulaCategories, assertThresholdOrder } from './validate-indicator.js';

/** What an audit entry and a diff look at: everything an administrator can change. */
const editable = (i: Indicator) => ({
  nameZh: i.nameZh,
  nameEn: i.nameEn,
  description: i.description,
  formula: i.formula,
  unit: i.unit,
  unitEn: i.unitEn,
  direction: i.direction,
  target: i.target,
  thresholds: i.thresholds,
  active: i.active,
});

/**
 * Defines a custom indicator (指标) without a release: a formula over the ticket measures (ratio,
 * per customers, count) or external figures, with its default target and thresholds. The key is
 * permanent (warning rules and history name it) and may not be a built-in's. Audited.
 */
export async function createIndicator(
  db: Db,
  opts: { principal: Principal; audit: AuditContext; input: CreateIndicatorBody },
): Promise<Indicator> {
  const { key, thresholds, ...rest } = opts.input;
  if (BUILT_IN_KEYS.has(key))
    throw conflict(`“${key}” is a built-in indicator's key; choose another`, [
      { path: 'body.key', message: 'a built-in key' },
    ]);
  assertThresholdOrder(rest.direction, thresholds);
  return db.transaction(async (tx) => {
    await assertFormulaCategories(tx, rest.formula);
    const row = await insertIndicator(tx, {
      key,
      ...rest,
      ...thresholds,
      createdBy: opts.principal.userId,
      updatedBy: opts.principal.userId,
    });
    if (!row)
      throw conflict(`an indicator with key “${key}” exists already`, [
        { path: 'body.key', message: 'taken' },
      ]);
    const ind = toIndicator(row);
    await appendAudit(tx, opts.audit, [
      { action: 'create', entityType: 'indicator', entityId: key, after: editable(ind) },
    ]);
    return ind;
  });
}

/**
 * Changes a custom indicator (send the version you loaded; 409 if someone saved meanwhile).
 * Deactivating (active: false) is how an indicator is retired: it stays for the warning rules and
 * history that name it. An external indicator stays external (its values mean nothing to a ticket
 * formula, and the reverse), and keeps its grain once it has values.
 */
export async function updateIndicator(
  db: Db,
  opts: { principal: Principal; audit: AuditContext; key: string; input: UpdateIndicatorBody },
): Promise<Indicator> {
  if (BUILT_IN_KEYS.has(opts.key)) {
    throw badRequest(
      'built-in indicators are part of the release; set their targets and thresholds per org unit instead (PUT /indicators/{key}/settings/{orgUnitId})',
    );
  }
  const { version, thresholds, ...rest } = opts.input;
  assertThresholdOrder(rest.direction, thresholds);
  return db.transaction(async (tx) => {
    const current = await findCustomIndicator(tx, opts.key, true);
    if (!current) throw notFound('indicator');
    if (current.version !== version)
      throw conflict('this indicator was changed by someone else; reload it and try again', {
        currentVersion: current.version,
      });
    const was = current.formula;
    const now = rest.formula;
    if ((was.kind === 'external') !== (now.kind === 'external')) {
      throw badRequest(
        'an indicator cannot change between external figures and a ticket formula; define a new indicator instead',
        [
          {
            path: 'body.formula.kind',
            message: `stays ${was.kind === 'external' ? 'external' : 'a ticket formula'}`,
          },
        ],
      );
    }
    if (
      was.kind === 'external' &&
      now.kind === 'external' &&
      was.grain !== now.grain &&
      (await indicatorReferences(tx, opts.key)).values > 0
    ) {
      throw badRequest(
        `this indicator has ${was.grain === 'month' ? 'monthly' : 'daily'} values already; its grain cannot change`,
        [{ path: 'body.formula.grain', message: 'has values' }],
      );
    }
    await assertFormulaCategories(tx, now);
    const before = editable(toIndicator(current));
    const diff = diffFields(before, { ...rest, thresholds });
    if (!diff) return toIndicator(current);
    const row = await updateIndicatorRow(tx, opts.key, {
      ...rest,
      ...thresholds,
      updatedBy: opts.principal.userId,
    });
    await appendAudit(tx, opts.audit, [
      { action: 'update', entityType: 'indicator', entityId: opts.key, ...diff },
    ]);
    return toIndicator(row);
  });
}
