import { ROLE_PERMISSIONS, type Permission } from '@qloop/contracts';
import { describe, expect, it } from 'vitest';
import { allowedWarningActions, OPEN_WARNING_STATES, primaryWarningAction } from './warning-actions';

const handle: Permission[] = ['warnings:read', 'warnings:handle'];
const manage: Permission[] = ['warnings:read', 'warnings:manage'];
const both: Permission[] = ['warnings:read', 'warnings:handle', 'warnings:manage'];

describe('warning actions by state and permission', () => {
  it('the owner acknowledges a raised warning, then submits the plan', () => {
    expect(allowedWarningActions('raised', handle)).toEqual(['acknowledge']);
    expect(allowedWarningActions('acknowledged', handle)).toEqual(['submit_plan']);
    expect(allowedWarningActions('plan_submitted', handle)).toEqual([]);
    expect(allowedWarningActions('verified', handle)).toEqual([]);
  });
  it('the quality department verifies or rejects a plan and closes any open warning', () => {
    expect(allowedWarningActions('raised', manage)).toEqual(['close']);
    expect(allowedWarningActions('acknowledged', manage)).toEqual(['close']);
    expect(allowedWarningActions('plan_submitted', manage)).toEqual(['verify', 'reject_plan', 'close']);
    expect(allowedWarningActions('verified', manage)).toEqual(['close']);
  });
  it('nothing is possible on a closed warning, nor with read access alone', () => {
    expect(allowedWarningActions('closed', both)).toEqual([]);
    for (const s of OPEN_WARNING_STATES) expect(allowedWarningActions(s, ['warnings:read'])).toEqual([]);
  });
  it('the quality manager role holds both sides; an executive only reads', () => {
    expect(allowedWarningActions('raised', ROLE_PERMISSIONS.quality_manager)).toEqual([
      'acknowledge',
      'close',
    ]);
    expect(allowedWarningActions('plan_submitted', ROLE_PERMISSIONS.executive)).toEqual([]);
    expect(allowedWarningActions('raised', ROLE_PERMISSIONS.branch_manager)).toEqual(['acknowledge']);
  });
  it('the primary button is the next step; closing is primary only once verified', () => {
    expect(primaryWarningAction('raised', ['acknowledge', 'close'])).toBe('acknowledge');
    expect(primaryWarningAction('raised', ['close'])).toBeUndefined();
    expect(primaryWarningAction('plan_submitted', ['verify', 'reject_plan', 'close'])).toBe('verify');
    expect(primaryWarningAction('verified', ['close'])).toBe('close');
  });
});
