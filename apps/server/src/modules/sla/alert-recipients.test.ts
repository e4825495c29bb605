import { describe, expect, it } from 'vitest';
import { recipientsOf, type AlertDirectory, type AlertTicket } from './alert-recipients.js';

// province P → branches DZ, XZ → team T under DZ
const dir: AlertDirectory = {
  orgPaths: new Map([['T', ['P', 'DZ', 'T']]]),
  groupLeads: new Map([['G1', 'lead'], ['G2', null]]),
  groupMembers: new Map([['G1', ['lead', 'm1']], ['G2', ['m2', 'm3']]]),
  roleHolders: [
    { id: 'bmDZ', role: 'branch_manager', orgUnitId: 'DZ' },
    { id: 'bmXZ', role: 'branch_manager', orgUnitId: 'XZ' },
    { id: 'dmP', role: 'dept_manager', orgUnitId: 'P' },
    { id: 'qm', role: 'quality_manager', orgUnitId: 'P' },
    { id: 'ex', role: 'executive', orgUnitId: 'P' },
  ],
};
const ticket = (over: Partial<AlertTicket> = {}): AlertTicket => ({ id: 't', orgUnitId: 'T', assigneeId: 'a', groupId: 'G1', firstOwnerId: 'owner', ...over });

describe('who an SLA stage notifies', () => {
  it('assignee: the assignee; unassigned, the queue’s members; with no queue either, the first-contact owner', () => {
    expect(recipientsOf(['assignee'], ticket(), dir)).toEqual(['a']);
    expect(recipientsOf(['assignee'], ticket({ assigneeId: null }), dir)).toEqual(['lead', 'm1']);
    expect(recipientsOf(['assignee'], ticket({ assigneeId: null, groupId: null }), dir)).toEqual(['owner']);
  });

  it('group lead: the lead of the ticket’s group; a group without one falls to the branch managers over the ticket', () => {
    expect(recipientsOf(['group_lead'], ticket(), dir)).toEqual(['lead']);
    expect(recipientsOf(['group_lead'], ticket({ groupId: 'G2' }), dir)).toEqual(['bmDZ']);
    expect(recipientsOf(['group_lead'], ticket({ groupId: null }), dir)).toEqual(['bmDZ']);
  });

  it('branch and department managers only on the ticket’s org path — never another branch’s', () => {
    expect(recipientsOf(['branch_manager', 'dept_manager'], ticket(), dir).sort()).toEqual(['bmDZ', 'dmP']);
  });

  it('quality managers and executives are province-wide; a person named twice is told once', () => {
    expect(recipientsOf(['executive', 'quality_manager', 'executive'], ticket(), dir)).toEqual(['ex', 'qm']);
    expect(recipientsOf(['group_members', 'group_lead'], ticket(), dir)).toEqual(['lead', 'm1']);
  });
});
