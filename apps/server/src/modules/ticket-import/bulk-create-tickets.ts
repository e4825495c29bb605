import type { Db } from '../../db/client.js';
import type { AuditContext } from '../audit/append-audit.js';
import type { Principal } from '../auth/principal.js';
import { acceptTickets } from '../tickets/accept-tickets.js';
import { rowError, type ParsedTicketRow, type RowError } from './parse-ticket-rows.js';

/**
 * Creates validated import rows through the same set-based intake as the API (customers found or
 * created, repeat complaints linked, numbers, routing, timeline and audit), in the caller's
 * transaction; whom it assigned tickets to is counted into `assigned`. A row that intake still refuses (say, its category was retired since the check)
 * comes back as a row error.
 */
export async function bulkCreateTickets(
  tx: Db,
  opts: { principal: Principal; audit: AuditContext; rows: ParsedTicketRow[]; now: Date; /** tickets handed to each person, added to (told once when the import ends) */ assigned: Map<string, number> },
): Promise<{ imported: number; errors: RowError[] }> {
  const { rows, principal, audit, now } = opts;
  if (!rows.length) return { imported: 0, errors: [] };
  const outcomes = await acceptTickets(
    tx,
    rows.map((r) => ({
      principal,
      audit,
      imported: true,
      createdAt: r.createdAt,
      input: {
        type: r.type,
        channel: r.channel,
        priority: r.priority,
        title: r.title,
        description: r.description,
        categoryId: r.categoryId,
        orgUnitId: r.orgUnitId,
        customer: { phone: r.phone ?? undefined, customerNo: r.customerNo ?? undefined, name: r.customerName ?? undefined },
        escalated: r.escalated,
        regulatorAppeal: r.channel === 'regulator',
        groupComplaint: false,
        changesService: false,
      },
    })),
    { now, notifications: opts.assigned },
  );
  const errors: RowError[] = [];
  outcomes.forEach((o, i) => {
    if (!o.ok) errors.push(rowError(rows[i]!.row, 'intake_refused', o.error.message));
  });
  return { imported: outcomes.length - errors.length, errors };
}
