import type { IndicatorDirection, IndicatorThresholds, WarningLevel } from '@qloop/contracts';

/**
 * The worst level a value reaches, with the boundary crossed, or null. Boundaries are in the
 * direction of worse and are crossed strictly: an on-time rate of exactly 95 with yellow at 95 is
 * on target, 94.9 is yellow. Pure.
 */
export function thresholdLevel(value: number, t: IndicatorThresholds, direction: IndicatorDirection): { level: WarningLevel; threshold: number } | null {
  const worse = (b: number | null) => b !== null && (direction === 'lower_better' ? value > b : value < b);
  for (const level of ['red', 'orange', 'yellow'] as const) {
    if (worse(t[level])) return { level, threshold: t[level]! };
  }
  return null;
}

const RANK: Record<WarningLevel, number> = { yellow: 1, orange: 2, red: 3 };
export const levelRank = (l: WarningLevel) => RANK[l];
export const worseLevel = (a: WarningLevel, b: WarningLevel): WarningLevel => (RANK[b] > RANK[a] ? b : a);
