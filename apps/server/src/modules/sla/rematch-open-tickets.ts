import { and, asc, gt, inArray, sql } from 'drizzle-orm';
import { OPEN_STATES, SLA_LIMITS, type SlaClockChange, type SlaImpact } from '@qloop/contracts';
import type { Db } from '../../db/client.js';
import { tickets } from '../../db/schema/index.js';
import { planRematch, type PolicyForMatching } from './match-policy.js';
import { nextDeadlineOf } from './sla-clock.js';
import { clocksOf, loadClockWriteContext, selectSlaSubjects, setNextDeadlines, updateClocks } from './sla.repo.js';

const PAGE = 1000;

type Subject = {
  id: string; no: string; type: string; channel: string; priority: string; tier: string; categoryPath: string[]; orgPath: string[];
};

/**
 * Re-matches the open tickets that have live clocks against a set of policies (the policies as they
 * are after a change) and recomputes or cancels the clocks whose policy, target or calendar would
 * change, keeping the elapsed business minutes (planRematch).
 *
 * - `preview` changes nothing and looks at no more than SLA_LIMITS.previewScanMax tickets (by id),
 *   saying when there were more;
 * - `apply` goes through all of them in pages of 1,000 inside the caller's transaction, each page's
 *   tickets locked in id order (the lock a transition takes first), so no transition in flight can
 *   overwrite a recomputed clock. Its cost grows with the open tickets that have live clocks: fine
 *   for tens of thousands in one admin action; beyond that it belongs in a job (not built).
 */
export async function rematchOpenTickets(
  tx: Db,
  opts: { policies: readonly PolicyForMatching[]; at: Date; mode: 'preview' | 'apply'; /** only these tickets */ ticketIds?: readonly string[] },
): Promise<SlaImpact> {
  const ctx = await loadClockWriteContext(tx);
  const { calendars } = ctx;
  const items: SlaClockChange[] = [];
  let scanned = 0;
  let touched = 0;
  let count = 0;
  let truncated = false;
  let after: string | null = null;
  for (;;) {
    const room = opts.mode === 'preview' ? SLA_LIMITS.previewScanMax - scanned : PAGE;
    if (room <= 0) break;
    const size = Math.min(PAGE, room);
    const q = selectSlaSubjects(tx, { no: tickets.no })
      .where(
        and(
          inArray(tickets.state, [...OPEN_STATES]),
          after ? gt(tickets.id, after) : undefined,
          opts.ticketIds ? inArray(tickets.id, [...opts.ticketIds]) : undefined,
          sql`EXISTS (SELECT 1 FROM ticket_clocks k WHERE k.ticket_id = ${tickets.id} AND k.status IN ('running', 'paused'))`,
        ),
      )
      .orderBy(asc(tickets.id))
      .limit(size + 1);
    const rows: Subject[] = opts.mode === 'apply' ? await q.for('update', { of: tickets }) : await q;
    if (rows.length > size) {
      if (opts.mode === 'preview' && scanned + size >= SLA_LIMITS.previewScanMax) truncated = true;
      rows.length = size;
    }
    if (!rows.length) break;
    scanned += rows.length;
    after = rows.at(-1)!.id;
    const live = await clocksOf(tx, rows.map((r) => r.id), { live: true });
    const changed = [];
    const next = [];
    for (const t of rows) {
      const clocks = live.get(t.id) ?? [];
      const changes = planRematch(opts.policies, t, clocks, calendars, opts.at);
      if (!changes.length) continue;
      touched++;
      count += changes.length;
      for (const c of changes) {
        if (items.length < SLA_LIMITS.previewListMax) {
          items.push({
            ticketId: t.id, no: t.no, kind: c.before.kind, cycle: c.before.cycle, change: c.change,
            fromPolicyId: c.before.policyId, toPolicyId: c.toPolicyId,
            oldDeadline: c.before.deadline?.toISOString() ?? null, newDeadline: c.after.status === 'cancelled' ? null : (c.after.deadline?.toISOString() ?? null),
            oldTargetMinutes: c.before.targetMinutes, newTargetMinutes: c.change === 'cancel' ? null : c.after.targetMinutes,
            elapsedMinutes: c.after.elapsedMinutes,
          });
        }
        changed.push(c.after);
      }
      const replaced = clocks.map((c) => changes.find((x) => x.before === c)?.after ?? c);
      next.push({ ticketId: t.id, deadline: nextDeadlineOf(replaced) });
    }
    if (opts.mode === 'apply') {
      await updateClocks(tx, changed, ctx);
      await setNextDeadlines(tx, next);
    }
    if (rows.length < size) break;
  }
  return { scanned, truncated, tickets: touched, count, items };
}
