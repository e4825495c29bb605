import { z } from 'zod';
import { Channel, RequestType } from './tickets.js';

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

/** A set of tickets to count: a measure, optionally narrowed to request types, channels or categories (with their subtrees). */
export const MeasureFilter = z.strictObject({
  measure: TicketMeasure,
  types: z.array(RequestType).optional(),
  channels: z.array(Channel).optional(),
  categoryIds: z.array(z.uuid()).optional(),
});
export type MeasureFilter = z.infer<typeof MeasureFilter>;

/**
 * How the value is computed.
 * - ratio: numerator ÷ denominator × scale (scale 100 for %); a zero denominator is no data;
 * - per_customers: numerator ÷ customer base × scale (万客户: 10,000; 百万用户: 1,000,000); the base is
 *   the mean over the period's months of the org subtree's imported customer base;
 * - count: the numerator alone;
 * - live: counted from open tickets at the period's end (backlog, overdue backlog);
 * - survey: from satisfaction answers (issue 6; no data until surveys exist).
 */
export const IndicatorFormula = z.discriminatedUnion('kind', [
  z.strictObject({ kind: z.literal('ratio'), numerator: MeasureFilter, denominator: MeasureFilter, scale: z.number().positive() }),
  z.strictObject({ kind: z.literal('per_customers'), numerator: MeasureFilter, scale: z.number().positive() }),
  z.strictObject({ kind: z.literal('count'), numerator: MeasureFilter }),
  z.strictObject({ kind: z.literal('live'), what: z.enum(['backlog', 'overdue_backlog']) }),
  z.strictObject({ kind: z.literal('survey'), what: z.enum(['csat', 'nps', 'sat_index']) }),
]);
export type IndicatorFormula = z.infer<typeof IndicatorFormula>;

export const IndicatorDirection = z.enum(['higher_better', 'lower_better']);
export type IndicatorDirection = z.infer<typeof IndicatorDirection>;

/** Yellow / orange / red boundaries in the indicator's unit, in the direction of worse. */
export const IndicatorThresholds = z.strictObject({
  yellow: z.number().nullable(),
  orange: z.number().nullable(),
  red: z.number().nullable(),
});
export type IndicatorThresholds = z.infer<typeof IndicatorThresholds>;

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
  target: z.number().nullable(),
  thresholds: IndicatorThresholds,
  builtIn: z.boolean(),
});
export type Indicator = z.infer<typeof Indicator>;

const IsoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'a date is YYYY-MM-DD');
export const IndicatorValueQuery = z.strictObject({
  /** defaults to the caller's own top org unit */
  orgUnit: z.uuid().optional(),
  /** first and last day, inclusive, in the organisation's time zone (Asia/Shanghai) */
  from: IsoDate,
  to: IsoDate,
});

/** The tickets behind a figure: those counted in its numerator or its denominator. */
export const IndicatorTicketsQuery = IndicatorValueQuery.extend({
  part: z.enum(['numerator', 'denominator']).default('numerator'),
  page: z.coerce.number().int().min(1).default(1),
  pageSize: z.coerce.number().int().min(1).max(200).default(50),
});

/** A trend: the figure per day, ISO week (Monday first) or month over a period. */
export const IndicatorSeriesQuery = IndicatorValueQuery.extend({ grain: z.enum(['day', 'week', 'month']).default('day') });
export const INDICATOR_LIMITS = { seriesPointsMax: 400 } as const;

export const IndicatorPoint = z.object({
  /** first day of the bucket (clipped to the period) */
  from: z.string(),
  to: z.string(),
  value: z.number().nullable(),
  numerator: z.number().nullable(),
  denominator: z.number().nullable(),
});
export const IndicatorSeries = z.object({ key: z.string(), orgUnitId: z.uuid(), grain: z.enum(['day', 'week', 'month']), points: z.array(IndicatorPoint) });
export type IndicatorSeries = z.infer<typeof IndicatorSeries>;

export const IndicatorValue = z.object({
  key: z.string(),
  orgUnitId: z.uuid(),
  from: z.string(),
  to: z.string(),
  /** null when there is no data (a zero denominator, no customer base, no answers) */
  value: z.number().nullable(),
  numerator: z.number().nullable(),
  denominator: z.number().nullable(),
});
export type IndicatorValue = z.infer<typeof IndicatorValue>;
