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

export const SlaPolicy = z.object({
  id: z.uuid(),
  position: z.number().int(),
  name: z.string(),
  active: z.boolean(),
  conditions: SlaConditions,
  calendarKey: z.string(),
  targets: SlaTargets,
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
  sourceStandard: z.string().trim().max(SLA_LIMITS.sourceStandardMax).nullable(),
};
export const CreateSlaPolicyBody = z.strictObject({
  ...policyFields,
  active: policyFields.active.default(true),
  conditions: policyFields.conditions.default({}),
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
