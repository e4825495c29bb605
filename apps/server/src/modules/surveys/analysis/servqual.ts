import { SERVQUAL_DIMENSIONS, type ServqualDimension } from '@qloop/contracts';
import { badRequest } from '../../../lib/errors.js';
import { roundTo } from './rounding.js';

/** The dimensions' names as Chinese sources use them (for exports; the web app translates the keys itself). */
export const SERVQUAL_DIMENSION_LABELS: Record<ServqualDimension, string> = {
  tangibles: '有形性',
  reliability: '可靠性',
  responsiveness: '响应性',
  assurance: '保证性',
  empathy: '移情性',
};

/** A question asked twice: what the customer expects (E) and what they perceived (P). */
export type ServqualItem = { key: string; dimension: ServqualDimension };

/** One respondent's two answers to one item; either may be missing. */
export type PairedAnswer = { expectation: number | null; perception: number | null };

/** One respondent's answers, by item key. */
export type ServqualResponse = Readonly<Record<string, PairedAnswer>>;

/**
 * An item's gap G = mean P − mean E over the n respondents who answered both (so also the mean of
 * their P − E); expectation and perception are those respondents' means. Negative: service fell
 * short of expectation. All 4 decimals; null when n = 0.
 */
export type ItemGap = {
  key: string;
  dimension: ServqualDimension;
  expectation: number | null;
  perception: number | null;
  gap: number | null;
  n: number;
};

/**
 * A dimension's gap: the mean of its items' gaps (4 decimals), null when none of its items has one.
 * items: how many items had a gap; n: how many respondents answered both sides of at least one of them.
 */
export type DimensionGap = {
  dimension: ServqualDimension;
  gap: number | null;
  items: number;
  n: number;
};

/** Per item, per dimension (all five, in order, even those without items), and overall. */
export type ServqualGaps = {
  items: ItemGap[];
  dimensions: DimensionGap[];
  overall: { gap: number | null; n: number };
};

/**
 * SERVQUAL gaps (服务质量差距, the customer gap of the gap model) from paired answers. Per item:
 * gap = perception − expectation, averaged over the respondents that answered both, with that
 * count n. Per dimension: the UNWEIGHTED mean of its items' gaps (each item counts once, however
 * many answered it — the dimension is defined by its items, not by who answered most), with the
 * number of respondents behind it. Overall: the mean of the dimension gaps present (each dimension
 * once), with the number of respondents who answered any pair. Answers must be finite numbers;
 * an answer to an item not in `items` is an error (it would otherwise vanish unseen). Pure.
 */
export function servqualGaps(
  items: readonly ServqualItem[],
  responses: readonly ServqualResponse[],
): ServqualGaps {
  const byKey = new Map<string, { item: ServqualItem; sumE: number; sumP: number; n: number }>();
  for (const item of items) {
    if (byKey.has(item.key)) throw badRequest(`SERVQUAL item '${item.key}' is listed twice`);
    if (!SERVQUAL_DIMENSIONS.includes(item.dimension)) {
      throw badRequest(`SERVQUAL item '${item.key}' has no such dimension '${item.dimension}'`);
    }
    byKey.set(item.key, { item, sumE: 0, sumP: 0, n: 0 });
  }
  const respondents = new Map<ServqualDimension, number>(SERVQUAL_DIMENSIONS.map((d) => [d, 0]));
  let anyPair = 0;
  responses.forEach((response, r) => {
    const answered = new Set<ServqualDimension>();
    for (const [key, { expectation, perception }] of Object.entries(response)) {
      const acc = byKey.get(key);
      if (!acc)
        throw badRequest(`response ${r + 1} answers '${key}', which is not an item of this questionnaire`);
      for (const v of [expectation, perception]) {
        if (v !== null && !Number.isFinite(v))
          throw badRequest(`response ${r + 1}: the answer to '${key}' is not a number`);
      }
      if (expectation === null || perception === null) continue;
      acc.sumE += expectation;
      acc.sumP += perception;
      acc.n++;
      answered.add(acc.item.dimension);
    }
    for (const d of answered) respondents.set(d, respondents.get(d)! + 1);
    if (answered.size) anyPair++;
  });

  const rawItemGaps = new Map<ServqualDimension, number[]>(SERVQUAL_DIMENSIONS.map((d) => [d, []]));
  const itemGaps: ItemGap[] = [...byKey.values()].map(({ item, sumE, sumP, n }) => {
    if (n === 0) return { ...item, expectation: null, perception: null, gap: null, n };
    const gap = (sumP - sumE) / n;
    rawItemGaps.get(item.dimension)!.push(gap);
    return {
      ...item,
      expectation: roundTo(sumE / n, 4),
      perception: roundTo(sumP / n, 4),
      gap: roundTo(gap, 4),
      n,
    };
  });

  const rawDimensionGaps: number[] = [];
  const dimensions = SERVQUAL_DIMENSIONS.map((dimension): DimensionGap => {
    const gaps = rawItemGaps.get(dimension)!;
    const gap = mean(gaps);
    if (gap !== null) rawDimensionGaps.push(gap);
    return {
      dimension,
      gap: gap === null ? null : roundTo(gap, 4),
      items: gaps.length,
      n: respondents.get(dimension)!,
    };
  });
  const overall = mean(rawDimensionGaps);
  return {
    items: itemGaps,
    dimensions,
    overall: { gap: overall === null ? null : roundTo(overall, 4), n: anyPair },
  };
}

const mean = (xs: readonly number[]) => (xs.length ? xs.reduce((a, b) => a + b, 0) / xs.length : null);
