import {
  thresholdOrderIssues,
  type CustomIndicatorFormula,
  type IndicatorDirection,
  type IndicatorThresholds,
} from '@qloop/contracts';
import type { Db } from '../../db/client.js';
import { badRequest } from '../../lib/errors.js';
import { missingCategories } from './indicators.repo.js';

/**
 * Refuses thresholds that do not grow worse from yellow to red in the indicator's direction, with
 * one field error per level out of order (`path` prefixes the level, e.g. body.thresholds.orange).
 */
export function assertThresholdOrder(
  direction: IndicatorDirection,
  t: IndicatorThresholds,
  path = 'body.thresholds',
): void {
  const issues = thresholdOrderIssues(direction, t);
  if (!issues.length) return;
  throw badRequest(
    `thresholds out of order: ${issues.map((i) => i.message).join('; ')}`,
    issues.map((i) => ({ path: `${path}.${i.path}`, message: i.message, code: 'threshold_order' })),
  );
}

/** Every category a formula narrows to must exist (a retired one still counts its tickets). */
export async function assertFormulaCategories(db: Db, f: CustomIndicatorFormula): Promise<void> {
  const parts =
    f.kind === 'ratio'
      ? ([
          ['numerator', f.numerator],
          ['denominator', f.denominator],
        ] as const)
      : f.kind === 'external'
        ? []
        : ([['numerator', f.numerator]] as const);
  const issues: { path: string; message: string }[] = [];
  for (const [name, filter] of parts) {
    for (const id of await missingCategories(db, filter.categoryIds ?? [])) {
      issues.push({ path: `body.formula.${name}.categoryIds`, message: `no category ${id}` });
    }
  }
  if (issues.length)
    throw badRequest(`unknown categories in the formula: ${issues.map((i) => i.message).join(', ')}`, issues);
}
