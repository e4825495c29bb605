import { sql } from 'drizzle-orm';
import type { Indicator, MeasureFilter } from '@qloop/contracts';
import { rowsOf, type Db } from '../../db/client.js';
import { computeIndicator } from '../indicators/compute-indicator.js';
import { formulaValue, monthsOf, periodCustomerBase, type FormulaResult } from '../indicators/indicator-value.js';
import { inList } from '../indicators/measure-filter-sql.js';
import { rollupSums } from '../indicators/rollup-sums.js';
import type { DirectoryUnit, OrgDirectory } from './org-directory.js';

/**
 * Sums of a measure over a period, for every watched unit's subtree at once: one grouped query on
 * the rollups by org unit, then each row added to every unit on its path. An evaluation over
 * hundreds of units thus costs one query per measure, not one per unit.
 */
async function subtreeSums(db: Db, dir: OrgDirectory, f: MeasureFilter, rootId: string, from: string, to: string): Promise<Map<string, number>> {
  const rows = await rollupSums(db, f, { orgUnitId: rootId, from, to, groupBy: ['org_unit_id'] });
  return rollUp(dir, rows.map((r) => [r.keys.org_unit_id!, r.n]));
}

function rollUp(dir: OrgDirectory, own: Iterable<[string, number]>): Map<string, number> {
  const out = new Map<string, number>();
  for (const [unitId, n] of own) {
    for (const a of dir.units.get(unitId)?.path ?? [unitId]) out.set(a, (out.get(a) ?? 0) + n);
  }
  return out;
}

/** The customer base of each unit's subtree, per month of the period. */
async function subtreeBases(db: Db, dir: OrgDirectory, months: readonly string[]): Promise<Map<string, Map<string, number>>> {
  const rows = rowsOf<{ org_unit_id: string; month: string; n: string | number }>(
    await db.execute(sql`SELECT org_unit_id, month, sum(customers) AS n FROM customer_base WHERE month IN (${inList(months)}) GROUP BY 1, 2`),
  );
  const out = new Map<string, Map<string, number>>();
  for (const r of rows) {
    for (const a of dir.units.get(r.org_unit_id)?.path ?? [r.org_unit_id]) {
      const perMonth = out.get(a) ?? out.set(a, new Map()).get(a)!;
      perMonth.set(r.month, (perMonth.get(r.month) ?? 0) + Number(r.n));
    }
  }
  return out;
}

/**
 * An indicator for each of `units` over a period. Ticket formulas come from the rollups in a
 * handful of grouped queries; any other kind (open-ticket counts, external figures) is computed per
 * unit by the indicator module.
 */
export async function indicatorByUnit(db: Db, dir: OrgDirectory, ind: Indicator, units: readonly DirectoryUnit[], from: string, to: string): Promise<Map<string, FormulaResult>> {
  const out = new Map<string, FormulaResult>();
  const f = ind.formula;
  const roots = [...new Set(units.map((u) => u.path[0]!))];
  if (f.kind === 'ratio' || f.kind === 'count' || f.kind === 'per_customers') {
    const nums = new Map<string, number>();
    const dens = new Map<string, number>();
    for (const root of roots) {
      for (const [k, v] of await subtreeSums(db, dir, f.numerator, root, from, to)) nums.set(k, v);
      if (f.kind === 'ratio') for (const [k, v] of await subtreeSums(db, dir, f.denominator, root, from, to)) dens.set(k, v);
    }
    const months = monthsOf(from, to);
    const bases = f.kind === 'per_customers' ? await subtreeBases(db, dir, months) : null;
    for (const u of units) {
      const numerator = nums.get(u.id) ?? 0;
      const denominator = f.kind === 'ratio' ? (dens.get(u.id) ?? 0) : bases ? periodCustomerBase(bases.get(u.id) ?? new Map(), months) : null;
      out.set(u.id, formulaValue(f, { numerator, denominator }));
    }
    return out;
  }
  for (const u of units) {
    const v = await computeIndicator(db, ind, { orgUnitId: u.id, from, to });
    out.set(u.id, { value: v.value, numerator: v.numerator, denominator: v.denominator });
  }
  return out;
}
