import { durationBucket, histogramColumn, type RollupMeasure } from '@qloop/contracts';
import { offsetAt } from '../calendars/time-zone.js';

/** The organisation's time zone: calendar periods (days, weeks, months) are counted in it. */
export const ORG_TIME_ZONE = 'Asia/Shanghai';

/** YYYY-MM-DD of an instant in `timeZone`. */
export function localDay(instant: Date, timeZone = ORG_TIME_ZONE): string {
  return new Date(instant.getTime() + offsetAt(timeZone, instant.getTime())).toISOString().slice(0, 10);
}

/** A clock as facts need it: its outcome and the business minutes it counted. */
export type ClockFact = { status: 'running' | 'paused' | 'met' | 'breached' | 'cancelled'; elapsedMinutes: number; breachFired: boolean };

/** What the daily rollups read of a ticket. */
export type TicketForFacts = {
  id: string;
  orgUnitId: string;
  type: string;
  channel: string;
  categoryId: string;
  state: string;
  createdAt: Date;
  closedAt: Date | null;
  escalated: boolean;
  regulatorAppeal: boolean;
  repeatOf: string | null;
  mergedInto: string | null;
  outcome: string | null;
  followUpResult: string | null;
  transferCount: number;
  reopenCount: number;
  /** the first-response clock (cycle 1), if the ticket has one */
  firstResponse: ClockFact | null;
  /** the resolution clock of the first cycle (handling time) and of the latest cycle (on time) */
  firstResolution: ClockFact | null;
  lastResolution: ClockFact | null;
  /** the customer filed another ticket of the same level-2 category within 7 days after this one closed */
  followedBySameIssue: boolean;
};

/** The dimensions a contribution is filed under, and its measures for one day. */
export type Contribution = {
  day: string;
  orgUnitId: string;
  type: string;
  channel: string;
  categoryId: string;
  measures: Partial<Record<RollupMeasure, number>>;
};

const CLOSED_STATES = ['closed', 'archived'];
const FCR_WINDOW_DAYS = 7;
export { FCR_WINDOW_DAYS };

/**
 * What one ticket adds to the daily rollups, from its current state. Pure. Acceptance measures
 * go to the day it was taken, closing measures to the day it was closed (one contribution when both
 * fall on one day). A ticket merged into another adds nothing: the survivor stands for both, so a
 * duplicate is never counted twice. Computing contributions from the ticket as it is now — not from
 * the events that led there — is what makes the incremental rollups equal a recomputation.
 */
export function ticketFacts(t: TicketForFacts, timeZone = ORG_TIME_ZONE): Contribution[] {
  if (t.mergedInto) return [];
  const dims = { orgUnitId: t.orgUnitId, type: t.type, channel: t.channel, categoryId: t.categoryId };
  const taken: Partial<Record<RollupMeasure, number>> = { accepted: 1 };
  if (t.escalated) taken.escalated = 1;
  if (t.regulatorAppeal) taken.appeals = 1;
  if (t.repeatOf) taken.repeat = 1;
  const fr = t.firstResponse;
  if (fr) {
    const decided = fr.status === 'met' || fr.status === 'breached' || ((fr.status === 'running' || fr.status === 'paused') && fr.breachFired);
    if (decided) taken.fr_target = 1;
    if (fr.status === 'met') taken.fr_met = 1;
    if (fr.status === 'met' || fr.status === 'breached') {
      taken.frt_sum = fr.elapsedMinutes;
      taken.frt_n = 1;
      taken[histogramColumn('frt', durationBucket(fr.elapsedMinutes))] = 1;
    }
  }
  const out: Contribution[] = [{ day: localDay(t.createdAt, timeZone), ...dims, measures: taken }];
  if (t.closedAt && CLOSED_STATES.includes(t.state)) {
    const closed: Partial<Record<RollupMeasure, number>> = { closed: 1 };
    if (t.outcome === 'resolved') closed.closed_resolved = 1;
    if (t.lastResolution?.status === 'met') closed.closed_on_time = 1;
    if (t.followUpResult) closed.followed_up = 1;
    if (t.reopenCount > 0) closed.reopened = 1;
    if (t.transferCount === 0 && t.reopenCount === 0 && !t.followedBySameIssue) closed.fcr = 1;
    const first = t.firstResolution;
    if (first && (first.status === 'met' || first.status === 'breached')) {
      closed.handle_sum = first.elapsedMinutes;
      closed.handle_n = 1;
      closed[histogramColumn('handle', durationBucket(first.elapsedMinutes))] = 1;
    }
    const day = localDay(t.closedAt, timeZone);
    if (day === out[0]!.day) out[0] = { ...out[0]!, measures: { ...taken, ...closed } };
    else out.push({ day, ...dims, measures: closed });
  }
  return out;
}

/** The key a contribution is summed under. */
export const rollupKey = (c: Omit<Contribution, 'measures'>) => `${c.day}|${c.orgUnitId}|${c.type}|${c.channel}|${c.categoryId}`;

/** Sums contributions by key (what the rollup table holds, computed in memory). */
export function sumContributions(cs: readonly Contribution[]): Map<string, Contribution> {
  const out = new Map<string, Contribution>();
  for (const c of cs) {
    const k = rollupKey(c);
    const prev = out.get(k);
    if (!prev) {
      out.set(k, { ...c, measures: { ...c.measures } });
      continue;
    }
    for (const [m, v] of Object.entries(c.measures) as [RollupMeasure, number][]) prev.measures[m] = (prev.measures[m] ?? 0) + v;
  }
  return out;
}
