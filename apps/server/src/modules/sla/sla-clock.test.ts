import { describe, expect, it } from 'vitest';
import type { ClockKind } from '@qloop/contracts';
import { CN_STANDARD as CN, ROUND_THE_CLOCK as H24 } from '../calendars/business-calendar.js';
import { applyClockEvents, eventsOfNote, eventsOfTransition, type ClockPolicy } from './clock-events.js';
import { matchPolicy, planRematch, type PolicyForMatching, type SlaSubject } from './match-policy.js';
import {
  cancelClock, elapsedAt, nextDeadlineOf, pauseClock, recomputeClock, resumeClock, satisfyClock, startClock, type Clock,
} from './sla-clock.js';

const at = (s: string) => new Date(s);
const iso = (d: Date | null) => d?.toISOString() ?? null;
const calendars = new Map([[CN.key, CN], [H24.key, H24]]);
const targets = (t: Partial<Record<ClockKind, number>>): Record<ClockKind, number | null> => ({
  first_response: null, next_response: null, resolution: null, follow_up: null, ...t,
});
const policy = (t: Partial<Record<ClockKind, number>>, calendar = CN): ClockPolicy => ({ id: 'p1', calendar, targets: targets(t) });
const clock = (kind: ClockKind, start: string, target: number, calendar = CN, cycle = 1) =>
  startClock({ kind, cycle, policyId: 'p1', calendar, targetMinutes: target }, at(start));
/** The clocks intake starts for a policy (first response and resolution). */
const intake = (p: ClockPolicy, start: string) =>
  (['first_response', 'resolution'] as const).filter((k) => p.targets[k] !== null).map((k) => clock(k, start, p.targets[k]!, p.calendar));
const byKind = (cs: Clock[], kind: ClockKind, cycle = 1) => cs.find((c) => c.kind === kind && c.cycle === cycle)!;

describe('clock arithmetic on cn-standard (Mon–Fri 09:00–12:00, 13:00–18:00, statutory holidays)', () => {
  it('starts running with the deadline in business time; a start in closed time counts from the next opening', () => {
    const c = clock('resolution', '2026-11-23T09:00:00+08:00', 480);
    expect(c).toMatchObject({ status: 'running', elapsedMinutes: 0, pausedSince: null, metAt: null, breachedAt: null });
    expect(iso(c.deadline)).toBe(iso(at('2026-11-23T18:00:00+08:00')));
    expect(iso(clock('resolution', '2026-11-21T10:00:00+08:00', 30).deadline)).toBe(iso(at('2026-11-23T09:30:00+08:00')));
  });

  it('pause banks the elapsed minutes and drops the deadline; resume counts the rest from the resume instant', () => {
    const c = clock('resolution', '2026-11-23T09:00:00+08:00', 480);
    const paused = pauseClock(c, CN, at('2026-11-23T11:00:00+08:00'));
    expect(paused).toMatchObject({ status: 'paused', elapsedMinutes: 120, deadline: null });
    expect(elapsedAt(paused, CN, at('2026-11-25T11:00:00+08:00'))).toBe(120);
    const resumed = resumeClock(paused, CN, at('2026-11-24T15:00:00+08:00'));
    // 360 left: Tue 15:00–18:00 (180) + Wed 09:00–12:00 (180)
    expect(resumed).toMatchObject({ status: 'running', elapsedMinutes: 120, pausedSince: null });
    expect(iso(resumed.deadline)).toBe(iso(at('2026-11-25T12:00:00+08:00')));
    expect(resumed.pauses).toEqual([{ from: at('2026-11-23T11:00:00+08:00').toISOString(), to: at('2026-11-24T15:00:00+08:00').toISOString() }]);
  });

  it('pause on Wed 30 Sep 17:30 and resume Thu 8 Oct 10:00: the National Day holiday adds nothing', () => {
    const c = clock('resolution', '2026-09-30T09:00:00+08:00', 600);
    const paused = pauseClock(c, CN, at('2026-09-30T17:30:00+08:00'));
    expect(paused.elapsedMinutes).toBe(450); // 180 + 270
    const resumed = resumeClock(paused, CN, at('2026-10-08T10:00:00+08:00'));
    expect(resumed.elapsedMinutes).toBe(450);
    // 150 left: 10:00–12:00 (120) + 13:00–13:30 (30)
    expect(iso(resumed.deadline)).toBe(iso(at('2026-10-08T13:30:00+08:00')));
    expect(elapsedAt(resumed, CN, at('2026-10-08T13:00:00+08:00'))).toBe(570);
  });

  it('satisfy: met up to and at the deadline, breached after it (breachedAt = the deadline)', () => {
    const c = clock('first_response', '2026-11-23T11:00:00+08:00', 60);
    expect(satisfyClock(c, CN, at('2026-11-23T12:00:00+08:00'))).toMatchObject({ status: 'met', elapsedMinutes: 60, breachedAt: null });
    const late = satisfyClock(c, CN, at('2026-11-23T13:30:00+08:00'));
    expect(late).toMatchObject({ status: 'breached', elapsedMinutes: 90 });
    expect(iso(late.breachedAt)).toBe(iso(at('2026-11-23T12:00:00+08:00')));
    expect(iso(late.metAt)).toBe(iso(at('2026-11-23T13:30:00+08:00')));
  });

  it('a satisfied or cancelled clock does not change again', () => {
    const met = satisfyClock(clock('first_response', '2026-11-23T09:00:00+08:00', 60), CN, at('2026-11-23T09:10:00+08:00'));
    expect(satisfyClock(met, CN, at('2026-11-30T09:00:00+08:00'))).toBe(met);
    expect(pauseClock(met, CN, at('2026-11-30T09:00:00+08:00'))).toBe(met);
    const cancelled = cancelClock(clock('resolution', '2026-11-23T09:00:00+08:00', 60), CN, at('2026-11-23T09:30:00+08:00'));
    expect(cancelled).toMatchObject({ status: 'cancelled', elapsedMinutes: 30 });
    expect(resumeClock(cancelled, CN, at('2026-11-24T09:00:00+08:00'))).toBe(cancelled);
  });

  it('next deadline: the earliest running deadline; paused and satisfied clocks have none', () => {
    const a = clock('first_response', '2026-11-23T09:00:00+08:00', 60);
    const b = clock('resolution', '2026-11-23T09:00:00+08:00', 480);
    expect(iso(nextDeadlineOf([b, a]))).toBe(iso(at('2026-11-23T10:00:00+08:00')));
    expect(iso(nextDeadlineOf([b, satisfyClock(a, CN, at('2026-11-23T09:05:00+08:00'))]))).toBe(iso(at('2026-11-23T18:00:00+08:00')));
    expect(nextDeadlineOf([pauseClock(b, CN, at('2026-11-23T10:00:00+08:00'))])).toBeNull();
  });
});

describe('what counts as a response', () => {
  it('a public reply, a call record, a reply sent with a transition and the answer count; an internal note does not', () => {
    expect(eventsOfNote('public_reply')).toEqual([{ type: 'response', final: false }]);
    expect(eventsOfNote('call_record')).toEqual([{ type: 'response', final: false }]);
    expect(eventsOfNote('internal_note')).toEqual([]);
    expect(eventsOfTransition('start', true)).toEqual([{ type: 'response', final: false }]);
    expect(eventsOfTransition('start', false)).toEqual([]);
    expect(eventsOfTransition('answer', false)[0]).toEqual({ type: 'response', final: true });
  });

  it('first response stops at the first response; the internal note leaves it running', () => {
    const p = policy({ first_response: 240, resolution: 1440 });
    const clocks = intake(p, '2026-11-23T09:00:00+08:00');
    const ctx = { calendars, policy: p, pendingAfter: false };
    const noted = applyClockEvents(clocks, eventsOfNote('internal_note'), { ...ctx, at: at('2026-11-23T09:30:00+08:00') });
    expect(byKind(noted, 'first_response').status).toBe('running');
    const replied = applyClockEvents(noted, eventsOfNote('public_reply'), { ...ctx, at: at('2026-11-23T10:00:00+08:00') });
    expect(byKind(replied, 'first_response')).toMatchObject({ status: 'met', elapsedMinutes: 60 });
    expect(byKind(replied, 'resolution').status).toBe('running');
    const again = applyClockEvents(replied, eventsOfNote('public_reply'), { ...ctx, at: at('2026-11-23T11:00:00+08:00') });
    expect(iso(byKind(again, 'first_response').metAt)).toBe(iso(at('2026-11-23T10:00:00+08:00')));
  });
});

describe('lifecycle', () => {
  const p = policy({ first_response: 960, resolution: 960, follow_up: 480 });
  const ctx = (s: string, pendingAfter = false) => ({ at: at(s), calendars, policy: p, pendingAfter });

  it('answer meets resolution and starts follow-up; follow-up done meets it; close leaves nothing live', () => {
    let cs = intake(p, '2026-11-23T09:00:00+08:00');
    cs = applyClockEvents(cs, eventsOfTransition('answer', false), ctx('2026-11-24T10:00:00+08:00'));
    expect(byKind(cs, 'first_response').status).toBe('met');
    expect(byKind(cs, 'resolution')).toMatchObject({ status: 'met', elapsedMinutes: 540 });
    expect(byKind(cs, 'follow_up')).toMatchObject({ status: 'running', startedAt: at('2026-11-24T10:00:00+08:00') });
    cs = applyClockEvents(cs, eventsOfTransition('follow_up', false), ctx('2026-11-24T11:00:00+08:00'));
    expect(byKind(cs, 'follow_up')).toMatchObject({ status: 'met', elapsedMinutes: 60 });
    cs = applyClockEvents(cs, eventsOfTransition('close', false), ctx('2026-11-24T12:00:00+08:00'));
    expect(cs.filter((c) => c.status === 'running' || c.status === 'paused')).toEqual([]);
    expect(nextDeadlineOf(cs)).toBeNull();
  });

  it('cancel and merge cancel every live clock, paused ones too', () => {
    let cs = intake(p, '2026-11-23T09:00:00+08:00');
    cs = applyClockEvents(cs, eventsOfTransition('pend', false), ctx('2026-11-23T10:00:00+08:00', true));
    cs = applyClockEvents(cs, eventsOfTransition('cancel', false), ctx('2026-11-23T11:00:00+08:00'));
    expect(cs.map((c) => [c.kind, c.status, c.elapsedMinutes, c.pausedSince])).toEqual([
      ['first_response', 'cancelled', 60, null],
      ['resolution', 'cancelled', 60, null],
    ]);
    expect(cs[0]!.pauses[0]!.to).toBe(at('2026-11-23T11:00:00+08:00').toISOString());
  });

  it('no policy known (ticket from before SLAs): events change nothing and start nothing', () => {
    expect(applyClockEvents([], eventsOfTransition('reopen', false), { ...ctx('2026-11-23T10:00:00+08:00'), policy: null })).toEqual([]);
  });
});

describe('policy matching', () => {
  const subject: SlaSubject = { type: 'complaint', channel: 'hotline', tier: 'normal', priority: 'high', categoryPath: ['c1', 'c2'], orgPath: ['o1', 'o2'] };
  const pol = (id: string, position: number, conditions: PolicyForMatching['conditions'], active = true): PolicyForMatching => ({
    id, position, active, conditions, calendarKey: 'cn-standard', targets: targets({ resolution: 60 }),
  });

  it('the first active policy in position order whose conditions all hold wins', () => {
    const ps = [pol('z-default', 9, {}), pol('b-complaint', 2, { types: ['complaint'] }), pol('a-vip', 1, { tiers: ['vip'] }), pol('c-off', 0, {}, false)];
    expect(matchPolicy(ps, subject)?.id).toBe('b-complaint');
    expect(matchPolicy(ps, { ...subject, tier: 'vip' })?.id).toBe('a-vip');
    expect(matchPolicy(ps, { ...subject, type: 'praise' })?.id).toBe('z-default');
    expect(matchPolicy([pol('x', 1, { types: ['fault'] })], subject)).toBeNull();
  });

  it('matches on priority, channel, and category / org unit subtrees', () => {
    expect(matchPolicy([pol('p', 1, { priorities: ['urgent'] })], subject)).toBeNull();
    expect(matchPolicy([pol('p', 1, { priorities: ['high', 'urgent'] })], subject)?.id).toBe('p');
    expect(matchPolicy([pol('p', 1, { channels: ['web'] })], subject)).toBeNull();
    expect(matchPolicy([pol('p', 1, { categoryIds: ['c1'], orgUnitIds: ['o2'] })], subject)?.id).toBe('p');
    expect(matchPolicy([pol('p', 1, { categoryIds: ['c9'] })], subject)).toBeNull();
  });

  it('re-matching recomputes live clocks whose target or calendar changes, cancels dropped targets, leaves the rest', () => {
    const start = '2026-11-23T09:00:00+08:00';
    const old = [clock('first_response', start, 240), clock('resolution', start, 960)];
    const next = [{ ...pol('p1', 1, {}), targets: targets({ first_response: 240, resolution: 480 }) }];
    const changes = planRematch(next, subject, old, calendars, at('2026-11-23T11:00:00+08:00'));
    expect(changes.map((c) => [c.before.kind, c.change])).toEqual([['resolution', 'recompute']]);
    expect(changes[0]!.after).toMatchObject({ elapsedMinutes: 120, targetMinutes: 480 });
    expect(iso(changes[0]!.after.deadline)).toBe(iso(at('2026-11-23T18:00:00+08:00')));
    const dropped = planRematch([{ ...pol('p1', 1, {}), targets: targets({ resolution: 960 }) }], subject, old, calendars, at('2026-11-23T11:00:00+08:00'));
    expect(dropped.map((c) => [c.before.kind, c.change, c.after.status])).toEqual([['first_response', 'cancel', 'cancelled']]);
  });
});

describe('sla.md bug: Zammad #5177 / #3140 — the update target overrode the first-response target; an update SLA escalated although an agent had replied', () => {
  const p = policy({ first_response: 240, next_response: 30, resolution: 1440 });
  const ctx = (s: string) => ({ at: at(s), calendars, policy: p, pendingAfter: false });

  it('before the first response only the first-response deadline counts (no update clock yet, however short its target)', () => {
    const cs = intake(p, '2026-11-23T09:00:00+08:00');
    expect(cs.map((c) => c.kind)).toEqual(['first_response', 'resolution']);
    expect(iso(nextDeadlineOf(cs))).toBe(iso(at('2026-11-23T14:00:00+08:00')));
  });

  it('each reply meets the running update target and starts the next one; none is overdue after a reply', () => {
    let cs = intake(p, '2026-11-23T09:00:00+08:00');
    cs = applyClockEvents(cs, eventsOfNote('public_reply'), ctx('2026-11-23T10:00:00+08:00'));
    expect(byKind(cs, 'first_response').status).toBe('met');
    expect(iso(byKind(cs, 'next_response', 1).deadline)).toBe(iso(at('2026-11-23T10:30:00+08:00')));
    cs = applyClockEvents(cs, eventsOfNote('call_record'), ctx('2026-11-23T10:20:00+08:00'));
    expect(byKind(cs, 'next_response', 1)).toMatchObject({ status: 'met', elapsedMinutes: 20 });
    expect(byKind(cs, 'next_response', 2)).toMatchObject({ status: 'running' });
    expect(byKind(cs, 'first_response')).toMatchObject({ status: 'met', elapsedMinutes: 60 });
    // the answer ends the cadence: no update is due once the customer has the answer
    cs = applyClockEvents(cs, eventsOfTransition('answer', false), ctx('2026-11-23T10:40:00+08:00'));
    expect(cs.filter((c) => c.kind === 'next_response').map((c) => c.status)).toEqual(['met', 'met']);
    expect(cs.some((c) => c.status === 'breached')).toBe(false);
    // a public reply after the answer (e.g. during follow-up) starts no new update target
    cs = applyClockEvents(cs, eventsOfNote('public_reply'), ctx('2026-11-23T11:00:00+08:00'));
    expect(cs.filter((c) => c.kind === 'next_response')).toHaveLength(2);
  });
});

describe('sla.md bug: Zammad #3551 — replying and setting pending in one step cancelled the first-response target', () => {
  it('the reply is applied first: first response met at that instant, then the rest pauses', () => {
    const p = policy({ first_response: 240, resolution: 1440 });
    const cs = applyClockEvents(intake(p, '2026-11-23T09:00:00+08:00'), eventsOfTransition('pend', true), {
      at: at('2026-11-23T09:45:00+08:00'), calendars, policy: p, pendingAfter: true,
    });
    expect(byKind(cs, 'first_response')).toMatchObject({ status: 'met', elapsedMinutes: 45 });
    expect(byKind(cs, 'resolution')).toMatchObject({ status: 'paused', elapsedMinutes: 45, deadline: null });
  });
});

describe('sla.md bug: Zammad #188 / #192 — escalation wrong for reopened tickets; reopening replayed history', () => {
  const p = policy({ first_response: 480, resolution: 480 });
  const ctx = (s: string) => ({ at: at(s), calendars, policy: p, pendingAfter: false });

  it('reopen starts resolution cycle 2 at the reopen instant with the full target; cycle 1 keeps its result', () => {
    let cs = intake(p, '2026-11-23T09:00:00+08:00');
    cs = applyClockEvents(cs, eventsOfTransition('answer', false), ctx('2026-11-23T15:00:00+08:00'));
    cs = applyClockEvents(cs, eventsOfTransition('close', false), ctx('2026-11-23T16:00:00+08:00'));
    const first = byKind(cs, 'resolution', 1);
    cs = applyClockEvents(cs, eventsOfTransition('reopen', false), ctx('2026-11-26T10:00:00+08:00'));
    expect(byKind(cs, 'resolution', 1)).toBe(first);
    expect(first).toMatchObject({ status: 'met', elapsedMinutes: 300 });
    const second = byKind(cs, 'resolution', 2);
    expect(second).toMatchObject({ status: 'running', elapsedMinutes: 0, pauses: [], startedAt: at('2026-11-26T10:00:00+08:00') });
    expect(iso(second.deadline)).toBe(iso(at('2026-11-27T10:00:00+08:00')));
    expect(byKind(cs, 'first_response').status).toBe('met');
  });

  it('a clock never reads its pause history to compute: elapsed is banked (constant work per event)', () => {
    const c = pauseClock(clock('resolution', '2026-11-23T09:00:00+08:00', 480), CN, at('2026-11-23T10:00:00+08:00'));
    const longHistory = { ...c, pauses: [...Array.from({ length: 5000 }, () => ({ from: 'garbage', to: 'garbage' })), c.pauses[0]!] };
    const t = at('2026-11-24T09:00:00+08:00');
    expect(resumeClock(longHistory, CN, t).deadline).toEqual(resumeClock(c, CN, t).deadline);
  });
});

describe('sla.md bug: GLPI #6902 / #15605 — waiting time lost when rules swapped the SLA', () => {
  it('a new target keeps the business minutes already spent (priority change mid-way)', () => {
    const c = clock('resolution', '2026-11-23T09:00:00+08:00', 960);
    const r = recomputeClock(c, CN, { policyId: 'p2', calendar: CN, targetMinutes: 240 }, at('2026-11-23T11:00:00+08:00'));
    expect(r).toMatchObject({ status: 'running', elapsedMinutes: 120, targetMinutes: 240, policyId: 'p2', startedAt: c.startedAt });
    expect(iso(r.deadline)).toBe(iso(at('2026-11-23T14:00:00+08:00')));
  });

  it('a new calendar counts the spent minutes on the old one and the rest on the new one', () => {
    const c = clock('resolution', '2026-11-20T17:00:00+08:00', 240); // Fri 17:00 on cn-standard
    const r = recomputeClock(c, CN, { policyId: 'p2', calendar: H24, targetMinutes: 240 }, at('2026-11-23T10:00:00+08:00'));
    expect(r.elapsedMinutes).toBe(120); // Fri 17–18 + Mon 9–10
    expect(iso(r.deadline)).toBe(iso(at('2026-11-23T12:00:00+08:00')));
    expect(r.calendarKey).toBe('24x7');
  });

  it('a paused clock keeps its paused time and elapsed minutes through a swap, and gets its deadline on resume', () => {
    const paused = pauseClock(clock('resolution', '2026-11-23T09:00:00+08:00', 960), CN, at('2026-11-23T10:00:00+08:00'));
    const r = recomputeClock(paused, CN, { policyId: 'p2', calendar: CN, targetMinutes: 120 }, at('2026-11-25T10:00:00+08:00'));
    expect(r).toMatchObject({ status: 'paused', elapsedMinutes: 60, deadline: null, pauses: paused.pauses });
    expect(iso(resumeClock(r, CN, at('2026-11-26T09:00:00+08:00')).deadline)).toBe(iso(at('2026-11-26T10:00:00+08:00')));
  });
});

describe('sla.md bug: GLPI #24481 — marked violated while pending', () => {
  it('a paused clock has no deadline and is met when satisfied, however long the pause', () => {
    const c = clock('first_response', '2026-11-23T09:00:00+08:00', 60);
    const paused = pauseClock(c, CN, at('2026-11-23T09:30:00+08:00'));
    expect(nextDeadlineOf([paused])).toBeNull();
    expect(satisfyClock(paused, CN, at('2026-12-20T09:00:00+08:00'))).toMatchObject({ status: 'met', elapsedMinutes: 30, breachedAt: null });
  });

  it('a clock already overdue when it paused keeps that breach (it happened before the pause)', () => {
    const c = clock('first_response', '2026-11-23T09:00:00+08:00', 60);
    const paused = pauseClock(c, CN, at('2026-11-23T11:00:00+08:00'));
    expect(iso(paused.breachedAt)).toBe(iso(at('2026-11-23T10:00:00+08:00')));
    expect(satisfyClock(paused, CN, at('2026-11-24T09:00:00+08:00')).status).toBe('breached');
  });
});

describe('sla.md bug: GLPI #23359 — a reopen counted as pending time', () => {
  it('the closed-to-reopened interval is in no pause list, and the new cycle starts unpaused', () => {
    const p = policy({ resolution: 480 });
    const c = (s: string, pendingAfter = false) => ({ at: at(s), calendars, policy: p, pendingAfter });
    let cs = intake(p, '2026-11-23T09:00:00+08:00');
    cs = applyClockEvents(cs, eventsOfTransition('pend', false), c('2026-11-23T10:00:00+08:00', true));
    cs = applyClockEvents(cs, eventsOfTransition('resume', false), c('2026-11-23T11:00:00+08:00'));
    cs = applyClockEvents(cs, eventsOfTransition('answer', false), c('2026-11-23T12:00:00+08:00'));
    cs = applyClockEvents(cs, eventsOfTransition('close', false), c('2026-11-23T13:00:00+08:00'));
    cs = applyClockEvents(cs, eventsOfTransition('reopen', false), c('2026-11-30T09:00:00+08:00'));
    const pauses = cs.flatMap((x) => x.pauses);
    expect(pauses).toEqual([{ from: at('2026-11-23T10:00:00+08:00').toISOString(), to: at('2026-11-23T11:00:00+08:00').toISOString() }]);
    expect(byKind(cs, 'resolution', 1)).toMatchObject({ status: 'met', elapsedMinutes: 120 });
    expect(byKind(cs, 'resolution', 2)).toMatchObject({ status: 'running', pausedSince: null });
  });
});

describe('sla.md bug: GLPI #15429 — pre-breach escalation fired at ticket creation with custom calendars', () => {
  it('a ticket created in closed time starts with nothing overdue: the deadline lies after the creation instant', () => {
    const sat = '2026-11-21T23:00:00+08:00';
    for (const cl of intake(policy({ first_response: 60, resolution: 480 }), sat)) {
      expect(cl).toMatchObject({ status: 'running', breachedAt: null, elapsedMinutes: 0 });
      expect(cl.deadline!.getTime()).toBeGreaterThan(at(sat).getTime());
    }
  });
});
