import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { rowsOf } from '../db/client.js';
import { createHarness, type Harness } from '../test/harness.js';
import { seedDemoTickets } from './seed-demo-tickets.js';
import { seedDemoSurveys } from './seed-demo-surveys.js';

let h: Harness;
beforeAll(async () => {
  h = await createHarness();
});
afterAll(() => h.close());

describe('demo survey answers', () => {
  it('answers to a published survey after closed tickets, with scored items and Chinese comments the analysis reads', async () => {
    const now = new Date();
    await seedDemoTickets(h.database.db, { count: 800, now, days: 150, seed: 11 });
    const seeded = await seedDemoSurveys(h.database.db, now);
    expect(seeded.answers).toBeGreaterThan(50);
    expect(seeded.comments).toBeGreaterThan(10);
    const qm = await h.login('qm.li');
    const survey = (await qm.req('GET', '/api/v1/surveys?q=SVC-FOLLOWUP')).json().items[0];
    expect(survey).toMatchObject({ state: 'published', responses: seeded.answers });
    const to = new Date(now.getTime() + 8 * 3_600_000).toISOString().slice(0, 10);
    const from = new Date(now.getTime() - 130 * 86_400_000).toISOString().slice(0, 10);
    const q = new URLSearchParams({ survey: survey.id, from, to });
    const a = (await qm.req('GET', `/api/v1/survey-analysis?${q}`)).json();
    expect(a.responses).toBe(seeded.answers);
    expect(a.responseRate).toBeGreaterThan(50);
    expect(a.csat.value).toBeGreaterThan(20);
    expect(a.csat.value).toBeLessThan(95);
    expect(a.servqual.items).toHaveLength(2);
    const cloud = (await qm.req('GET', `/api/v1/survey-analysis/keywords?${q}`)).json();
    expect(cloud.comments).toBe(seeded.comments);
    expect(cloud.items.length).toBeGreaterThan(10);
    expect(cloud.items.some((k: { keyword: string }) => ['宽带', '营业厅', '客服', '网速'].includes(k.keyword))).toBe(true);
    // every comment has its keywords; the answers follow tickets, so the breakdowns have channels and staff
    expect(rowsOf<{ n: number }>(await h.database.db.execute(sql`SELECT count(*)::int AS n FROM survey_comments WHERE keywords = '{}'`))[0]!.n).toBeLessThan(seeded.comments / 10);
    const staff = (await qm.req('GET', `/api/v1/survey-analysis/breakdown?${q}&by=staff`)).json();
    expect(staff.items.filter((r: { name: string | null }) => r.name).length).toBeGreaterThan(1);
    // once only
    expect(await seedDemoSurveys(h.database.db, now)).toEqual({ answers: 0, comments: 0 });
  });
});
