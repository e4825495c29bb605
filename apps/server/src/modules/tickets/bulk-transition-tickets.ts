import type { BulkTransitionBody, BulkTransitionResult } from '@qloop/contracts';
import type { Db } from '../../db/client.js';
import { AppError } from '../../lib/errors.js';
import type { AuditContext } from '../audit/append-audit.js';
import type { Principal } from '../auth/principal.js';
import { transitionTicket } from './transition-ticket.js';

type Logger = { error: (obj: unknown, msg: string) => void };

/**
 * Applies one action to many tickets. Each ticket moves in its own transaction with exactly the
 * checks of a single transition (scope, version, state, required inputs), so one refused ticket —
 * changed meanwhile, in a state that forbids the action, out of scope — never blocks or rolls back
 * the others, and the caller gets a result per ticket.
 */
export async function bulkTransitionTickets(
  db: Db,
  opts: { principal: Principal; audit: AuditContext; input: BulkTransitionBody; log: Logger },
): Promise<BulkTransitionResult> {
  const { items, ...shared } = opts.input;
  const results: BulkTransitionResult['results'] = [];
  for (const item of items) {
    try {
      const done = await transitionTicket(db, {
        principal: opts.principal,
        audit: opts.audit,
        id: item.id,
        input: { ...shared, version: item.version },
      });
      results.push({ id: item.id, ok: true, no: done.no, state: done.state, version: done.version, error: null });
    } catch (e) {
      if (!(e instanceof AppError)) opts.log.error({ err: e, ticketId: item.id }, 'bulk transition failed unexpectedly');
      const error = e instanceof AppError ? { code: e.code, message: e.message } : { code: 'INTERNAL', message: 'this ticket could not be changed; try it again on its own' };
      results.push({ id: item.id, ok: false, no: null, state: null, version: null, error });
    }
  }
  const succeeded = results.filter((r) => r.ok).length;
  return { succeeded, failed: results.length - succeeded, results };
}
