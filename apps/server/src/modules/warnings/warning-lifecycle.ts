import type { Permission, WarningAction, WarningState } from '@qloop/contracts';

type ActionName = WarningAction['action'];

/** From which states each action may be taken, the state it leads to, and who may take it. */
export const WARNING_ACTIONS: Record<ActionName, { from: readonly WarningState[]; to: WarningState; permission: Permission }> = {
  acknowledge: { from: ['raised'], to: 'acknowledged', permission: 'warnings:handle' },
  submit_plan: { from: ['acknowledged'], to: 'plan_submitted', permission: 'warnings:handle' },
  verify: { from: ['plan_submitted'], to: 'verified', permission: 'warnings:manage' },
  reject_plan: { from: ['plan_submitted'], to: 'acknowledged', permission: 'warnings:manage' },
  close: { from: ['raised', 'acknowledged', 'plan_submitted', 'verified'], to: 'closed', permission: 'warnings:manage' },
};

/** The actions a state allows, for showing them and for the error that lists them. Pure. */
export function actionsFrom(state: WarningState): ActionName[] {
  return (Object.keys(WARNING_ACTIONS) as ActionName[]).filter((a) => WARNING_ACTIONS[a].from.includes(state));
}

/** The plan is still owed (and late escalation can apply) in these states. */
export const PLAN_OWED: readonly WarningState[] = ['raised', 'acknowledged'];

/** The plan deadline: `days` calendar days (自然日) after `from`. */
export function planDueAt(from: Date, days: number): Date {
  return new Date(from.getTime() + days * 86_400_000);
}
