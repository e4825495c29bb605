import { WARNING_RULE_KINDS, WarningRuleParams, WarningRuleSave, type WarningRule } from '@qloop/contracts';
import { describe, expect, it } from 'vitest';
import { defaultParams, toRuleBody, toRuleValues } from './rule-values';

const rule: WarningRule = {
  id: '0b6b0a3e-5b8e-4d0e-9a53-5f3f7a0c1d11',
  name: '投诉周环比上升',
  nameEn: 'Complaints up week on week',
  params: {
    kind: 'rise',
    indicatorKey: 'complaints',
    windowDays: 7,
    yellowPct: 30,
    orangePct: null,
    redPct: 100,
    alpha: 0.05,
    minCount: 10,
    orgKinds: ['branch'],
  },
  planDays: { yellow: 3, orange: 2, red: 1 },
  ownerDepartmentId: null,
  ownerDepartmentName: null,
  active: true,
  version: 4,
  updatedAt: '2026-11-23T06:00:00.000Z',
};

describe('warning rule editor values', () => {
  it('every kind has defaults the contract accepts once an indicator is chosen', () => {
    for (const kind of WARNING_RULE_KINDS) {
      const p = {
        ...defaultParams(kind),
        ...(kind === 'threshold' || kind === 'rise' ? { indicatorKey: 'escalation_rate' } : {}),
      };
      expect(WarningRuleParams.safeParse(p).success, kind).toBe(true);
    }
  });
  it('a saved rule goes into the form and back unchanged', () => {
    const body = toRuleBody(toRuleValues(rule));
    expect(body).toEqual({
      name: rule.name,
      nameEn: rule.nameEn,
      params: rule.params,
      planDays: rule.planDays,
      ownerDepartmentId: null,
      active: true,
    });
    expect(WarningRuleSave.safeParse(body).success).toBe(true);
  });
  it('only the chosen kind is sent; an empty orange or red level is null (never reached)', () => {
    const v = toRuleValues(rule);
    v.params = {
      ...v.params,
      orangePct: undefined,
      redPct: undefined,
      minCustomers: 5,
    } as unknown as typeof v.params;
    v.nameEn = '  ';
    const body = toRuleBody(v);
    expect(body.params).toMatchObject({ kind: 'rise', orangePct: null, redPct: null });
    expect(body.params).not.toHaveProperty('minCustomers');
    expect(body.nameEn).toBeNull();
    expect(WarningRuleSave.safeParse(body).success).toBe(true);
  });
  it('a new rule starts from the kind asked for, plan days from the domain (yellow 3 days)', () => {
    const v = toRuleValues(null, 'batch');
    expect(v.params.kind).toBe('batch');
    expect(v.planDays).toEqual({ yellow: 3, orange: 2, red: 1 });
  });
});
