import { describe, expect, it } from 'vitest';
import { firstMatchingRule, pickAssignee, routeBatch, type RoutableTicket, type RuleForRouting } from './route-ticket.js';

const ticket: RoutableTicket = { type: 'complaint', channel: 'hotline', tier: 'vip', categoryPath: ['S', 'S01', 'S01-01'], orgPath: ['JN', 'DZ', 'DZ-S01'] };
const rule = (id: string, position: number, conditions: RuleForRouting['conditions'], active = true): RuleForRouting => ({
  id, position, active, conditions, groupId: `g-${id}`, strategy: 'least_open', skill: null,
});

describe('rule matching', () => {
  it('takes the first matching rule by explicit position, not by listing order or name', () => {
    const rules = [rule('b', 2, {}), rule('a', 1, { types: ['complaint'] })];
    expect(firstMatchingRule(rules, ticket)?.id).toBe('a');
  });
  it('a category condition matches the category and everything below it', () => {
    expect(firstMatchingRule([rule('x', 1, { categoryIds: ['S01'] })], ticket)?.id).toBe('x');
    expect(firstMatchingRule([rule('x', 1, { categoryIds: ['S02'] })], ticket)).toBeNull();
  });
  it('an org-unit condition matches the unit and its subtree', () => {
    expect(firstMatchingRule([rule('x', 1, { orgUnitIds: ['DZ'] })], ticket)?.id).toBe('x');
    expect(firstMatchingRule([rule('x', 1, { orgUnitIds: ['XZ'] })], ticket)).toBeNull();
  });
  it('every condition must hold; inactive rules are skipped', () => {
    expect(firstMatchingRule([rule('x', 1, { types: ['complaint'], channels: ['store'] })], ticket)).toBeNull();
    expect(firstMatchingRule([rule('x', 1, { tiers: ['vip'] }, false), rule('y', 2, { tiers: ['vip'] })], ticket)?.id).toBe('y');
  });
});

describe('member picking', () => {
  const members = [
    { userId: 'u3', skills: ['宽带'], openTickets: 5 },
    { userId: 'u1', skills: [], openTickets: 2 },
    { userId: 'u2', skills: ['宽带', '计费'], openTickets: 2 },
  ];
  it('round robin cycles through members in a stable order', () => {
    const picks: string[] = [];
    let last: string | null = null;
    for (let i = 0; i < 4; i++) picks.push((last = pickAssignee('round_robin', members, { lastPicked: last, skill: null })!));
    expect(picks).toEqual(['u1', 'u2', 'u3', 'u1']);
  });
  it('least open picks the lightest load, ties by id', () => {
    expect(pickAssignee('least_open', members, { lastPicked: null, skill: null })).toBe('u1');
  });
  it('skill match picks the lightest member with the skill, or nobody', () => {
    expect(pickAssignee('skill', members, { lastPicked: null, skill: '宽带' })).toBe('u2');
    expect(pickAssignee('skill', members, { lastPicked: null, skill: '国际漫游' })).toBeNull();
  });
  it('an empty group picks nobody', () => {
    expect(pickAssignee('round_robin', [], { lastPicked: null, skill: null })).toBeNull();
  });
});

describe('routing a batch (imports) as one-by-one intake would', () => {
  const members = [
    { userId: 'u1', skills: [], openTickets: 0 },
    { userId: 'u2', skills: [], openTickets: 3 },
    { userId: 'u3', skills: [], openTickets: 1 },
  ];
  it('round robin continues from the stored last pick and across the batch', () => {
    const rr = { ...rule('rr', 1, {}), strategy: 'round_robin' as const, lastPicked: 'u2' };
    const { routes, lastPicked } = routeBatch([rr], new Map([['g-rr', members]]), [ticket, ticket, ticket, ticket]);
    expect(routes.map((r) => r?.assigneeId)).toEqual(['u3', 'u1', 'u2', 'u3']);
    expect(lastPicked.get('rr')).toBe('u3');
  });
  it('least-open counts what the batch already handed out', () => {
    const lo = { ...rule('lo', 1, {}), lastPicked: null };
    const { routes } = routeBatch([lo], new Map([['g-lo', members]]), Array.from({ length: 5 }, () => ticket));
    // loads 0/3/1 → u1 (1/3/1) → u1 ties u3, u1 has the lower id → (2/3/1) → u3 (2/3/2) → u1 (3/3/2) → u3
    expect(routes.map((r) => r?.assigneeId)).toEqual(['u1', 'u1', 'u3', 'u1', 'u3']);
  });
  it('tickets no rule matches get no route; an empty group queues without an assignee', () => {
    const store = { ...rule('st', 1, { channels: ['store'] }), lastPicked: null };
    const any = { ...rule('any', 2, {}), lastPicked: null };
    const { routes } = routeBatch([store, any], new Map([['g-st', members]]), [ticket, { ...ticket, channel: 'store' }]);
    expect(routes).toEqual([{ ruleId: 'any', groupId: 'g-any', assigneeId: null }, { ruleId: 'st', groupId: 'g-st', assigneeId: 'u1' }]);
    expect(routeBatch([store], new Map(), [ticket]).routes).toEqual([null]);
  });
});
