import { describe, expect, it } from 'vitest';
import { categoryAtLevel, childUnder, rankRows, sumIntoCells } from './breakdown-cells.js';

describe('breakdown cells', () => {
  it('maps a unit onto the child it lies under, the parent onto itself, others to nothing', () => {
    expect(childUnder(['p'], ['p', 'b1', 's1'])).toBe('b1');
    expect(childUnder(['p'], ['p', 'b2'])).toBe('b2');
    expect(childUnder(['p', 'b1'], ['p', 'b1'])).toBe('b1');
    expect(childUnder(['p', 'b1'], ['p', 'b2', 's3'])).toBeNull();
    expect(childUnder(['p', 'b1'], ['p'])).toBeNull();
  });
  it('groups categories at a level; a shallower category stands for itself', () => {
    expect(categoryAtLevel(['c1', 'c12', 'c123'], 2)).toBe('c12');
    expect(categoryAtLevel(['c1', 'c12', 'c123'], 1)).toBe('c1');
    expect(categoryAtLevel(['c1'], 2)).toBe('c1');
  });
  it('sums raw rows into (by, then) cells and drops rows outside', () => {
    const cells = sumIntoCells(
      [
        { keys: { org_unit_id: 's1', channel: 'hotline' }, sums: [2, 1] },
        { keys: { org_unit_id: 's2', channel: 'hotline' }, sums: [3, 0] },
        { keys: { org_unit_id: 's3', channel: 'web' }, sums: [4, 2] },
        { keys: { org_unit_id: 'x', channel: 'web' }, sums: [100, 100] },
      ],
      (k) => ({ s1: 'b1', s2: 'b1', s3: 'b2' })[k.org_unit_id as 's1'] ?? null,
      (k) => k.channel!,
    );
    expect([...cells.values()]).toEqual([
      { by: 'b1', then: 'hotline', sums: [5, 1] },
      { by: 'b2', then: 'web', sums: [4, 2] },
    ]);
  });
  it('ranks in the direction of better, ties sharing a rank, no value last', () => {
    const rows = [{ id: 'a', value: 90 }, { id: 'b', value: null }, { id: 'c', value: 95 }, { id: 'd', value: 90 }];
    expect(rankRows(rows, 'higher_better').map((r) => [r.id, r.rank])).toEqual([['c', 1], ['a', 2], ['d', 2], ['b', null]]);
    expect(rankRows(rows, 'lower_better').map((r) => [r.id, r.rank])).toEqual([['a', 1], ['d', 1], ['c', 3], ['b', null]]);
  });
});
