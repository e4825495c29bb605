import { z } from 'zod';
import { LIMITS, Uuid } from './common.js';
import { RuleConditions } from './assignment.js';
import { CalendarKey } from './calendars.js';
import { ClockKind, Priority } from './tickets.js';

/**
 * SLA policies (时限标准) and the clocks they start on each ticket. A policy applies by conditions;
 * the first active policy in explicit order whose conditions all hold wins. Each non-null target
 * becomes a clock counted in business minutes on the policy's calendar.
 */
export const SLA_LIMITS = {
  /** a target longer than a year of round-the-clock minutes is a typo */
  targetMinutesMax: 366 * 1440,
  sourceStandardMax: 1000,
  /** impact preview: open tickets re-matched at most, and tickets listed */
  previewScanMax: 5000,
  previewListMax: 50,
} as const;

/** Every listed condition must hold (assignment rules' conditions plus priorities). */
export const SlaConditions = RuleConditions.extend({ priorities: z.array(Priority).optional() });
export type SlaConditions = z.infer<typeof SlaConditions>;

const Target = z.number().int().min(0).max(SLA_LIMITS.targetMinutesMax).nullable();

/** Targets in business minutes of the policy's calendar; null = no such target. */
export const SlaTargets = z.strictObject({
  first_response: Target,
  next_response: Target,
  resolution: Target,
  follow_up: Target,
});
export type SlaTargets = z.infer<typeof SlaTargets>;

/**
 * Who an escalation level notifies. group_lead: the lead of the ticket's group (its branch managers
 * when the group has no lead); branch_manager / dept_manager: people of that role whose org unit is
 * on the ticket's org path; quality_manager / executive: province-wide roles.
 */
export const ESCALATION_RECIPIENTS = ['assignee', 'group_lead', 'group_members', 'branch_manager', 'dept_manager', 'quality_manager', 'executive'] as const;
export const EscalationRecipient = z.enum(ESCALATION_RECIPIENTS);
export type EscalationRecipient = z.infer<typeof EscalationRecipient>;

export const EscalationLevel = z.strictObject({
  /** business minutes after the deadline, on the clock's calendar (0 = at the breach) */
  afterMinutes: z.number().int().min(0).max(SLA_LIMITS.targetMinutesMax),
  notify: z.array(EscalationRecipient).min(1, 'an escalation level notifies someone').max(ESCALATION_RECIPIENTS.length),
});
export type EscalationLevel = z.infer<typeof EscalationLevel>;

const strictlyIncreasing = (xs: readonly number[]) => xs.every((x, i) => i === 0 || x > xs[i - 1]!);

/**
 * Pre-breach warnings and escalation after breach. Each fires once per clock; a warning whose moment
 * has already passed when a clock starts or is recomputed is skipped, never fired late (no warning at
 * creation). The assignee is warned (the group's members while unassigned); the breach notifies the
 * assignee too; escalation levels notify whom they name.
 */
export const SlaAlerts = z.strictObject({
  /** percent of the target used, strictly increasing, e.g. [50, 75, 90] */
  warnAtPercent: z
    .array(z.number().int().min(1).max(99))
    .max(5)
    .refine(strictlyIncreasing, 'warning percentages must be strictly increasing'),
  escalations: z
    .array(EscalationLevel)
    .max(5)
    .refine((ls) => strictlyIncreasing(ls.map((l) => l.afterMinutes)), 'escalation levels must come strictly later one after another'),
  /** hold notifications to the working hours of this calendar (null: deliver at once, day and night) */
  holdToCalendarKey: CalendarKey.nullable(),
});
export type SlaAlerts = z.infer<typeof SlaAlerts>;

export const DEFAULT_SLA_ALERTS: SlaAlerts = {
  warnAtPercent: [50, 75, 90],
  escalations: [
    { afterMinutes: 0, notify: ['group_lead'] },
    { afterMinutes: 240, notify: ['dept_manager', 'branch_manager'] },
    { afterMinutes: 1440, notify: ['executive'] },
  ],
  holdToCalendarKey: null,
};

export const SlaPolicy = z.object({
  id: z.uuid(),
  position: z.number().int(),
  name: z.string(),
  active: z.boolean(),
  conditions: SlaConditions,
  calendarKey: z.string(),
  targets: SlaTargets,
  alerts: SlaAlerts,
  /** the published service standard this policy implements, quoted */
  sourceStandard: z.string().nullable(),
  version: z.number().int(),
  updatedAt: z.string(),
});
export type SlaPolicy = z.infer<typeof SlaPolicy>;

const policyFields = {
  name: z.string().trim().min(1).max(LIMITS.nameMax),
  active: z.boolean(),
  conditions: SlaConditions,
  calendarKey: CalendarKey,
  targets: SlaTargets,
  alerts: SlaAlerts,
  sourceStandard: z.string().trim().max(SLA_LIMITS.sourceStandardMax).nullable(),
};
export const CreateSlaPolicyBody = z.strictObject({
  ...policyFields,
  active: policyFields.active.default(true),
  conditions: policyFields.conditions.default({}),
  alerts: policyFields.alerts.default(DEFAULT_SLA_ALERTS),
  sourceStandard: policyFields.sourceStandard.default(null),
});
export type CreateSlaPolicyBody = z.infer<typeof CreateSlaPolicyBody>;

/** Changes to a policy; `version` is the one the editor loaded (a stale edit answers 409). */
export const UpdateSlaPolicyBody = z.strictObject({
  version: z.number().int(),
  name: policyFields.name.optional(),
  active: z.boolean().optional(),
  conditions: SlaConditions.optional(),
  calendarKey: CalendarKey.optional(),
  targets: SlaTargets.partial().optional(),
  alerts: SlaAlerts.optional(),
  sourceStandard: policyFields.sourceStandard.optional(),
});
export type UpdateSlaPolicyBody = z.infer<typeof UpdateSlaPolicyBody>;

/** The complete new order of all policies, first to last. */
export const ReorderSlaPoliciesBody = z.strictObject({ ids: z.array(Uuid).min(1) });

/** What-if: a new policy (`draft`) or changes to an existing one (`id` + `changes`). */
export const SlaImpactBody = z.union([
  z.strictObject({ draft: CreateSlaPolicyBody }),
  z.strictObject({ id: Uuid, changes: UpdateSlaPolicyBody.omit({ version: true }) }),
]);
export type SlaImpactBody = z.infer<typeof SlaImpactBody>;

export const SlaClockChange = z.object({
  ticketId: z.uuid(),
  no: z.string(),
  kind: ClockKind,
  cycle: z.number().int(),
  /** recompute: new target/calendar, elapsed kept; cancel: the new policy has no such target */
  change: z.enum(['recompute', 'cancel']),
  fromPolicyId: z.uuid(),
  toPolicyId: z.uuid().nullable(),
  oldDeadline: z.string().nullable(),
  newDeadline: z.string().nullable(),
  oldTargetMinutes: z.number().int(),
  newTargetMinutes: z.number().int().nullable(),
  elapsedMinutes: z.number().int(),
});
export type SlaClockChange = z.infer<typeof SlaClockChange>;

export const SlaImpact = z.object({
  /** open tickets re-matched; at most SLA_LIMITS.previewScanMax (most recent first) */
  scanned: z.number().int(),
  /** true when there were more open tickets than were scanned */
  truncated: z.boolean(),
  /** tickets with at least one clock that would change */
  tickets: z.number().int(),
  /** clocks that would change */
  count: z.number().int(),
  /** the first SLA_LIMITS.previewListMax changes */
  items: z.array(SlaClockChange),
});
export type SlaImpact = z.infer<typeof SlaImpact>;

/** A saved policy with what the save did to the clocks of open tickets. */
export const SavedSlaPolicy = SlaPolicy.extend({ impact: SlaImpact });
