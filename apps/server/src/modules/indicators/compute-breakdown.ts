import { sql } from 'drizzle-orm';
import {
  DURATION_BUCKET_EDGES, histogramColumn, indicatorLevel,
  type BreakdownCell, type BreakdownDimension, type Indicator, type IndicatorBreakdown, type IndicatorSlice, type RollupMeasure,
} from '@qloop/contracts';
import { rowsOf, type Db } from '../../db/client.js';
import { badRequest } from '../../lib/errors.js';
import { EXPORT_LABELS } from '../tickets/export-labels.js';
import { categoryAtLevel, childUnder, rankRows, sumIntoCells, type Cell, type KeyOf } from './breakdown-cells.js';
import { computeIndicator } from './compute-indicator.js';
import { loadSettingsResolver } from './indicator-catalog.js';
import { formulaValue, monthsOf, percentileFigure, periodCustomerBase, type FormulaResult } from './indicator-value.js';
import { inList, isSliced } from './measure-filter-sql.js';
import { rollupColumnSums, type RollupColumn, type RowFilter } from './rollup-sums.js';
import { liveCounts } from './live-counts.js';

type Unit = { id: string; path: string[] };
type Named = { id: string; path: string[]; name: string; name_en: string | null; active?: boolean; parent_id?: string | null };
export type BreakdownOpts = { unit: Unit; from: string; to: string; slice: IndicatorSlice; by: BreakdownDimension; then?: BreakdownDimension | undefined; categoryLevel: number };

const COLUMN: Record<BreakdownDimension, RollupColumn> = { unit: 'org_unit_id', category: 'category_id', channel: 'channel', type: 'type' };

async function loadUnits(db: Db): Promise<Map<string, Named>> {
  const rows = rowsOf<Named>(await db.execute(sql`SELECT id, path, name, name_en, active, parent_id FROM org_units`));
  return new Map(rows.map((r) => [r.id, r]));
}
async function loadCategories(db: Db): Promise<Map<string, Named>> {
  const rows = rowsOf<Named>(await db.execute(sql`SELECT id, path, name, name_en FROM categories`));
  return new Map(rows.map((r) => [r.id, r]));
}

/** The customer base of each child unit's subtree (and of the whole unit) over the period's months. */
async function basesByChild(db: Db, unit: Unit, units: Map<string, Named>, from: string, to: string): Promise<(child: string | null) => number | null> {
  const months = monthsOf(from, to);
  const rows = rowsOf<{ org_unit_id: string; month: string; n: string | number }>(
    await db.execute(sql`SELECT org_unit_id, month, sum(customers) AS n FROM customer_base WHERE month IN (${inList(months)}) GROUP BY 1, 2`),
  );
  const per = new Map<string, Map<string, number>>();
  const add = (k: string, month: string, n: number) => {
    const m = per.get(k) ?? per.set(k, new Map()).get(k)!;
    m.set(month, (m.get(month) ?? 0) + n);
  };
  for (const r of rows) {
    const child = childUnder(unit.path, units.get(r.org_unit_id)?.path ?? []);
    if (child === null) continue;
    add(child, r.month, Number(r.n));
    add('', r.month, Number(r.n));
  }
  return (child) => periodCustomerBase(per.get(child ?? '') ?? new Map(), months);
}

/**
 * An indicator broken down by one or two dimensions under an org unit (see the contract). Ticket
 * formulas: one grouped rollup query per part of the formula, raw keys mapped onto the
 * dimensions in memory. Open-ticket counts and external figures can only be broken down by unit
 * (computed per child unit).
 */
export async function computeBreakdown(db: Db, ind: Indicator, o: BreakdownOpts): Promise<Omit<IndicatorBreakdown, 'owner' | 'labels'> & { labels: IndicatorBreakdown['labels'] }> {
  const f = ind.formula;
  // external figures are supplied per org unit, survey answers are counted per unit (for now)
  const ticketFormula = f.kind !== 'external' && f.kind !== 'survey';
  if (!ticketFormula && (o.by !== 'unit' || o.then)) throw badRequest('this figure can be broken down by org unit only', [{ path: 'querystring.by', message: 'use by=unit' }]);
  const [units, categories, settingsOf] = await Promise.all([loadUnits(db), loadCategories(db), loadSettingsResolver(db, ind)]);
  // the whole: from the cells where they add up to it (every rollup row maps onto one cell), else computed
  let total: FormulaResult | null = null;
  const keyOf = (dim: BreakdownDimension): KeyOf => {
    if (dim === 'unit') return (k) => childUnder(o.unit.path, units.get(k.org_unit_id!)?.path ?? []);
    if (dim === 'category') return (k) => { const c = categories.get(k.category_id!); return c ? categoryAtLevel(c.path, o.categoryLevel) : null; };
    return (k) => k[COLUMN[dim]] ?? null;
  };
  const dims = [o.by, ...(o.then ? [o.then] : [])];
  const ownLevel = (unitId: string | null) => {
    const s = settingsOf(unitId ? (units.get(unitId)?.path ?? o.unit.path) : o.unit.path);
    return (value: number | null) => indicatorLevel(value, ind.direction, s.thresholds);
  };
  const unitOfCell = (c: { by: string; then?: string }) => (o.by === 'unit' ? c.by : o.then === 'unit' ? c.then! : null);

  let cells: BreakdownCell[];
  if (ticketFormula) {
    const grouped = (filter: RowFilter, columns: readonly RollupMeasure[]) =>
      rollupColumnSums(db, filter, columns, { orgUnitId: o.unit.id, from: o.from, to: o.to, slice: o.slice, groupBy: dims.map((d) => COLUMN[d]) });
    const thenOf = o.then ? keyOf(o.then) : null;
    const cellsOf = async (filter: RowFilter, columns: readonly RollupMeasure[]) => sumIntoCells(await grouped(filter, columns), keyOf(o.by), thenOf);
    // a percentile sums its histogram per cell; the other formulas a numerator (and a denominator)
    const [numCells, denCells] = await Promise.all([
      f.kind === 'live'
        ? sumIntoCells(await liveCounts(db, f.what, { orgUnitId: o.unit.id, to: o.to, slice: o.slice, groupBy: dims.map((d) => COLUMN[d]) }), keyOf(o.by), thenOf)
        : f.kind === 'percentile' ? cellsOf(f.filter ?? {}, DURATION_BUCKET_EDGES.map((_, i) => histogramColumn(f.duration, i))) : cellsOf(f.numerator, [f.numerator.measure]),
      f.kind === 'ratio' ? cellsOf(f.denominator, [f.denominator.measure]) : null,
    ]);
    const base = f.kind === 'per_customers' ? await basesByChild(db, o.unit, units, o.from, o.to) : null;
    // cells with data: rollup rows whose counts netted to zero (a ticket moved or merged away) are not data
    const keys = new Map(
      [...numCells, ...(denCells ?? [])].filter(([, c]) => c.sums.some((v) => v !== 0)).map(([k, c]) => [k, { by: c.by, ...(c.then === undefined ? {} : { then: c.then }) }]),
    );
    // a league table lists every active child unit, with or without data
    if (o.by === 'unit' && !o.then) {
      for (const u of units.values()) if (u.parent_id === o.unit.id && u.active && !keys.has(u.id)) keys.set(u.id, { by: u.id });
    }
    // the cells partition the unit's rows, so their sums are the whole's
    const add = (cs: Map<string, Cell> | null) => (cs ? [...cs.values()].reduce((acc, c) => c.sums.map((v, i) => v + (acc[i] ?? 0)), [] as number[]) : null);
    const [numAll, denAll] = [add(numCells), add(denCells)];
    total =
      f.kind === 'percentile'
        ? percentileFigure(f, numAll ?? [])
        : formulaValue(f, { numerator: numAll?.[0] ?? 0, denominator: denAll ? (denAll[0] ?? 0) : base ? base(null) : null });
    cells = [...keys].map(([k, c]) => {
      const v =
        f.kind === 'percentile'
          ? percentileFigure(f, numCells.get(k)?.sums ?? [])
          : formulaValue(f, {
              numerator: numCells.get(k)?.sums[0] ?? 0,
              denominator: denCells ? (denCells.get(k)?.sums[0] ?? 0) : base ? base(unitOfCell(c)) : null,
            });
      return { ...c, ...v, level: ownLevel(unitOfCell(c))(v.value) };
    });
  } else {
    const children = [...units.values()].filter((u) => u.parent_id === o.unit.id && u.active);
    cells = await Promise.all(
      children.map(async (u) => {
        const v = await computeIndicator(db, ind, { orgUnitId: u.id, from: o.from, to: o.to, slice: o.slice });
        return { by: u.id, value: v.value, numerator: v.numerator, denominator: v.denominator, level: ownLevel(u.id)(v.value) };
      }),
    );
  }

  const whole = total ?? (await computeIndicator(db, ind, { orgUnitId: o.unit.id, from: o.from, to: o.to, slice: o.slice }));
  const rows = o.then
    ? cells.sort((a, b) => a.by.localeCompare(b.by) || (a.then ?? '').localeCompare(b.then ?? ''))
    : rankRows(cells, ind.direction);
  const labels: IndicatorBreakdown['labels'] = {};
  const zh = EXPORT_LABELS['zh-CN'];
  const en = EXPORT_LABELS['en-US'];
  for (const [dim, key] of rows.flatMap((r) => [[o.by, r.by], ...(o.then ? [[o.then, r.then!]] : [])] as [BreakdownDimension, string][])) {
    if (labels[key]) continue;
    const named = dim === 'unit' ? units.get(key) : dim === 'category' ? categories.get(key) : null;
    labels[key] = named
      ? { zh: named.name, en: named.name_en ?? named.name }
      : dim === 'channel'
        ? { zh: zh.channel[key as keyof typeof zh.channel] ?? key, en: en.channel[key as keyof typeof en.channel] ?? key }
        : { zh: zh.type[key as keyof typeof zh.type] ?? key, en: en.type[key as keyof typeof en.type] ?? key };
  }
  return {
    key: ind.key, orgUnitId: o.unit.id, from: o.from, to: o.to, by: o.by, ...(o.then ? { then: o.then } : {}),
    rows, total: { value: whole.value, numerator: whole.numerator, denominator: whole.denominator }, labels, sliced: f.kind !== 'external' && isSliced(o.slice),
  };
}
