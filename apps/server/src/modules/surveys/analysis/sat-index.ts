import { badRequest } from '../../../lib/errors.js';
import { roundTo } from './rounding.js';
import type { ScoreScale } from './score-counts.js';

/** One perception element (e.g. 网络覆盖, 话费账单) with the mean of its answers, or null when nobody answered it. */
export type ElementScore = { key: string; mean: number | null; scale: ScoreScale };

/** Weight per element key, as an administrator edits them; positive, need not sum to 1. */
export type ElementWeights = Readonly<Record<string, number>>;

/**
 * One element's part in the index. scaled: its mean on 0–100 (2 decimals); weight: its weight
 * normalised over the scored elements (4 decimals); contribution = weight × scaled, in index
 * points (4 decimals; the contributions add up to the value up to rounding). All three null for
 * an element without a score.
 */
export type IndexElement = {
  key: string;
  scaled: number | null;
  weight: number | null;
  contribution: number | null;
};

/**
 * value: the index on 0–100 (2 decimals), null when no element has a score. scoredWeightShare:
 * the scored elements' share of the total weight (4 decimals; 1 when every element has a score),
 * so a reader sees how much of the intended index the value stands on.
 */
export type SatisfactionIndex = {
  value: number | null;
  elements: IndexElement[];
  scoredWeightShare: number | null;
};

/**
 * A score s on the scale [min, max] moved to 0–100: (s − min) ÷ (max − min) × 100, so 4 on 1–5 is
 * 75 and 8 on 0–10 is 80, and elements asked on different scales can be averaged. Not rounded.
 * A scale with min ≥ max, or a score outside it, is an error.
 */
export function scaleTo100(score: number, scale: ScoreScale): number {
  if (!Number.isFinite(scale.min) || !Number.isFinite(scale.max) || scale.min >= scale.max) {
    throw badRequest(`a scale needs a lowest score below its highest, not ${scale.min}–${scale.max}`);
  }
  if (!Number.isFinite(score) || score < scale.min || score > scale.max) {
    throw badRequest(`score ${score} lies outside its scale ${scale.min}–${scale.max}`);
  }
  return ((score - scale.min) / (scale.max - scale.min)) * 100;
}

/**
 * 满意度指数: the weighted mean of the perception elements' scores, each scaled to 0–100 first:
 * value = Σ wᵢ·sᵢ ÷ Σ wᵢ over the elements that HAVE a score (mean not null). An element nobody
 * answered is left out and the remaining weights are renormalised, rather than counted as 0 —
 * an unasked element is not a dissatisfied one; scoredWeightShare shows what was left out.
 * Every weight given must be finite and > 0 (a 400 naming the element otherwise; to drop an element
 * from the index, remove its weight instead of zeroing it). Each element needs a weight; weights for
 * elements not in `elements` are checked but unused (a campaign need not ask every element).
 * Pure; null when no element has a score.
 */
export function satisfactionIndex(
  elements: readonly ElementScore[],
  weights: ElementWeights,
): SatisfactionIndex {
  for (const [key, w] of Object.entries(weights)) {
    if (!Number.isFinite(w) || w <= 0)
      throw badRequest(`the weight of element '${key}' must be a number above 0, not ${w}`);
  }
  const seen = new Set<string>();
  let totalWeight = 0;
  let scoredWeight = 0;
  let weightedSum = 0;
  const parts = elements.map((e) => {
    if (seen.has(e.key)) throw badRequest(`element '${e.key}' is listed twice`);
    seen.add(e.key);
    if (!Object.hasOwn(weights, e.key)) throw badRequest(`element '${e.key}' has no weight`);
    const w = weights[e.key]!;
    totalWeight += w;
    if (e.mean === null) return { key: e.key, w, scaled: null };
    const scaled = scaleTo100(e.mean, e.scale);
    scoredWeight += w;
    weightedSum += w * scaled;
    return { key: e.key, w, scaled };
  });
  if (scoredWeight === 0) {
    const empty = parts.map(({ key }) => ({ key, scaled: null, weight: null, contribution: null }));
    return { value: null, elements: empty, scoredWeightShare: totalWeight === 0 ? null : 0 };
  }
  return {
    value: roundTo(weightedSum / scoredWeight, 2),
    elements: parts.map(({ key, w, scaled }) =>
      scaled === null
        ? { key, scaled: null, weight: null, contribution: null }
        : {
            key,
            scaled: roundTo(scaled, 2),
            weight: roundTo(w / scoredWeight, 4),
            contribution: roundTo((w / scoredWeight) * scaled, 4),
          },
    ),
    scoredWeightShare: roundTo(scoredWeight / totalWeight, 4),
  };
}
