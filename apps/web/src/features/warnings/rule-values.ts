import {
  BatchParams,
  DEFAULT_PLAN_DAYS,
  GroupComplaintParams,
  HotTopicParams,
  RiseParams,
  ThresholdParams,
  type PlanDays,
  type WarningRule,
  type WarningRuleKind,
  type WarningRuleParams,
  type WarningRuleSave,
} from '@qloop/contracts';
import type { z } from 'zod';

/** Each kind's parameters without `kind` (the contract's own shapes: the form keeps only these keys). */
const SHAPES = {
  threshold: ThresholdParams.shape,
  rise: RiseParams.shape,
  batch: BatchParams.shape,
  hot_topic: HotTopicParams.shape,
  group_complaint: GroupComplaintParams.shape,
} satisfies Record<WarningRuleKind, object>;

/**
 * A new rule's starting parameters per kind: the domain's example (complaints up ≥ 30 % week on
 * week → yellow) and sensible floors so a handful of tickets does not raise a warning.
 */
export function defaultParams(kind: WarningRuleKind): Partial<WarningRuleParams> & { kind: WarningRuleKind } {
  switch (kind) {
    case 'threshold':
      return { kind, windowDays: 7, minDenominator: 20, orgKinds: ['branch', 'store'] };
    case 'rise':
      return {
        kind,
        windowDays: 7,
        yellowPct: 30,
        orangePct: 50,
        redPct: 100,
        alpha: 0.05,
        minCount: 10,
        orgKinds: ['province', 'branch'],
      };
    case 'batch':
      return {
        kind,
        types: ['complaint'],
        minCustomers: 5,
        windowMinutes: 120,
        lookbackHours: 24,
        level: 'orange',
      };
    case 'hot_topic':
      return {
        kind,
        types: ['complaint'],
        windowDays: 7,
        baselineDays: 28,
        minDocs: 5,
        minLift: 3,
        topN: 3,
        orgKinds: ['province', 'branch'],
        level: 'yellow',
      };
    case 'group_complaint':
      return { kind, lookbackHours: 24 };
  }
}

/**
 * The editor's values. Parameters keep the API's shape under `params` (so the server's field paths,
 * e.g. 'params.windowDays', name their fields); number inputs may be empty while editing.
 */
export interface RuleValues {
  name: string;
  nameEn?: string | null;
  params: Partial<WarningRuleParams> & { kind: WarningRuleKind };
  planDays: PlanDays;
  ownerDepartmentId?: string | null;
  active: boolean;
}

export function toRuleValues(rule: WarningRule | null, kind: WarningRuleKind = 'rise'): RuleValues {
  if (!rule)
    return {
      name: '',
      nameEn: null,
      params: defaultParams(kind),
      planDays: { ...DEFAULT_PLAN_DAYS },
      ownerDepartmentId: null,
      active: true,
    };
  return {
    name: rule.name,
    nameEn: rule.nameEn,
    params: structuredClone(rule.params),
    planDays: { ...rule.planDays },
    ownerDepartmentId: rule.ownerDepartmentId,
    active: rule.active,
  };
}

/** The rule as the API takes it: only the chosen kind's keys, an empty optional level as null. */
export function toRuleBody(v: RuleValues): z.input<typeof WarningRuleSave> {
  const kind = v.params.kind;
  const all = v.params as Record<string, unknown>;
  const params: Record<string, unknown> = { kind };
  for (const key of Object.keys(SHAPES[kind])) {
    const value = all[key];
    params[key] =
      value === undefined || value === ''
        ? key === 'orangePct' || key === 'redPct'
          ? null
          : undefined
        : value;
  }
  return {
    name: v.name.trim(),
    nameEn: v.nameEn?.trim() || null,
    params: params as WarningRuleParams,
    planDays: { ...DEFAULT_PLAN_DAYS, ...v.planDays },
    ownerDepartmentId: v.ownerDepartmentId ?? null,
    active: v.active,
  };
}
