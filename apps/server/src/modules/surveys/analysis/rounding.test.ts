import { describe, expect, it } from 'vitest';
import { roundTo } from './rounding.js';

describe('rounding survey figures', () => {
  it('rounds halves away from zero on both sides', () => {
    expect(roundTo(12.345, 2)).toBe(12.35);
    expect(roundTo(-12.345, 2)).toBe(-12.35);
    expect(roundTo(0.125, 2)).toBe(0.13);
    expect(roundTo(-0.125, 2)).toBe(-0.13);
  });
  it('is not fooled by binary noise: 1.005 × 100 is 100.49999999999999 in floating point', () => {
    expect(1.005 * 100).toBeLessThan(100.5); // the trap
    expect(roundTo(1.005, 2)).toBe(1.01);
  });
  it('the CSAT vector: 74 / 107 × 100 = 69.1588… → 69.16', () => {
    expect(roundTo((74 / 107) * 100, 2)).toBe(69.16);
  });
  it('never answers −0', () => {
    expect(Object.is(roundTo(-0.001, 2), 0)).toBe(true);
    expect(Object.is(roundTo(-0, 4), 0)).toBe(true);
  });
});
