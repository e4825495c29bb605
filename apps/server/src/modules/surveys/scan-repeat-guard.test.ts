import { describe, expect, it } from 'vitest';
import { scanRepeatGuard } from './scan-repeat-guard.js';

describe('scanRepeatGuard', () => {
  it('lets one address rate one point max times per window, other points and addresses apart', () => {
    const g = scanRepeatGuard({ max: 2, windowMs: 600_000 });
    expect([g.allow('1.2.3.4', 'A', 0), g.allow('1.2.3.4', 'A', 1_000), g.allow('1.2.3.4', 'A', 2_000)]).toEqual([true, true, false]);
    expect(g.allow('1.2.3.4', 'B', 2_000)).toBe(true);
    expect(g.allow('5.6.7.8', 'A', 2_000)).toBe(true);
    // the window slides: the first scan falls out of it after ten minutes
    expect(g.allow('1.2.3.4', 'A', 600_001)).toBe(true);
    expect(g.allow('1.2.3.4', 'A', 600_002)).toBe(false);
  });
  it('forgets the oldest addresses past its size, so memory stays bounded', () => {
    const g = scanRepeatGuard({ max: 1, windowMs: 600_000, maxKeys: 2 });
    expect(g.allow('a', 'P', 0)).toBe(true);
    expect(g.allow('b', 'P', 0)).toBe(true);
    expect(g.allow('c', 'P', 0)).toBe(true); // 'a' dropped
    expect(g.allow('a', 'P', 1)).toBe(true);
    expect(g.allow('c', 'P', 1)).toBe(false);
  });
});
