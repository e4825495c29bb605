import { and, eq, inArray } from 'drizzle-orm';
import type { EscalationRecipient, Role } from '@qloop/contracts';
import type { Db } from '../../db/client.js';
import { groupMembers, groups, orgUnits, users } from '../../db/schema/index.js';

/** The ticket facts that decide who hears of its SLA stages. */
export type AlertTicket = {
  id: string;
  orgUnitId: string;
  assigneeId: string | null;
  groupId: string | null;
  firstOwnerId: string;
};

/** Who is who, loaded once per sweep batch. */
export type AlertDirectory = {
  orgPaths: ReadonlyMap<string, readonly string[]>;
  groupLeads: ReadonlyMap<string, string | null>;
  groupMembers: ReadonlyMap<string, readonly string[]>;
  /** active holders of the roles escalations can name, with their org unit */
  roleHolders: readonly { id: string; role: Role; orgUnitId: string }[];
};

const SCOPED_ROLES: readonly Role[] = ['branch_manager', 'dept_manager'];
const PROVINCE_ROLES: readonly Role[] = ['quality_manager', 'executive'];

/**
 * The people a stage notifies. Pure.
 * - assignee: the assignee; while unassigned, the members of the ticket's queue; with neither, the
 *   first-contact owner (首问负责人), who answers for the ticket until it is closed;
 * - group_lead: the lead of the ticket's group; without one, the branch managers over the ticket;
 * - branch_manager / dept_manager: holders of that role whose org unit is on the ticket's org path
 *   (its own unit or one above) — never another branch's managers;
 * - quality_manager / executive: province-wide.
 */
export function recipientsOf(recipients: readonly EscalationRecipient[], t: AlertTicket, dir: AlertDirectory): string[] {
  const path = dir.orgPaths.get(t.orgUnitId) ?? [t.orgUnitId];
  const members = t.groupId ? (dir.groupMembers.get(t.groupId) ?? []) : [];
  const holders = (role: Role) =>
    dir.roleHolders.filter((u) => u.role === role && (PROVINCE_ROLES.includes(role) || path.includes(u.orgUnitId))).map((u) => u.id);
  const out = new Set<string>();
  for (const r of recipients) {
    switch (r) {
      case 'assignee':
        (t.assigneeId ? [t.assigneeId] : members.length ? members : [t.firstOwnerId]).forEach((id) => out.add(id));
        break;
      case 'group_lead': {
        const lead = t.groupId ? dir.groupLeads.get(t.groupId) : null;
        (lead ? [lead] : holders('branch_manager')).forEach((id) => out.add(id));
        break;
      }
      case 'group_members':
        members.forEach((id) => out.add(id));
        break;
      default:
        holders(r).forEach((id) => out.add(id));
    }
  }
  return [...out];
}

/** Loads what recipientsOf needs for a batch of tickets (four small queries). */
export async function loadAlertDirectory(db: Db, ts: readonly AlertTicket[]): Promise<AlertDirectory> {
  const orgIds = [...new Set(ts.map((t) => t.orgUnitId))];
  const groupIds = [...new Set(ts.map((t) => t.groupId).filter((g): g is string => g !== null))];
  const [paths, leads, members, holders] = await Promise.all([
    orgIds.length ? db.select({ id: orgUnits.id, path: orgUnits.path }).from(orgUnits).where(inArray(orgUnits.id, orgIds)) : [],
    groupIds.length ? db.select({ id: groups.id, lead: groups.leadUserId }).from(groups).where(inArray(groups.id, groupIds)) : [],
    groupIds.length
      ? db
          .select({ groupId: groupMembers.groupId, userId: groupMembers.userId })
          .from(groupMembers)
          .innerJoin(users, eq(users.id, groupMembers.userId))
          .where(and(inArray(groupMembers.groupId, groupIds), eq(users.active, true)))
      : [],
    db
      .select({ id: users.id, role: users.role, orgUnitId: users.orgUnitId })
      .from(users)
      .where(and(eq(users.active, true), inArray(users.role, [...SCOPED_ROLES, ...PROVINCE_ROLES]))),
  ]);
  const byGroup = new Map<string, string[]>();
  for (const m of members) byGroup.set(m.groupId, [...(byGroup.get(m.groupId) ?? []), m.userId]);
  return {
    orgPaths: new Map(paths.map((p) => [p.id, p.path])),
    groupLeads: new Map(leads.map((g) => [g.id, g.lead])),
    groupMembers: byGroup,
    roleHolders: holders,
  };
}
