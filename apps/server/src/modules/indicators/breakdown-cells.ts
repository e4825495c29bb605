import type { IndicatorDirection } from '@qloop/contracts';

/**
 * Pure parts of a breakdown: raw rollup keys mapped onto the asked dimensions and summed per cell,
 * and the ranking of a league table.
 */

/** A raw grouped row: the rollup key columns asked for, and its sums (one per column summed). */
export type RawSum = { keys: Partial<Record<string, string>>; sums: readonly number[] };
/** Maps a raw row onto a dimension's key (an org unit onto the child unit it lies under…); null drops the row. */
export type KeyOf = (keys: Partial<Record<string, string>>) => string | null;
export type Cell = { by: string; then?: string; sums: number[] };

export const cellKey = (by: string, then?: string) => (then === undefined ? by : `${by}\u0000${then}`);

/** Sums raw rows into cells keyed by (by, then), column by column. */
export function sumIntoCells(rows: readonly RawSum[], byOf: KeyOf, thenOf: KeyOf | null): Map<string, Cell> {
  const out = new Map<string, Cell>();
  for (const r of rows) {
    const by = byOf(r.keys);
    const then = thenOf ? thenOf(r.keys) : undefined;
    if (by === null || then === null) continue;
    const k = cellKey(by, then);
    const cell = out.get(k) ?? out.set(k, { by, ...(then === undefined ? {} : { then }), sums: r.sums.map(() => 0) }).get(k)!;
    r.sums.forEach((v, i) => { cell.sums[i] = (cell.sums[i] ?? 0) + v; });
  }
  return out;
}

/**
 * The child of `parentPath`'s last unit that `unitPath` lies under, or the parent itself for its
 * own rows (a branch's tickets taken at branch level); null outside the parent's subtree.
 */
export function childUnder(parentPath: readonly string[], unitPath: readonly string[]): string | null {
  const d = parentPath.length;
  if (unitPath.length < d || parentPath.some((id, i) => unitPath[i] !== id)) return null;
  return unitPath[d] ?? unitPath[d - 1]!;
}

/** The category at `level` (1 = top) on a category's path; a category above that level stands for itself. */
export function categoryAtLevel(path: readonly string[], level: number): string {
  return path[Math.min(level, path.length) - 1]!;
}

/**
 * Ranks by value in the indicator's direction: 1 is best; equal values share a rank (1, 1, 3);
 * rows without a value get no rank and go last. Returns a new array, sorted.
 */
export function rankRows<T extends { value: number | null }>(rows: readonly T[], direction: IndicatorDirection): (T & { rank: number | null })[] {
  const sign = direction === 'higher_better' ? -1 : 1;
  const sorted = [...rows].sort((a, b) => (a.value === null ? 1 : b.value === null ? -1 : sign * (a.value - b.value)));
  let rank = 0;
  return sorted.map((r, i) => {
    if (r.value === null) return { ...r, rank: null };
    if (i === 0 || sorted[i - 1]!.value !== r.value) rank = i + 1;
    return { ...r, rank };
  });
}
