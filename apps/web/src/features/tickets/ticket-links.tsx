import type { TicketSummary } from '@qloop/contracts';
import { Link } from 'react-router-dom';
import { TicketFlags } from './ticket-tags';

/** A ticket number linking to the ticket, in tabular figures: the same in every ticket table. */
export function TicketNoLink({ ticket }: { ticket: Pick<TicketSummary, 'id' | 'no'> }) {
  return (
    <Link to={`/tickets/${ticket.id}`} style={{ fontVariantNumeric: 'tabular-nums' }}>
      {ticket.no}
    </Link>
  );
}

/** A ticket's title (one line, full text on hover) linking to it, with its flags underneath. */
export function TicketTitleCell({ ticket }: { ticket: TicketSummary }) {
  return (
    <div style={{ minWidth: 0 }}>
      <Link to={`/tickets/${ticket.id}`} className="qloop-ticket-title" title={ticket.title}>
        {ticket.title}
      </Link>
      <TicketFlags ticket={ticket} />
    </div>
  );
}
