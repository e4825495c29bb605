import { describe, expect, it } from 'vitest';
import { formatLift, formatPct, formatPValue, isDay, sharePct } from './warning-format';

describe('warning evidence figures', () => {
  it('shares and percentages', () => {
    expect(sharePct(3, 12)).toBe(25);
    expect(sharePct(1, 0)).toBeNull();
    expect(formatPct(25, 'zh-CN')).toBe('25%');
    expect(formatPct(33.3333, 'en-US')).toBe('33.3%');
    expect(formatPct(1234.5, 'en-US', 0)).toBe('1,235%');
    expect(formatPct(null, 'en-US')).toBe('—');
  });
  it('p-values and lifts', () => {
    expect(formatPValue(0.0004)).toBe('< 0.001');
    expect(formatPValue(0.0123)).toBe('0.012');
    expect(formatPValue(0.05)).toBe('0.050');
    expect(formatLift(4.25, 'en-US')).toBe('×4.3');
    expect(formatLift(3, 'zh-CN')).toBe('×3');
  });
  it('days are told from instants', () => {
    expect(isDay('2026-11-23')).toBe(true);
    expect(isDay('2026-11-23T06:05:00.000Z')).toBe(false);
  });
});
