import { and, asc, eq, inArray, sql, type SQL } from 'drizzle-orm';
import type { PgColumn } from 'drizzle-orm/pg-core';
import type { ClockKind, SlaAlerts, SlaPolicy, TicketClock, TicketSlaSummary } from '@qloop/contracts';
import type { Db } from '../../db/client.js';
import { anyOf, prepared } from '../../db/prepared.js';
import { calendars, categories, customers, orgUnits, slaPolicies, ticketClocks, tickets } from '../../db/schema/index.js';
import { insertRowsStatement, writeTogether } from '../../db/insert-rows.js';
import { notFound } from '../../lib/errors.js';
import { engineCalendarOf } from '../calendars/calendars.repo.js';
import type { BusinessCalendar } from '../calendars/business-calendar.js';
import { calendarOf, elapsedAt, type Calendars, type Clock } from './sla-clock.js';
import { alertStagesOf, scheduleAlerts, type AlertSchedule } from './alert-stages.js';
import { slaSummaryOf } from './sla-summary.js';
import type { PolicyForMatching } from './match-policy.js';

export type PolicyRow = typeof slaPolicies.$inferSelect;
type ClockRow = typeof ticketClocks.$inferSelect;

export const targetsOf = (r: PolicyRow): Record<ClockKind, number | null> => ({
  first_response: r.firstResponseMinutes,
  next_response: r.nextResponseMinutes,
  resolution: r.resolutionMinutes,
  follow_up: r.followUpMinutes,
});

export const targetColumns = (t: Record<ClockKind, number | null>) => ({
  firstResponseMinutes: t.first_response,
  nextResponseMinutes: t.next_response,
  resolutionMinutes: t.resolution,
  followUpMinutes: t.follow_up,
});

export function toSlaPolicy(r: PolicyRow): SlaPolicy {
  return {
    id: r.id, position: r.position, name: r.name, active: r.active, conditions: r.conditions, calendarKey: r.calendarKey,
    targets: targetsOf(r), alerts: r.alerts, sourceStandard: r.sourceStandard, version: r.version, updatedAt: r.updatedAt.toISOString(),
  };
}

export const forMatching = (r: PolicyRow): PolicyForMatching => ({
  id: r.id, position: r.position, active: r.active, conditions: r.conditions, calendarKey: r.calendarKey, targets: targetsOf(r),
});

export async function listPolicies(db: Db): Promise<PolicyRow[]> {
  return db.select().from(slaPolicies).orderBy(asc(slaPolicies.position), asc(slaPolicies.id));
}

export async function loadPolicy(db: Db, id: string, forUpdate = false): Promise<PolicyRow> {
  const q = db.select().from(slaPolicies).where(eq(slaPolicies.id, id));
  const [row] = forUpdate ? await q.for('update') : await q;
  if (!row) throw notFound('SLA policy');
  return row;
}

/**
 * Tickets with what SLA policies match on (type, channel, priority, the customer's tier, the
 * category's and org unit's paths) plus `extra` columns; the caller adds the conditions.
 */
export function selectSlaSubjects<E extends Record<string, SQL | PgColumn>>(db: Db, extra: E) {
  return db
    .select({
      id: tickets.id, type: tickets.type, channel: tickets.channel, priority: tickets.priority,
      tier: customers.tier, categoryPath: categories.path, orgPath: orgUnits.path, ...extra,
    })
    .from(tickets)
    .innerJoin(customers, eq(customers.id, tickets.customerId))
    .innerJoin(categories, eq(categories.id, tickets.categoryId))
    .innerJoin(orgUnits, eq(orgUnits.id, tickets.orgUnitId));
}

/** Every calendar as the engine reads it (a handful of rows; each version's value is cached). */
export async function loadEngineCalendars(db: Db): Promise<Map<string, BusinessCalendar>> {
  const all = prepared(db, 'calendars_all', (d) => d.select().from(calendars).prepare('calendars_all'));
  return new Map((await all.execute()).map((r) => [r.key, engineCalendarOf(r)]));
}

/**
 * What writing clocks needs to schedule their alerts: the calendars, each policy's alert settings,
 * and the real current instant (a backdated import starts clocks in the past, but only warnings
 * still ahead of now may fire).
 */
export type ClockWriteContext = { calendars: Calendars; alerts: ReadonlyMap<string, SlaAlerts>; now: Date };

/** `now` is the server's clock unless the caller sweeps as of another instant (tests, the demo seed). */
export async function loadClockWriteContext(
  db: Db,
  now = new Date(),
  /** the policies' alert settings when the caller has just read the policies */
  policies?: readonly { id: string; alerts: SlaAlerts }[],
): Promise<ClockWriteContext> {
  const [calendars, rows] = await Promise.all([
    loadEngineCalendars(db),
    policies ?? db.select({ id: slaPolicies.id, alerts: slaPolicies.alerts }).from(slaPolicies),
  ]);
  return { calendars, alerts: new Map(rows.map((r) => [r.id, r.alerts])), now };
}

/** The alert schedule of a clock as it is written. */
export function alertScheduleOf(c: Clock, ctx: ClockWriteContext): AlertSchedule {
  const alerts = ctx.alerts.get(c.policyId);
  if (!alerts) return { alertsDone: c.alertsDone, nextAlert: null, nextAlertAt: null };
  const hold = alerts.holdToCalendarKey ? (ctx.calendars.get(alerts.holdToCalendarKey) ?? null) : null;
  return scheduleAlerts(c, calendarOf(ctx.calendars, c.calendarKey), alertStagesOf(alerts, c.targetMinutes), ctx.now, hold);
}

const toClock = (r: ClockRow): Clock => ({
  id: r.id, kind: r.kind, cycle: r.cycle, policyId: r.policyId, calendarKey: r.calendarKey, targetMinutes: r.targetMinutes,
  startedAt: r.startedAt, countedFrom: r.countedFrom, elapsedMinutes: r.elapsedMinutes, pausedSince: r.pausedSince, pauses: r.pauses,
  deadline: r.deadline, status: r.status, metAt: r.metAt, breachedAt: r.breachedAt, alertsDone: r.alertsDone,
});

/**
 * The clocks of tickets, by ticket, in kind then cycle order; `live` keeps running and paused ones
 * only, `alertDueBefore` those whose next alert stage is due before that instant (the sweep).
 */
export async function clocksOf(
  db: Db,
  ticketIds: readonly string[],
  opts: { live?: boolean; alertDueBefore?: Date } = {},
): Promise<Map<string, Clock[]>> {
  const out = new Map<string, Clock[]>();
  if (!ticketIds.length) return out;
  const order = [asc(ticketClocks.ticketId), asc(ticketClocks.kind), asc(ticketClocks.cycle)];
  const rows =
    opts.live || opts.alertDueBefore
      ? await db
          .select()
          .from(ticketClocks)
          .where(
            and(
              inArray(ticketClocks.ticketId, [...ticketIds]),
              opts.live ? inArray(ticketClocks.status, ['running', 'paused']) : undefined,
              opts.alertDueBefore ? sql`${ticketClocks.nextAlertAt} < ${opts.alertDueBefore.toISOString()}::timestamptz` : undefined,
            ),
          )
          .orderBy(...order)
      : // every clock of some tickets: the ticket page and the read-back after intake, prepared
        await prepared(db, 'clocks_of', (d) =>
          d.select().from(ticketClocks).where(anyOf(ticketClocks.ticketId, 'ids', 'uuid')).orderBy(...order).prepare('clocks_of'),
        ).execute({ ids: [...ticketIds] });
  for (const r of rows) out.set(r.ticketId, [...(out.get(r.ticketId) ?? []), toClock(r)]);
  return out;
}

/** Inserts new clocks with their alert schedules, in one statement. */
export async function insertClocks(tx: Db, clocks: readonly (Clock & { ticketId: string })[], ctx: ClockWriteContext): Promise<void> {
  await writeTogether(tx, [insertClocksStatement(tx, clocks, ctx)]);
}

/** The statement `insertClocks` runs, to write it together with other rows (`writeTogether`). */
export function insertClocksStatement(tx: Db, clocks: readonly (Clock & { ticketId: string })[], ctx: ClockWriteContext): SQL | null {
  return insertRowsStatement(tx, ticketClocks, clocks.map((c) => ({
    ticketId: c.ticketId, kind: c.kind, cycle: c.cycle, policyId: c.policyId, calendarKey: c.calendarKey, targetMinutes: c.targetMinutes,
    startedAt: c.startedAt, countedFrom: c.countedFrom, elapsedMinutes: c.elapsedMinutes, pausedSince: c.pausedSince, pauses: c.pauses,
    deadline: c.deadline, status: c.status, metAt: c.metAt, breachedAt: c.breachedAt, ...alertScheduleOf(c, ctx),
  })));
}

/** Writes changed clocks back with their alert schedules, set-based: one statement per 1,000 clocks. */
export async function updateClocks(tx: Db, clocks: readonly Clock[], ctx: ClockWriteContext): Promise<void> {
  const data = clocks.map((c) => {
    const alerts = alertScheduleOf(c, ctx);
    return {
      id: c.id, policy_id: c.policyId, calendar_key: c.calendarKey, target_minutes: c.targetMinutes, counted_from: c.countedFrom.toISOString(),
      elapsed_minutes: c.elapsedMinutes, paused_since: c.pausedSince?.toISOString() ?? null, pauses: c.pauses, deadline: c.deadline?.toISOString() ?? null,
      status: c.status, met_at: c.metAt?.toISOString() ?? null, breached_at: c.breachedAt?.toISOString() ?? null,
      alerts_done: alerts.alertsDone, next_alert: alerts.nextAlert, next_alert_at: alerts.nextAlertAt?.toISOString() ?? null,
    };
  });
  for (let i = 0; i < data.length; i += 1000) {
    await tx.execute(sql`
      UPDATE ticket_clocks AS c SET policy_id = v.policy_id, calendar_key = v.calendar_key, target_minutes = v.target_minutes,
        counted_from = v.counted_from, elapsed_minutes = v.elapsed_minutes, paused_since = v.paused_since, pauses = v.pauses,
        deadline = v.deadline, status = v.status, met_at = v.met_at, breached_at = v.breached_at,
        alerts_done = ARRAY(SELECT jsonb_array_elements_text(v.alerts_done)), next_alert = v.next_alert, next_alert_at = v.next_alert_at,
        updated_at = ${ctx.now.toISOString()}::timestamptz
      FROM jsonb_to_recordset(${JSON.stringify(data.slice(i, i + 1000))}::jsonb) AS v(
        id uuid, policy_id uuid, calendar_key text, target_minutes integer, counted_from timestamptz, elapsed_minutes integer,
        paused_since timestamptz, pauses jsonb, deadline timestamptz, status text, met_at timestamptz, breached_at timestamptz,
        alerts_done jsonb, next_alert text, next_alert_at timestamptz)
      WHERE c.id = v.id`);
  }
}

/** Sets each ticket's next deadline (null: none), set-based. */
export async function setNextDeadlines(tx: Db, next: readonly { ticketId: string; deadline: Date | null }[]): Promise<void> {
  for (let i = 0; i < next.length; i += 1000) {
    const data = next.slice(i, i + 1000).map((n) => ({ id: n.ticketId, d: n.deadline?.toISOString() ?? null }));
    await tx.execute(sql`
      UPDATE tickets AS t SET next_deadline = v.d
      FROM jsonb_to_recordset(${JSON.stringify(data)}::jsonb) AS v(id uuid, d timestamptz)
      WHERE t.id = v.id AND t.next_deadline IS DISTINCT FROM v.d`);
  }
}

/** The countdowns of listed tickets (one query for their live clocks). */
export async function slaSummariesOf(db: Db, ticketIds: readonly string[], now = new Date()): Promise<Map<string, TicketSlaSummary | null>> {
  if (!ticketIds.length) return new Map();
  const [live, calendars] = await Promise.all([clocksOf(db, ticketIds, { live: true }), loadEngineCalendars(db)]);
  return new Map(ticketIds.map((id) => [id, slaSummaryOf(live.get(id) ?? [], calendars, now)]));
}

/** A ticket's next deadline as stored (for tests and the detail page). */
export async function nextDeadlineStored(db: Db, ticketId: string): Promise<Date | null> {
  const [row] = await db.select({ d: tickets.nextDeadline }).from(tickets).where(eq(tickets.id, ticketId));
  return row?.d ?? null;
}

/** The clock as the ticket page shows it; a running clock's elapsed minutes are counted up to `now`. */
export function toTicketClock(c: Clock, calendars: ReadonlyMap<string, BusinessCalendar>, now: Date): TicketClock {
  const calendar = calendars.get(c.calendarKey);
  return {
    kind: c.kind, cycle: c.cycle, status: c.status, policyId: c.policyId, calendarKey: c.calendarKey, targetMinutes: c.targetMinutes,
    elapsedMinutes: calendar ? elapsedAt(c, calendar, now) : c.elapsedMinutes,
    startedAt: c.startedAt.toISOString(), pausedSince: c.pausedSince?.toISOString() ?? null,
    deadline: c.deadline?.toISOString() ?? null, metAt: c.metAt?.toISOString() ?? null,
  };
}
