import type { Db } from '../../db/client.js';
import { loadIndicator, loadSettingsResolver } from '../indicators/indicator-catalog.js';
import { dayWindows, fmt, LEVEL_ZH, type Finding, type RuleOf } from './finding.js';
import { unitNames, watchedUnits, type OrgDirectory } from './org-directory.js';
import { thresholdLevel } from './threshold-level.js';
import { indicatorByUnit } from './unit-figures.js';

/**
 * Threshold rules: the indicator over the rolling window for every watched unit, judged against
 * that unit's own thresholds (the nearest setting up its path). A ratio on fewer than
 * minDenominator tickets is not judged: 1 late of 2 is not a 50% on-time rate anyone should act on.
 */
export async function findThresholds(db: Db, dir: OrgDirectory, rule: RuleOf<'threshold'>, now: Date): Promise<Finding[]> {
  const p = rule.params;
  const ind = await loadIndicator(db, p.indicatorKey);
  if (!ind || !ind.active) return [];
  const { from, to } = dayWindows(now, p.windowDays);
  const units = watchedUnits(dir, p.orgKinds);
  const [values, settingsOf] = await Promise.all([indicatorByUnit(db, dir, ind, units, from, to), loadSettingsResolver(db, ind)]);
  const out: Finding[] = [];
  for (const u of units) {
    const v = values.get(u.id);
    if (!v || v.value === null) continue;
    if (v.denominator !== null && v.denominator < p.minDenominator) continue;
    const hit = thresholdLevel(v.value, settingsOf(u.path).thresholds, ind.direction);
    if (!hit) continue;
    const n = unitNames(u);
    out.push({
      ruleId: rule.id,
      kind: 'threshold',
      conditionKey: `threshold:${rule.id}:${u.id}`,
      level: hit.level,
      orgUnitId: u.id,
      ownerDepartmentId: rule.ownerDepartmentId,
      title: `${n.zh}${ind.nameZh} ${fmt(v.value)}${ind.unit}，越过${LEVEL_ZH[hit.level]}预警线 ${fmt(hit.threshold)}（${from} 至 ${to}）`,
      titleEn: `${n.en}: ${ind.nameEn} ${fmt(v.value)} ${ind.unitEn}, past the ${hit.level} line ${fmt(hit.threshold)} (${from} to ${to})`,
      evidence: { kind: 'threshold', indicatorKey: ind.key, from, to, value: v.value, numerator: v.numerator, denominator: v.denominator, threshold: hit.threshold },
      ticketIds: null,
      ticketCount: v.numerator ?? 0,
      stamp: `${to}:${hit.level}`,
    });
  }
  return out;
}
