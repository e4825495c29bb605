import type { SlaImpact } from '@qloop/contracts';
import type { Db } from '../../db/client.js';
import { rematchOpenTickets } from './rematch-open-tickets.js';
import { forMatching, listPolicies } from './sla.repo.js';

/**
 * For a use case that changes what policies look at on one ticket (priority, type, channel,
 * category, org unit, the customer's tier): call it after the change, in the same transaction.
 * The ticket is matched again; clocks whose policy, target or calendar change are recomputed from
 * the business minutes already spent (GLPI #6902, #15605), dropped targets are cancelled.
 */
export async function rematchTicketClocks(tx: Db, opts: { ticketId: string; at: Date }): Promise<SlaImpact> {
  const policies = (await listPolicies(tx)).map(forMatching);
  return rematchOpenTickets(tx, { policies, at: opts.at, mode: 'apply', ticketIds: [opts.ticketId] });
}
