import { z } from 'zod';
import { LIMITS, PageQuery, QueryBool, Uuid } from './common.js';
import { RequestType } from './tickets.js';

/**
 * Graded warnings (分级预警). Rules are evaluated on a schedule; each condition they find raises a
 * warning with a level (黄/橙/红), an owner (an org unit, or a department of it), evidence, and a
 * deadline for the rectification plan (整改方案). A warning lives through raised → acknowledged →
 * plan submitted → verified → closed; a late plan escalates. While a warning of a condition is open,
 * finding the same condition again merges into it (occurrences, last seen, a worse level) rather
 * than raising another.
 */

export const WARNING_LEVELS = ['yellow', 'orange', 'red'] as const;
export const WarningLevel = z.enum(WARNING_LEVELS);
export type WarningLevel = z.infer<typeof WarningLevel>;

export const WARNING_STATES = ['raised', 'acknowledged', 'plan_submitted', 'verified', 'closed'] as const;
export const WarningState = z.enum(WARNING_STATES);
export type WarningState = z.infer<typeof WarningState>;

/**
 * - threshold: an indicator over a rolling window past its yellow/orange/red threshold for the org unit;
 * - rise: a count indicator (complaints by default) up week on week by at least a percentage, and the
 *   rise credible by an exact conditional binomial test with a minimum count (2 → 3 is not a rise);
 * - batch (批量投诉): at least N distinct customers, same category, same org unit, within a window;
 * - hot_topic (热点): complaint words far more frequent in the period than in the baseline (jieba, TF-IDF);
 * - group_complaint (群体性投诉): each ticket flagged as a group complaint → red.
 */
export const WARNING_RULE_KINDS = ['threshold', 'rise', 'batch', 'hot_topic', 'group_complaint'] as const;
export const WarningRuleKind = z.enum(WARNING_RULE_KINDS);
export type WarningRuleKind = z.infer<typeof WarningRuleKind>;

/** Which levels of the org tree a rule watches (batch and group complaints watch the ticket's own unit). */
export const WatchedOrgKind = z.enum(['province', 'branch', 'store']);
export type WatchedOrgKind = z.infer<typeof WatchedOrgKind>;

const Pct = z.number().min(1).max(10_000);
const Types = z.array(RequestType).min(1);
const OrgKinds = z.array(WatchedOrgKind).min(1);

export const ThresholdParams = z.strictObject({
  indicatorKey: z.string().min(1).max(60),
  /** the rolling window, in whole days up to yesterday (Asia/Shanghai) */
  windowDays: z.number().int().min(1).max(366),
  /** a ratio with a smaller denominator is not judged (too few tickets to mean anything) */
  minDenominator: z.number().int().min(0).max(1_000_000),
  orgKinds: OrgKinds,
});
export const RiseParams = z.strictObject({
  /** a count indicator (its numerator is what rises) */
  indicatorKey: z.string().min(1).max(60),
  windowDays: z.number().int().min(1).max(92),
  /** rise (%) for each level; yellow is required, a missing level is never reached */
  yellowPct: Pct,
  orangePct: Pct.nullable(),
  redPct: Pct.nullable(),
  /** significance of the one-sided conditional binomial test */
  alpha: z.number().gt(0).max(0.5),
  /** the current window must hold at least this many */
  minCount: z.number().int().min(1).max(1_000_000),
  orgKinds: OrgKinds,
});
export const BatchParams = z.strictObject({
  types: Types,
  minCustomers: z.number().int().min(2).max(100_000),
  windowMinutes: z.number().int().min(5).max(7 * 1440),
  /** how far back each evaluation looks, so a batch is caught even after the job was down */
  lookbackHours: z.number().int().min(1).max(24 * 31),
  level: WarningLevel,
});
export const HotTopicParams = z.strictObject({
  types: Types,
  windowDays: z.number().int().min(1).max(31),
  baselineDays: z.number().int().min(7).max(366),
  /** a word must appear in at least this many tickets of the window */
  minDocs: z.number().int().min(2).max(100_000),
  /** and be this many times as frequent (share of tickets) as in the baseline */
  minLift: z.number().min(1).max(1000),
  /** at most this many topics per org unit and evaluation */
  topN: z.number().int().min(1).max(20),
  orgKinds: OrgKinds,
  level: WarningLevel,
});
export const GroupComplaintParams = z.strictObject({ lookbackHours: z.number().int().min(1).max(24 * 31) });

export const WarningRuleParams = z.discriminatedUnion('kind', [
  z.strictObject({ kind: z.literal('threshold'), ...ThresholdParams.shape }),
  z.strictObject({ kind: z.literal('rise'), ...RiseParams.shape }),
  z.strictObject({ kind: z.literal('batch'), ...BatchParams.shape }),
  z.strictObject({ kind: z.literal('hot_topic'), ...HotTopicParams.shape }),
  z.strictObject({ kind: z.literal('group_complaint'), ...GroupComplaintParams.shape }),
]);
export type WarningRuleParams = z.infer<typeof WarningRuleParams>;

/** Days the owner has for the rectification plan, by level (domain: yellow 3 days). */
export const PlanDays = z.strictObject({
  yellow: z.number().int().min(1).max(60),
  orange: z.number().int().min(1).max(60),
  red: z.number().int().min(1).max(60),
});
export type PlanDays = z.infer<typeof PlanDays>;
export const DEFAULT_PLAN_DAYS: PlanDays = { yellow: 3, orange: 2, red: 1 };

export const WarningRule = z.object({
  id: Uuid,
  name: z.string(),
  nameEn: z.string().nullable(),
  params: WarningRuleParams,
  planDays: PlanDays,
  /** 13+N: a department that owns the province-level number; else the org unit owns it */
  ownerDepartmentId: Uuid.nullable(),
  ownerDepartmentName: z.string().nullable(),
  active: z.boolean(),
  version: z.number().int(),
  updatedAt: z.string(),
});
export type WarningRule = z.infer<typeof WarningRule>;

export const WarningRuleSave = z.strictObject({
  name: z.string().trim().min(1).max(LIMITS.nameMax),
  nameEn: z.string().trim().max(LIMITS.nameMax).nullable().default(null),
  params: WarningRuleParams,
  planDays: PlanDays.default(DEFAULT_PLAN_DAYS),
  ownerDepartmentId: Uuid.nullable().default(null),
  active: z.boolean().default(true),
});
export type WarningRuleSave = z.infer<typeof WarningRuleSave>;
export const WarningRuleUpdate = WarningRuleSave.extend({ version: z.number().int() });

/** The figures that raised a warning, by kind. */
export const WarningEvidence = z.discriminatedUnion('kind', [
  z.object({
    kind: z.literal('threshold'),
    indicatorKey: z.string(),
    from: z.string(),
    to: z.string(),
    value: z.number(),
    numerator: z.number().nullable(),
    denominator: z.number().nullable(),
    /** the boundary crossed for the level */
    threshold: z.number(),
  }),
  z.object({
    kind: z.literal('rise'),
    indicatorKey: z.string(),
    from: z.string(),
    to: z.string(),
    previousFrom: z.string(),
    previousTo: z.string(),
    current: z.number(),
    previous: z.number(),
    risePct: z.number().nullable(),
    pValue: z.number(),
  }),
  z.object({
    kind: z.literal('batch'),
    categoryId: Uuid,
    categoryName: z.string(),
    customers: z.number(),
    windowStart: z.string(),
    windowEnd: z.string(),
    windowMinutes: z.number(),
  }),
  z.object({
    kind: z.literal('hot_topic'),
    term: z.string(),
    from: z.string(),
    to: z.string(),
    docs: z.number(),
    windowDocs: z.number(),
    baselineDocs: z.number(),
    baselineTotal: z.number(),
    lift: z.number(),
  }),
  z.object({ kind: z.literal('group_complaint'), ticketId: Uuid, ticketNo: z.string() }),
]);
export type WarningEvidence = z.infer<typeof WarningEvidence>;

/** A rectification plan (整改方案). */
export const WarningPlan = z.strictObject({
  /** cause found and measures taken or planned */
  measures: z.string().trim().min(5, 'describe the measures (at least 5 characters)').max(4000),
  /** who carries it out */
  responsible: z.string().trim().min(1).max(LIMITS.nameMax),
  /** when the measures will be done (YYYY-MM-DD) */
  dueDate: z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'a date is YYYY-MM-DD'),
});
export type WarningPlan = z.infer<typeof WarningPlan>;

export const Warning = z.object({
  id: Uuid,
  /** YJ-YYYYMMDD-NNNN */
  warningNo: z.string(),
  ruleId: Uuid,
  ruleName: z.string(),
  kind: WarningRuleKind,
  level: WarningLevel,
  state: WarningState,
  title: z.string(),
  titleEn: z.string(),
  orgUnitId: Uuid,
  orgUnitName: z.string(),
  orgUnitNameEn: z.string().nullable(),
  ownerDepartmentId: Uuid.nullable(),
  ownerDepartmentName: z.string().nullable(),
  evidence: WarningEvidence,
  /** tickets behind the warning */
  ticketCount: z.number().int(),
  raisedAt: z.string(),
  lastSeenAt: z.string(),
  /** evaluations that found the condition (1 = raised, more = merged repeats) */
  occurrences: z.number().int(),
  planDueAt: z.string(),
  /** 0 none; 1 past the plan deadline (told the level above); 2 a further plan period late (told executives) */
  escalationLevel: z.number().int(),
  /** the plan is late now */
  planOverdue: z.boolean(),
  plan: WarningPlan.nullable(),
  acknowledgedAt: z.string().nullable(),
  planSubmittedAt: z.string().nullable(),
  verifiedAt: z.string().nullable(),
  closedAt: z.string().nullable(),
  closeReason: z.string().nullable(),
  version: z.number().int(),
});
export type Warning = z.infer<typeof Warning>;

export const WARNING_EVENT_KINDS = ['raised', 'merged', 'upgraded', 'acknowledged', 'plan_submitted', 'plan_rejected', 'verified', 'closed', 'escalated'] as const;
export const WarningEventKind = z.enum(WARNING_EVENT_KINDS);
export const WarningEvent = z.object({
  id: z.string(),
  kind: WarningEventKind,
  actorId: Uuid.nullable(),
  actorName: z.string().nullable(),
  at: z.string(),
  note: z.string().nullable(),
  data: z.record(z.string(), z.unknown()).nullable(),
});
export type WarningEvent = z.infer<typeof WarningEvent>;

export const WarningDetail = Warning.extend({ events: z.array(WarningEvent) });
export type WarningDetail = z.infer<typeof WarningDetail>;

export const WARNING_SORTS = ['raisedAt', '-raisedAt', 'level', '-level', 'planDueAt', '-planDueAt', 'lastSeenAt', '-lastSeenAt'] as const;
export const WarningListQuery = PageQuery.extend({
  state: z.union([WarningState, z.array(WarningState)]).optional(),
  /** open = every state but closed */
  open: QueryBool.optional(),
  level: z.union([WarningLevel, z.array(WarningLevel)]).optional(),
  kind: z.union([WarningRuleKind, z.array(WarningRuleKind)]).optional(),
  /** this org unit and its subtree */
  orgUnit: Uuid.optional(),
  /** plan late now */
  planOverdue: QueryBool.optional(),
  raisedFrom: z.string().regex(/^\d{4}-\d{2}-\d{2}$/).optional(),
  raisedTo: z.string().regex(/^\d{4}-\d{2}-\d{2}$/).optional(),
  sort: z.enum(WARNING_SORTS).default('-raisedAt'),
});
export type WarningListQuery = z.infer<typeof WarningListQuery>;

export const WarningCounts = z.object({ yellow: z.number().int(), orange: z.number().int(), red: z.number().int(), planOverdue: z.number().int() });

/**
 * Lifecycle actions. acknowledge, submit_plan: the owner (warnings:handle in scope);
 * verify, reject_plan, close: the quality department (warnings:manage). A rejected plan goes back
 * to acknowledged with a new plan deadline. close needs a reason; from any open state it is a dismissal.
 */
export const WarningAction = z.discriminatedUnion('action', [
  z.strictObject({ action: z.literal('acknowledge'), version: z.number().int(), note: z.string().trim().max(2000).optional() }),
  z.strictObject({ action: z.literal('submit_plan'), version: z.number().int(), plan: WarningPlan }),
  z.strictObject({ action: z.literal('verify'), version: z.number().int(), note: z.string().trim().max(2000).optional() }),
  z.strictObject({ action: z.literal('reject_plan'), version: z.number().int(), note: z.string().trim().min(2, 'say why the plan is rejected').max(2000) }),
  z.strictObject({ action: z.literal('close'), version: z.number().int(), note: z.string().trim().min(2, 'give a reason for closing').max(2000) }),
]);
export type WarningAction = z.infer<typeof WarningAction>;

/** One evaluation of every active rule. */
export const WarningEvaluation = z.object({
  at: z.string(),
  rules: z.number().int(),
  raised: z.number().int(),
  merged: z.number().int(),
  upgraded: z.number().int(),
  escalated: z.number().int(),
  ms: z.number(),
});
export type WarningEvaluation = z.infer<typeof WarningEvaluation>;
