import { describe, expect, it } from 'vitest';
import { formatRate, roundProgress } from './campaign-format';

describe('campaign figures', () => {
  it('counts skipped customers as handled, never passes 100, and an empty sample is complete', () => {
    expect(roundProgress({ invited: 0, skipped: 0, sampled: 40 })).toBe(0);
    expect(roundProgress({ invited: 9, skipped: 1, sampled: 40 })).toBe(25);
    expect(roundProgress({ invited: 39, skipped: 0, sampled: 40 })).toBe(97);
    expect(roundProgress({ invited: 40, skipped: 0, sampled: 40 })).toBe(100);
    expect(roundProgress({ invited: 0, skipped: 0, sampled: 0 })).toBe(100);
  });
  it('shows a response rate with one decimal, and a dash without invitations', () => {
    expect(formatRate(1 / 24)).toBe('4.2%');
    expect(formatRate(0)).toBe('0.0%');
    expect(formatRate(1)).toBe('100.0%');
    expect(formatRate(null)).toBe('—');
  });
});
