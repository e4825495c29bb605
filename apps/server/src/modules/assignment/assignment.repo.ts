import { and, asc, eq, inArray, sql } from 'drizzle-orm';
import { OPEN_STATES, type AssignmentRule, type Group } from '@qloop/contracts';
import type { Db } from '../../db/client.js';
import { assignmentRules, groupMembers, groups, users } from '../../db/schema/index.js';
import type { Candidate } from './route-ticket.js';

export type RuleRow = typeof assignmentRules.$inferSelect;

export function toRule(r: RuleRow): AssignmentRule {
  return { id: r.id, position: r.position, name: r.name, active: r.active, conditions: r.conditions, groupId: r.groupId, strategy: r.strategy, skill: r.skill };
}

export async function listGroups(db: Db, ids?: string[]): Promise<Group[]> {
  const rows = await db.select().from(groups).where(ids ? inArray(groups.id, ids) : undefined).orderBy(asc(groups.code));
  if (rows.length === 0) return [];
  const members = await db
    .select({ groupId: groupMembers.groupId, userId: groupMembers.userId, skills: groupMembers.skills, displayName: users.displayName })
    .from(groupMembers)
    .innerJoin(users, eq(users.id, groupMembers.userId))
    .where(inArray(groupMembers.groupId, rows.map((g) => g.id)))
    .orderBy(asc(users.displayName));
  return rows.map((g) => ({
    id: g.id,
    code: g.code,
    name: g.name,
    orgUnitId: g.orgUnitId,
    departmentId: g.departmentId,
    active: g.active,
    leadUserId: g.leadUserId,
    members: members.filter((m) => m.groupId === g.id).map((m) => ({ userId: m.userId, displayName: m.displayName, skills: m.skills })),
  }));
}

export async function listRules(db: Db) {
  return db.select().from(assignmentRules).orderBy(asc(assignmentRules.position), asc(assignmentRules.id));
}

/** Active members of a group with their current number of open tickets. */
export async function candidatesOf(db: Db, groupId: string, opts: { withLoad?: boolean } = {}): Promise<Candidate[]> {
  const open = sql.join(OPEN_STATES.map((s) => sql`${s}`), sql`, `);
  // counting a member's open tickets reads all of them: only when a strategy compares loads
  const load = (opts.withLoad ?? true) ? sql<number>`(SELECT count(*)::int FROM tickets t WHERE t.assignee_id = group_members.user_id AND t.state IN (${open}))` : sql<number>`0`;
  const rows = await db
    .select({
      userId: groupMembers.userId,
      skills: groupMembers.skills,
      openTickets: load,
    })
    .from(groupMembers)
    .innerJoin(users, eq(users.id, groupMembers.userId))
    .where(and(eq(groupMembers.groupId, groupId), eq(users.active, true)));
  return rows.map((r) => ({ ...r, openTickets: Number(r.openTickets) }));
}

