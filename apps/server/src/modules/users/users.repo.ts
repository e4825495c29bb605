import { and, asc, eq, sql, type SQL } from 'drizzle-orm';
import { USER_SORT_FIELDS, maskPhone, maskEmail, type User } from '@qloop/contracts';
import type { Db } from '../../db/client.js';
import { orgUnits, userDepartments, users } from '../../db/schema/index.js';
import { orgScopeCondition, orgSubtreeCondition } from '../../lib/scope.js';
import { parseSort } from '../../lib/sort.js';
import type { Principal } from '../auth/principal.js';

const departmentIds = sql<string[]>`coalesce((SELECT array_agg(department_id::text ORDER BY department_id) FROM user_departments ud WHERE ud.user_id = users.id), '{}')`;

const columns = {
  id: users.id,
  username: users.username,
  displayName: users.displayName,
  email: users.email,
  phone: users.phone,
  role: users.role,
  orgUnitId: users.orgUnitId,
  orgUnitName: orgUnits.name,
  orgPath: orgUnits.path,
  active: users.active,
  lockedUntil: users.lockedUntil,
  lastLoginAt: users.lastLoginAt,
  createdAt: users.createdAt,
  updatedAt: users.updatedAt,
  version: users.version,
  system: users.system,
  departmentIds,
};

export type UserRow = NonNullable<Awaited<ReturnType<typeof findUser>>>;

/** Staff contact details are shown in full only to those who manage users. */
export function toUser(r: UserRow, reveal: boolean): User {
  return {
    id: r.id,
    username: r.username,
    displayName: r.displayName,
    email: reveal ? r.email : maskEmail(r.email),
    phone: reveal ? r.phone : maskPhone(r.phone),
    role: r.role,
    orgUnitId: r.orgUnitId,
    orgUnitName: r.orgUnitName,
    departmentIds: Array.isArray(r.departmentIds) ? r.departmentIds : [],
    active: r.active,
    locked: r.lockedUntil !== null && r.lockedUntil > new Date(),
    lastLoginAt: r.lastLoginAt?.toISOString() ?? null,
    createdAt: r.createdAt.toISOString(),
    updatedAt: r.updatedAt.toISOString(),
    version: r.version,
  };
}

export type UserFilter = {
  q?: string | undefined;
  role?: string | undefined;
  orgUnitId?: string | undefined;
  departmentId?: string | undefined;
  active?: boolean | undefined;
};

const sortColumns = {
  username: users.username,
  displayName: users.displayName,
  role: users.role,
  createdAt: users.createdAt,
  lastLoginAt: users.lastLoginAt,
} as const;

export async function listUsers(
  db: Db,
  p: Principal,
  f: UserFilter & { page: number; pageSize: number; sort?: string | undefined },
) {
  const conds: (SQL | undefined)[] = [orgScopeCondition(p, users.orgUnitId), eq(users.system, false)];
  if (f.q) {
    const like = `%${f.q.replace(/[\\%_]/g, (c) => '\\' + c)}%`;
    conds.push(sql`(${users.username} ILIKE ${like} OR ${users.displayName} ILIKE ${like})`);
  }
  if (f.role) conds.push(eq(users.role, f.role as User['role']));
  if (f.orgUnitId) conds.push(orgSubtreeCondition(f.orgUnitId, users.orgUnitId));
  if (f.departmentId) {
    conds.push(sql`EXISTS (SELECT 1 FROM user_departments ud WHERE ud.user_id = users.id AND ud.department_id = ${f.departmentId})`);
  }
  if (f.active !== undefined) conds.push(eq(users.active, f.active));
  const where = and(...conds);
  const { field, desc: isDesc } = parseSort(f.sort, USER_SORT_FIELDS, 'username');
  const col = sortColumns[field];
  const [items, [count]] = await Promise.all([
    db
      .select(columns)
      .from(users)
      .innerJoin(orgUnits, eq(orgUnits.id, users.orgUnitId))
      .where(where)
      .orderBy(isDesc ? sql`${col} DESC NULLS LAST` : asc(col), asc(users.id))
      .limit(f.pageSize)
      .offset((f.page - 1) * f.pageSize),
    db.select({ n: sql<number>`count(*)::int` }).from(users).where(where),
  ]);
  return { items, total: Number(count?.n ?? 0) };
}

export async function findUser(db: Db, id: string, forUpdate = false) {
  const q = db.select(columns).from(users).innerJoin(orgUnits, eq(orgUnits.id, users.orgUnitId)).where(eq(users.id, id));
  const [row] = forUpdate ? await q.for('update', { of: users }) : await q;
  return row ?? null;
}

export async function setUserDepartments(db: Db, userId: string, ids: string[]) {
  await db.delete(userDepartments).where(eq(userDepartments.userId, userId));
  if (ids.length) await db.insert(userDepartments).values(ids.map((departmentId) => ({ userId, departmentId })));
}

