import { and, gt, inArray } from 'drizzle-orm';
import type { Db } from '../db/client.js';
import { tickets } from '../db/schema/index.js';
import { selectSlaSubjects } from '../modules/sla/sla.repo.js';
import { startTicketClocks } from '../modules/sla/start-ticket-clocks.js';
import { sweepSlaAlerts } from '../modules/sla/sweep-sla-alerts.js';

/** Demo tickets younger than this still waiting for a response get SLA clocks. */
const RECENT_MS = 3 * 86_400_000;

/**
 * SLA clocks for the demo's recent open tickets (accepted, assigned, in progress), started when
 * each was taken, so the countdowns and the at-risk view show a realistic mix on first start. The
 * stages already past by `now` are recorded silently as history — a fresh demo must not greet
 * every manager with a hundred breach notifications for tickets it invented.
 */
export async function seedDemoClocks(db: Db, now: Date): Promise<{ tickets: number }> {
  const rows = await selectSlaSubjects(db, { at: tickets.createdAt })
    .where(and(inArray(tickets.state, ['accepted', 'assigned', 'in_progress']), gt(tickets.createdAt, new Date(now.getTime() - RECENT_MS))));
  if (!rows.length) return { tickets: 0 };
  await db.transaction((tx) => startTicketClocks(tx, rows.map((r) => ({ ...r, ticketId: r.id }))));
  await sweepSlaAlerts(db, { now, silent: true });
  return { tickets: rows.length };
}
