import type { SlaImpact, SlaImpactBody } from '@qloop/contracts';
import type { Db } from '../../db/client.js';
import { notFound } from '../../lib/errors.js';
import { rematchOpenTickets } from './rematch-open-tickets.js';
import { mergePolicy } from './save-sla-policy.js';
import { forMatching, listPolicies, targetColumns } from './sla.repo.js';

/**
 * What saving would do, before saving: the open tickets whose clocks would be recomputed or
 * cancelled, with old and new deadlines. A draft is placed at the end of the order, as creating it
 * would; changes to an existing policy are merged as the update would merge them. Read-only, and
 * capped at SLA_LIMITS.previewScanMax open tickets (the answer says when it stopped short).
 */
export async function previewSlaImpact(db: Db, opts: { input: SlaImpactBody; now?: Date }): Promise<SlaImpact> {
  const now = opts.now ?? new Date();
  return db.transaction(async (tx) => {
    const rows = await listPolicies(tx);
    const input = opts.input;
    let after: typeof rows;
    if ('draft' in input) {
      const { targets, ...rest } = input.draft;
      const position = Math.max(0, ...rows.map((r) => r.position)) + 1;
      after = [...rows, { ...rest, ...targetColumns(targets), id: '00000000-0000-4000-8000-000000000000', position, version: 1, createdAt: now, updatedAt: now }];
    } else {
      const current = rows.find((r) => r.id === input.id);
      if (!current) throw notFound('SLA policy');
      after = rows.map((r) => (r.id === input.id ? mergePolicy(r, input.changes) : r));
    }
    return rematchOpenTickets(tx, { policies: after.map(forMatching), at: now, mode: 'preview' });
  });
}
