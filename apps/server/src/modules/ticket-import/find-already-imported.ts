import { eq, sql } from 'drizzle-orm';
import type { Db } from '../../db/client.js';
import { customers, tickets } from '../../db/schema/index.js';
import { rowError, type ParsedTicketRow, type RowError } from './parse-ticket-rows.js';

const CHUNK = 1000;

/**
 * Rows that repeat a ticket already in the database — a customer with the row's phone or customer
 * number, the same title and the same time taken: the key of the in-file duplicate check — most
 * likely because the file was imported before. One query per chunk of rows: the customers found by
 * phone or number (both indexed), their tickets through tickets(customer_id, …), compared on title
 * and time. A row without a time cannot repeat anything: it would be taken now.
 */
export async function findAlreadyImported(db: Db, rows: readonly ParsedTicketRow[]): Promise<RowError[]> {
  const timed = rows.filter((r) => r.createdAt);
  const errors: RowError[] = [];
  for (let i = 0; i < timed.length; i += CHUNK) {
    const chunk = timed.slice(i, i + CHUNK);
    const found = await db
      .select({ no: tickets.no, title: tickets.title, createdAt: tickets.createdAt, phone: customers.phone, customerNo: customers.customerNo })
      .from(customers)
      .innerJoin(tickets, eq(tickets.customerId, customers.id))
      .where(
        sql`(${customers.phone} = ${list(unique(chunk.map((r) => r.phone)), 'text')} OR ${customers.customerNo} = ${list(unique(chunk.map((r) => r.customerNo)), 'text')})
          AND ${tickets.title} = ${list(unique(chunk.map((r) => r.title)), 'text')}
          AND ${tickets.createdAt} = ${list(unique(chunk.map((r) => r.createdAt!.toISOString())), 'timestamptz')}`,
      );
    if (!found.length) continue;
    const byTitleAndTime = new Map<string, typeof found>();
    for (const f of found.sort((a, b) => a.no.localeCompare(b.no))) {
      const key = `${f.title}|${f.createdAt.getTime()}`;
      const same = byTitleAndTime.get(key);
      if (same) same.push(f);
      else byTitleAndTime.set(key, [f]);
    }
    for (const r of chunk) {
      const same = byTitleAndTime
        .get(`${r.title}|${r.createdAt!.getTime()}`)
        ?.find((f) => (r.phone && f.phone === r.phone) || (r.customerNo && f.customerNo === r.customerNo));
      if (same) errors.push(rowError(r.row, 'already_imported', `already imported as ${same.no}`, { params: { ticketNo: same.no } }));
    }
  }
  return errors;
}

/** `ANY($n::type[])`: a list as one array parameter — thousands of single parameters cost more than the query. */
const list = (values: string[], type: 'text' | 'timestamptz') => sql`ANY(${sql.param(values)}::${sql.raw(type)}[])`;
const unique = <T>(xs: readonly (T | null)[]) => [...new Set(xs.filter((x): x is T => x !== null))];
