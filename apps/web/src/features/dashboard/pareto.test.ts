import { describe, expect, it } from 'vitest';
import { paretoItems, vitalFew } from './pareto';

describe('Pareto of complaints by category', () => {
  const rows = [
    { by: 'billing', value: 10 },
    { by: 'network', value: 50 },
    { by: 'none', value: null },
    { by: 'zero', value: 0 },
    { by: 'service', value: 30 },
    { by: 'app', value: 10 },
  ];
  it('sorts by count, largest first, with the running share', () => {
    expect(paretoItems(rows)).toEqual([
      { key: 'network', value: 50, cumulativePct: 50 },
      { key: 'service', value: 30, cumulativePct: 80 },
      { key: 'app', value: 10, cumulativePct: 90 },
      { key: 'billing', value: 10, cumulativePct: 100 },
    ]);
  });
  it('the vital few reach 80%', () => {
    expect(vitalFew(paretoItems(rows))).toBe(2);
    expect(vitalFew(paretoItems([{ by: 'a', value: 1 }, { by: 'b', value: 1 }, { by: 'c', value: 1 }]))).toBe(3);
    expect(vitalFew([])).toBe(0);
  });
  it('one decimal of share', () => {
    expect(paretoItems([{ by: 'a', value: 1 }, { by: 'b', value: 2 }]).map((i) => i.cumulativePct)).toEqual([66.7, 100]);
  });
});
