import type { ClockKind, SlaConditions } from '@qloop/contracts';
import type { BusinessCalendar } from '../calendars/business-calendar.js';
import { ruleMatches, type RoutableTicket } from '../assignment/route-ticket.js';
import { calendarOf, cancelClock, isLive, recomputeClock, type Calendars, type Clock } from './sla-clock.js';

/**
 * Which policy applies to a ticket, and what a policy change does to live clocks. Pure.
 */
export type PolicyForMatching = {
  id: string;
  position: number;
  active: boolean;
  conditions: SlaConditions;
  calendarKey: string;
  targets: Record<ClockKind, number | null>;
};

/** What a policy looks at: what routing looks at, plus the priority. */
export type SlaSubject = RoutableTicket & { priority: string };

export function policyMatches(p: PolicyForMatching, t: SlaSubject): boolean {
  const { priorities, ...routing } = p.conditions;
  if (priorities?.length && !priorities.includes(t.priority as never)) return false;
  // the same conditions as assignment rules (types, channels, tiers, categories and org units with their subtrees)
  return ruleMatches({ id: p.id, position: p.position, active: p.active, conditions: routing, groupId: '', strategy: 'least_open', skill: null }, t);
}

/** The first active policy in explicit order whose conditions all hold (ties by id, never by name). */
export function matchPolicy<P extends PolicyForMatching>(policies: readonly P[], t: SlaSubject): P | null {
  return [...policies].sort((a, b) => a.position - b.position || (a.id < b.id ? -1 : 1)).find((p) => policyMatches(p, t)) ?? null;
}

/** The clocks a policy starts on a new ticket: first response and resolution (the others start on events). */
export const INTAKE_KINDS: readonly ClockKind[] = ['first_response', 'resolution'];

export type ClockChange = { before: Clock; after: Clock; change: 'recompute' | 'cancel'; toPolicyId: string | null };

/**
 * Re-matches one open ticket against (changed) policies and says what happens to each live clock:
 * recomputed with the new policy's target and calendar, elapsed kept; cancelled when the new policy
 * has no such target. Clocks whose policy, target and calendar stay the same are left alone. A target
 * the old policy lacked is not started retroactively: it applies from the next cycle.
 */
export function planRematch(
  policies: readonly PolicyForMatching[],
  t: SlaSubject,
  clocks: readonly Clock[],
  calendars: Calendars,
  at: Date,
): ClockChange[] {
  const p = matchPolicy(policies, t);
  const changes: ClockChange[] = [];
  for (const c of clocks) {
    if (!isLive(c)) continue;
    const target = p?.targets[c.kind] ?? null;
    const oldCal = calendarOf(calendars, c.calendarKey);
    if (!p || target === null) {
      changes.push({ before: c, after: cancelClock(c, oldCal, at), change: 'cancel', toPolicyId: p?.id ?? null });
      continue;
    }
    if (p.id === c.policyId && p.calendarKey === c.calendarKey && target === c.targetMinutes) continue;
    const calendar: BusinessCalendar = calendarOf(calendars, p.calendarKey);
    changes.push({ before: c, after: recomputeClock(c, oldCal, { policyId: p.id, calendar, targetMinutes: target }, at), change: 'recompute', toPolicyId: p.id });
  }
  return changes;
}
