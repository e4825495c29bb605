import { and, asc, eq, gt, inArray } from 'drizzle-orm';
import type { Db } from '../../db/client.js';
import { ticketClocks, tickets } from '../../db/schema/index.js';
import { clocksOf, loadClockWriteContext, updateClocks } from './sla.repo.js';

const PAGE = 1000;

/**
 * After a policy's alert settings change: the running clocks that follow it wait for the stages as
 * they now are (stages already fired stay fired; a warning whose moment has passed is skipped, not
 * fired late). Same transaction as the policy save; pages of 1,000 tickets, each page locked in id
 * order first — the lock a transition takes — so no transition in flight overwrites the schedule.
 */
export async function reschedulePolicyAlerts(tx: Db, policyId: string): Promise<number> {
  const ctx = await loadClockWriteContext(tx);
  let after: string | null = null;
  let count = 0;
  for (;;) {
    const rows: { ticketId: string }[] = await tx
      .selectDistinct({ ticketId: ticketClocks.ticketId })
      .from(ticketClocks)
      .where(and(eq(ticketClocks.policyId, policyId), eq(ticketClocks.status, 'running'), after ? gt(ticketClocks.ticketId, after) : undefined))
      .orderBy(asc(ticketClocks.ticketId))
      .limit(PAGE);
    if (!rows.length) break;
    after = rows.at(-1)!.ticketId;
    await tx.select({ id: tickets.id }).from(tickets).where(inArray(tickets.id, rows.map((r) => r.ticketId))).orderBy(asc(tickets.id)).for('update');
    const live = await clocksOf(tx, rows.map((r) => r.ticketId), { live: true });
    const mine = [...live.values()].flat().filter((c) => c.policyId === policyId && c.status === 'running');
    await updateClocks(tx, mine, ctx);
    count += mine.length;
    if (rows.length < PAGE) break;
  }
  return count;
}
