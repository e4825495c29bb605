import { sql } from 'drizzle-orm';
import { DURATION_BUCKET_EDGES, histogramColumn, INDICATOR_LIMITS, type PercentileFormula, type Indicator, type IndicatorSeries, type IndicatorSlice, type IndicatorValue, type MeasureFilter } from '@qloop/contracts';
import { badRequest } from '../../lib/errors.js';
import { orgSubtreeCondition } from '../../lib/scope.js';
import { inList, isSliced } from './measure-filter-sql.js';
import { rollupColumnSums, rollupSums, rollupTotal } from './rollup-sums.js';
import { liveCount } from './live-counts.js';
import { surveyFigure, surveyFiguresByBucket } from './survey-figures.js';
import { rowsOf, type Db } from '../../db/client.js';
import { formulaValue, monthsOf, percentileFigure, periodCustomerBase } from './indicator-value.js';
import { bucketStart, periodBuckets, type Grain } from './period-buckets.js';
import { externalFigure, externalFrom } from './external-values.js';
import { externalSums, externalSumsByBucket } from './external-values.repo.js';

/** A duration histogram's bucket columns. */
const histogramColumns = (f: PercentileFormula) => DURATION_BUCKET_EDGES.map((_, i) => histogramColumn(f.duration, i));

/** The sums of a measure per day, ISO week or month (keyed by the bucket's first day). */
async function sumMeasureByBucket(db: Db, f: MeasureFilter, orgUnitId: string, from: string, to: string, grain: Grain, slice: IndicatorSlice): Promise<Map<string, number>> {
  const rows = await rollupSums(db, f, { orgUnitId, from, to, slice, bucket: grain });
  return new Map(rows.map((r) => [r.keys.bucket!, r.n]));
}

async function customerBase(db: Db, orgUnitId: string, from: string, to: string): Promise<number | null> {
  const months = monthsOf(from, to);
  return periodCustomerBase(await baseByMonth(db, orgUnitId, months), months);
}

/** The org subtree's customer base of each month that has one. */
async function baseByMonth(db: Db, orgUnitId: string, months: readonly string[]): Promise<Map<string, number>> {
  const rows = rowsOf<{ month: string; n: string | number }>(
    await db.execute(sql`
      SELECT month, sum(customers) AS n FROM customer_base
      WHERE ${orgSubtreeCondition(orgUnitId, sql`org_unit_id`)} AND month IN (${inList(months)})
      GROUP BY month`),
  );
  return new Map(rows.map((r) => [r.month, Number(r.n)]));
}

/** An indicator's value for an org subtree and a period of days (inclusive, organisation time zone). */
export async function computeIndicator(db: Db, ind: Indicator, opts: { orgUnitId: string; from: string; to: string; slice?: IndicatorSlice }): Promise<IndicatorValue> {
  const { orgUnitId, from, to } = opts;
  const slice = opts.slice ?? {};
  const sumMeasure = (m: MeasureFilter) => rollupTotal(db, m, { orgUnitId, from, to, slice });
  const f = ind.formula;
  let inputs: { numerator: number | null; denominator: number | null } = { numerator: null, denominator: null };
  if (f.kind === 'ratio') {
    const [numerator, denominator] = await Promise.all([sumMeasure(f.numerator), sumMeasure(f.denominator)]);
    inputs = { numerator, denominator };
  } else if (f.kind === 'per_customers') {
    const [numerator, denominator] = await Promise.all([sumMeasure(f.numerator), customerBase(db, orgUnitId, from, to)]);
    inputs = { numerator, denominator };
  } else if (f.kind === 'count') {
    inputs = { numerator: await sumMeasure(f.numerator), denominator: null };
  } else if (f.kind === 'live') {
    inputs = { numerator: await liveCount(db, f.what, orgUnitId, to, slice), denominator: null };
  } else if (f.kind === 'survey') {
    return { key: ind.key, orgUnitId, from, to, sliced: isSliced(slice), ...(await surveyFigure(db, f.what, { orgUnitId, from, to, slice })) };
  } else if (f.kind === 'percentile') {
    const [row] = await rollupColumnSums(db, f.filter ?? {}, histogramColumns(f), { orgUnitId, from, to, slice });
    return { key: ind.key, orgUnitId, from, to, sliced: isSliced(slice), ...percentileFigure(f, row?.sums ?? []) };
  } else if (f.kind === 'external') {
    return { key: ind.key, orgUnitId, from, to, sliced: false, ...externalFigure(await externalSums(db, ind.key, orgUnitId, externalFrom(f, from), to), f.scale) };
  }
  return { key: ind.key, orgUnitId, from, to, sliced: isSliced(slice), ...formulaValue(f, inputs) };
}

/**
 * An indicator per day, ISO week or month over a period: the sums grouped by bucket in one query per
 * part, each bucket's customer base from its own months. Figures of open tickets (backlog) and of
 * surveys have no trend yet: that needs daily snapshots, which are not kept. A monthly external
 * figure trends by month whatever grain is asked (the answer says which).
 */
export async function computeSeries(db: Db, ind: Indicator, opts: { orgUnitId: string; from: string; to: string; grain: Grain; slice?: IndicatorSlice }): Promise<IndicatorSeries> {
  const { orgUnitId, from, to } = opts;
  const slice = opts.slice ?? {};
  const f = ind.formula;
  const grain: Grain = f.kind === 'external' && f.grain === 'month' ? 'month' : opts.grain;
  const buckets = periodBuckets(from, to, grain);
  if (buckets.length > INDICATOR_LIMITS.seriesPointsMax) {
    throw badRequest(`at most ${INDICATOR_LIMITS.seriesPointsMax} points: choose a coarser grain or a shorter period`, [{ path: 'querystring.grain', message: 'too many points' }]);
  }
  if (f.kind === 'survey') {
    const at = await surveyFiguresByBucket(db, f.what, { orgUnitId, from, to, slice, bucket: grain });
    return { key: ind.key, orgUnitId, grain, points: buckets.map((b) => ({ ...b, ...at(bucketStart(b.from, grain)) })) };
  }
  if (f.kind === 'live') throw badRequest('this figure has no trend yet (it is counted as of now, not kept per day)');
  if (f.kind === 'external') {
    const sums = await externalSumsByBucket(db, ind.key, orgUnitId, externalFrom(f, from), to, grain);
    return { key: ind.key, orgUnitId, grain, points: buckets.map((b) => ({ ...b, ...externalFigure(sums.get(bucketStart(b.from, grain)), f.scale) })) };
  }
  if (f.kind === 'percentile') {
    const rows = new Map((await rollupColumnSums(db, f.filter ?? {}, histogramColumns(f), { orgUnitId, from, to, slice, bucket: grain })).map((r) => [r.keys.bucket!, r.sums]));
    return { key: ind.key, orgUnitId, grain, points: buckets.map((b) => ({ ...b, ...percentileFigure(f, rows.get(bucketStart(b.from, grain)) ?? []) })) };
  }
  const nums = await sumMeasureByBucket(db, f.numerator, orgUnitId, from, to, grain, slice);
  const dens = f.kind === 'ratio' ? await sumMeasureByBucket(db, f.denominator, orgUnitId, from, to, grain, slice) : null;
  const bases = f.kind === 'per_customers' ? await baseByMonth(db, orgUnitId, monthsOf(from, to)) : null;
  const points = buckets.map((b) => {
    const key = bucketStart(b.from, grain);
    const numerator = nums.get(key) ?? 0;
    const denominator = dens ? (dens.get(key) ?? 0) : bases ? periodCustomerBase(bases, monthsOf(b.from, b.to)) : null;
    return { ...b, ...formulaValue(f, { numerator, denominator }) };
  });
  return { key: ind.key, orgUnitId, grain, points };
}
