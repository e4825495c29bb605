import { and, asc, desc, eq, inArray, sql, type SQL } from 'drizzle-orm';
import type { Warning, WarningDetail, WarningEvent, WarningListQuery } from '@qloop/contracts';
import type { Db } from '../../db/client.js';
import { departments, orgUnits, users, warningEvents, warningRules, warnings } from '../../db/schema/index.js';
import { orgScopeCondition, orgSubtreeCondition } from '../../lib/scope.js';
import type { Principal } from '../auth/principal.js';
import { addDays, dayStart } from './finding.js';
import { PLAN_OWED } from './warning-lifecycle.js';

const iso = (d: Date | null) => d?.toISOString() ?? null;
const many = <T>(v: T | T[] | undefined): T[] | undefined => (v === undefined ? undefined : Array.isArray(v) ? v : [v]);

const select = (db: Db) =>
  db
    .select({ w: warnings, ruleName: warningRules.name, orgUnitName: orgUnits.name, orgUnitNameEn: orgUnits.nameEn, ownerDepartmentName: departments.name })
    .from(warnings)
    .innerJoin(warningRules, eq(warningRules.id, warnings.ruleId))
    .innerJoin(orgUnits, eq(orgUnits.id, warnings.orgUnitId))
    .leftJoin(departments, eq(departments.id, warnings.ownerDepartmentId));
type Row = Awaited<ReturnType<ReturnType<typeof select>['execute']>>[number];

export function toWarning({ w, ruleName, orgUnitName, orgUnitNameEn, ownerDepartmentName }: Row, now = new Date()): Warning {
  return {
    id: w.id, warningNo: w.warningNo, ruleId: w.ruleId, ruleName, kind: w.kind, level: w.level, state: w.state, title: w.title, titleEn: w.titleEn,
    orgUnitId: w.orgUnitId, orgUnitName, orgUnitNameEn, ownerDepartmentId: w.ownerDepartmentId, ownerDepartmentName,
    evidence: w.evidence, ticketCount: w.ticketCount, raisedAt: w.raisedAt.toISOString(), lastSeenAt: w.lastSeenAt.toISOString(), occurrences: w.occurrences,
    planDueAt: w.planDueAt.toISOString(), escalationLevel: w.escalationLevel,
    planOverdue: PLAN_OWED.includes(w.state) && w.planDueAt < now,
    plan: w.plan, acknowledgedAt: iso(w.acknowledgedAt), planSubmittedAt: iso(w.planSubmittedAt), verifiedAt: iso(w.verifiedAt), closedAt: iso(w.closedAt),
    closeReason: w.closeReason, version: w.version,
  };
}

const owedLate = (now: Date) => sql`(${warnings.state} IN ('raised', 'acknowledged') AND ${warnings.planDueAt} < ${now.toISOString()}::timestamptz)`;

function listConditions(p: Principal, q: Omit<WarningListQuery, 'page' | 'pageSize' | 'sort'>, now: Date): SQL | undefined {
  const states = many(q.state);
  const levels = many(q.level);
  const kinds = many(q.kind);
  return and(
    orgScopeCondition(p, warnings.orgUnitId),
    q.orgUnit ? orgSubtreeCondition(q.orgUnit, warnings.orgUnitId) : undefined,
    states ? inArray(warnings.state, states) : undefined,
    q.open ? sql`${warnings.state} <> 'closed'` : q.open === false ? eq(warnings.state, 'closed') : undefined,
    levels ? inArray(warnings.level, levels) : undefined,
    kinds ? inArray(warnings.kind, kinds) : undefined,
    q.planOverdue ? owedLate(now) : q.planOverdue === false ? sql`NOT ${owedLate(now)}` : undefined,
    q.raisedFrom ? sql`${warnings.raisedAt} >= ${dayStart(q.raisedFrom)}` : undefined,
    q.raisedTo ? sql`${warnings.raisedAt} < ${dayStart(addDays(q.raisedTo, 1))}` : undefined,
  );
}

const SORT_COLUMNS = { raisedAt: warnings.raisedAt, planDueAt: warnings.planDueAt, lastSeenAt: warnings.lastSeenAt, level: sql`array_position(ARRAY['yellow','orange','red'], ${warnings.level})` };

export async function listWarnings(db: Db, p: Principal, q: WarningListQuery, now = new Date()) {
  const where = listConditions(p, q, now);
  const field = q.sort.replace(/^-/, '') as keyof typeof SORT_COLUMNS;
  const dir = q.sort.startsWith('-') ? desc : asc;
  const [rows, [count]] = await Promise.all([
    select(db).where(where).orderBy(dir(SORT_COLUMNS[field]), desc(warnings.raisedAt), desc(warnings.id)).limit(q.pageSize).offset((q.page - 1) * q.pageSize),
    db.select({ n: sql<number>`count(*)::int` }).from(warnings).where(where),
  ]);
  return { items: rows.map((r) => toWarning(r, now)), total: Number(count?.n ?? 0), page: q.page, pageSize: q.pageSize };
}

/** Open warnings by level and those whose plan is late, in the caller's scope (and an org subtree). */
export async function countOpenWarnings(db: Db, p: Principal, orgUnit: string | undefined, now = new Date()) {
  const [row] = await db
    .select({
      yellow: sql<number>`count(*) FILTER (WHERE ${warnings.level} = 'yellow')::int`,
      orange: sql<number>`count(*) FILTER (WHERE ${warnings.level} = 'orange')::int`,
      red: sql<number>`count(*) FILTER (WHERE ${warnings.level} = 'red')::int`,
      planOverdue: sql<number>`count(*) FILTER (WHERE ${owedLate(now)})::int`,
    })
    .from(warnings)
    .where(listConditions(p, { open: true, ...(orgUnit ? { orgUnit } : {}) }, now));
  return { yellow: Number(row?.yellow ?? 0), orange: Number(row?.orange ?? 0), red: Number(row?.red ?? 0), planOverdue: Number(row?.planOverdue ?? 0) };
}

/** One warning in the caller's scope (outside it: not found, like an id that does not exist). */
export async function findWarning(db: Db, p: Principal, id: string): Promise<Row | null> {
  const [row] = await select(db).where(and(eq(warnings.id, id), orgScopeCondition(p, warnings.orgUnitId)));
  return row ?? null;
}

export async function warningEventsOf(db: Db, id: string): Promise<WarningEvent[]> {
  const rows = await db
    .select({ e: warningEvents, actorName: users.displayName })
    .from(warningEvents)
    .leftJoin(users, eq(users.id, warningEvents.actorId))
    .where(eq(warningEvents.warningId, id))
    .orderBy(asc(warningEvents.id));
  return rows.map(({ e, actorName }) => ({ id: String(e.id), kind: e.kind as WarningEvent['kind'], actorId: e.actorId, actorName, at: e.at.toISOString(), note: e.note, data: e.data ?? null }));
}

export async function warningDetail(db: Db, p: Principal, id: string): Promise<WarningDetail | null> {
  const row = await findWarning(db, p, id);
  return row ? { ...toWarning(row), events: await warningEventsOf(db, id) } : null;
}
