import { and, eq } from 'drizzle-orm';
import type { Db } from '../../db/client.js';
import { ticketClocks } from '../../db/schema/index.js';
import { forEachLockedTicketPage } from './locked-ticket-pages.js';
import { clocksOf, loadClockWriteContext, updateClocks } from './sla.repo.js';

/**
 * After a policy's alert settings change: the running clocks that follow it wait for the stages as
 * they now are (stages already fired stay fired; a warning whose moment has passed is skipped, not
 * fired late). Same transaction as the policy save, a locked page of tickets at a time.
 */
export async function reschedulePolicyAlerts(tx: Db, policyId: string): Promise<number> {
  const ctx = await loadClockWriteContext(tx);
  let count = 0;
  await forEachLockedTicketPage(tx, and(eq(ticketClocks.policyId, policyId), eq(ticketClocks.status, 'running')), async (ids) => {
    const live = await clocksOf(tx, ids, { live: true });
    const mine = [...live.values()].flat().filter((c) => c.policyId === policyId && c.status === 'running');
    await updateClocks(tx, mine, ctx);
    count += mine.length;
  });
  return count;
}
