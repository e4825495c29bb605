import {
  TICKET_ACTIONS,
  type RequestType,
  type TicketAction,
  type TicketState,
  type TransitionBody,
} from '@qloop/contracts';

/**
 * The work-order lifecycle as data: for each action, the states it may start from and the state it
 * leads to. `previous` (resume) returns to the state the ticket was in when it was set pending.
 * Pure: no I/O, tested exhaustively.
 */
type Rule = { from: readonly TicketState[]; to: TicketState | 'previous' };

export const TRANSITIONS: Record<TicketAction, Rule> = {
  assign: { from: ['accepted', 'assigned', 'in_progress'], to: 'assigned' },
  start: { from: ['assigned'], to: 'in_progress' },
  pend: { from: ['assigned', 'in_progress'], to: 'pending' },
  resume: { from: ['pending'], to: 'previous' },
  transfer: { from: ['accepted', 'assigned', 'in_progress'], to: 'assigned' },
  answer: { from: ['in_progress'], to: 'answered' },
  follow_up: { from: ['answered'], to: 'follow_up' },
  close: { from: ['answered', 'follow_up'], to: 'closed' },
  reopen: { from: ['answered', 'follow_up', 'closed'], to: 'in_progress' },
  archive: { from: ['closed'], to: 'archived' },
  cancel: { from: ['accepted', 'assigned', 'in_progress', 'pending'], to: 'cancelled' },
  merge: { from: ['accepted', 'assigned', 'in_progress', 'pending', 'answered', 'follow_up'], to: 'merged' },
};

export function allowedActions(state: TicketState): TicketAction[] {
  return TICKET_ACTIONS.filter((a) => TRANSITIONS[a].from.includes(state));
}

export type TransitionSubject = {
  id: string;
  state: TicketState;
  /** the state a pending ticket resumes to */
  pendingFrom: TicketState | null;
  type: RequestType;
  /** a business request that opens or changes a service: needs the customer's confirmation */
  changesService: boolean;
};

export type TransitionProblem =
  | { kind: 'illegal'; message: string; allowed: TicketAction[] }
  | { kind: 'missing'; message: string; field: string };

export type TransitionPlan = { ok: true; to: TicketState } | { ok: false; problem: TransitionProblem };

const missing = (field: string, message: string): TransitionPlan => ({ ok: false, problem: { kind: 'missing', field, message } });

/**
 * Decides whether `input.action` may happen to the ticket now and where it leads; names what is
 * missing otherwise. Closing needs an outcome; a complaint also needs the customer's confirmation or
 * the follow-up result; a service-changing business request needs a recorded confirmation (客户确认,
 * one of the five prohibitions).
 */
export function planTransition(t: TransitionSubject, input: Omit<TransitionBody, 'version'>): TransitionPlan {
  const rule = TRANSITIONS[input.action];
  if (!rule.from.includes(t.state)) {
    const allowed = allowedActions(t.state);
    return {
      ok: false,
      problem: {
        kind: 'illegal',
        allowed,
        message: `cannot ${input.action} a ticket that is ${t.state}; possible now: ${allowed.join(', ') || 'nothing'}`,
      },
    };
  }
  switch (input.action) {
    case 'assign':
      if (!input.assigneeId) return missing('assigneeId', 'choose whom to assign the ticket to');
      break;
    case 'transfer':
      if (!input.assigneeId && !input.groupId) return missing('assigneeId', 'choose the person or the group to transfer the ticket to');
      if (!input.reason) return missing('reason', 'a transfer needs a reason');
      // 转派 to a group alone: the ticket waits, unassigned, in that group's queue until someone claims it
      if (!input.assigneeId) return { ok: true, to: 'accepted' };
      break;
    case 'pend':
      if (!input.pendingReason) return missing('pendingReason', 'say what the ticket waits for (customer or third party)');
      break;
    case 'answer':
      if (!input.reply) return missing('reply', 'the answer to the customer is required');
      break;
    case 'close':
      if (!input.outcome) return missing('outcome', 'closing needs an outcome');
      if (t.type === 'complaint' && !input.confirmation && !input.followUpResult) {
        return missing('confirmation', 'closing a complaint needs the customer’s confirmation or the follow-up result');
      }
      if (t.type === 'business' && t.changesService && !input.confirmation) {
        return missing('confirmation', 'a service may not be opened or changed without the customer’s recorded confirmation');
      }
      break;
    case 'reopen':
    case 'cancel':
      if (!input.reason) return missing('reason', `${input.action === 'cancel' ? 'cancelling' : 'reopening'} needs a reason`);
      break;
    case 'merge':
      if (!input.survivorId) return missing('survivorId', 'choose the ticket to merge into');
      if (input.survivorId === t.id) return missing('survivorId', 'a ticket cannot be merged into itself');
      break;
  }
  const to = rule.to === 'previous' ? (t.pendingFrom ?? 'in_progress') : rule.to;
  return { ok: true, to };
}
