import { randomUUID } from 'node:crypto';
import { sql } from 'drizzle-orm';
import type { Db } from '../db/client.js';
import { appSettings, categories, customerBase, departments, orgUnits, userDepartments, users } from '../db/schema/index.js';
import { CATEGORY_TREE, type CategorySeed } from './category-tree.js';
import { appendAudit, SYSTEM_CONTEXT, type AuditEvent } from '../modules/audit/append-audit.js';
import { hashPassword } from '../modules/auth/passwords.js';
import { DEMO_DEPARTMENTS, DEMO_PASSWORD, DEMO_UNITS, DEMO_USERS } from './demo-data.js';

export async function hasUsers(db: Db): Promise<boolean> {
  const [row] = await db.select({ n: sql<number>`count(*)::int` }).from(users);
  return Number(row?.n ?? 0) > 0;
}

/** Months ending with `last` (YYYY-MM), oldest first. */
export function monthsBack(last: Date, count: number): string[] {
  const out: string[] = [];
  for (let i = count - 1; i >= 0; i--) {
    const d = new Date(Date.UTC(last.getUTCFullYear(), last.getUTCMonth() - i, 1));
    out.push(`${d.getUTCFullYear()}-${String(d.getUTCMonth() + 1).padStart(2, '0')}`);
  }
  return out;
}

/** Seeds the demo organisation, departments, users and twelve months of customer base. */
export async function seedDemo(db: Db, now = new Date()): Promise<void> {
  const passwordHash = await hashPassword(DEMO_PASSWORD);
  await db.transaction(async (tx) => {
    const events: AuditEvent[] = [];
    const ids = new Map<string, { id: string; path: string[] }>();
    for (const u of DEMO_UNITS) {
      const id = randomUUID();
      const parent = u.parent ? ids.get(u.parent)! : null;
      const path = [...(parent?.path ?? []), id];
      ids.set(u.code, { id, path });
      const row = { id, parentId: parent?.id ?? null, kind: u.kind, code: u.code, name: u.name, nameEn: u.nameEn, path };
      await tx.insert(orgUnits).values(row);
      events.push({ action: 'create', entityType: 'org_unit', entityId: id, orgUnitId: id, after: row });
    }
    const root = ids.get('JN')!.id;
    const deptIds = new Map<string, string>();
    for (const d of DEMO_DEPARTMENTS) {
      const id = randomUUID();
      deptIds.set(d.code, id);
      await tx.insert(departments).values({ id, orgUnitId: root, ...d });
      events.push({ action: 'create', entityType: 'department', entityId: id, orgUnitId: root, after: d });
    }
    for (const u of DEMO_USERS) {
      const id = randomUUID();
      const orgUnitId = ids.get(u.unit)!.id;
      await tx.insert(users).values({
        id,
        username: u.username,
        displayName: u.displayName,
        role: u.role,
        orgUnitId,
        phone: u.phone ?? null,
        email: `${u.username}@demo.qloop.cn`,
        passwordHash,
      });
      for (const code of u.departments ?? []) {
        await tx.insert(userDepartments).values({ userId: id, departmentId: deptIds.get(code)! });
      }
      events.push({ action: 'create', entityType: 'user', entityId: id, orgUnitId, after: { username: u.username, role: u.role } });
    }
    // Customer base grows slowly month by month, so trends look like a real operator's.
    const months = monthsBack(now, 12);
    for (const u of DEMO_UNITS) {
      if (!u.customers) continue;
      const unit = ids.get(u.code)!;
      const rows = months.map((month, i) => ({
        orgUnitId: unit.id,
        month,
        customers: Math.round(u.customers! * (0.94 + 0.005 * i)),
      }));
      await tx.insert(customerBase).values(rows);
    }
    events.push({ action: 'import', entityType: 'customer_base', orgUnitId: root, after: { source: 'demo seed', months } });
    await tx.insert(appSettings).values({ key: 'demo_seeded_at', value: now.toISOString() });
    await appendAudit(tx, SYSTEM_CONTEXT, events);
  });
}

/** Without demo data: one root org unit and the administrator, with the password given at setup. */
export async function seedFirstAdmin(db: Db, password: string): Promise<void> {
  const passwordHash = await hashPassword(password);
  await db.transaction(async (tx) => {
    const id = randomUUID();
    await tx.insert(orgUnits).values({ id, kind: 'province', code: 'HQ', name: '省公司', nameEn: 'Head office', path: [id] });
    const adminId = randomUUID();
    await tx.insert(users).values({ id: adminId, username: 'admin', displayName: '系统管理员', role: 'admin', orgUnitId: id, passwordHash });
    await appendAudit(tx, SYSTEM_CONTEXT, [
      { action: 'create', entityType: 'org_unit', entityId: id, orgUnitId: id, after: { code: 'HQ' } },
      { action: 'create', entityType: 'user', entityId: adminId, orgUnitId: id, after: { username: 'admin', role: 'admin' } },
    ]);
  });
}

/** Seeds the category tree (3 categories, 19 perception elements, common topics) when empty. */
export async function seedCategories(db: Db): Promise<void> {
  const [row] = await db.select({ n: sql<number>`count(*)::int` }).from(categories);
  if (Number(row?.n ?? 0) > 0) return;
  await db.transaction(async (tx) => {
    let count = 0;
    const insert = async (nodes: CategorySeed[], parent: { id: string; path: string[] } | null, level: number) => {
      for (const [i, n] of nodes.entries()) {
        const id = randomUUID();
        const path = [...(parent?.path ?? []), id];
        await tx.insert(categories).values({ id, parentId: parent?.id ?? null, level, code: n.code, name: n.name, nameEn: n.nameEn, sort: i, path });
        count++;
        if (n.children) await insert(n.children, { id, path }, level + 1);
      }
    };
    await insert(CATEGORY_TREE, null, 1);
    await appendAudit(tx, SYSTEM_CONTEXT, [{ action: 'import', entityType: 'category', after: { source: 'seed', categories: count } }]);
  });
}

export const PORTAL_USERNAME = 'portal';

/**
 * The system account that owns self-service submissions until a person takes them: it cannot sign
 * in (inactive, random password) and is not listed among users. Created once, at the root unit.
 */
export async function ensurePortalUser(db: Db): Promise<void> {
  const [root] = await db.select({ id: orgUnits.id }).from(orgUnits).where(sql`${orgUnits.parentId} IS NULL`).limit(1);
  if (!root) return;
  const [existing] = await db.select({ id: users.id }).from(users).where(sql`${users.username} = ${PORTAL_USERNAME}`);
  if (existing) return;
  await db.insert(users).values({
    username: PORTAL_USERNAME,
    displayName: '客户自助门户',
    role: 'agent',
    orgUnitId: root.id,
    active: false,
    system: true,
    passwordHash: await hashPassword(randomUUID() + randomUUID()),
  });
}
