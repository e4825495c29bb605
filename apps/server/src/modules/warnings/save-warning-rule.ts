import type { WarningRule, WarningRuleSave } from '@qloop/contracts';
import type { Db } from '../../db/client.js';
import { badRequest, conflict, notFound } from '../../lib/errors.js';
import { appendAudit, diffFields, type AuditContext } from '../audit/append-audit.js';
import { findDepartment } from '../org/departments.repo.js';
import { loadIndicator } from '../indicators/indicator-catalog.js';
import { findWarningRule, insertWarningRule, updateWarningRule } from './warning-rules.repo.js';

/** What a rule refers to must exist and fit: the indicator (a count for rises), the owning department. */
async function checkRule(db: Db, v: WarningRuleSave): Promise<void> {
  const p = v.params;
  if (p.kind === 'threshold' || p.kind === 'rise') {
    const ind = await loadIndicator(db, p.indicatorKey);
    if (!ind) throw badRequest('unknown indicator', [{ path: 'body.params.indicatorKey', message: `no indicator "${p.indicatorKey}"` }]);
    if (p.kind === 'rise' && ind.formula.kind !== 'count') {
      throw badRequest('a rise rule watches a count (e.g. complaints), not a rate', [{ path: 'body.params.indicatorKey', message: 'choose a count indicator' }]);
    }
  }
  if (p.kind === 'rise') {
    const { yellowPct, orangePct, redPct } = p;
    if ((orangePct !== null && orangePct < yellowPct) || (redPct !== null && redPct < (orangePct ?? yellowPct))) {
      throw badRequest('levels rise with the percentage: yellow ≤ orange ≤ red', [{ path: 'body.params.orangePct', message: 'yellow ≤ orange ≤ red' }]);
    }
  }
  if (p.kind === 'hot_topic' && p.baselineDays < p.windowDays) {
    throw badRequest('the baseline must be at least as long as the window', [{ path: 'body.params.baselineDays', message: 'at least the window' }]);
  }
  if (v.ownerDepartmentId && !(await findDepartment(db, v.ownerDepartmentId))) {
    throw badRequest('unknown department', [{ path: 'body.ownerDepartmentId', message: 'no such department' }]);
  }
}

export async function createWarningRule(db: Db, audit: AuditContext, v: WarningRuleSave): Promise<WarningRule> {
  return db.transaction(async (tx) => {
    await checkRule(tx, v);
    const id = await insertWarningRule(tx, v);
    await appendAudit(tx, audit, [{ action: 'create', entityType: 'warning_rule', entityId: id, after: v }]);
    return (await findWarningRule(tx, id))!;
  });
}

export async function saveWarningRule(db: Db, audit: AuditContext, id: string, v: WarningRuleSave & { version: number }): Promise<WarningRule> {
  return db.transaction(async (tx) => {
    const current = await findWarningRule(tx, id, true);
    if (!current) throw notFound('warning rule');
    if (current.version !== v.version) throw conflict('this rule was changed by someone else; reload it and try again', { currentVersion: current.version });
    const { version: _v, ...values } = v;
    await checkRule(tx, values);
    await updateWarningRule(tx, id, values);
    const diff = diffFields({ name: current.name, nameEn: current.nameEn, params: current.params, planDays: current.planDays, ownerDepartmentId: current.ownerDepartmentId, active: current.active }, values);
    if (diff) await appendAudit(tx, audit, [{ action: 'update', entityType: 'warning_rule', entityId: id, before: diff.before, after: diff.after }]);
    return (await findWarningRule(tx, id))!;
  });
}
