/**
 * SLA benchmarks (issue #4) on PostgreSQL:
 * - the alert sweep with 100,000 and then 1,000,000 open tickets, 10,000 of them with a warning
 *   due: the time to select what is due (must not grow with the open tickets) and the time of one
 *   sweep that fires all 10,000 (notifications, timeline entries and audit included);
 * - addBusinessMinutes throughput for 72-hour targets on cn-standard and 24x7.
 * Open tickets are generated with set-based SQL (the work-order benchmark measures intake); each
 * has one running resolution clock on 24x7 with a 1,440-minute target.
 */
import { randomBytes } from 'node:crypto';
import { performance } from 'node:perf_hooks';
import { sql } from 'drizzle-orm';
import pg from 'pg';
import { openDatabase, rowsOf, type Database } from '../apps/server/src/db/client.js';
import { migrate } from '../apps/server/src/db/migrate.js';
import { seedCategories, seedDemo } from '../apps/server/src/seed/seed.js';
import { addBusinessMinutes, CN_STANDARD, ROUND_THE_CLOCK } from '../apps/server/src/modules/calendars/business-calendar.js';
import { sweepSlaAlerts } from '../apps/server/src/modules/sla/sweep-sla-alerts.js';

type Log = (s: string) => void;
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

async function one<T>(db: Database, q: string): Promise<T> {
  return rowsOf<T>(await db.db.execute(sql.raw(q)))[0]!;
}

/** Adds open tickets numbered from `from` with a running clock each, due in 1–30 days (nothing due yet). */
export async function growOpen(db: Database, from: number, to: number, log: Log) {
  const ids = await one<{ cat: string; org: string; agent: string; policy: string }>(
    db,
    `SELECT (SELECT id FROM categories WHERE level = 3 ORDER BY code LIMIT 1) AS cat,
            (SELECT id FROM org_units WHERE code = 'JN-DZ-T01') AS org,
            (SELECT id FROM users WHERE username = 'agent.dz1') AS agent,
            (SELECT id FROM sla_policies WHERE name = '投诉处理时限') AS policy`,
  );
  const customerId = (await one<{ id: string }>(db, `INSERT INTO customers (org_unit_id, name, phone) VALUES ('${ids.org}', '压测客户', '1300000${String(from).padStart(4, '0').slice(-4)}') RETURNING id`)).id;
  const started = performance.now();
  for (let a = from; a < to; a += 100_000) {
    const b = Math.min(to, a + 100_000);
    await db.sql.exec(`
      WITH t AS (
        INSERT INTO tickets (no, type, channel, priority, state, title, category_id, org_unit_id, customer_id, first_owner_id, assignee_id, created_at, next_deadline)
        SELECT 'GDB' || lpad(i::text, 10, '0'), 'complaint', 'hotline', 'normal', 'in_progress', '压测工单', '${ids.cat}', '${ids.org}', '${customerId}',
               '${ids.agent}', '${ids.agent}', now() - interval '1 hour', now() + (1 + random() * 29) * interval '1 day'
        FROM generate_series(${a}, ${b - 1}) AS i
        RETURNING id, next_deadline
      )
      INSERT INTO ticket_clocks (ticket_id, kind, policy_id, calendar_key, target_minutes, started_at, counted_from, deadline, status, next_alert, next_alert_at)
      SELECT id, 'resolution', '${ids.policy}', '24x7', 1440, now() - interval '1 hour', now() - interval '1 hour', next_deadline, 'running',
             'warning:50', next_deadline - interval '12 hours'
      FROM t`);
    log(`  open tickets: ${b.toLocaleString('en')} (${((performance.now() - started) / 1000).toFixed(0)} s)`);
  }
  await db.sql.exec('ANALYZE tickets; ANALYZE ticket_clocks');
}

/** Makes the 50% warning of `n` clocks due now: started 13 h ago on a 24-hour target (75% is at 18 h). */
export async function makeDue(db: Database, n: number) {
  await db.sql.exec(`
    UPDATE ticket_clocks SET started_at = now() - interval '13 hours', counted_from = now() - interval '13 hours',
      deadline = now() + interval '11 hours', next_alert = 'warning:50', next_alert_at = now() - interval '1 hour', alerts_done = '{}'
    WHERE id IN (SELECT id FROM ticket_clocks WHERE status = 'running' AND alerts_done = '{}' ORDER BY random() LIMIT ${n})`);
  await db.sql.exec(`UPDATE tickets t SET next_deadline = c.deadline FROM ticket_clocks c WHERE c.ticket_id = t.id AND c.next_alert_at < now()`);
  await db.sql.exec('ANALYZE ticket_clocks');
}

/** Median time of the query a sweep batch starts with, and whether it reads the index. */
async function selectDue(db: Database) {
  const q = `SELECT ticket_id FROM ticket_clocks WHERE next_alert_at < now() ORDER BY next_alert_at LIMIT 500`;
  const times: number[] = [];
  for (let i = 0; i < 30; i++) {
    const t0 = performance.now();
    await db.sql.exec(q);
    times.push(performance.now() - t0);
  }
  const plan = rowsOf<{ 'QUERY PLAN': string }>(await db.db.execute(sql.raw(`EXPLAIN ${q}`))).map((r) => r['QUERY PLAN']).join(' / ');
  return { ms: +median(times).toFixed(2), usesIndex: plan.includes('ticket_clocks_next_alert_idx') };
}

async function sweepOnce(db: Database) {
  const t0 = performance.now();
  const r = await sweepSlaAlerts(db.db, { now: new Date(), batchSize: 500, maxBatches: 1000 });
  const s = (performance.now() - t0) / 1000;
  return { ...r, seconds: +s.toFixed(2), perSecond: Math.round(r.fired / s) };
}

export async function benchSlaSweep(pgUrl: string, log: Log) {
  const name = `qloop_bench_sla_${randomBytes(3).toString('hex')}`;
  const admin = new pg.Client({ connectionString: pgUrl });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name}`);
  const url = new URL(pgUrl);
  url.pathname = `/${name}`;
  const db = await openDatabase({ databaseUrl: url.toString(), poolSize: 10 });
  const rows: Record<string, unknown>[] = [];
  try {
    await migrate(db.sql);
    await seedCategories(db.db);
    await seedDemo(db.db, new Date());
    let open = 0;
    for (const target of [100_000, 1_000_000]) {
      await growOpen(db, open, target, log);
      open = target;
      await makeDue(db, 10_000);
      const select = await selectDue(db);
      const sweep = await sweepOnce(db);
      const after = await selectDue(db);
      rows.push({ open, due: 10_000, selectDueMs: select.ms, usesIndex: select.usesIndex, ...sweep, selectAfterMs: after.ms });
      log(`  ${open.toLocaleString('en')} open: ${JSON.stringify(rows.at(-1))}`);
    }
  } finally {
    await db.sql.close();
    await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
    await admin.end();
  }
  return rows;
}

/** addBusinessMinutes calls per second for 72-hour targets from starts spread over 2025–2026. */
export function benchAddBusinessMinutes() {
  const out: { calendar: string; calls: number; perSecond: number }[] = [];
  for (const calendar of [CN_STANDARD, ROUND_THE_CLOCK]) {
    const base = Date.UTC(2025, 0, 1);
    const span = 2 * 365 * 86_400_000;
    const n = 200_000;
    // warm the day cache, then measure
    for (let i = 0; i < 20_000; i++) addBusinessMinutes(calendar, new Date(base + ((i * 7_919_000) % span)), 4320);
    const t0 = performance.now();
    for (let i = 0; i < n; i++) addBusinessMinutes(calendar, new Date(base + ((i * 7_919_000) % span)), 4320);
    out.push({ calendar: calendar.key, calls: n, perSecond: Math.round(n / ((performance.now() - t0) / 1000)) });
  }
  return out;
}
