import { z } from 'zod';
import { PageQuery, QueryBool } from './common.js';
import { Channel, RequestType } from './tickets.js';
import { ImportMode } from './ticket-import.js';

/**
 * Quality indicators (指标). An indicator is data: a formula over daily ticket measures (or the
 * customer base, or live counts), a unit, a direction, a target and graded thresholds. The built-in
 * ones keep the keys of ../shared/docs/kpis.md.
 */

/**
 * What the daily rollups count, per day (Asia/Shanghai) × org unit × request type × channel ×
 * category. Measures of acceptance count on the day the ticket was taken; measures of closing on
 * the day it was closed.
 */
export const TICKET_MEASURES = [
  /** taken (受理) that day */
  'accepted',
  'escalated',
  /** regulator appeals (工信部/12300 申诉) */
  'appeals',
  /** repeat complaints (same customer, same level-2 category within 30 days) */
  'repeat',
  /** first-response clocks decided: met, met late, or overdue (breach fired) */
  'fr_target',
  'fr_met',
  /** business minutes to the first response, over responded tickets */
  'frt_sum',
  'frt_n',
  /** closed (关闭) that day */
  'closed',
  'closed_resolved',
  /** closed with the resolution target met */
  'closed_on_time',
  'followed_up',
  /** closed tickets that had been reopened */
  'reopened',
  /** closed at first contact: no transfer, no reopen, no same-category ticket from the customer within 7 days */
  'fcr',
  /** business minutes from acceptance to resolution (first cycle), over closed tickets with a resolution clock */
  'handle_sum',
  'handle_n',
] as const;
export const TicketMeasure = z.enum(TICKET_MEASURES);
export type TicketMeasure = z.infer<typeof TicketMeasure>;

/**
 * Duration distributions for the p90 indicators (frt_p90, handle_p90): a fixed histogram of
 * business minutes kept in the rollups beside the sums — a sketch, not exact. Bucket i holds
 * durations in [edge i, edge i+1); the last is open-ended (30 working days and more). A percentile
 * is interpolated linearly inside its bucket, so it is off by less than that bucket's width (5
 * minutes below an hour, 30–60 minutes below a working day, then 8–48 hours). Exact percentiles
 * would sort a year's per-ticket rows per request; this reads the same rollup rows as every
 * other figure.
 */
export const DURATION_BUCKET_EDGES = [
  0, 1, 2, 5, 10, 15, 20, 30, 45, 60, 90, 120, 180, 240, 300, 360, 480, 600, 720, 960, 1200, 1440, 1920, 2400, 2880, 3840, 4800, 5760, 7200, 8640, 11520, 14400,
] as const;
export const DURATION_HISTOGRAMS = ['frt', 'handle'] as const;
export type DurationHistogram = (typeof DURATION_HISTOGRAMS)[number];
/** The rollup column of a histogram's bucket: frt_h00 … handle_h31. */
export type HistogramColumn = `${DurationHistogram}_h${string}`;
export const histogramColumn = (h: DurationHistogram, bucket: number): HistogramColumn => `${h}_h${String(bucket).padStart(2, '0')}`;
/** What a rollup row sums: a measure or a histogram bucket. */
export type RollupMeasure = TicketMeasure | HistogramColumn;
/** The histogram buckets' columns (in the duration rollups, beside the measure rollups). */
export const HISTOGRAM_COLUMNS: readonly HistogramColumn[] = DURATION_HISTOGRAMS.flatMap((h) => DURATION_BUCKET_EDGES.map((_, i) => histogramColumn(h, i)));
/** Everything a ticket contributes: the measures and the histogram buckets. */
export const ROLLUP_COLUMNS: readonly RollupMeasure[] = [...TICKET_MEASURES, ...HISTOGRAM_COLUMNS];
export const isHistogramColumn = (c: string): c is HistogramColumn => /^(frt|handle)_h\d\d$/.test(c);
/** The bucket a duration falls in. */
export function durationBucket(minutes: number): number {
  let i = 0;
  while (i + 1 < DURATION_BUCKET_EDGES.length && minutes >= DURATION_BUCKET_EDGES[i + 1]!) i++;
  return i;
}

/** A set of tickets to count: a measure, optionally narrowed to request types, channels or categories (with their subtrees). */
export const MeasureFilter = z.strictObject({
  measure: TicketMeasure,
  types: z.array(RequestType).optional(),
  channels: z.array(Channel).optional(),
  categoryIds: z.array(z.uuid()).optional(),
});
export type MeasureFilter = z.infer<typeof MeasureFilter>;

/** A ratio: numerator ÷ denominator × scale (scale 100 for %); a zero denominator is no data. */
export const RatioFormula = z.strictObject({ kind: z.literal('ratio'), numerator: MeasureFilter, denominator: MeasureFilter, scale: z.number().positive().max(1e9) });
/** numerator ÷ customer base × scale (万客户: 10,000; 百万用户: 1,000,000). */
export const PerCustomersFormula = z.strictObject({ kind: z.literal('per_customers'), numerator: MeasureFilter, scale: z.number().positive().max(1e9) });
export const CountFormula = z.strictObject({ kind: z.literal('count'), numerator: MeasureFilter });
/**
 * Figures that do not come from tickets (network coverage 覆盖率, call drops 掉话率, hotline answer
 * rate 接通率…): values supplied per org unit and period, imported from a sheet or pushed by API.
 * `grain` is the period they are supplied for (a month or a day; one grain per indicator, so a
 * month's figure and its days' never count twice). For a period and an org subtree:
 * - the values are taken from the topmost units of the subtree that have one for each period (a
 *   branch's own figure beats the sum of its stores'; stores count where their branch has none);
 * - when every value taken carries a numerator and a denominator, they are pooled: Σ numerators ÷
 *   Σ denominators × scale (a pooled ratio, like the ticket ratios);
 * - otherwise the value is the plain mean of the values taken, each weighing the same.
 * A monthly figure counts for every period that touches its month.
 */
export const ExternalFormula = z.strictObject({ kind: z.literal('external'), grain: z.enum(['month', 'day']), scale: z.number().positive().max(1e9) });
export type ExternalFormula = z.infer<typeof ExternalFormula>;

/**
 * A percentile of a duration (first response or handling, business minutes) over the tickets it was
 * measured on, narrowed like a measure; from the rollups' histogram (see DURATION_BUCKET_EDGES).
 * The answer's denominator is how many tickets were measured.
 */
export const PercentileFormula = z.strictObject({
  kind: z.literal('percentile'),
  duration: z.enum(DURATION_HISTOGRAMS),
  quantile: z.number().min(0.5).max(0.99),
  filter: MeasureFilter.omit({ measure: true }).optional(),
});
export type PercentileFormula = z.infer<typeof PercentileFormula>;

/**
 * How the value is computed.
 * - ratio: numerator ÷ denominator × scale (scale 100 for %); a zero denominator is no data;
 * - per_customers: numerator ÷ customer base × scale (万客户: 10,000; 百万用户: 1,000,000); the base is
 *   the mean over the period's months of the org subtree's imported customer base;
 * - count: the numerator alone;
 * - live: counted from open tickets at the period's end (backlog, overdue backlog);
 * - survey: from satisfaction answers (issue 6; no data until surveys exist);
 * - external: values supplied from outside (see ExternalFormula);
 * - percentile: a duration percentile from the rollups' histogram (see PercentileFormula).
 */
export const IndicatorFormula = z.discriminatedUnion('kind', [
  RatioFormula,
  PerCustomersFormula,
  CountFormula,
  z.strictObject({ kind: z.literal('live'), what: z.enum(['backlog', 'overdue_backlog']) }),
  z.strictObject({ kind: z.literal('survey'), what: z.enum(['csat', 'nps', 'sat_index']) }),
  ExternalFormula,
  PercentileFormula,
]);
export type IndicatorFormula = z.infer<typeof IndicatorFormula>;
export type FormulaKind = IndicatorFormula['kind'];

/** What an administrator can define without a release: the live and survey figures are code paths. */
export const CustomIndicatorFormula = z.discriminatedUnion('kind', [RatioFormula, PerCustomersFormula, CountFormula, ExternalFormula]);
export type CustomIndicatorFormula = z.infer<typeof CustomIndicatorFormula>;
export const CUSTOM_FORMULA_KINDS = ['ratio', 'per_customers', 'count', 'external'] as const;

export const IndicatorDirection = z.enum(['higher_better', 'lower_better']);
export type IndicatorDirection = z.infer<typeof IndicatorDirection>;

const Figure = z.number().min(-1e12).max(1e12);

/** Yellow / orange / red boundaries in the indicator's unit, in the direction of worse. */
export const IndicatorThresholds = z.strictObject({
  yellow: Figure.nullable(),
  orange: Figure.nullable(),
  red: Figure.nullable(),
});
export type IndicatorThresholds = z.infer<typeof IndicatorThresholds>;

/** The colour of a figure against its thresholds; null without a value or without any threshold. */
export const INDICATOR_LEVELS = ['green', 'yellow', 'orange', 'red'] as const;
export const IndicatorLevel = z.enum(INDICATOR_LEVELS);
export type IndicatorLevel = z.infer<typeof IndicatorLevel>;

/**
 * Thresholds must grow worse in the order yellow → orange → red: for a lower-is-better figure
 * yellow ≤ orange ≤ red, for a higher-is-better one yellow ≥ orange ≥ red (levels left empty are
 * skipped). Pure; shared by the server (which refuses) and the web form (which warns early).
 * Paths are relative to the thresholds object.
 */
export function thresholdOrderIssues(direction: IndicatorDirection, t: IndicatorThresholds): { path: 'yellow' | 'orange' | 'red'; message: string }[] {
  const issues: { path: 'yellow' | 'orange' | 'red'; message: string }[] = [];
  let prev: { level: 'yellow' | 'orange' | 'red'; value: number } | null = null;
  for (const level of ['yellow', 'orange', 'red'] as const) {
    const v = t[level];
    if (v === null) continue;
    if (prev) {
      const bad = direction === 'lower_better' ? v < prev.value : v > prev.value;
      if (bad) {
        issues.push({
          path: level,
          message:
            direction === 'lower_better'
              ? `${level} (${v}) must be at least ${prev.level} (${prev.value}): lower is better, so each level is a higher value`
              : `${level} (${v}) must be at most ${prev.level} (${prev.value}): higher is better, so each level is a lower value`,
        });
      }
    }
    prev = { level, value: v };
  }
  return issues;
}

/**
 * The level a value reaches: the worst boundary it crosses, strictly (an on-time rate of exactly 95
 * with yellow at 95 is green, 94.9 is yellow); green when it crosses none; null without a value or
 * without any threshold. Pure.
 */
export function indicatorLevel(value: number | null, direction: IndicatorDirection, t: IndicatorThresholds): IndicatorLevel | null {
  if (value === null || (t.yellow === null && t.orange === null && t.red === null)) return null;
  const worse = (b: number | null) => b !== null && (direction === 'lower_better' ? value > b : value < b);
  for (const level of ['red', 'orange', 'yellow'] as const) if (worse(t[level])) return level;
  return 'green';
}

export const Indicator = z.object({
  key: z.string(),
  nameZh: z.string(),
  nameEn: z.string(),
  /** the formula in words, as kpis.md states it */
  description: z.string(),
  formula: IndicatorFormula,
  /** as Chinese users read it (件/万户, %, min) and in English */
  unit: z.string(),
  unitEn: z.string(),
  direction: IndicatorDirection,
  /** the defaults: an org unit's own setting (or its nearest ancestor's) replaces them */
  target: z.number().nullable(),
  thresholds: IndicatorThresholds,
  builtIn: z.boolean(),
  /** an inactive indicator is kept (warning rules and history may name it) but not shown on the dashboard */
  active: z.boolean(),
  /** custom indicators: the version to send with a change; null for built-ins */
  version: z.number().int().nullable(),
  /** 13+N: the department that owns the province-level number (归口部门); null: each org unit owns its own */
  ownerDepartmentId: z.uuid().nullable().optional(),
});
export type Indicator = z.infer<typeof Indicator>;

export const INDICATOR_KEY_PATTERN = /^[a-z][a-z0-9]*(_[a-z0-9]+)*$/;
export const IndicatorKey = z
  .string()
  .min(2)
  .max(60)
  .regex(INDICATOR_KEY_PATTERN, 'a key is lowercase snake case: letters, digits and single underscores, starting with a letter (e.g. call_drop_rate)');

/** A custom indicator as an administrator saves it. */
export const IndicatorSave = z.strictObject({
  nameZh: z.string().trim().min(1, 'a Chinese name is required').max(100),
  nameEn: z.string().trim().min(1, 'an English name is required').max(100),
  description: z.string().trim().max(1000).default(''),
  formula: CustomIndicatorFormula,
  unit: z.string().trim().min(1, 'a unit is required').max(20),
  unitEn: z.string().trim().min(1, 'an English unit is required').max(40),
  direction: IndicatorDirection,
  target: Figure.nullable(),
  thresholds: IndicatorThresholds,
  active: z.boolean().default(true),
});
export const CreateIndicatorBody = IndicatorSave.extend({ key: IndicatorKey });
export type CreateIndicatorBody = z.infer<typeof CreateIndicatorBody>;
export const UpdateIndicatorBody = IndicatorSave.extend({ version: z.number().int().min(1) });
export type UpdateIndicatorBody = z.infer<typeof UpdateIndicatorBody>;

export const IndicatorKeyParams = z.strictObject({ key: z.string().max(60) });
export const IndicatorListQuery = z.strictObject({
  /** only active indicators (the dashboard's tiles) */
  active: QueryBool.optional(),
});

/** Target and thresholds of an indicator set for one org unit (its subtree inherits them). */
export const IndicatorSettingsBody = z.strictObject({
  target: Figure.nullable(),
  thresholds: IndicatorThresholds,
  /** the version of the unit's own setting you edited; leave out when the unit has none yet */
  version: z.number().int().min(1).optional(),
});
export type IndicatorSettingsBody = z.infer<typeof IndicatorSettingsBody>;
export const IndicatorSettingsParams = z.strictObject({ key: z.string().max(60), orgUnitId: z.uuid() });
export const IndicatorSettingsQuery = z.strictObject({ orgUnit: z.uuid().optional() });
export const DeleteIndicatorSettingsQuery = z.strictObject({ version: z.coerce.number().int().min(1).optional() });

export const IndicatorUnitSetting = z.object({
  orgUnitId: z.uuid(),
  orgUnitCode: z.string(),
  orgUnitName: z.string(),
  orgUnitNameEn: z.string().nullable(),
  target: z.number().nullable(),
  thresholds: IndicatorThresholds,
  version: z.number().int(),
  updatedAt: z.string(),
});
export type IndicatorUnitSetting = z.infer<typeof IndicatorUnitSetting>;

/** Where an org unit's target and thresholds come from: its own setting, an ancestor's, or the indicator's defaults. */
export const EffectiveIndicatorSettings = z.object({
  orgUnitId: z.uuid(),
  target: z.number().nullable(),
  thresholds: IndicatorThresholds,
  source: z.enum(['own', 'inherited', 'default']),
  /** the unit whose setting applies (own or inherited); null for the defaults */
  fromOrgUnitId: z.uuid().nullable(),
});
export type EffectiveIndicatorSettings = z.infer<typeof EffectiveIndicatorSettings>;

export const IndicatorSettingsView = z.object({
  key: z.string(),
  defaults: z.object({ target: z.number().nullable(), thresholds: IndicatorThresholds }),
  /** the units that have their own setting: in the caller's scope, and the caller's own ancestors (theirs apply to the caller) */
  items: z.array(IndicatorUnitSetting),
  /** for the unit asked for (default: the caller's own) */
  effective: EffectiveIndicatorSettings,
});
export type IndicatorSettingsView = z.infer<typeof IndicatorSettingsView>;

const IsoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'a date is YYYY-MM-DD');
/**
 * Dashboard filters that narrow a ticket figure to one request type, one channel, one category
 * (with its subtree). They add to what the indicator itself counts: the complaint rate filtered to
 * the hotline is hotline complaints over hotline tickets; filtering a complaints-only figure to
 * 咨询 leaves nothing. External figures are not narrowed (the answer says sliced: false).
 */
export const IndicatorSliceQuery = z.strictObject({
  type: RequestType.optional(),
  channel: Channel.optional(),
  category: z.uuid().optional(),
});
export type IndicatorSlice = { type?: RequestType | undefined; channel?: Channel | undefined; category?: string | undefined };

export const IndicatorValueQuery = IndicatorSliceQuery.extend({
  /** defaults to the caller's own top org unit */
  orgUnit: z.uuid().optional(),
  /** first and last day, inclusive, in the organisation's time zone (Asia/Shanghai) */
  from: IsoDate,
  to: IsoDate,
  /** also the previous period (环比) and the same period a year earlier (同比) */
  compare: QueryBool.optional(),
});

/** The tickets behind a figure: those counted in its numerator or its denominator. */
export const IndicatorTicketsQuery = IndicatorValueQuery.omit({ compare: true }).extend({
  part: z.enum(['numerator', 'denominator']).default('numerator'),
  page: z.coerce.number().int().min(1).default(1),
  pageSize: z.coerce.number().int().min(1).max(200).default(50),
});

/** A trend: the figure per day, ISO week (Monday first) or month over a period. */
export const IndicatorSeriesQuery = IndicatorValueQuery.omit({ compare: true }).extend({ grain: z.enum(['day', 'week', 'month']).default('day') });
export const INDICATOR_LIMITS = {
  seriesPointsMax: 400,
  /** values in one push (POST /indicators/{key}/values) */
  pushMax: 5000,
  /** rows in one external-values import */
  importRowsMax: 50_000,
  /** the import report keeps the first this many errors */
  keptErrors: 1000,
} as const;

export const IndicatorPoint = z.object({
  /** first day of the bucket (clipped to the period) */
  from: z.string(),
  to: z.string(),
  value: z.number().nullable(),
  numerator: z.number().nullable(),
  denominator: z.number().nullable(),
  /** the point's colour against the unit's thresholds */
  level: IndicatorLevel.nullable().optional(),
});
/** A monthly external figure has only a monthly trend: its series answers grain 'month' whatever was asked. */
export const IndicatorSeries = z.object({
  key: z.string(),
  orgUnitId: z.uuid(),
  grain: z.enum(['day', 'week', 'month']),
  points: z.array(IndicatorPoint),
  /** the unit's effective target and thresholds (its own, its nearest ancestor's, or the defaults) */
  target: z.number().nullable().optional(),
  thresholds: IndicatorThresholds.optional(),
});
export type IndicatorSeries = z.infer<typeof IndicatorSeries>;

/** A figure for another period, to compare with. */
export const PeriodFigure = z.object({ from: z.string(), to: z.string(), value: z.number().nullable(), numerator: z.number().nullable(), denominator: z.number().nullable() });
export type PeriodFigure = z.infer<typeof PeriodFigure>;

export const IndicatorValue = z.object({
  key: z.string(),
  orgUnitId: z.uuid(),
  from: z.string(),
  to: z.string(),
  /** null when there is no data (a zero denominator, no customer base, no answers) */
  value: z.number().nullable(),
  numerator: z.number().nullable(),
  denominator: z.number().nullable(),
  /** the unit's effective target and thresholds (its own, its nearest ancestor's, or the defaults) */
  target: z.number().nullable().optional(),
  thresholds: IndicatorThresholds.optional(),
  /** the value's colour against those thresholds; null without a value or without thresholds */
  level: IndicatorLevel.nullable().optional(),
  /** whether the type / channel / category filters narrowed the figure (false for external figures, which have no such cut) */
  sliced: z.boolean().optional(),
  /** with compare=true: the previous period (环比) and the same period a year earlier (同比); see comparisonPeriods */
  comparisons: z.object({ previous: PeriodFigure, lastYear: PeriodFigure }).optional(),
});
export type IndicatorValue = z.infer<typeof IndicatorValue>;

/* ---------- external figures ---------- */

/** A period of an external figure: a month (2026-11) or a day (2026-11-03), as the indicator's grain says. */
export const ExternalPeriod = z.string().regex(/^\d{4}-(0[1-9]|1[0-2])(-(0[1-9]|[12]\d|3[01]))?$/, 'a period is a month like 2026-11 or a day like 2026-11-03');

/**
 * One figure pushed by another system. The org unit by its code (what other systems know) or its
 * id. `value` may be left out when numerator and denominator are given (it is then numerator ÷
 * denominator × the formula's scale); when all three are given they must agree.
 */
export const ExternalValueInput = z
  .strictObject({
    orgUnitCode: z.string().trim().min(1).max(40).optional(),
    orgUnitId: z.uuid().optional(),
    period: ExternalPeriod,
    value: Figure.nullable().optional(),
    numerator: z.number().min(0).max(1e15).nullable().optional(),
    denominator: z.number().min(0).max(1e15).nullable().optional(),
  })
  .refine((v) => (v.orgUnitCode === undefined) !== (v.orgUnitId === undefined), { message: 'name the org unit by orgUnitCode or by orgUnitId (one of them)', path: ['orgUnitCode'] });
export type ExternalValueInput = z.infer<typeof ExternalValueInput>;
export const PushExternalValuesBody = z.array(ExternalValueInput).min(1, 'send at least one value').max(INDICATOR_LIMITS.pushMax);
export const PushExternalValuesResult = z.object({
  key: z.string(),
  received: z.number().int(),
  /** new unit × period figures */
  created: z.number().int(),
  /** figures that replaced an earlier one with a different value */
  replaced: z.number().int(),
  /** figures re-sent exactly as stored (a re-push) */
  unchanged: z.number().int(),
});
export type PushExternalValuesResult = z.infer<typeof PushExternalValuesResult>;

export const ExternalValue = z.object({
  indicatorKey: z.string(),
  orgUnitId: z.uuid(),
  orgUnitCode: z.string(),
  orgUnitName: z.string(),
  orgUnitNameEn: z.string().nullable(),
  /** 2026-11 (monthly) or 2026-11-03 (daily) */
  period: z.string(),
  value: z.number(),
  numerator: z.number().nullable(),
  denominator: z.number().nullable(),
  source: z.enum(['import', 'api']),
  updatedAt: z.string(),
});
export type ExternalValue = z.infer<typeof ExternalValue>;
export const ExternalValuesQuery = PageQuery.extend({
  /** the org unit and its subtree (default: everything in your scope) */
  orgUnit: z.uuid().optional(),
  /** periods from / to, inclusive: months or days */
  from: ExternalPeriod.optional(),
  to: ExternalPeriod.optional(),
});

/**
 * Stable codes of import row errors, to translate by (`message` is the English text); `params.value`
 * quotes the cell, `params.row` the earlier row of a duplicate, `params.expected` what the value
 * should have been (inconsistent), `params.grain` the indicator's grain (wrong_grain).
 */
export const EXTERNAL_VALUE_ERROR_CODES = [
  'unknown_indicator',
  'not_external',
  'unknown_org_unit',
  'bad_period',
  'wrong_grain',
  'bad_value',
  'bad_numerator',
  'bad_denominator',
  'parts_incomplete',
  'inconsistent',
  'duplicate_row',
] as const;
export const ExternalValueErrorCode = z.enum(EXTERNAL_VALUE_ERROR_CODES);
export type ExternalValueErrorCode = z.infer<typeof ExternalValueErrorCode>;
export const ExternalValueRowError = z.object({
  /** spreadsheet row (header = 1) */
  row: z.number().int(),
  field: z.string().optional(),
  code: ExternalValueErrorCode,
  params: z.record(z.string(), z.union([z.string(), z.number()])).optional(),
  message: z.string(),
});
export type ExternalValueRowError = z.infer<typeof ExternalValueRowError>;
export const ImportExternalValuesQuery = z.strictObject({
  dryRun: QueryBool.default(false),
  /** valid_rows: import the good rows, report the bad; all_or_nothing: any bad row and nothing is imported */
  mode: ImportMode.default('all_or_nothing'),
});
export const ImportExternalValuesResult = z.object({
  dryRun: z.boolean(),
  mode: ImportMode,
  /** data rows in the file */
  rows: z.number().int(),
  /** rows written (0 on a dry run, and when all_or_nothing met a bad row) */
  imported: z.number().int(),
  failed: z.number().int(),
  /** the first INDICATOR_LIMITS.keptErrors errors, by row */
  errors: z.array(ExternalValueRowError),
  errorCount: z.number().int(),
});
export type ImportExternalValuesResult = z.infer<typeof ImportExternalValuesResult>;
