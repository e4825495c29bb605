import { and, asc, gt, inArray, type SQL } from 'drizzle-orm';
import type { Db } from '../../db/client.js';
import { ticketClocks, tickets } from '../../db/schema/index.js';

const PAGE = 1000;

/**
 * Walks the tickets that have clocks matching `clockCondition`, in pages of 1,000 by id, each page
 * locked in id order first — the lock a transition takes before it touches clocks — so no
 * transition in flight can overwrite what `fn` writes, and two such walks cannot deadlock.
 */
export async function forEachLockedTicketPage(tx: Db, clockCondition: SQL | undefined, fn: (ticketIds: string[]) => Promise<void>): Promise<void> {
  let after: string | null = null;
  for (;;) {
    const rows: { ticketId: string }[] = await tx
      .selectDistinct({ ticketId: ticketClocks.ticketId })
      .from(ticketClocks)
      .where(and(clockCondition, after ? gt(ticketClocks.ticketId, after) : undefined))
      .orderBy(asc(ticketClocks.ticketId))
      .limit(PAGE);
    if (!rows.length) return;
    after = rows.at(-1)!.ticketId;
    const ids = rows.map((r) => r.ticketId);
    await tx.select({ id: tickets.id }).from(tickets).where(inArray(tickets.id, ids)).orderBy(asc(tickets.id)).for('update');
    await fn(ids);
    if (rows.length < PAGE) return;
  }
}
