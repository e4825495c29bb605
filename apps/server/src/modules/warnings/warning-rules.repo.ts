import { asc, eq, sql } from 'drizzle-orm';
import type { WarningRule, WarningRuleSave } from '@qloop/contracts';
import type { Db } from '../../db/client.js';
import { departments, warningRules } from '../../db/schema/index.js';

type Row = typeof warningRules.$inferSelect & { ownerDepartmentName: string | null };

const toRule = (r: Row): WarningRule => ({
  id: r.id,
  name: r.name,
  nameEn: r.nameEn,
  params: r.params,
  planDays: r.planDays,
  ownerDepartmentId: r.ownerDepartmentId,
  ownerDepartmentName: r.ownerDepartmentName,
  active: r.active,
  version: r.version,
  updatedAt: r.updatedAt.toISOString(),
});

const select = (db: Db) =>
  db
    .select({ r: warningRules, ownerDepartmentName: departments.name })
    .from(warningRules)
    .leftJoin(departments, eq(departments.id, warningRules.ownerDepartmentId));

export async function listWarningRules(db: Db): Promise<WarningRule[]> {
  const rows = await select(db).orderBy(asc(warningRules.createdAt), asc(warningRules.name));
  return rows.map(({ r, ownerDepartmentName }) => toRule({ ...r, ownerDepartmentName }));
}

export async function findWarningRule(db: Db, id: string, forUpdate = false): Promise<WarningRule | null> {
  const q = select(db).where(eq(warningRules.id, id));
  const [row] = forUpdate ? await q.for('update', { of: warningRules }) : await q;
  return row ? toRule({ ...row.r, ownerDepartmentName: row.ownerDepartmentName }) : null;
}

export async function insertWarningRule(db: Db, v: WarningRuleSave): Promise<string> {
  const [row] = await db.insert(warningRules).values({ ...v, kind: v.params.kind }).returning({ id: warningRules.id });
  return row!.id;
}

export async function updateWarningRule(db: Db, id: string, v: WarningRuleSave): Promise<void> {
  await db
    .update(warningRules)
    .set({ ...v, kind: v.params.kind, version: sql`${warningRules.version} + 1`, updatedAt: new Date() })
    .where(eq(warningRules.id, id));
}
