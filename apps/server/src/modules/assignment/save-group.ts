import { randomUUID } from 'node:crypto';
import { eq, inArray } from 'drizzle-orm';
import { ROLE_PERMISSIONS } from '@qloop/contracts';
import type { Db } from '../../db/client.js';
import { groupMembers, groups, users } from '../../db/schema/index.js';
import { badRequest, conflict, isUniqueViolation, notFound } from '../../lib/errors.js';
import { appendAudit, diffFields, type AuditContext } from '../audit/append-audit.js';
import type { Principal } from '../auth/principal.js';
import { loadOrgUnitInScope } from '../org/org-scope.js';
import { listGroups } from './assignment.repo.js';

type MemberInput = { userId: string; skills: string[] };
type GroupInput = {
  code?: string | undefined;
  name?: string | undefined;
  orgUnitId?: string | undefined;
  departmentId?: string | null | undefined;
  active?: boolean | undefined;
  leadUserId?: string | null | undefined;
  members?: MemberInput[] | undefined;
};

/** Members must be active users whose role handles tickets; each listed once. */
async function checkMembers(tx: Db, members: MemberInput[]) {
  const ids = [...new Set(members.map((m) => m.userId))];
  if (ids.length !== members.length) throw badRequest('a member is listed twice');
  if (!ids.length) return;
  const rows = await tx.select({ id: users.id, role: users.role, active: users.active }).from(users).where(inArray(users.id, ids));
  const ok = new Set(rows.filter((u) => u.active && ROLE_PERMISSIONS[u.role].includes('tickets:handle')).map((u) => u.id));
  const bad = ids.filter((id) => !ok.has(id));
  if (bad.length) throw badRequest('members must be active users who handle tickets', { userIds: bad });
}

/** Creates a group (no `id`) or updates one; members are replaced as a whole when given. */
export async function saveGroup(db: Db, opts: { principal: Principal; audit: AuditContext; id?: string; input: GroupInput }) {
  const { input } = opts;
  try {
    return await db.transaction(async (tx) => {
      if (input.members) await checkMembers(tx, input.members);
      let id = opts.id;
      if (!id) {
        const org = await loadOrgUnitInScope(tx, opts.principal, input.orgUnitId!);
        id = randomUUID();
        await tx.insert(groups).values({ id, orgUnitId: org.id, departmentId: input.departmentId ?? null, code: input.code!, name: input.name!, leadUserId: input.leadUserId ?? null });
        await appendAudit(tx, opts.audit, [{ action: 'create', entityType: 'group', entityId: id, orgUnitId: org.id, after: input }]);
      } else {
        const [current] = await tx.select().from(groups).where(eq(groups.id, id)).for('update');
        if (!current) throw notFound('group');
        const before = (await listGroups(tx, [id]))[0]!;
        const changes = diffFields(
          { name: current.name, active: current.active, leadUserId: current.leadUserId, members: before.members.map(({ userId, skills }) => ({ userId, skills })) },
          input,
        );
        if (changes) {
          await tx
            .update(groups)
            .set({
              ...(input.name ? { name: input.name } : {}),
              ...(input.active !== undefined ? { active: input.active } : {}),
              ...(input.leadUserId !== undefined ? { leadUserId: input.leadUserId } : {}),
              updatedAt: new Date(),
            })
            .where(eq(groups.id, id));
          await appendAudit(tx, opts.audit, [{ action: 'update', entityType: 'group', entityId: id, orgUnitId: current.orgUnitId, ...changes }]);
        }
      }
      if (input.members) {
        await tx.delete(groupMembers).where(eq(groupMembers.groupId, id));
        if (input.members.length) await tx.insert(groupMembers).values(input.members.map((m) => ({ groupId: id!, userId: m.userId, skills: m.skills })));
      }
      const saved = (await listGroups(tx, [id]))[0]!;
      // the lead is whom SLA escalations reach first: someone of the group, never a stranger to its queue
      if (saved.leadUserId && !saved.members.some((m) => m.userId === saved.leadUserId)) {
        throw badRequest('the group lead must be a member of the group', [{ path: 'body.leadUserId', message: 'not a member of this group' }]);
      }
      return saved;
    });
  } catch (err) {
    if (isUniqueViolation(err)) throw conflict(`group code "${input.code}" is already used`);
    throw err;
  }
}
