import { describe, expect, it } from 'vitest';
import { TICKET_ACTIONS, TICKET_STATES, type TicketAction, type TicketState, type TransitionBody } from '@qloop/contracts';
import { TRANSITIONS, allowedActions, planTransition, type TransitionSubject } from './ticket-state-machine.js';

const subject = (state: TicketState, over: Partial<TransitionSubject> = {}): TransitionSubject => ({
  id: 't1', state, pendingFrom: state === 'pending' ? 'in_progress' : null, type: 'consultation', changesService: false, ...over,
});

/** Inputs that satisfy every action's requirements, so only legality decides. */
const complete = (action: TicketAction): Omit<TransitionBody, 'version'> => ({
  action, assigneeId: '6f1e8f59-2b52-4d41-9a55-1b0c2a1e0e00', reason: 'r', pendingReason: 'customer', reply: 'done',
  outcome: 'resolved', followUpResult: 'ok', survivorId: '7f1e8f59-2b52-4d41-9a55-1b0c2a1e0e00',
});

const EXPECTED: Record<TicketAction, Partial<Record<TicketState, TicketState>>> = {
  assign: { accepted: 'assigned', assigned: 'assigned', in_progress: 'assigned' },
  start: { assigned: 'in_progress' },
  pend: { assigned: 'pending', in_progress: 'pending' },
  resume: { pending: 'in_progress' },
  transfer: { accepted: 'assigned', assigned: 'assigned', in_progress: 'assigned' },
  answer: { in_progress: 'answered' },
  follow_up: { answered: 'follow_up' },
  close: { answered: 'closed', follow_up: 'closed' },
  reopen: { answered: 'in_progress', follow_up: 'in_progress', closed: 'in_progress' },
  archive: { closed: 'archived' },
  cancel: { accepted: 'cancelled', assigned: 'cancelled', in_progress: 'cancelled', pending: 'cancelled' },
  merge: { accepted: 'merged', assigned: 'merged', in_progress: 'merged', pending: 'merged', answered: 'merged', follow_up: 'merged' },
};

describe('ticket state machine: every action from every state', () => {
  for (const action of TICKET_ACTIONS) {
    for (const state of TICKET_STATES) {
      const to = EXPECTED[action][state];
      it(`${action} from ${state} → ${to ?? 'refused'}`, () => {
        const plan = planTransition(subject(state), complete(action));
        if (to) expect(plan).toEqual({ ok: true, to });
        else {
          expect(plan.ok).toBe(false);
          if (!plan.ok) {
            expect(plan.problem.kind).toBe('illegal');
            expect(plan.problem.message).toContain(`cannot ${action} a ticket that is ${state}`);
          }
        }
      });
    }
  }
  it('the table above and the rules agree on the number of legal moves', () => {
    const legal = TICKET_ACTIONS.reduce((n, a) => n + TRANSITIONS[a].from.length, 0);
    expect(legal).toBe(Object.values(EXPECTED).reduce((n, m) => n + Object.keys(m).length, 0));
  });
  it('final states allow nothing', () => {
    for (const s of ['cancelled', 'merged', 'archived'] as const) {
      expect(allowedActions(s)).toEqual([]);
    }
  });
});

describe('what each action needs', () => {
  it('resume returns to the state the ticket left', () => {
    expect(planTransition(subject('pending', { pendingFrom: 'assigned' }), { action: 'resume' })).toEqual({ ok: true, to: 'assigned' });
  });
  it.each([
    ['assign', 'assigneeId'],
    ['transfer', 'assigneeId'],
    ['pend', 'pendingReason'],
    ['answer', 'reply'],
    ['close', 'outcome'],
    ['cancel', 'reason'],
    ['reopen', 'reason'],
    ['merge', 'survivorId'],
  ] as const)('%s without its input names %s', (action, field) => {
    const from = TRANSITIONS[action].from[0]!;
    const plan = planTransition(subject(from), { action });
    expect(plan).toMatchObject({ ok: false, problem: { kind: 'missing', field } });
  });
  it('a transfer needs a reason', () => {
    expect(planTransition(subject('assigned'), { action: 'transfer', assigneeId: complete('transfer').assigneeId })).toMatchObject({
      ok: false, problem: { field: 'reason' },
    });
  });
  it('a transfer to a group alone puts the ticket back in that queue, unassigned (accepted)', () => {
    for (const from of ['accepted', 'assigned', 'in_progress'] as const) {
      expect(planTransition(subject(from), { action: 'transfer', groupId: 'g1', reason: '转宽带专班' })).toEqual({ ok: true, to: 'accepted' });
    }
    expect(planTransition(subject('assigned'), { action: 'transfer', groupId: 'g1', assigneeId: 'u1', reason: 'r' })).toEqual({ ok: true, to: 'assigned' });
  });
  it('closing a complaint needs the confirmation or the follow-up result', () => {
    const c = subject('answered', { type: 'complaint' });
    expect(planTransition(c, { action: 'close', outcome: 'resolved' })).toMatchObject({ ok: false, problem: { field: 'confirmation' } });
    expect(planTransition(c, { action: 'close', outcome: 'resolved', followUpResult: '客户表示满意' })).toEqual({ ok: true, to: 'closed' });
  });
  it('a service-changing business request cannot close without a recorded confirmation', () => {
    const b = subject('answered', { type: 'business', changesService: true });
    expect(planTransition(b, { action: 'close', outcome: 'resolved', followUpResult: 'x' })).toMatchObject({ ok: false, problem: { field: 'confirmation' } });
    const confirmation = { channel: 'sms' as const, at: '2026-11-23T10:00:00+08:00', evidence: '短信回复“确认”' };
    expect(planTransition(b, { action: 'close', outcome: 'resolved', confirmation })).toEqual({ ok: true, to: 'closed' });
  });
  it('a ticket cannot be merged into itself', () => {
    expect(planTransition(subject('accepted'), { action: 'merge', survivorId: 't1' })).toMatchObject({ ok: false, problem: { field: 'survivorId' } });
  });
});
