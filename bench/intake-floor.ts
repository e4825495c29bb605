/**
 * What a created ticket costs at the least on this machine, to read the create figures against:
 * - the HTTP floor: a bare Fastify route with the same body validation answering a ticket-sized
 *   JSON, driven by the same load generator at 50 clients (server and client CPU per request);
 * - the write floor: PostgreSQL's CPU for writing a ticket's rows only (customer, ticket, created
 *   event, two SLA clocks, idempotency key, two audit entries), 13 tickets a transaction as intake
 *   batches them, in one statement and with no reads, over two connections. Each transaction rolls
 *   back, so the kept database gains nothing (the commit's WAL flush is left out).
 */
import { sql, TransactionRollbackError } from 'drizzle-orm';
import Fastify from 'fastify';
import { serializerCompiler, validatorCompiler } from 'fastify-type-provider-zod';
import { CreateTicketBody } from '@qloop/contracts';
import { rowsOf, type Database } from '../apps/server/src/db/client.js';

type Drive = (
  base: string,
  clients: number,
  expect: number,
  requests: { method: string; path: string; headers: Record<string, string>; body?: string }[],
) => Promise<{ ms: number[]; seconds: number; processCpuMsPerRequest: number; failures: number }>;

export async function httpFloor(drive: Drive, body: string, answer: unknown) {
  const app = Fastify({ logger: false });
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  app.post('/floor', { schema: { body: CreateTicketBody } }, async (_req, reply) => reply.code(201).send(answer));
  await app.listen({ port: 0, host: '127.0.0.1' });
  try {
    const base = `http://127.0.0.1:${(app.server.address() as { port: number }).port}`;
    const headers = { 'content-type': 'application/json', cookie: 'qloop_session=floor', 'x-csrf-token': 'floor' };
    const requests = Array.from({ length: 10_000 }, () => ({ method: 'POST', path: '/floor', headers, body }));
    await drive(base, 50, 201, requests.slice(0, 2000));
    const r = await drive(base, 50, 201, requests);
    return { perSecond: Math.round(r.ms.length / r.seconds), processCpuMsPerRequest: r.processCpuMsPerRequest, failures: r.failures };
  } finally {
    await app.close();
  }
}

export async function writeFloor(database: Database, pgCpuMs: () => Promise<number | null>, transactions = 300, perBatch = 13) {
  const db = database.db;
  const [tmpl] = rowsOf<{ id: string; policy: string; calendar: string; after: unknown }>(
    await db.execute(sql`SELECT t.id, c.policy_id AS policy, c.calendar_key AS calendar,
        (SELECT after FROM audit_log a WHERE a.entity_type = 'ticket' AND a.entity_id = t.id::text LIMIT 1) AS after
      FROM tickets t JOIN ticket_clocks c ON c.ticket_id = t.id ORDER BY t.created_at DESC LIMIT 1`),
  );
  if (!tmpl) throw new Error('write floor: no ticket with clocks to copy (run the create phase first)');
  const after = JSON.stringify(tmpl.after ?? {});
  const batch = (n: number) =>
    db
      .transaction(async (tx) => {
        await tx.execute(sql`
          WITH tp AS (SELECT * FROM tickets WHERE id = ${tmpl.id}),
          c AS (INSERT INTO customers (id, org_unit_id, phone, tier)
                SELECT gen_random_uuid(), tp.org_unit_id, 'floor' || ${n}::int || '-' || g, 'normal' FROM tp, generate_series(1, ${perBatch}::int) g RETURNING id),
          t AS (INSERT INTO tickets (id, no, type, channel, priority, state, title, description, category_id, category_l2_id, org_unit_id,
                  customer_id, first_owner_id, escalated, regulator_appeal, group_complaint, changes_service, search_text, created_at, updated_at, next_deadline)
                SELECT gen_random_uuid(), 'GDFLOOR' || nextval('ticket_no_seq'), tp.type, tp.channel, tp.priority, tp.state, tp.title, tp.description,
                  tp.category_id, tp.category_l2_id, tp.org_unit_id, c.id, tp.first_owner_id, false, false, false, false, tp.search_text, now(), now(),
                  now() + interval '1 day'
                FROM tp, c RETURNING id, no, first_owner_id),
          e AS (INSERT INTO ticket_events (ticket_id, at, actor_id, kind, to_state, visibility, data)
                SELECT id, now(), first_owner_id, 'created', 'accepted', 'internal', '{"channel":"hotline","repeatOf":null}'::jsonb FROM t),
          k AS (INSERT INTO ticket_clocks (ticket_id, kind, cycle, policy_id, calendar_key, target_minutes, started_at, counted_from, status, deadline, next_alert, next_alert_at)
                SELECT t.id, kd, 1, ${tmpl.policy}, ${tmpl.calendar}, 1440, now(), now(), 'running', now() + interval '1 day', 'warn', now() + interval '20 hours'
                FROM t, unnest(ARRAY['first_response', 'resolution']) kd),
          i AS (INSERT INTO idempotency_keys (user_id, key, ticket_id) SELECT first_owner_id, 'floor-' || no, id FROM t)
          INSERT INTO audit_log (chain, seq, at, actor_name, action, entity_type, entity_id, after, prev_hash, hash)
            SELECT 0, -(${n}::bigint * 100 + row_number() OVER ()), now(), 'floor', 'create', 'ticket', t.id::text, ${after}::jsonb, repeat('a', 64), repeat('b', 64)
            FROM t, generate_series(1, 2) g`);
        tx.rollback();
      })
      .catch((e: unknown) => {
        if (!(e instanceof TransactionRollbackError)) throw e;
      });
  const before = await pgCpuMs();
  const t0 = performance.now();
  let next = 0;
  await Promise.all([0, 1].map(async () => {
    while (next < transactions) await batch(next++);
  }));
  const seconds = (performance.now() - t0) / 1000;
  const after2 = await pgCpuMs();
  const tickets = transactions * perBatch;
  return {
    tickets,
    perSecond: Math.round(tickets / seconds),
    pgCpuMsPerTicket: before === null || after2 === null ? null : +((after2 - before) / tickets).toFixed(2),
  };
}
