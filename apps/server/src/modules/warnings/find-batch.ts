import { sql } from 'drizzle-orm';
import { rowsOf, type Db } from '../../db/client.js';
import { inList } from '../indicators/measure-filter-sql.js';
import { busiestWindow, type BatchTicket } from './batch-window.js';
import { fmt, type Finding, type RuleOf } from './finding.js';
import { areaOf, unitNames, type OrgDirectory } from './org-directory.js';

/**
 * Batch complaints (批量投诉): tickets of the rule's types taken in the lookback, grouped by area
 * and category. The area is where the customers are — the store (营业区域) over the customer's org
 * unit — not where the ticket was filed: a district's broadband outage reaches the hotline team. A group whose busiest window of windowMinutes holds minCustomers distinct customers
 * is a batch. Cancelled and merged tickets do not count.
 */
export async function findBatches(db: Db, dir: OrgDirectory, rule: RuleOf<'batch'>, now: Date): Promise<Finding[]> {
  const p = rule.params;
  const since = new Date(now.getTime() - p.lookbackHours * 3_600_000);
  const rows = rowsOf<{ id: string; customer_id: string; area_unit_id: string; category_id: string; category_name: string; category_name_en: string | null; at: string | Date }>(
    await db.execute(sql`
      SELECT t.id, t.customer_id, cu.org_unit_id AS area_unit_id, t.category_id, c.name AS category_name, c.name_en AS category_name_en, t.created_at AS at
      FROM tickets t JOIN categories c ON c.id = t.category_id JOIN customers cu ON cu.id = t.customer_id
      WHERE t.created_at >= ${since.toISOString()}::timestamptz AND t.created_at <= ${now.toISOString()}::timestamptz
        AND t.type IN (${inList(p.types)}) AND t.state <> 'cancelled' AND t.merged_into IS NULL`),
  );
  const groups = new Map<string, { areaId: string; categoryId: string; name: string; nameEn: string; tickets: BatchTicket[] }>();
  for (const r of rows) {
    const area = areaOf(dir, r.area_unit_id);
    if (!area) continue;
    const key = `${area.id}:${r.category_id}`;
    if (!groups.has(key)) groups.set(key, { areaId: area.id, categoryId: r.category_id, name: r.category_name, nameEn: r.category_name_en ?? r.category_name, tickets: [] });
    groups.get(key)!.tickets.push({ ticketId: r.id, customerId: r.customer_id, at: new Date(r.at).getTime() });
  }
  const out: Finding[] = [];
  for (const g of groups.values()) {
    const w = busiestWindow(g.tickets, p.windowMinutes * 60_000, p.minCustomers);
    if (!w) continue;
    const n = unitNames(dir.units.get(g.areaId)!);
    const minutes = fmt((w.end - w.start) / 60_000);
    out.push({
      ruleId: rule.id,
      kind: 'batch',
      conditionKey: `batch:${rule.id}:${g.areaId}:${g.categoryId}`,
      level: p.level,
      orgUnitId: g.areaId,
      ownerDepartmentId: rule.ownerDepartmentId,
      title: `${n.zh}批量投诉：${w.customers} 位客户在 ${minutes} 分钟内反映「${g.name}」`,
      titleEn: `Batch complaint at ${n.en}: ${w.customers} customers on "${g.nameEn}" within ${minutes} min`,
      evidence: { kind: 'batch', categoryId: g.categoryId, categoryName: g.name, customers: w.customers, windowStart: new Date(w.start).toISOString(), windowEnd: new Date(w.end).toISOString(), windowMinutes: p.windowMinutes },
      ticketIds: w.ticketIds,
      ticketCount: w.ticketIds.length,
      stamp: [...w.ticketIds].sort().join(','),
    });
  }
  return out;
}
