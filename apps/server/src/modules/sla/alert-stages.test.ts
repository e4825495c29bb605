import { describe, expect, it } from 'vitest';
import { DEFAULT_SLA_ALERTS, type SlaAlerts } from '@qloop/contracts';
import { CN_STANDARD, ROUND_THE_CLOCK } from '../calendars/business-calendar.js';
import { alertStagesOf, dueStages, mostSevere, scheduleAlerts, stageInstant } from './alert-stages.js';
import { pauseClock, recomputeClock, resumeClock, startClock } from './sla-clock.js';

const at = (s: string) => new Date(s);
const iso = (d: Date | null) => d?.toISOString() ?? null;
const clockOn = (calendar = CN_STANDARD, start = '2026-11-23T09:00:00+08:00', target = 240) =>
  startClock({ kind: 'first_response', cycle: 1, policyId: 'p', calendar, targetMinutes: target }, at(start));

describe('alert stages of a target', () => {
  it('default settings on 240 minutes: warnings at 120/180/216, breach at 240, escalations at +0/+240/+1440', () => {
    const s = alertStagesOf(DEFAULT_SLA_ALERTS, 240);
    expect(s.map((x) => [x.key, x.threshold])).toEqual([
      ['warning:50', 120], ['warning:75', 180], ['warning:90', 216], ['breach', 240], ['escalation:1', 240], ['escalation:2', 480], ['escalation:3', 1680],
    ]);
    expect(s.find((x) => x.key === 'escalation:3')!.notify).toEqual(['executive']);
  });

  it('warnings round up to whole minutes and vanish when they would fire at 0 or at the target (a 1-minute target warns never)', () => {
    expect(alertStagesOf(DEFAULT_SLA_ALERTS, 7).filter((x) => x.kind === 'warning').map((x) => x.threshold)).toEqual([4, 6]); // 3.5→4, 5.25→6, 6.3→7 = target: dropped
    expect(alertStagesOf(DEFAULT_SLA_ALERTS, 1).some((x) => x.kind === 'warning')).toBe(false);
    expect(alertStagesOf(DEFAULT_SLA_ALERTS, 0).map((x) => x.key)[0]).toBe('breach');
  });

  it('no escalations configured: the breach is the last stage', () => {
    const alerts: SlaAlerts = { warnAtPercent: [80], escalations: [], holdToCalendarKey: null };
    expect(alertStagesOf(alerts, 100).map((x) => x.key)).toEqual(['warning:80', 'breach']);
  });
});

describe('when a stage is due (cn-standard: Mon–Fri 09:00–12:00, 13:00–18:00)', () => {
  const stages = alertStagesOf(DEFAULT_SLA_ALERTS, 240);
  it('start Mon 09:00, 240 min: 50% at 11:00, 75% at 12:00 (reached at the range end, not 13:00), 90% at 13:36, breach at 14:00, +240 at 18:00', () => {
    const c = clockOn();
    const when = (key: string) => iso(stageInstant(c, CN_STANDARD, stages.find((s) => s.key === key)!));
    expect(when('warning:50')).toBe(iso(at('2026-11-23T11:00:00+08:00')));
    expect(when('warning:75')).toBe(iso(at('2026-11-23T12:00:00+08:00'))); // 180 min: lands on the range end, the 12:00 rule
    expect(when('warning:90')).toBe(iso(at('2026-11-23T13:36:00+08:00')));
    expect(when('breach')).toBe(iso(c.deadline));
    expect(when('escalation:2')).toBe(iso(at('2026-11-23T18:00:00+08:00'))); // 480 min = the whole of Monday (180 + 300)
  });

  it('created Saturday 20:00 (closed; GLPI #15429): nothing is due at creation, the 50% warning waits for Monday 11:00', () => {
    const c = clockOn(CN_STANDARD, '2026-11-21T20:00:00+08:00');
    expect(dueStages(c, CN_STANDARD, stages, at('2026-11-21T20:00:00+08:00'))).toEqual([]);
    expect(dueStages(c, CN_STANDARD, stages, at('2026-11-23T10:59:59+08:00'))).toEqual([]);
    const s = scheduleAlerts(c, CN_STANDARD, stages, at('2026-11-21T20:00:00+08:00'), null);
    expect(s).toMatchObject({ nextAlert: 'warning:50', alertsDone: [] });
    expect(iso(s.nextAlertAt)).toBe(iso(at('2026-11-23T11:00:00+08:00')));
  });

  it('the breach is due only after the deadline has passed (a response at the deadline is on time)', () => {
    const c = clockOn(ROUND_THE_CLOCK, '2026-11-23T09:00:00+08:00', 60);
    const keys = (now: string) => dueStages(c, ROUND_THE_CLOCK, alertStagesOf(DEFAULT_SLA_ALERTS, 60), at(now)).map((s) => s.key);
    expect(keys('2026-11-23T10:00:00+08:00')).toEqual(['warning:50', 'warning:75', 'warning:90']);
    expect(keys('2026-11-23T10:00:01+08:00')).toEqual(['warning:50', 'warning:75', 'warning:90', 'breach', 'escalation:1']);
  });

  it('a paused clock has nothing due and waits for nothing, even long past its old deadline (GLPI #24481)', () => {
    const c = pauseClock(clockOn(), CN_STANDARD, at('2026-11-23T10:00:00+08:00'));
    expect(dueStages(c, CN_STANDARD, stages, at('2026-12-23T10:00:00+08:00'))).toEqual([]);
    expect(scheduleAlerts(c, CN_STANDARD, stages, at('2026-11-23T10:00:00+08:00'), null)).toMatchObject({ nextAlert: null, nextAlertAt: null });
  });

  it('paused 10:00 Mon to 10:00 Wed with 60 min spent: after resuming, 50% (120) is due at 11:00 Wed, not before', () => {
    const paused = pauseClock(clockOn(), CN_STANDARD, at('2026-11-23T10:00:00+08:00'));
    const resumed = resumeClock(paused, CN_STANDARD, at('2026-11-25T10:00:00+08:00'));
    const s = scheduleAlerts(resumed, CN_STANDARD, stages, at('2026-11-25T10:00:00+08:00'), null);
    expect(s.nextAlert).toBe('warning:50');
    expect(iso(s.nextAlertAt)).toBe(iso(at('2026-11-25T11:00:00+08:00')));
  });
});

describe('scheduling: skipped warnings, stages fired once, holding to working hours', () => {
  const stages = alertStagesOf(DEFAULT_SLA_ALERTS, 240);
  it('a clock started in the past (backdated import) skips warnings already past and waits for the breach', () => {
    const c = clockOn(CN_STANDARD, '2026-11-23T09:00:00+08:00');
    const s = scheduleAlerts(c, CN_STANDARD, stages, at('2026-11-23T13:50:00+08:00'), null);
    expect(s.alertsDone).toEqual(['warning:50', 'warning:75', 'warning:90']);
    expect(s.nextAlert).toBe('breach');
  });

  it('a clock already past its deadline when scheduled still has its breach due — a breach is a fact, never skipped', () => {
    const c = clockOn(CN_STANDARD, '2026-11-20T09:00:00+08:00');
    const s = scheduleAlerts(c, CN_STANDARD, stages, at('2026-11-23T09:30:00+08:00'), null);
    expect(s.nextAlert).toBe('breach');
    expect(s.nextAlertAt!.getTime()).toBeLessThan(at('2026-11-23T09:30:00+08:00').getTime());
  });

  it('fired stages are never due again; the next one is scheduled', () => {
    const c = { ...clockOn(), alertsDone: ['warning:50'] };
    expect(dueStages(c, CN_STANDARD, stages, at('2026-11-23T11:30:00+08:00'))).toEqual([]);
    expect(scheduleAlerts(c, CN_STANDARD, stages, at('2026-11-23T11:30:00+08:00'), null).nextAlert).toBe('warning:75');
  });

  it('a longer target after a recompute keeps fired stages fired and moves the rest (elapsed kept)', () => {
    const c = { ...clockOn(), alertsDone: ['warning:50'] };
    const longer = recomputeClock(c, CN_STANDARD, { policyId: 'p', calendar: CN_STANDARD, targetMinutes: 480 }, at('2026-11-23T11:30:00+08:00'));
    const s = scheduleAlerts(longer, CN_STANDARD, alertStagesOf(DEFAULT_SLA_ALERTS, 480), at('2026-11-23T11:30:00+08:00'), null);
    expect(s.nextAlert).toBe('warning:75'); // 360 of 480: 150 spent at 11:30 → 210 more → Mon 16:00
    expect(iso(s.nextAlertAt)).toBe(iso(at('2026-11-23T16:00:00+08:00')));
  });

  it('held to cn-standard working hours: a 24×7 warning due Saturday 03:00 is delivered Monday 09:00', () => {
    const c = clockOn(ROUND_THE_CLOCK, '2026-11-21T00:00:00+08:00', 360);
    const s = scheduleAlerts(c, ROUND_THE_CLOCK, alertStagesOf(DEFAULT_SLA_ALERTS, 360), at('2026-11-21T00:00:00+08:00'), CN_STANDARD);
    expect(s.nextAlert).toBe('warning:50');
    expect(iso(s.nextAlertAt)).toBe(iso(at('2026-11-23T09:00:00+08:00')));
  });

  it('held during the lunch break of a split shift (GLPI PR #22678): delivered at 13:00, not at 00:00 or 12:00', () => {
    const c = clockOn(ROUND_THE_CLOCK, '2026-11-23T11:00:00+08:00', 120);
    const s = scheduleAlerts(c, ROUND_THE_CLOCK, alertStagesOf(DEFAULT_SLA_ALERTS, 120), at('2026-11-23T11:00:00+08:00'), CN_STANDARD);
    expect(iso(s.nextAlertAt)).toBe(iso(at('2026-11-23T13:00:00+08:00'))); // 50% at 12:00 falls in the break
  });

  it('the most severe of stages fired together: escalation over breach over the highest warning', () => {
    const s = alertStagesOf(DEFAULT_SLA_ALERTS, 240);
    expect(mostSevere(s.slice(0, 3)).key).toBe('warning:90');
    expect(mostSevere(s.slice(0, 4)).key).toBe('breach');
    expect(mostSevere(s).key).toBe('escalation:3');
  });
});
