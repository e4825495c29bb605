import { describe, expect, it } from 'vitest';
import { changeTone, figureChange, signedDelta } from './figure-change';

describe('环比 / 同比 changes', () => {
  it('percentages change by percentage points', () => {
    expect(figureChange(97, 95, true)).toEqual({ kind: 'pp', delta: 2 });
    expect(figureChange(17.46, 18.5, true)).toEqual({ kind: 'pp', delta: -1 });
    // a previous rate of 0% is a base for points
    expect(figureChange(3, 0, true)).toEqual({ kind: 'pp', delta: 3 });
  });
  it('other figures change relatively', () => {
    expect(figureChange(120, 100, false)).toEqual({ kind: 'relative', delta: 20 });
    expect(figureChange(0.05, 0.07, false)).toEqual({ kind: 'relative', delta: -28.6 });
    expect(figureChange(5, 5, false)).toEqual({ kind: 'relative', delta: 0 });
  });
  it('no change without both values, nor a relative one from 0', () => {
    expect(figureChange(null, 5, false)).toBeNull();
    expect(figureChange(5, null, true)).toBeNull();
    expect(figureChange(5, undefined, true)).toBeNull();
    expect(figureChange(5, 0, false)).toBeNull();
  });
  it('is good or bad by the indicator’s direction', () => {
    expect(changeTone({ kind: 'pp', delta: 2 }, 'higher_better')).toBe('good');
    expect(changeTone({ kind: 'pp', delta: 2 }, 'lower_better')).toBe('bad');
    expect(changeTone({ kind: 'relative', delta: -10 }, 'lower_better')).toBe('good');
    expect(changeTone({ kind: 'relative', delta: -10 }, 'higher_better')).toBe('bad');
    // below one decimal it did not move
    expect(changeTone(figureChange(95.04, 95, true)!, 'higher_better')).toBe('flat');
  });
  it('is written with its sign', () => {
    expect(signedDelta(2.5, 'zh-CN')).toBe('+2.5');
    expect(signedDelta(-1.25, 'en-US')).toBe('−1.3');
    expect(signedDelta(0, 'en-US')).toBe('0');
    expect(signedDelta(1234.5, 'en-US')).toBe('+1,234.5');
  });
});
