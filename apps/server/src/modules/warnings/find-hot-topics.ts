import { sql } from 'drizzle-orm';
import { rowsOf, type Db } from '../../db/client.js';
import { inList } from '../indicators/measure-filter-sql.js';
import { addDays, dayStart, dayWindows, fmt, type Finding, type RuleOf } from './finding.js';
import { hotTopics } from './hot-topics.js';
import { unitNames, watchedUnits, type OrgDirectory } from './org-directory.js';

/**
 * Hot topics (热点): the words of the complaints' text (the jieba words already stored for search),
 * counted per watched unit as tickets containing them, in the window and in the baseline before
 * it; hot-topics.ts picks the words that stand out. The counting is one grouped query: each
 * ticket's distinct words × the watched units on its path, kept only where the window has
 * minDocs tickets, so little comes back however large the baseline.
 */
export async function findHotTopics(db: Db, dir: OrgDirectory, rule: RuleOf<'hot_topic'>, now: Date): Promise<Finding[]> {
  const p = rule.params;
  const units = watchedUnits(dir, p.orgKinds);
  if (!units.length) return [];
  const w = dayWindows(now, p.windowDays);
  const windowStart = dayStart(w.from);
  const windowEnd = dayStart(addDays(w.to, 1));
  const baselineStart = dayStart(addDays(w.from, -p.baselineDays));
  const ids = sql`ARRAY[${inList(units.map((u) => u.id))}]::uuid[]`;
  const docs = sql`
    SELECT t.id, o.path, t.created_at >= ${windowStart} AS cur, t.search_text
    FROM tickets t JOIN org_units o ON o.id = t.org_unit_id
    WHERE t.created_at >= ${baselineStart} AND t.created_at < ${windowEnd}
      AND t.type IN (${inList(p.types)}) AND t.state <> 'cancelled' AND t.merged_into IS NULL`;
  const totals = rowsOf<{ unit: string; cur: string | number; base: string | number }>(
    await db.execute(sql`
      WITH docs AS (${docs})
      SELECT a.unit, sum(cur::int) AS cur, sum((NOT cur)::int) AS base
      FROM docs CROSS JOIN LATERAL unnest(docs.path) a(unit) WHERE a.unit = ANY(${ids}) GROUP BY a.unit`),
  );
  const words = rowsOf<{ unit: string; term: string; cur: string | number; base: string | number }>(
    await db.execute(sql`
      WITH docs AS (${docs}),
      words AS (SELECT DISTINCT d.id, d.path, d.cur, w AS term FROM docs d CROSS JOIN LATERAL unnest(string_to_array(d.search_text, ' ')) w WHERE char_length(w) >= 2)
      SELECT a.unit, words.term, sum(cur::int) AS cur, sum((NOT cur)::int) AS base
      FROM words CROSS JOIN LATERAL unnest(words.path) a(unit) WHERE a.unit = ANY(${ids})
      GROUP BY a.unit, words.term HAVING sum(cur::int) >= ${p.minDocs}`),
  );
  const out: Finding[] = [];
  for (const u of units) {
    const total = totals.find((t) => t.unit === u.id);
    if (!total) continue;
    const counts = words.filter((x) => x.unit === u.id).map((x) => ({ term: x.term, windowDocs: Number(x.cur), baselineDocs: Number(x.base) }));
    const n = unitNames(u);
    for (const topic of hotTopics(counts, Number(total.cur), Number(total.base), p)) {
      out.push({
        ruleId: rule.id,
        kind: 'hot_topic',
        conditionKey: `hot:${rule.id}:${u.id}:${topic.term}`,
        level: p.level,
        orgUnitId: u.id,
        ownerDepartmentId: rule.ownerDepartmentId,
        title: `${n.zh}投诉热点「${topic.term}」：近 ${p.windowDays} 天 ${topic.windowDocs} 件，占比为基线的 ${fmt(topic.lift)} 倍`,
        titleEn: `Hot topic at ${n.en}: "${topic.term}" in ${topic.windowDocs} complaints over ${p.windowDays} days, ${fmt(topic.lift)}× its baseline share`,
        evidence: { kind: 'hot_topic', term: topic.term, from: w.from, to: w.to, docs: topic.windowDocs, windowDocs: Number(total.cur), baselineDocs: topic.baselineDocs, baselineTotal: Number(total.base), lift: topic.lift },
        ticketIds: null, // listed on demand: the window's complaints containing the word
        ticketCount: topic.windowDocs,
        stamp: w.to,
      });
    }
  }
  return out;
}
