import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createHarness, type Harness } from '../test/harness.js';
import { seedDemoTickets } from './seed-demo-tickets.js';

let h: Harness;
const now = new Date('2026-11-20T04:00:00Z');
beforeAll(async () => {
  h = await createHarness();
  await seedDemoTickets(h.database.db, { count: 400, now, seed: 7 });
});
afterAll(() => h.close());

describe('demo work orders', () => {
  it('spread over six months, all types and channels, states fitting their age', async () => {
    const rows = await h.database.sql.query<{ type: string; channel: string; state: string; created_at: Date; closed_at: Date | null; outcome: string | null }>(
      'SELECT type, channel, state, created_at, closed_at, outcome FROM tickets',
    );
    expect(rows).toHaveLength(400);
    expect(new Set(rows.map((r) => r.type)).size).toBe(6);
    expect(new Set(rows.map((r) => r.channel)).size).toBe(7);
    for (const r of rows) {
      const age = (now.getTime() - new Date(r.created_at).getTime()) / 86_400_000;
      expect(age).toBeGreaterThanOrEqual(0);
      expect(age).toBeLessThanOrEqual(180);
      if (r.state === 'closed') expect(r.outcome && r.closed_at).toBeTruthy();
      if (age < 3) expect(['closed', 'archived']).not.toContain(r.state);
    }
  });
  it('links repeat complaints exactly as intake would (same customer, same level-2 category, 30 days)', async () => {
    const bad = await h.database.sql.query(`
      SELECT t.id FROM tickets t JOIN tickets p ON p.id = t.repeat_of
       WHERE p.customer_id <> t.customer_id OR p.category_l2_id <> t.category_l2_id
          OR t.created_at - p.created_at > interval '30 days' OR t.created_at < p.created_at OR t.type <> 'complaint'`);
    expect(bad).toHaveLength(0);
    const repeats = await h.database.sql.query<{ n: number }>('SELECT count(*)::int AS n FROM tickets WHERE repeat_of IS NOT NULL');
    expect(repeats[0]!.n).toBeGreaterThan(0);
  });
  it('timelines end in the ticket’s state and the data is searchable and listable', async () => {
    const mismatched = await h.database.sql.query(`
      SELECT t.id FROM tickets t
       WHERE (SELECT e.to_state FROM ticket_events e WHERE e.ticket_id = t.id ORDER BY e.at DESC, e.id DESC LIMIT 1) <> t.state`);
    expect(mismatched).toHaveLength(0);
    const admin = await h.login('admin');
    const res = (await admin.req('GET', `/api/v1/tickets?q=${encodeURIComponent('宽带')}`)).json();
    expect(res.total).toBeGreaterThan(0);
    const page = (await admin.req('GET', '/api/v1/tickets?pageSize=50&open=true&sort=-createdAt')).json();
    expect(page.items.length).toBeGreaterThan(0);
  });
});
