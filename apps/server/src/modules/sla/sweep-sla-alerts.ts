import { asc, inArray, sql } from 'drizzle-orm';
import type { SlaAlertData } from '@qloop/contracts';
import { rowsOf, type Db } from '../../db/client.js';
import { ticketEvents, tickets, users } from '../../db/schema/index.js';
import { appendAudit, SYSTEM_CONTEXT, type AuditEvent } from '../audit/append-audit.js';
import { isBusinessTime, nextOpening } from '../calendars/business-calendar.js';
import { notify, type NotificationInput } from '../notifications/notify.js';
import { alertStagesOf, dueStages, mostSevere, type DueStage } from './alert-stages.js';
import { alertTitle, NOTIFICATION_KIND } from './alert-messages.js';
import { loadAlertDirectory, recipientsOf, type AlertTicket } from './alert-recipients.js';
import { calendarOf, type Clock } from './sla-clock.js';
import { clocksOf, loadClockWriteContext, updateClocks } from './sla.repo.js';

export type SweepResult = {
  /** stages recorded (warnings, breaches, escalation levels) */
  fired: number;
  /** notifications created */
  notified: number;
  /** clocks whose due stage waits for working hours */
  deferred: number;
  batches: number;
};

type LockedTicket = AlertTicket & { no: string };
type Fired = { clock: Clock & { id: string; ticketId: string }; ticket: LockedTicket; stage: DueStage; notified: string[]; timeZone: string };

/**
 * Fires the SLA stages that are due: pre-breach warnings, breaches, escalation levels. Each stage
 * fires exactly once however many server instances sweep at the same time:
 * - what is due is an index range on ticket_clocks.next_alert_at, so the cost follows the number
 *   due, not the number open;
 * - the tickets are locked first, in id order and SKIP LOCKED — the lock transitions take before
 *   they touch clocks — so two sweepers split the work and never deadlock with a transition; the
 *   clocks are re-read under that lock, so a stage another instance just fired is no longer due;
 * - the sla_alerts unique key (clock, stage) is the last word: only the insert that wins notifies.
 * Several stages of one clock due together (after downtime) are all recorded, and each person is
 * told once, of the most severe. A stage held to working hours waits for the next opening of its
 * policy's hold calendar. Notifications, the ticket timeline and the audit trail are written in
 * the same transaction as the record of the stage.
 */
export async function sweepSlaAlerts(
  db: Db,
  opts: {
    now?: Date;
    batchSize?: number;
    maxBatches?: number;
    /** record the stages without telling anyone: only for history written by the demo seed */
    silent?: boolean;
  } = {},
): Promise<SweepResult> {
  const now = opts.now ?? new Date();
  const batchSize = opts.batchSize ?? 500;
  const result: SweepResult = { fired: 0, notified: 0, deferred: 0, batches: 0 };
  for (let i = 0; i < (opts.maxBatches ?? 200); i++) {
    const batch = await db.transaction((tx) => sweepBatch(tx, now, batchSize, opts.silent ?? false));
    result.batches++;
    result.fired += batch.fired;
    result.notified += batch.notified;
    result.deferred += batch.deferred;
    // nothing due, or what is due is locked by another sweeper (it will fire it)
    if (batch.due < batchSize || batch.handled === 0) break;
  }
  return result;
}

async function sweepBatch(tx: Db, now: Date, batchSize: number, silent: boolean) {
  const dueRows = rowsOf<{ ticket_id: string }>(
    await tx.execute(sql`SELECT ticket_id FROM ticket_clocks WHERE next_alert_at < ${now.toISOString()}::timestamptz ORDER BY next_alert_at LIMIT ${batchSize}`),
  );
  const dueTickets = [...new Set(dueRows.map((r) => r.ticket_id))];
  const counts = { due: dueRows.length, handled: 0, fired: 0, notified: 0, deferred: 0 };
  if (!dueTickets.length) return counts;
  const locked: LockedTicket[] = await tx
    .select({ id: tickets.id, no: tickets.no, orgUnitId: tickets.orgUnitId, assigneeId: tickets.assigneeId, groupId: tickets.groupId, firstOwnerId: tickets.firstOwnerId })
    .from(tickets)
    .where(inArray(tickets.id, dueTickets))
    .orderBy(asc(tickets.id))
    .for('update', { skipLocked: true });
  counts.handled = locked.length;
  if (!locked.length) return counts;
  const ticketById = new Map(locked.map((t) => [t.id, t]));
  const due = await clocksOf(tx, locked.map((t) => t.id), { alertDueBefore: now });
  const clocks = [...due].flatMap(([ticketId, list]) => list.map((c) => ({ ...c, id: c.id!, ticketId })));
  const ctx = await loadClockWriteContext(tx, now);
  const directory = await loadAlertDirectory(tx, locked);

  const fired: Fired[] = [];
  const changed: Clock[] = [];
  const deferred: { id: string; at: Date }[] = [];
  for (const clock of clocks) {
    const alerts = ctx.alerts.get(clock.policyId);
    const calendar = calendarOf(ctx.calendars, clock.calendarKey);
    const hold = alerts?.holdToCalendarKey ? ctx.calendars.get(alerts.holdToCalendarKey) : undefined;
    if (alerts && hold && !isBusinessTime(hold, now)) {
      deferred.push({ id: clock.id, at: nextOpening(hold, now) });
      continue;
    }
    const stages = alerts ? dueStages(clock, calendar, alertStagesOf(alerts, clock.targetMinutes), now) : [];
    const ticket = ticketById.get(clock.ticketId)!;
    for (const stage of stages) fired.push({ clock, ticket, stage, notified: silent ? [] : recipientsOf(stage.notify, ticket, directory), timeZone: calendar.timeZone });
    // rescheduled either way: a stale next_alert_at (the calendar changed) is simply moved on
    changed.push({ ...clock, alertsDone: [...clock.alertsDone, ...stages.map((s) => s.key)] });
  }

  const won = await recordStages(tx, fired);
  const wonFired = fired.filter((f) => won.has(`${f.clock.id}|${f.stage.key}`));
  if (!silent) counts.notified = await announce(tx, wonFired, now, await displayNames(tx, wonFired.flatMap((f) => f.notified)));
  await updateClocks(tx, changed, ctx);
  await deferAlerts(tx, deferred);
  counts.fired = wonFired.length;
  counts.deferred = deferred.length;
  return counts;
}

/** Inserts the stage records; returns the ones this transaction won ("clockId|stage"). */
async function recordStages(tx: Db, fired: readonly Fired[]): Promise<Set<string>> {
  const won = new Set<string>();
  for (let i = 0; i < fired.length; i += 1000) {
    const data = fired.slice(i, i + 1000).map((f) => ({
      clock_id: f.clock.id, ticket_id: f.ticket.id, stage: f.stage.key, due_at: f.stage.dueAt.toISOString(), notified: f.notified,
    }));
    const rows = rowsOf<{ clock_id: string; stage: string }>(
      await tx.execute(sql`
        INSERT INTO sla_alerts (clock_id, ticket_id, stage, due_at, notified)
        SELECT v.clock_id, v.ticket_id, v.stage, v.due_at, ARRAY(SELECT jsonb_array_elements_text(v.notified))::uuid[]
        FROM jsonb_to_recordset(${JSON.stringify(data)}::jsonb) AS v(clock_id uuid, ticket_id uuid, stage text, due_at timestamptz, notified jsonb)
        ON CONFLICT (clock_id, stage) DO NOTHING
        RETURNING clock_id, stage`),
    );
    rows.forEach((r) => won.add(`${r.clock_id}|${r.stage}`));
  }
  return won;
}

/** Notifications (one per person and clock: the most severe stage), timeline entries and audit. */
async function announce(tx: Db, fired: readonly Fired[], now: Date, names: ReadonlyMap<string, string>): Promise<number> {
  if (!fired.length) return 0;
  // what each stage says, once: its title goes to notifications and the timeline, its data to the timeline and the audit
  const said = new Map<Fired, { title: string; data: SlaAlertData }>(
    fired.map((f) => [
      f,
      {
        title: alertTitle(f.stage, { no: f.ticket.no, clockKind: f.clock.kind, deadline: f.clock.deadline, timeZone: f.timeZone }),
        data: {
          stage: f.stage.key, stageKind: f.stage.kind, level: f.stage.level, clockKind: f.clock.kind, cycle: f.clock.cycle,
          dueAt: f.stage.dueAt.toISOString(), deadline: f.clock.deadline?.toISOString() ?? null, notified: f.notified,
          notifiedNames: f.notified.map((id) => names.get(id) ?? id),
        },
      },
    ]),
  );

  const perPerson = new Map<string, Fired>();
  for (const f of fired) {
    for (const userId of f.notified) {
      const key = `${f.clock.id}|${userId}`;
      const seen = perPerson.get(key);
      perPerson.set(key, seen ? (mostSevere([seen.stage, f.stage]) === f.stage ? f : seen) : f);
    }
  }
  const notes: NotificationInput[] = [...perPerson.entries()].map(([key, f]) => ({
    userId: key.split('|')[1]!, kind: NOTIFICATION_KIND[f.stage.kind], ticketId: f.ticket.id, title: said.get(f)!.title,
  }));
  for (let i = 0; i < notes.length; i += 1000) await notify(tx, null, notes.slice(i, i + 1000));

  for (let i = 0; i < fired.length; i += 1000) {
    await tx.insert(ticketEvents).values(
      fired.slice(i, i + 1000).map((f) => ({
        ticketId: f.ticket.id, at: now, actorId: null, kind: 'sla' as const,
        visibility: 'internal' as const, body: said.get(f)!.title, data: said.get(f)!.data,
      })),
    );
  }
  const audit: AuditEvent[] = fired.map((f) => ({
    action: 'sla_alert', entityType: 'ticket', entityId: f.ticket.id, orgUnitId: f.ticket.orgUnitId, after: said.get(f)!.data,
  }));
  for (let i = 0; i < audit.length; i += 1000) await appendAudit(tx, SYSTEM_CONTEXT, audit.slice(i, i + 1000));
  return notes.length;
}

async function displayNames(tx: Db, ids: readonly string[]): Promise<Map<string, string>> {
  const unique = [...new Set(ids)];
  if (!unique.length) return new Map();
  const rows = await tx.select({ id: users.id, name: users.displayName }).from(users).where(inArray(users.id, unique));
  return new Map(rows.map((r) => [r.id, r.name]));
}

/** Stages held to working hours wait for the next opening of the hold calendar. */
async function deferAlerts(tx: Db, deferred: readonly { id: string; at: Date }[]): Promise<void> {
  if (!deferred.length) return;
  const data = deferred.map((d) => ({ id: d.id, at: d.at.toISOString() }));
  await tx.execute(sql`
    UPDATE ticket_clocks AS c SET next_alert_at = v.at
    FROM jsonb_to_recordset(${JSON.stringify(data)}::jsonb) AS v(id uuid, at timestamptz)
    WHERE c.id = v.id`);
}
