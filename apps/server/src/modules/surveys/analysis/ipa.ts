import { badRequest } from '../../../lib/errors.js';

/** The four quadrants of an importance–performance grid. (To move to packages/contracts with the survey schemas.) */
export const IPA_QUADRANTS = ['concentrate_here', 'keep_up', 'low_priority', 'possible_overkill'] as const;
export type IpaQuadrant = (typeof IPA_QUADRANTS)[number];

/** The quadrants' names as Chinese sources use them. */
export const IPA_QUADRANT_LABELS: Record<IpaQuadrant, string> = {
  concentrate_here: '重点改进区',
  keep_up: '继续保持区',
  low_priority: '次要改进区',
  possible_overkill: '过度投入区',
};

/** An item (a perception element, a SERVQUAL item …) with its importance and performance on any one scale each. */
export type IpaInput = { key: string; importance: number; performance: number };
export type IpaItem = IpaInput & { quadrant: IpaQuadrant };

/** Where the grid is split: given by the caller, or the means over the items. Null only without items and without a given cut. */
export type IpaCuts = { importance: number | null; performance: number | null };
export type IpaResult = { items: IpaItem[]; cuts: IpaCuts };

/**
 * Importance–performance analysis (IPA, 四象限分析): each item lands in a quadrant by comparing its
 * importance and its performance with a cut point each —
 *   high importance, low performance  → concentrate_here  重点改进区 (fix these first)
 *   high importance, high performance → keep_up           继续保持区
 *   low importance,  low performance  → low_priority      次要改进区
 *   low importance,  high performance → possible_overkill 过度投入区
 * Cut points default to the mean importance and the mean performance over the items (the usual
 * data-centred grid); pass `cuts` to split at fixed points (e.g. the scale midpoint) instead.
 * A value EQUAL to a cut point counts as high (≥), so an item exactly at the mean is not pushed
 * into an improvement quadrant; "equal" tolerates floating-point noise of 1e-9 relative to the cut
 * (the mean of 0.1, 0.2, 0.3 is 0.20000000000000004, and 0.2 sits on it). Values must be finite and
 * keys distinct (a 400 otherwise). Pure; items keep their order.
 */
export function importancePerformance(items: readonly IpaInput[], cuts: Partial<IpaCuts> = {}): IpaResult {
  const keys = new Set<string>();
  for (const it of items) {
    if (keys.has(it.key)) throw badRequest(`IPA item '${it.key}' is listed twice`);
    keys.add(it.key);
    if (!Number.isFinite(it.importance) || !Number.isFinite(it.performance)) {
      throw badRequest(`IPA item '${it.key}' needs a finite importance and performance`);
    }
  }
  for (const c of [cuts.importance, cuts.performance]) {
    if (c !== undefined && c !== null && !Number.isFinite(c))
      throw badRequest(`an IPA cut point must be a finite number, not ${c}`);
  }
  const importanceCut = cuts.importance ?? mean(items.map((i) => i.importance));
  const performanceCut = cuts.performance ?? mean(items.map((i) => i.performance));
  return {
    items: items.map((it) => {
      const important = atOrAbove(it.importance, importanceCut!);
      const performing = atOrAbove(it.performance, performanceCut!);
      const quadrant: IpaQuadrant = important
        ? performing
          ? 'keep_up'
          : 'concentrate_here'
        : performing
          ? 'possible_overkill'
          : 'low_priority';
      return { ...it, quadrant };
    }),
    cuts: { importance: importanceCut, performance: performanceCut },
  };
}

/** x ≥ cut, with ties (up to 1e-9 relative noise) counting as at the cut. */
const atOrAbove = (x: number, cut: number) => x >= cut - 1e-9 * Math.max(1, Math.abs(cut));

const mean = (xs: readonly number[]) => (xs.length ? xs.reduce((a, b) => a + b, 0) / xs.length : null);
