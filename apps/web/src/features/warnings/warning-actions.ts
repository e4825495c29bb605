import { WARNING_STATES, type Permission, type WarningAction, type WarningState } from '@qloop/contracts';

/** The lifecycle actions of a warning (POST /warnings/{id}/actions `action`). */
export type WarningActionKind = WarningAction['action'];

/** Buttons in this order: the owner's steps, then the quality department's. */
export const WARNING_ACTION_KINDS = [
  'acknowledge',
  'submit_plan',
  'verify',
  'reject_plan',
  'close',
] as const satisfies readonly WarningActionKind[];

/** Every state but closed. */
export const OPEN_WARNING_STATES: readonly WarningState[] = WARNING_STATES.filter((s) => s !== 'closed');

/**
 * Where each action may start and who may take it (the server decides; this only keeps buttons
 * away that would surely be refused): the owner acknowledges and submits the plan (warnings:handle);
 * the quality department verifies or rejects it, and closes — from any open state, a dismissal
 * (warnings:manage).
 */
const RULES: Record<WarningActionKind, { from: readonly WarningState[]; permission: Permission }> = {
  acknowledge: { from: ['raised'], permission: 'warnings:handle' },
  submit_plan: { from: ['acknowledged'], permission: 'warnings:handle' },
  verify: { from: ['plan_submitted'], permission: 'warnings:manage' },
  reject_plan: { from: ['plan_submitted'], permission: 'warnings:manage' },
  close: { from: OPEN_WARNING_STATES, permission: 'warnings:manage' },
};

/** The actions a person holding `permissions` can take on a warning in `state`, in button order. */
export function allowedWarningActions(
  state: WarningState,
  permissions: readonly Permission[],
): WarningActionKind[] {
  return WARNING_ACTION_KINDS.filter(
    (a) => RULES[a].from.includes(state) && permissions.includes(RULES[a].permission),
  );
}

/**
 * The usual next step: acknowledge, submit the plan, verify it — and once verified, close. Closing
 * an earlier state is a dismissal and never the primary button.
 */
export function primaryWarningAction(
  state: WarningState,
  allowed: readonly WarningActionKind[],
): WarningActionKind | undefined {
  if (state === 'verified') return allowed.includes('close') ? 'close' : undefined;
  return (['acknowledge', 'submit_plan', 'verify'] as const).find((a) => allowed.includes(a));
}

/** Actions that need a written reason (the contract's `note`, at least 2 characters). */
export const NEEDS_REASON: readonly WarningActionKind[] = ['reject_plan', 'close'];
