import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { rowsOf } from '../db/client.js';
import { runSurveyCampaigns } from '../modules/surveys/send-campaign-rounds.js';
import { createHarness, type Harness } from '../test/harness.js';
import { seedDemoCampaigns } from './seed-demo-campaigns.js';
import { seedDemoSurveys } from './seed-demo-surveys.js';
import { seedDemoTickets } from './seed-demo-tickets.js';

let h: Harness;
beforeAll(async () => {
  h = await createHarness();
});
afterAll(() => h.close());

describe('demo satisfaction campaign', () => {
  it('draws its first round from the demo customers, with a floor per branch (up to 10), sent by the campaign job; seeding again adds nothing', async () => {
    const now = new Date();
    await seedDemoTickets(h.database.db, { count: 600, now, days: 150, seed: 5 });
    await seedDemoSurveys(h.database.db, now);
    const { sampled } = await seedDemoCampaigns(h.database.db, now);
    expect(sampled).toBeGreaterThanOrEqual(40);
    const qm = await h.login('qm.li');
    const [c] = (await qm.req('GET', '/api/v1/survey-campaigns')).json().items;
    expect(c).toMatchObject({ recurrence: 'quarterly', rounds: 1, lastRound: { state: 'sending', sampled, invited: 0 } });
    expect(c.minPerStratum).toBeGreaterThan(0);
    expect(c.minPerStratum).toBeLessThanOrEqual(10);
    for (const s of c.lastRound.strata) expect(s.quota).toBeGreaterThanOrEqual(Math.min(c.minPerStratum, s.population));
    await runSurveyCampaigns(h.database.db, 'demo-secret'.padEnd(40, 'x'));
    const [after] = (await qm.req('GET', '/api/v1/survey-campaigns')).json().items;
    expect(after.lastRound.state).toBe('done');
    expect(after.lastRound.invited + after.lastRound.skipped).toBe(sampled);
    expect(await seedDemoCampaigns(h.database.db, now)).toEqual({ sampled: 0 });
    expect(rowsOf<{ n: number }>(await h.database.db.execute(sql`SELECT count(*)::int AS n FROM survey_campaigns`))[0]!.n).toBe(1);
  });
});
