import { eq, sql } from 'drizzle-orm';
import type { Db } from '../db/client.js';
import { categories, customers, orgUnits, ticketEvents, tickets, users } from '../db/schema/index.js';
import { appendAudit, SYSTEM_CONTEXT } from '../modules/audit/append-audit.js';
import { generateDemoTickets } from './demo-tickets.js';

const BATCH = 500;

async function insertInBatches<T>(rows: T[], insert: (batch: T[]) => Promise<unknown>) {
  for (let i = 0; i < rows.length; i += BATCH) await insert(rows.slice(i, i + BATCH));
}

/**
 * Generates and inserts `count` demo tickets over the last `days` days for the organisation in the
 * database, in one transaction, and records one audit entry for the batch.
 */
export async function seedDemoTickets(db: Db, opts: { count: number; now: Date; days?: number; seed?: number }) {
  const units = await db
    .select({ id: orgUnits.id, path: orgUnits.path })
    .from(orgUnits)
    .where(sql`${orgUnits.kind} IN ('store', 'team')`);
  const cats = await db.select({ id: categories.id, code: categories.code, path: categories.path }).from(categories).where(eq(categories.level, 3));
  const people = await db
    .select({ id: users.id, orgUnitId: users.orgUnitId, role: users.role, path: orgUnits.path })
    .from(users)
    .innerJoin(orgUnits, eq(orgUnits.id, users.orgUnitId));
  if (!units.length || !cats.length || !people.length) return { tickets: 0 };
  const data = generateDemoTickets({ now: opts.now, days: opts.days ?? 180, count: opts.count, seed: opts.seed, units, categories: cats, users: people });
  await db.transaction(async (tx) => {
    await insertInBatches(data.customers, (b) => tx.insert(customers).values(b));
    await insertInBatches(data.tickets, (b) => tx.insert(tickets).values(b));
    await insertInBatches(data.events, (b) => tx.insert(ticketEvents).values(b));
    await tx.execute(sql`SELECT setval('ticket_no_seq', ${data.tickets.length + 1})`);
    await appendAudit(tx, SYSTEM_CONTEXT, [
      { action: 'import', entityType: 'ticket', after: { source: 'demo seed', tickets: data.tickets.length, customers: data.customers.length } },
    ]);
  });
  return { tickets: data.tickets.length };
}
