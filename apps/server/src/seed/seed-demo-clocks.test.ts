import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { rowsOf } from '../db/client.js';
import { createHarness, type Harness } from '../test/harness.js';
import { sweepSlaAlerts } from '../modules/sla/sweep-sla-alerts.js';
import { seedDemoTickets } from './seed-demo-tickets.js';
import { seedDemoClocks } from './seed-demo-clocks.js';

let h: Harness;
beforeAll(async () => {
  h = await createHarness();
});
afterAll(() => h.close());

const count = async (q: string) => rowsOf<{ n: number }>(await h.database.db.execute(sql.raw(q)))[0]!.n;

describe('demo SLA clocks', () => {
  it('recent open demo tickets get clocks; stages already past are history, announced to no one', async () => {
    const now = new Date();
    await seedDemoTickets(h.database.db, { count: 600, now, days: 10, seed: 7 });
    const { tickets } = await seedDemoClocks(h.database.db, now);
    expect(tickets).toBeGreaterThan(0);
    expect(await count(`SELECT count(DISTINCT ticket_id)::int AS n FROM ticket_clocks`)).toBe(tickets);
    // answered and closed tickets: clocks satisfied when they were answered, some on time, some late
    expect(await count(`SELECT count(*)::int AS n FROM ticket_clocks c JOIN tickets t ON t.id = c.ticket_id WHERE t.answered_at IS NOT NULL AND c.status IN ('running', 'paused')`)).toBe(0);
    expect(await count(`SELECT count(*)::int AS n FROM ticket_clocks WHERE kind = 'resolution' AND status = 'met'`)).toBeGreaterThan(0);
    expect(await count(`SELECT count(*)::int AS n FROM ticket_clocks WHERE kind = 'resolution' AND status = 'breached'`)).toBeGreaterThan(0);
    // some invented tickets are past a stage already: recorded, nobody told, nothing left to fire now
    expect(await count(`SELECT count(*)::int AS n FROM sla_alerts`)).toBeGreaterThan(0);
    expect(await count(`SELECT count(*)::int AS n FROM sla_alerts WHERE notified <> '{}'`)).toBe(0);
    expect(await count(`SELECT count(*)::int AS n FROM notifications WHERE kind LIKE 'sla_%'`)).toBe(0);
    expect((await sweepSlaAlerts(h.database.db, { now })).fired).toBe(0);
    // and the at-risk view has something to show
    const admin = await h.login('admin');
    const atRisk = (await admin.req('GET', '/api/v1/tickets?atRisk=true&sort=deadline')).json();
    expect(atRisk.total).toBeGreaterThan(0);
  });
});
