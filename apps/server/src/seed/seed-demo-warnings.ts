import { eq, inArray } from 'drizzle-orm';
import type { Db } from '../db/client.js';
import { categories, orgUnits, users } from '../db/schema/index.js';
import { auditContextOf, principalFor } from '../modules/auth/principal.js';
import { findPrincipalUser } from '../modules/auth/sessions.repo.js';
import { refreshTicketRollups } from '../modules/indicators/refresh-ticket-rollups.js';
import { acceptTickets, type IntakeRequest } from '../modules/tickets/accept-tickets.js';
import { evaluateWarnings } from '../modules/warnings/evaluate-warnings.js';

/**
 * Demo warnings: the random demo tickets show trends but no incident, so a fresh demo would open
 * an empty 预警中心. This plants two incidents through the real intake — 22 customers of 东州人民路
 * reporting broadband outages within 90 minutes (a batch complaint) and a group complaint at 西州 —
 * brings the rollups up to date and runs one evaluation, which also raises whatever the rules find
 * in the random history (rises, thresholds, hot topics).
 */
export async function seedDemoWarnings(db: Db, now: Date): Promise<{ raised: number }> {
  const [bm] = await db.select({ id: users.id }).from(users).where(eq(users.username, 'bm.dz'));
  const [bmXz] = await db.select({ id: users.id }).from(users).where(eq(users.username, 'bm.xz'));
  const units = new Map((await db.select({ id: orgUnits.id, code: orgUnits.code }).from(orgUnits).where(inArray(orgUnits.code, ['JN-DZ-S02', 'JN-XZ-S01']))).map((u) => [u.code, u.id]));
  const cats = new Map((await db.select({ id: categories.id, code: categories.code }).from(categories).where(inArray(categories.code, ['N03-03', 'B06-02']))).map((c) => [c.code, c.id]));
  if (!bm || !bmXz || units.size < 2 || !cats.get('N03-03')) return { raised: 0 };
  const as = async (userId: string) => {
    const principal = principalFor((await findPrincipalUser(db, userId))!, { sessionHash: 'demo-seed' });
    return { principal, audit: auditContextOf(principal, { id: 'demo-seed', ip: '127.0.0.1' }) };
  };
  const dz = await as(bm.id);
  const xz = await as(bmXz.id);
  const base = { channel: 'hotline' as const, priority: 'normal' as const, escalated: false, regulatorAppeal: false, changesService: false };
  const outage: IntakeRequest[] = Array.from({ length: 22 }, (_, i) => ({
    ...dz,
    imported: true,
    createdAt: new Date(now.getTime() - (95 - i * 4) * 60_000),
    input: {
      ...base, type: 'fault', title: i % 2 ? '家里宽带断网' : '宽带突然断网，光猫红灯', description: '人民路片区宽带中断，光猫LOS灯红色闪烁', categoryId: cats.get('N03-03')!,
      orgUnitId: units.get('JN-DZ-S02')!, customer: { phone: `1870000${String(1000 + i)}`, name: `${'王李张刘陈杨'[i % 6]}先生` }, groupComplaint: false,
    },
  }));
  const group: IntakeRequest = {
    ...xz,
    imported: true,
    createdAt: new Date(now.getTime() - 50 * 60_000),
    input: {
      ...base, type: 'complaint', title: '三十余名客户到营业厅集体投诉合约机补贴未到账', description: '客户称办理合约机时承诺的话费补贴连续两个月未到账，要求营业厅给出说法',
      categoryId: cats.get('B06-02') ?? cats.get('N03-03')!, orgUnitId: units.get('JN-XZ-S01')!, customer: { phone: '18700002000', name: '赵女士' }, groupComplaint: true,
    },
  };
  await db.transaction((tx) => acceptTickets(tx, [...outage, group], { now, notifications: 'summary' }));
  while ((await refreshTicketRollups(db)).batches > 0);
  const r = await evaluateWarnings(db, now);
  return { raised: r?.raised ?? 0 };
}
