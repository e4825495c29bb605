import type { ExternalValueInput, PushExternalValuesResult } from '@qloop/contracts';
import type { Db } from '../../db/client.js';
import { badRequest, notFound } from '../../lib/errors.js';
import { pathInScope } from '../../lib/scope.js';
import { appendAudit, type AuditContext } from '../audit/append-audit.js';
import type { Principal } from '../auth/principal.js';
import { checkFigure, parsePeriod } from './external-values.js';
import { findOrgUnitsByCodeOrId } from './external-values.repo.js';
import { loadIndicator } from './indicator-catalog.js';
import { writeExternalFigures, type FigureToWrite } from './write-external-values.js';

/**
 * Figures of an external indicator pushed by another system (an API token with indicators:manage).
 * Idempotent per indicator, org unit and period: a re-push replaces what is stored, and sending the
 * same figures twice changes nothing. All or nothing: any bad item and none is stored; the answer
 * names each bad item by its index (body.3.period).
 */
export async function pushExternalValues(
  db: Db,
  opts: { principal: Principal; audit: AuditContext; key: string; items: readonly ExternalValueInput[] },
): Promise<PushExternalValuesResult> {
  const ind = await loadIndicator(db, opts.key);
  if (!ind) throw notFound('indicator');
  const f = ind.formula;
  if (f.kind !== 'external')
    throw badRequest(
      `“${ind.key}” is computed from tickets, not supplied: only indicators of formula kind external take values`,
    );
  const units = await findOrgUnitsByCodeOrId(
    db,
    opts.items.flatMap((i) => (i.orgUnitCode ? [i.orgUnitCode] : [])),
    opts.items.flatMap((i) => (i.orgUnitId ? [i.orgUnitId] : [])),
  );
  const byCode = new Map(units.map((u) => [u.code.toLowerCase(), u]));
  const byId = new Map(units.map((u) => [u.id, u]));
  const issues: { path: string; message: string; code: string }[] = [];
  const figures: FigureToWrite[] = [];
  const seen = new Map<string, number>();
  opts.items.forEach((item, i) => {
    const at = (field: string) => `body.${i}.${field}`;
    const unit = item.orgUnitCode ? byCode.get(item.orgUnitCode.toLowerCase()) : byId.get(item.orgUnitId!);
    if (!unit || !pathInScope(opts.principal, unit.path)) {
      const field = item.orgUnitCode ? 'orgUnitCode' : 'orgUnitId';
      issues.push({
        path: at(field),
        message: `no org unit “${item.orgUnitCode ?? item.orgUnitId}” in your scope`,
        code: 'unknown_org_unit',
      });
    }
    const period = parsePeriod(item.period, f.grain);
    if ('code' in period) issues.push({ path: at('period'), message: period.message, code: period.code });
    const fig = checkFigure(
      { value: item.value ?? null, numerator: item.numerator ?? null, denominator: item.denominator ?? null },
      f.scale,
    );
    if (Array.isArray(fig))
      for (const p of fig) issues.push({ path: at(p.field), message: p.message, code: p.code });
    if (!unit || 'code' in period || Array.isArray(fig)) return;
    const dup = `${unit.id}|${period.day}`;
    if (seen.has(dup)) {
      issues.push({
        path: at('period'),
        message: `item ${seen.get(dup)} has the same org unit and period`,
        code: 'duplicate_row',
      });
      return;
    }
    seen.set(dup, i);
    figures.push({
      orgUnitId: unit.id,
      orgUnitCode: unit.code,
      period: period.period,
      day: period.day,
      ...fig,
    });
  });
  if (issues.length) {
    throw badRequest(
      `${issues.length} problem(s) in the values; nothing was stored: ${issues
        .slice(0, 3)
        .map((i) => `${i.path}: ${i.message}`)
        .join('; ')}`,
      issues,
    );
  }
  return db.transaction(async (tx) => {
    const r = await writeExternalFigures(tx, {
      key: ind.key,
      figures,
      source: 'api',
      userId: opts.principal.userId,
    });
    if (r.event) await appendAudit(tx, opts.audit, [r.event]);
    return {
      key: ind.key,
      received: opts.items.length,
      created: r.created,
      replaced: r.replaced,
      unchanged: r.unchanged,
    };
  });
}
