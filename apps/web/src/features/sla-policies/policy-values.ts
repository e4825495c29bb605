import { DEFAULT_SLA_ALERTS, type CreateSlaPolicyBody, type SlaAlerts, type SlaPolicy, type SlaTargets } from '@qloop/contracts';
import type { z } from 'zod';
import { conditionsOf, type ConditionValues } from '../assignment/condition-fields';

/**
 * The editor's form. Targets and alerts keep the API's shape (so the server's field paths, e.g.
 * 'alerts.escalations.1.notify', name their fields); the conditions are flat, as in the rule editor.
 */
export interface PolicyValues extends ConditionValues {
  name: string;
  active: boolean;
  calendarKey?: string;
  targets: SlaTargets;
  alerts: Omit<SlaAlerts, 'holdToCalendarKey'> & { holdToCalendarKey?: string | null };
  sourceStandard?: string | null;
}

const NO_TARGETS: SlaTargets = { first_response: null, next_response: null, resolution: null, follow_up: null };

/**
 * The form's starting values: the policy as saved, or an empty one with the default alerts and no
 * calendar (24×7 or working hours changes every target's meaning, so it is chosen, never assumed).
 */
export function toPolicyValues(p: SlaPolicy | null): PolicyValues {
  if (!p) return { name: '', active: true, targets: { ...NO_TARGETS }, alerts: structuredClone(DEFAULT_SLA_ALERTS) };
  return {
    name: p.name,
    active: p.active,
    calendarKey: p.calendarKey,
    ...p.conditions,
    targets: { ...p.targets },
    alerts: structuredClone(p.alerts),
    sourceStandard: p.sourceStandard,
  };
}

/** The whole policy as the API takes it, for a new one and as the changes to an existing one. */
export function toPolicyBody(v: PolicyValues): z.input<typeof CreateSlaPolicyBody> {
  return {
    name: v.name.trim(),
    active: v.active,
    conditions: conditionsOf(v),
    calendarKey: v.calendarKey!,
    targets: { ...NO_TARGETS, ...v.targets },
    alerts: {
      warnAtPercent: v.alerts.warnAtPercent ?? [],
      escalations: (v.alerts.escalations ?? []).map((l) => ({ afterMinutes: l.afterMinutes ?? 0, notify: l.notify ?? [] })),
      holdToCalendarKey: v.alerts.holdToCalendarKey ?? null,
    },
    sourceStandard: v.sourceStandard?.trim() || null,
  };
}
