import type { Db } from '../../db/client.js';
import { loadIndicator } from '../indicators/indicator-catalog.js';
import { dayWindows, fmt, type Finding, type RuleOf } from './finding.js';
import { unitNames, watchedUnits, type OrgDirectory } from './org-directory.js';
import { riseVerdict } from './rise-test.js';
import { indicatorByUnit } from './unit-figures.js';

/**
 * Rise rules (异动): the indicator's count over the last window against the window before, for every
 * watched unit, graded by the rise and kept only when the conditional binomial test says it is
 * real (rise-test.ts).
 */
export async function findRises(db: Db, dir: OrgDirectory, rule: RuleOf<'rise'>, now: Date): Promise<Finding[]> {
  const p = rule.params;
  const ind = await loadIndicator(db, p.indicatorKey);
  if (!ind || !ind.active || !('numerator' in ind.formula)) return [];
  const w = dayWindows(now, p.windowDays);
  const units = watchedUnits(dir, p.orgKinds);
  const [cur, prev] = await Promise.all([indicatorByUnit(db, dir, ind, units, w.from, w.to), indicatorByUnit(db, dir, ind, units, w.previousFrom, w.previousTo)]);
  const out: Finding[] = [];
  for (const u of units) {
    const current = cur.get(u.id)?.numerator ?? 0;
    const previous = prev.get(u.id)?.numerator ?? 0;
    const v = riseVerdict(current, previous, p);
    if (!v.level) continue;
    const n = unitNames(u);
    const pct = v.risePct === null ? '∞' : `${fmt(v.risePct)}%`;
    out.push({
      ruleId: rule.id,
      kind: 'rise',
      conditionKey: `rise:${rule.id}:${u.id}`,
      level: v.level,
      orgUnitId: u.id,
      ownerDepartmentId: rule.ownerDepartmentId,
      title: `${n.zh}${ind.nameZh}环比上升 ${pct}（${previous} → ${current}，近 ${p.windowDays} 天）`,
      titleEn: `${n.en}: ${ind.nameEn} up ${pct} on the previous ${p.windowDays} days (${previous} → ${current})`,
      evidence: { kind: 'rise', indicatorKey: ind.key, from: w.from, to: w.to, previousFrom: w.previousFrom, previousTo: w.previousTo, current, previous, risePct: v.risePct, pValue: v.pValue },
      ticketIds: null,
      ticketCount: current,
      stamp: `${w.to}:${v.level}`,
    });
  }
  return out;
}
