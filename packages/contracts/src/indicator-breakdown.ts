import { z } from 'zod';
import { IndicatorLevel, IndicatorSliceQuery } from './indicators.js';

/**
 * An indicator broken down (下钻) by one or two dimensions: the org unit's child units (each with
 * its subtree), categories at a level of the tree (level 2 = the 19 perception elements), channels,
 * request types. One dimension gives a league table, a Pareto or a channel mix; two give a heatmap
 * (category × branch). Ratios are pooled per cell (Σ numerators ÷ Σ denominators), so the cells of
 * a dimension add up to the whole for counts.
 */
export const BREAKDOWN_DIMENSIONS = ['unit', 'category', 'channel', 'type'] as const;
export const BreakdownDimension = z.enum(BREAKDOWN_DIMENSIONS);
export type BreakdownDimension = z.infer<typeof BreakdownDimension>;

const IsoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'a date is YYYY-MM-DD');

export const IndicatorBreakdownQuery = IndicatorSliceQuery.extend({
  orgUnit: z.uuid().optional(),
  from: IsoDate,
  to: IsoDate,
  by: BreakdownDimension,
  /** a second dimension: one row per (by, then) cell that has data */
  then: BreakdownDimension.optional(),
  /** the category level the category dimension groups at: 1 = the 3 categories, 2 = the 19 perception elements */
  categoryLevel: z.coerce.number().int().min(1).max(4).default(2),
  /** xlsx: the same table as a spreadsheet (labels in `lang`) */
  format: z.enum(['json', 'xlsx']).default('json'),
  lang: z.enum(['zh', 'en']).default('zh'),
}).refine((q) => q.then === undefined || q.then !== q.by, { message: 'break down by two different dimensions', path: ['then'] });
export type IndicatorBreakdownQuery = z.infer<typeof IndicatorBreakdownQuery>;

export const BreakdownCell = z.object({
  /** the key of the `by` dimension: an org unit id, a category id, a channel, a request type */
  by: z.string(),
  /** the key of the `then` dimension, when asked */
  then: z.string().optional(),
  value: z.number().nullable(),
  numerator: z.number().nullable(),
  denominator: z.number().nullable(),
  /** unit rows: the colour against that unit's own thresholds; other rows: against the org unit's */
  level: IndicatorLevel.nullable(),
  /** one-dimension breakdowns: 1 = best in the indicator's direction (ties share a rank); null without a value */
  rank: z.number().int().nullable().optional(),
});
export type BreakdownCell = z.infer<typeof BreakdownCell>;

export const IndicatorBreakdown = z.object({
  key: z.string(),
  orgUnitId: z.uuid(),
  from: z.string(),
  to: z.string(),
  by: BreakdownDimension,
  then: BreakdownDimension.optional(),
  /** rows with data (zero counts left out), ranked for one dimension, else in key order */
  rows: z.array(BreakdownCell),
  /** the whole: the org unit's figure with the same filters (the rows' sum for counts) */
  total: z.object({ value: z.number().nullable(), numerator: z.number().nullable(), denominator: z.number().nullable() }),
  /** labels of the keys, in Chinese and English (org units, categories; channels and types too) */
  labels: z.record(z.string(), z.object({ zh: z.string(), en: z.string() })),
  /** 13+N: who owns the number at this org unit — the indicator's owning department when one is set, else the unit itself */
  owner: z.object({ kind: z.enum(['department', 'org_unit']), id: z.uuid(), name: z.string(), nameEn: z.string().nullable() }),
  sliced: z.boolean(),
});
export type IndicatorBreakdown = z.infer<typeof IndicatorBreakdown>;

/** Sets (or clears) the department that owns an indicator's province-level number (13+N 归口部门). */
export const IndicatorOwnerBody = z.strictObject({ departmentId: z.uuid().nullable() });
