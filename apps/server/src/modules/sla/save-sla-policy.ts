import { randomUUID } from 'node:crypto';
import { eq, sql } from 'drizzle-orm';
import type { CreateSlaPolicyBody, SlaImpact, SlaPolicy, UpdateSlaPolicyBody } from '@qloop/contracts';
import type { Db } from '../../db/client.js';
import { calendars, slaPolicies } from '../../db/schema/index.js';
import { badRequest, conflict, notFound } from '../../lib/errors.js';
import { appendAudit, diffFields, type AuditContext } from '../audit/append-audit.js';
import { rematchOpenTickets } from './rematch-open-tickets.js';
import { reschedulePolicyAlerts } from './reschedule-policy-alerts.js';
import { forMatching, listPolicies, loadPolicy, targetColumns, targetsOf, toSlaPolicy, type PolicyRow } from './sla.repo.js';

// Policy changes are rare and their order matters: serialise them so positions never collide.
const lockPolicies = (tx: Db) => tx.execute(sql`SELECT pg_advisory_xact_lock(7461014)`);

async function assertCalendar(tx: Db, key: string | undefined, path = 'body.calendarKey') {
  if (!key) return;
  const [c] = await tx.select({ key: calendars.key }).from(calendars).where(eq(calendars.key, key));
  if (!c) throw badRequest(`unknown calendar “${key}”`, [{ path, message: 'unknown calendar' }]);
}

/** What a save did to the clocks of open tickets (the same answer the preview gave). */
export type SavedPolicy = { policy: SlaPolicy; impact: SlaImpact };

/**
 * Re-matches open tickets against the policies as they now are, in the caller's transaction:
 * clocks that change policy, target or calendar are recomputed keeping their elapsed minutes.
 */
const applyToOpenTickets = async (tx: Db, at: Date) =>
  rematchOpenTickets(tx, { policies: (await listPolicies(tx)).map(forMatching), at, mode: 'apply' });

/** Creates a policy at the end of the order (audited); open tickets it now catches are re-matched. */
export async function createSlaPolicy(db: Db, opts: { audit: AuditContext; input: CreateSlaPolicyBody; now?: Date }): Promise<SavedPolicy> {
  const now = opts.now ?? new Date();
  return db.transaction(async (tx) => {
    await lockPolicies(tx);
    await assertCalendar(tx, opts.input.calendarKey);
    await assertCalendar(tx, opts.input.alerts.holdToCalendarKey ?? undefined, 'body.alerts.holdToCalendarKey');
    const [{ next }] = (await tx.select({ next: sql<number>`coalesce(max(${slaPolicies.position}), 0) + 1` }).from(slaPolicies)) as [{ next: number }];
    const { targets, ...rest } = opts.input;
    const [row] = await tx
      .insert(slaPolicies)
      .values({ id: randomUUID(), position: Number(next), ...rest, ...targetColumns(targets) })
      .returning();
    const policy = toSlaPolicy(row!);
    await appendAudit(tx, opts.audit, [{ action: 'create', entityType: 'sla_policy', entityId: row!.id, after: policy }]);
    return { policy, impact: await applyToOpenTickets(tx, now) };
  });
}

/** Merges changes into a stored policy (targets field by field). */
export function mergePolicy(current: PolicyRow, changes: Omit<UpdateSlaPolicyBody, 'version'>): PolicyRow {
  const { targets, ...rest } = changes;
  const defined = Object.fromEntries(Object.entries(rest).filter(([, v]) => v !== undefined));
  const t = { ...targetsOf(current), ...Object.fromEntries(Object.entries(targets ?? {}).filter(([, v]) => v !== undefined)) } as ReturnType<typeof targetsOf>;
  return { ...current, ...defined, ...targetColumns(t) } as PolicyRow;
}

/**
 * Changes a policy. The editor sends the version it loaded; a policy changed meanwhile answers 409.
 * Audited with before/after. When conditions, activity, targets or the calendar change, the clocks
 * of open tickets are recomputed in the same transaction, elapsed time kept (GLPI #6902, #15605).
 */
export async function updateSlaPolicy(
  db: Db,
  opts: { audit: AuditContext; id: string; input: UpdateSlaPolicyBody; now?: Date },
): Promise<SavedPolicy> {
  const now = opts.now ?? new Date();
  return db.transaction(async (tx) => {
    await lockPolicies(tx);
    const current = await loadPolicy(tx, opts.id, true);
    const { version, ...changes } = opts.input;
    if (current.version !== version) {
      throw conflict('this SLA policy was changed by someone else; reload it and try again', { currentVersion: current.version });
    }
    await assertCalendar(tx, changes.calendarKey);
    await assertCalendar(tx, changes.alerts?.holdToCalendarKey ?? undefined, 'body.alerts.holdToCalendarKey');
    const before = toSlaPolicy(current);
    const merged = mergePolicy(current, changes);
    const diff = diffFields(
      before as unknown as Record<string, unknown>,
      { name: merged.name, active: merged.active, conditions: merged.conditions, calendarKey: merged.calendarKey, targets: targetsOf(merged), alerts: merged.alerts, sourceStandard: merged.sourceStandard },
    );
    if (!diff) return { policy: before, impact: { scanned: 0, truncated: false, tickets: 0, count: 0, items: [] } };
    const [row] = await tx
      .update(slaPolicies)
      .set({
        name: merged.name, active: merged.active, conditions: merged.conditions, calendarKey: merged.calendarKey, sourceStandard: merged.sourceStandard,
        alerts: merged.alerts,
        firstResponseMinutes: merged.firstResponseMinutes, nextResponseMinutes: merged.nextResponseMinutes,
        resolutionMinutes: merged.resolutionMinutes, followUpMinutes: merged.followUpMinutes,
        version: sql`${slaPolicies.version} + 1`, updatedAt: now,
      })
      .where(eq(slaPolicies.id, current.id))
      .returning();
    await appendAudit(tx, opts.audit, [{ action: 'update', entityType: 'sla_policy', entityId: current.id, ...diff }]);
    // alert settings change no deadline: the running clocks only wait for other stages
    const noDeadlineChange = Object.keys(diff.after).every((k) => k === 'name' || k === 'sourceStandard' || k === 'alerts');
    const impact = noDeadlineChange ? { scanned: 0, truncated: false, tickets: 0, count: 0, items: [] } : await applyToOpenTickets(tx, now);
    if ('alerts' in diff.after) await reschedulePolicyAlerts(tx, current.id);
    return { policy: toSlaPolicy(row!), impact };
  });
}

/** Sets the order of all policies at once (the list names each exactly once); open tickets are re-matched. */
export async function reorderSlaPolicies(db: Db, opts: { audit: AuditContext; ids: string[]; now?: Date }): Promise<{ items: SlaPolicy[]; impact: SlaImpact }> {
  const now = opts.now ?? new Date();
  return db.transaction(async (tx) => {
    await lockPolicies(tx);
    const rows = await listPolicies(tx);
    const known = new Set(rows.map((r) => r.id));
    if (opts.ids.length !== rows.length || new Set(opts.ids).size !== opts.ids.length || opts.ids.some((id) => !known.has(id))) {
      throw badRequest('list every SLA policy exactly once, in the new order');
    }
    if (!rows.length) throw notFound('SLA policy');
    await tx.execute(sql`
      UPDATE sla_policies AS p SET position = v.ord, updated_at = ${now.toISOString()}::timestamptz
      FROM unnest(ARRAY[${sql.join(opts.ids.map((id) => sql`${id}`), sql`, `)}]::uuid[]) WITH ORDINALITY AS v(id, ord)
      WHERE p.id = v.id AND p.position IS DISTINCT FROM v.ord`);
    await appendAudit(tx, opts.audit, [{ action: 'update', entityType: 'sla_policy', before: { order: rows.map((r) => r.id) }, after: { order: opts.ids } }]);
    const impact = await applyToOpenTickets(tx, now);
    return { items: (await listPolicies(tx)).map(toSlaPolicy), impact };
  });
}
