import {
  INDICATOR_LIMITS,
  type ExternalValueRowError,
  type ImportExternalValuesResult,
  type ImportMode,
  type Indicator,
} from '@qloop/contracts';
import type { Db } from '../../db/client.js';
import { badRequest } from '../../lib/errors.js';
import { pathInScope } from '../../lib/scope.js';
import type { SheetRow } from '../../lib/spreadsheet.js';
import { appendAudit, type AuditContext, type AuditEvent } from '../audit/append-audit.js';
import type { Principal } from '../auth/principal.js';
import { checkFigure, parseNumber, parsePeriod } from './external-values.js';
import { findOrgUnitsByCodeOrId } from './external-values.repo.js';
import { loadIndicators } from './indicator-catalog.js';
import { EXTERNAL_VALUE_HEADERS, readExternalValueRows } from './parse-external-value-rows.js';
import { writeExternalFigures, type FigureToWrite } from './write-external-values.js';

/**
 * Imports external figures from a sheet (CSV or XLSX): one row per indicator, org unit and period
 * (columns indicatorKey, orgUnitCode, period, value, and optionally numerator and denominator).
 * Every row is checked and every problem reported by spreadsheet row with a code to translate by.
 * all_or_nothing (the default) stores nothing when any row is bad; valid_rows stores the good rows.
 * dryRun only checks. A row re-importing a stored figure replaces it.
 */
export async function importExternalValues(
  db: Db,
  opts: {
    principal: Principal;
    audit: AuditContext;
    sheet: readonly SheetRow[];
    filename: string;
    dryRun: boolean;
    mode: ImportMode;
  },
): Promise<ImportExternalValuesResult> {
  const { rows, missing } = readExternalValueRows(opts.sheet);
  const base = { dryRun: opts.dryRun, mode: opts.mode };
  if (missing.length) {
    const errors = missing.map((c) => ({
      row: 1,
      field: c,
      code: 'bad_value' as const,
      params: { value: c },
      message: `missing column ${c} (${EXTERNAL_VALUE_HEADERS[c].join(' / ')})`,
    }));
    return { ...base, rows: 0, imported: 0, failed: 0, errors, errorCount: errors.length };
  }
  if (rows.length === 0) throw badRequest('the file has a header but no data rows');
  if (rows.length > INDICATOR_LIMITS.importRowsMax)
    throw badRequest(`at most ${INDICATOR_LIMITS.importRowsMax} rows per import; split the file`);

  const indicators = new Map((await loadIndicators(db)).map((i) => [i.key, i]));
  const units = new Map(
    (await findOrgUnitsByCodeOrId(db, [...new Set(rows.map((r) => r.orgUnitCode).filter(Boolean))], [])).map(
      (u) => [u.code.toLowerCase(), u],
    ),
  );
  const errors: ExternalValueRowError[] = [];
  const failedRows = new Set<number>();
  const byIndicator = new Map<string, FigureToWrite[]>();
  const seen = new Map<string, number>();
  for (const r of rows) {
    const problems: Omit<ExternalValueRowError, 'row'>[] = [];
    const ind: Indicator | undefined = indicators.get(r.indicatorKey.trim().toLowerCase());
    if (!ind)
      problems.push({
        field: 'indicatorKey',
        code: 'unknown_indicator',
        params: { value: r.indicatorKey },
        message: `no indicator with key "${r.indicatorKey}"`,
      });
    else if (ind.formula.kind !== 'external')
      problems.push({
        field: 'indicatorKey',
        code: 'not_external',
        params: { value: r.indicatorKey },
        message: `"${r.indicatorKey}" is computed from tickets; only external indicators take values`,
      });
    const unit = units.get(r.orgUnitCode.toLowerCase());
    if (!unit || !pathInScope(opts.principal, unit.path))
      problems.push({
        field: 'orgUnitCode',
        code: 'unknown_org_unit',
        params: { value: r.orgUnitCode },
        message: `no org unit with code "${r.orgUnitCode}" in your scope`,
      });
    const f = ind?.formula.kind === 'external' ? ind.formula : null;
    // without a known grain the period is still checked for being a date at all
    const period = parsePeriod(r.period, f?.grain ?? (r.period.length > 8 ? 'day' : 'month'));
    if ('code' in period)
      problems.push({
        field: period.field,
        code: period.code,
        ...(period.params ? { params: period.params } : {}),
        message: period.message,
      });
    const nums = {
      value: parseNumber(r.value),
      numerator: parseNumber(r.numerator),
      denominator: parseNumber(r.denominator),
    };
    for (const field of ['value', 'numerator', 'denominator'] as const) {
      if (nums[field] === 'bad')
        problems.push({
          field,
          code: field === 'value' ? 'bad_value' : field === 'numerator' ? 'bad_numerator' : 'bad_denominator',
          params: { value: r[field] },
          message: `"${r[field]}" is not a number`,
        });
    }
    let fig: ReturnType<typeof checkFigure> | null = null;
    if (f && nums.value !== 'bad' && nums.numerator !== 'bad' && nums.denominator !== 'bad') {
      fig = checkFigure(
        { value: nums.value, numerator: nums.numerator, denominator: nums.denominator },
        f.scale,
      );
      if (Array.isArray(fig)) problems.push(...fig);
    }
    if (!problems.length && ind && unit && !('code' in period) && fig && !Array.isArray(fig)) {
      const dup = `${ind.key}|${unit.id}|${period.day}`;
      const earlier = seen.get(dup);
      if (earlier !== undefined) {
        problems.push({
          code: 'duplicate_row',
          params: { row: earlier },
          message: `duplicates row ${earlier} (same indicator, org unit and period)`,
        });
      } else {
        seen.set(dup, r.row);
        if (!byIndicator.has(ind.key)) byIndicator.set(ind.key, []);
        byIndicator
          .get(ind.key)!
          .push({
            orgUnitId: unit.id,
            orgUnitCode: unit.code,
            period: period.period,
            day: period.day,
            ...fig,
          });
      }
    }
    for (const p of problems) errors.push({ row: r.row, ...p });
    if (problems.length) failedRows.add(r.row);
  }
  const good = rows.length - failedRows.size;
  const report = {
    ...base,
    rows: rows.length,
    failed: failedRows.size,
    errors: errors.slice(0, INDICATOR_LIMITS.keptErrors),
    errorCount: errors.length,
  };
  if (opts.dryRun || good === 0 || (failedRows.size && opts.mode === 'all_or_nothing'))
    return { ...report, imported: 0 };
  await db.transaction(async (tx) => {
    const events: AuditEvent[] = [];
    for (const [key, figures] of byIndicator) {
      const r = await writeExternalFigures(tx, {
        key,
        figures,
        source: 'import',
        userId: opts.principal.userId,
        file: opts.filename,
      });
      if (r.event) events.push(r.event);
    }
    await appendAudit(tx, opts.audit, events);
  });
  return { ...report, imported: good };
}
