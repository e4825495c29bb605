import { describe, expect, it } from 'vitest';
import { localDay, sumContributions, ticketFacts, type TicketForFacts } from './ticket-facts.js';
import { contributionDelta } from './refresh-ticket-rollups.js';

const base: TicketForFacts = {
  id: 't1', orgUnitId: 'O', type: 'complaint', channel: 'hotline', categoryId: 'C', state: 'accepted',
  createdAt: new Date('2026-11-23T02:00:00Z'), closedAt: null, escalated: false, regulatorAppeal: false, repeatOf: null, mergedInto: null,
  outcome: null, followUpResult: null, transferCount: 0, reopenCount: 0, firstResponse: null, firstResolution: null, lastResolution: null,
  followedBySameIssue: false,
};
const t = (over: Partial<TicketForFacts>) => ({ ...base, ...over });

describe('days in Asia/Shanghai', () => {
  it('16:30 UTC on 30 Nov is 00:30 on 1 Dec in Beijing: the ticket counts on 1 Dec', () => {
    expect(localDay(new Date('2026-11-30T16:30:00Z'))).toBe('2026-12-01');
    expect(localDay(new Date('2026-11-30T15:59:59Z'))).toBe('2026-11-30');
  });
});

describe('what a ticket contributes', () => {
  it('an open complaint: accepted on its day, with its flags; nothing closed', () => {
    expect(ticketFacts(t({ escalated: true, regulatorAppeal: true, repeatOf: 'p' }))).toEqual([
      { day: '2026-11-23', orgUnitId: 'O', type: 'complaint', channel: 'hotline', categoryId: 'C', measures: { accepted: 1, escalated: 1, appeals: 1, repeat: 1 } },
    ]);
  });

  it('closed on a later day: closing measures on that day — resolved, on time, followed up, first-contact resolution, handling minutes', () => {
    const cs = ticketFacts(t({
      state: 'closed', closedAt: new Date('2026-11-25T03:00:00Z'), outcome: 'resolved', followUpResult: '满意',
      firstResolution: { status: 'met', elapsedMinutes: 600, breachFired: false }, lastResolution: { status: 'met', elapsedMinutes: 600, breachFired: false },
    }));
    expect(cs.map((c) => [c.day, c.measures])).toEqual([
      ['2026-11-23', { accepted: 1 }],
      ['2026-11-25', { closed: 1, closed_resolved: 1, closed_on_time: 1, followed_up: 1, fcr: 1, handle_sum: 600, handle_n: 1, handle_h17: 1 }],  // 600 minutes: the 600–720 bucket
    ]);
  });

  it('taken and closed the same day: one contribution with both', () => {
    const [c, ...rest] = ticketFacts(t({ state: 'closed', closedAt: new Date('2026-11-23T09:00:00Z'), outcome: 'unresolved' }));
    expect(rest).toEqual([]);
    expect(c!.measures).toEqual({ accepted: 1, closed: 1, fcr: 1 });
  });

  it('no first-contact resolution after a transfer, a reopen, or the customer coming back within 7 days with the same issue', () => {
    const closed = { state: 'closed', closedAt: new Date('2026-11-24T03:00:00Z') };
    for (const over of [{ transferCount: 1 }, { reopenCount: 1 }, { followedBySameIssue: true }]) {
      const cs = ticketFacts(t({ ...closed, ...over }));
      expect(cs[1]!.measures.fcr, JSON.stringify(over)).toBeUndefined();
    }
    expect(ticketFacts(t({ ...closed, reopenCount: 2 }))[1]!.measures.reopened).toBe(1);
  });

  it('first response: met counts in both, late only in the target, overdue (breach fired) in the target, not yet due in neither', () => {
    const fr = (status: 'met' | 'breached' | 'running', breachFired = false) => ticketFacts(t({ firstResponse: { status, elapsedMinutes: 90, breachFired } }))[0]!.measures;
    expect(fr('met')).toMatchObject({ fr_target: 1, fr_met: 1, frt_sum: 90, frt_n: 1, frt_h10: 1 }); // 90 minutes: the 90–120 bucket
    expect(fr('breached')).toMatchObject({ fr_target: 1, frt_sum: 90, frt_n: 1 });
    expect(fr('breached').fr_met).toBeUndefined();
    expect(fr('running', true)).toEqual({ accepted: 1, fr_target: 1 });
    expect(fr('running')).toEqual({ accepted: 1 });
  });

  it('a cancelled ticket was still taken; a ticket merged into another adds nothing (the survivor stands for both)', () => {
    expect(ticketFacts(t({ state: 'cancelled' }))[0]!.measures).toEqual({ accepted: 1 });
    expect(ticketFacts(t({ mergedInto: 'survivor', state: 'closed', closedAt: new Date('2026-11-24T03:00:00Z') }))).toEqual([]);
  });
});

describe('applying a change as a difference', () => {
  it('closing a ticket adds its closing day and leaves its acceptance alone; merging it removes everything', () => {
    const open = ticketFacts(t({}));
    const closed = ticketFacts(t({ state: 'closed', closedAt: new Date('2026-11-24T03:00:00Z'), outcome: 'resolved' }));
    expect(contributionDelta(open, closed).map((c) => [c.day, c.measures])).toEqual([['2026-11-24', { closed: 1, closed_resolved: 1, fcr: 1 }]]);
    const merged = contributionDelta(closed, []);
    expect(merged.map((c) => [c.day, c.measures])).toEqual([
      ['2026-11-23', { accepted: -1 }],
      ['2026-11-24', { closed: -1, closed_resolved: -1, fcr: -1 }],
    ]);
    expect([...sumContributions([...closed, ...merged]).values()].every((c) => Object.values(c.measures).every((v) => v === 0))).toBe(true);
  });
});
