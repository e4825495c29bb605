import type { EscalationRecipient, SlaAlerts } from '@qloop/contracts';
import { addBusinessMinutes, nextOpening, type BusinessCalendar } from '../calendars/business-calendar.js';
import type { Clock } from './sla-clock.js';

/**
 * The stages of a clock — pre-breach warnings, the breach, escalation levels after it — and when
 * each is due. Pure: the caller passes the instant.
 *
 * A stage is reached when the clock has counted `threshold` business minutes; its instant is found
 * from the banked minutes, so a paused stretch never brings a stage closer (GLPI #24481) and a
 * stage can only be due on a running clock. Each stage fires once per clock (the keys in
 * `alertsDone`; the sla_alerts unique key enforces it across server instances). A warning whose
 * instant has already passed when the clock is (re)scheduled is skipped, not fired: a clock started
 * on a backdated import, or a target shortened below what was already spent, must not produce a
 * burst of stale warnings, and no warning can fire at ticket creation (GLPI #15429). The breach and
 * escalations are facts and are never skipped.
 */
export type AlertStageKind = 'warning' | 'breach' | 'escalation';

export type AlertStage = {
  /** warning:<percent>, breach, escalation:<level> — stable across edits that keep the level */
  key: string;
  kind: AlertStageKind;
  /** warnings: percent of the target; escalations: level from 1; breach: null */
  level: number | null;
  /** business minutes counted when the stage is reached */
  threshold: number;
  notify: readonly EscalationRecipient[];
};

const SEVERITY: Record<AlertStageKind, number> = { warning: 0, breach: 1, escalation: 2 };

/** The stages of a target under a policy's alert settings, in the order they are reached. */
export function alertStagesOf(alerts: SlaAlerts, targetMinutes: number): AlertStage[] {
  const stages: AlertStage[] = [];
  for (const percent of alerts.warnAtPercent) {
    const threshold = Math.ceil((targetMinutes * percent) / 100);
    // a warning at 0 minutes would fire at creation; one at the target is the breach itself
    if (threshold > 0 && threshold < targetMinutes) stages.push({ key: `warning:${percent}`, kind: 'warning', level: percent, threshold, notify: ['assignee'] });
  }
  stages.push({ key: 'breach', kind: 'breach', level: null, threshold: targetMinutes, notify: ['assignee'] });
  alerts.escalations.forEach((e, i) =>
    stages.push({ key: `escalation:${i + 1}`, kind: 'escalation', level: i + 1, threshold: targetMinutes + e.afterMinutes, notify: e.notify }),
  );
  return stages;
}

/** The instant a running clock reaches the stage (the breach: its deadline). */
export function stageInstant(clock: Clock, calendar: BusinessCalendar, stage: AlertStage): Date {
  return addBusinessMinutes(calendar, clock.countedFrom, Math.max(0, stage.threshold - clock.elapsedMinutes));
}

export type AlertSchedule = { alertsDone: string[]; nextAlert: string | null; nextAlertAt: Date | null };

/**
 * What a clock waits for next, as of `now`: warnings already past are marked done (skipped), the
 * next open stage and its instant — moved to the next opening of `hold` when notifications wait for
 * working hours. Clocks that are not running wait for nothing (a paused clock cannot breach).
 */
export function scheduleAlerts(
  clock: Clock,
  calendar: BusinessCalendar,
  stages: readonly AlertStage[],
  now: Date,
  hold: BusinessCalendar | null,
): AlertSchedule {
  if (clock.status !== 'running') return { alertsDone: clock.alertsDone, nextAlert: null, nextAlertAt: null };
  const done = new Set(clock.alertsDone);
  let next: { stage: AlertStage; at: Date } | null = null;
  for (const stage of stages) {
    if (done.has(stage.key)) continue;
    const at = stageInstant(clock, calendar, stage);
    if (stage.kind === 'warning' && at < now) {
      done.add(stage.key);
      continue;
    }
    next = { stage, at };
    break;
  }
  const alertsDone = done.size === clock.alertsDone.length ? clock.alertsDone : [...done];
  if (!next) return { alertsDone, nextAlert: null, nextAlertAt: null };
  return { alertsDone, nextAlert: next.stage.key, nextAlertAt: hold ? nextOpening(hold, next.at) : next.at };
}

export type DueStage = AlertStage & { dueAt: Date };

/**
 * The stages due at `now` that have not fired (instant strictly before `now`: the breach is due
 * only once the deadline has passed, since a response at the deadline itself is on time).
 */
export function dueStages(clock: Clock, calendar: BusinessCalendar, stages: readonly AlertStage[], now: Date): DueStage[] {
  if (clock.status !== 'running') return [];
  const out: DueStage[] = [];
  for (const stage of stages) {
    if (clock.alertsDone.includes(stage.key)) continue;
    const dueAt = stageInstant(clock, calendar, stage);
    if (dueAt < now) out.push({ ...stage, dueAt });
  }
  return out;
}

/** The most severe of several stages fired together (what one person is told when several are due at once). */
export function mostSevere<T extends AlertStage>(stages: readonly T[]): T {
  return stages.reduce((a, b) => (SEVERITY[b.kind] > SEVERITY[a.kind] || (SEVERITY[b.kind] === SEVERITY[a.kind] && b.threshold >= a.threshold) ? b : a));
}
