import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { rowsOf } from '../../db/client.js';
import { createHarness, type Harness, type Session } from '../../test/harness.js';
import { runSurveyCampaigns, sendCampaignRoundBatch } from './send-campaign-rounds.js';
import { startCampaignRound } from './start-campaign-round.js';

/** Satisfaction campaigns: stratified samples with quotas, rounds sent in batches, on a schedule. */
let h: Harness;
let qm: Session;
let agent: Session;
let bmXz: Session;
let surveyId: string;
let province: string;
const SECRET = 'test-secret-'.padEnd(40, 'x');

beforeAll(async () => {
  h = await createHarness();
  qm = await h.login('qm.li');
  agent = await h.login('agent.dz1');
  bmXz = await h.login('bm.xz');
  province = await h.orgId('JN');
  // customers of the stores (the demo seed keeps none): some VIP, some without phone or consent
  const stores: [string, number][] = [['JN-DZ-S01', 40], ['JN-DZ-S02', 20], ['JN-XZ-S01', 30], ['JN-NZ-S01', 12], ['JN-BZ-S01', 6]];
  let n = 0;
  for (const [code, count] of stores) {
    const unit = await h.orgId(code);
    for (let i = 0; i < count; i++, n++) {
      await h.database.db.execute(sql`INSERT INTO customers (org_unit_id, name, phone, tier, consent_survey)
        VALUES (${unit}, ${`客户${n}`}, ${n % 17 === 5 ? null : `139${String(n).padStart(8, '0')}`}, ${n % 5 === 0 ? 'vip' : 'normal'}, ${n % 13 !== 7})`);
    }
  }
  const content = {
    nameZh: '年度满意度测评', nameEn: 'Annual satisfaction survey',
    questions: [{ key: 'overall', type: 'csat', textZh: '总体满意度', textEn: 'Overall' }],
  };
  const created = (await qm.req('POST', '/api/v1/surveys', { code: 'ANNUAL', content })).json();
  surveyId = (await qm.req('POST', `/api/v1/surveys/${created.id}/publish`, { rowVersion: created.rowVersion })).json().id;
});
afterAll(() => h.close());

/** Consenting customers with a phone, by branch, as the campaign should see them (no cool-down yet). */
async function eligibleByBranch(): Promise<Map<string, number>> {
  const rows = rowsOf<{ branch: string; n: number }>(
    await h.database.db.execute(sql`
      SELECT ou.path[2] AS branch, count(*)::int AS n FROM customers c JOIN org_units ou ON ou.id = c.org_unit_id
      WHERE c.consent_survey AND c.phone IS NOT NULL AND array_length(ou.path, 1) >= 2
        AND NOT EXISTS (SELECT 1 FROM survey_invitations i WHERE i.customer_id = c.id AND i.created_at > now() - interval '30 days')
      GROUP BY 1`),
  );
  return new Map(rows.map((r) => [r.branch, r.n]));
}

const body = (over: Record<string, unknown> = {}) => ({ name: '2026年第四季度满意度测评', surveyId, orgUnitId: province, sampleSize: 40, channel: 'sms', ...over });

describe('satisfaction campaigns', () => {
  it('previews a sample stratified by branch with proportional quotas, and refuses one larger than the population', async () => {
    const expected = await eligibleByBranch();
    const res = await qm.req('POST', '/api/v1/survey-campaigns/preview', body());
    expect(res.statusCode, res.body).toBe(200);
    const p = res.json();
    expect(p.sampled).toBe(40);
    expect(p.strata.map((s: { orgUnitId: string }) => s.orgUnitId).sort()).toEqual([...expected.keys()].sort());
    const population = [...expected.values()].reduce((a, b) => a + b, 0);
    expect(p.population).toBe(population);
    for (const s of p.strata) {
      expect(s.population).toBe(expected.get(s.orgUnitId));
      // largest remainder: each quota is its exact share rounded down or up
      expect(Math.abs(s.quota - (40 * s.population) / population)).toBeLessThan(1);
    }
    const tooBig = await qm.req('POST', '/api/v1/survey-campaigns/preview', body({ sampleSize: population + 1 }));
    expect(tooBig.statusCode).toBe(400);
    expect(tooBig.json().error.message).toContain(`more than the ${population} people`);
    const boundedRes = await qm.req("POST", "/api/v1/survey-campaigns/preview", body({ sampleSize: 30, minPerStratum: 5, maxPerStratum: 12 }));
    expect(boundedRes.statusCode, boundedRes.body).toBe(200);
    const bounded = boundedRes.json();
    for (const s of bounded.strata) expect(s.quota).toBeGreaterThanOrEqual(Math.min(5, s.population));
    for (const s of bounded.strata) expect(s.quota).toBeLessThanOrEqual(12);
    expect((await qm.req('POST', '/api/v1/survey-campaigns/preview', body({ minPerStratum: 9, maxPerStratum: 3 }))).statusCode).toBe(400);
  });

  it('creates, lists in scope, refuses agents and stale editors, audits', async () => {
    expect((await agent.req('POST', '/api/v1/survey-campaigns', body())).statusCode).toBe(403);
    const created = await qm.req('POST', '/api/v1/survey-campaigns', body({ name: '季度测评-范围' }));
    expect(created.statusCode, created.body).toBe(201);
    const c = created.json();
    expect(c).toMatchObject({ name: '季度测评-范围', surveyCode: 'ANNUAL', orgUnitName: '江南省公司', recurrence: 'once', active: true, rounds: 0, lastRound: null });
    // a branch manager sees nothing of the province's campaign
    expect((await bmXz.req('GET', '/api/v1/survey-campaigns')).json().items.map((x: { id: string }) => x.id)).not.toContain(c.id);
    expect((await bmXz.req('GET', `/api/v1/survey-campaigns/${c.id}`)).statusCode).toBe(404);
    const listed = (await qm.req('GET', '/api/v1/survey-campaigns?q=范围&sort=name')).json();
    expect(listed.items.map((x: { id: string }) => x.id)).toEqual([c.id]);
    const paused = await qm.req('PUT', `/api/v1/survey-campaigns/${c.id}`, { ...body({ name: '季度测评-范围', active: false }), rowVersion: c.rowVersion });
    expect(paused.statusCode, paused.body).toBe(200);
    expect(paused.json().active).toBe(false);
    expect((await qm.req('PUT', `/api/v1/survey-campaigns/${c.id}`, { ...body(), rowVersion: c.rowVersion })).statusCode).toBe(409);
    expect((await qm.req('GET', '/api/v1/survey-campaigns?active=false')).json().items.map((x: { id: string }) => x.id)).toContain(c.id);
    const audit = rowsOf<{ action: string }>(await h.database.db.execute(sql`SELECT action FROM audit_log WHERE entity_type = 'survey_campaign' AND entity_id = ${c.id} ORDER BY id`));
    expect(audit.map((a) => a.action)).toEqual(['create', 'update']);
  });

  it('a round stores its whole sample at once, sends in batches with progress, skips who withdrew consent, counts answers; the cool-down then leaves them out', async () => {
    const before = await eligibleByBranch();
    const c = (await qm.req('POST', '/api/v1/survey-campaigns', body({ name: '季度测评-发送', sampleSize: 25 }))).json();
    const started = await qm.req('POST', `/api/v1/survey-campaigns/${c.id}/rounds`);
    expect(started.statusCode, started.body).toBe(201);
    const round = started.json();
    expect(round).toMatchObject({ roundNo: 1, state: 'sending', sampled: 25, invited: 0, trigger: 'manual' });
    const members = rowsOf<{ customer_id: string; stratum: string; branch: string }>(
      await h.database.db.execute(sql`SELECT m.customer_id, m.stratum_org_unit_id AS stratum, ou.path[2] AS branch FROM survey_campaign_members m
        JOIN customers c ON c.id = m.customer_id JOIN org_units ou ON ou.id = c.org_unit_id WHERE m.round_id = ${round.id}`),
    );
    expect(members).toHaveLength(25);
    for (const m of members) expect(m.stratum).toBe(m.branch);
    for (const s of round.strata) expect(members.filter((m) => m.stratum === s.orgUnitId)).toHaveLength(s.quota);
    // one round at a time
    expect((await qm.req('POST', `/api/v1/survey-campaigns/${c.id}/rounds`)).statusCode).toBe(409);

    // a sampled customer withdraws consent before the invitations go out
    await h.database.db.execute(sql`UPDATE customers SET consent_survey = false WHERE id = ${members[0]!.customer_id}`);
    const first = await sendCampaignRoundBatch(h.database.db, SECRET, round.id, 10);
    expect(first.done).toBe(false);
    let detail = (await qm.req('GET', `/api/v1/survey-campaigns/${c.id}`)).json();
    expect(detail.roundList[0].invited + detail.roundList[0].skipped).toBe(10);
    while (!(await sendCampaignRoundBatch(h.database.db, SECRET, round.id, 10)).done);
    detail = (await qm.req('GET', `/api/v1/survey-campaigns/${c.id}`)).json();
    expect(detail.roundList[0]).toMatchObject({ state: 'done', invited: 24, skipped: 1, answered: 0 });
    expect(detail.roundList[0].finishedAt).toBeTruthy();
    const sms = rowsOf<{ n: number }>(await h.database.db.execute(sql`SELECT count(*)::int AS n FROM survey_invitations WHERE campaign_round_id = ${round.id} AND channel = 'sms'`));
    expect(sms[0]!.n).toBe(24);

    // one customer answers: the response rate follows
    const [inv] = rowsOf<{ id: string }>(await h.database.db.execute(sql`SELECT id FROM survey_invitations WHERE campaign_round_id = ${round.id} LIMIT 1`));
    await h.database.db.execute(sql`UPDATE survey_invitations SET answered_at = now() WHERE id = ${inv!.id}`);
    detail = (await qm.req('GET', `/api/v1/survey-campaigns/${c.id}`)).json();
    expect(detail.roundList[0].answered).toBe(1);
    expect(detail.roundList[0].responseRate).toBeCloseTo(1 / 24, 6);
    expect(detail.lastRound.id).toBe(round.id);

    // the 24 invited are in their cool-down, the one who withdrew no longer consents
    const after = await eligibleByBranch();
    const total = (m: Map<string, number>) => [...m.values()].reduce((a, b) => a + b, 0);
    expect(total(after)).toBe(total(before) - 25);
    expect((await qm.req('POST', '/api/v1/survey-campaigns/preview', body({ sampleSize: 1 }))).json().population).toBe(total(after));
  });

  it('the same seed draws the same sample', async () => {
    const c = (await qm.req('POST', '/api/v1/survey-campaigns', body({ name: '季度测评-种子', sampleSize: 8, cooldownDays: 0 }))).json();
    const draw = async () => {
      const r = await startCampaignRound(h.database.db, { campaignId: c.id, trigger: 'manual', seed: 20261203 });
      const ids = rowsOf<{ id: string }>(await h.database.db.execute(sql`SELECT customer_id AS id FROM survey_campaign_members WHERE round_id = ${r.id} ORDER BY 1`)).map((x) => x.id);
      await h.database.db.execute(sql`UPDATE survey_campaign_rounds SET state = 'done' WHERE id = ${r.id}`);
      return ids;
    };
    const a = await draw();
    expect(a).toHaveLength(8);
    expect(await draw()).toEqual(a);
  });

  it('a due monthly campaign starts by itself and moves to 09:00 on the first of next month; an impossible sample is recorded as a failed round', async () => {
    const due = (await qm.req('POST', '/api/v1/survey-campaigns', body({ name: '月度测评', sampleSize: 5, recurrence: 'monthly', nextRunAt: '2026-01-01T01:00:00Z' }))).json();
    const impossible = (await qm.req('POST', '/api/v1/survey-campaigns', body({ name: '月度测评-过大', sampleSize: 100_000, recurrence: 'monthly', nextRunAt: '2026-01-01T01:00:00Z' }))).json();
    const ran = await runSurveyCampaigns(h.database.db, SECRET);
    expect(ran.started).toBeGreaterThanOrEqual(1);
    expect(ran.failed).toBeGreaterThanOrEqual(1);
    const ok = (await qm.req('GET', `/api/v1/survey-campaigns/${due.id}`)).json();
    expect(ok.roundList[0]).toMatchObject({ roundNo: 1, trigger: 'schedule', sampled: 5, state: 'done', invited: 5 });
    const local = new Date(Date.now() + 8 * 3_600_000);
    const next = new Date(Date.UTC(local.getUTCFullYear(), local.getUTCMonth() + 1, 1, 1));
    expect(ok.nextRunAt).toBe(next.toISOString());
    const bad = (await qm.req('GET', `/api/v1/survey-campaigns/${impossible.id}`)).json();
    expect(bad.roundList[0]).toMatchObject({ state: 'failed', sampled: 0 });
    expect(bad.roundList[0].error).toContain('more than the');
    expect(bad.nextRunAt).toBe(next.toISOString());
    // not due any more: nothing starts again
    expect((await runSurveyCampaigns(h.database.db, SECRET)).started).toBe(0);
  });
});

describe('a campaign whose survey was retired', () => {
  it('records a failed round and moves on, while the other due campaigns still start', async () => {
    const content = { nameZh: '临时问卷', nameEn: 'Temporary', questions: [{ key: 'overall', type: 'csat', textZh: '总体满意度', textEn: 'Overall' }] };
    const created = (await qm.req('POST', '/api/v1/surveys', { code: 'TO-RETIRE', content })).json();
    const published = (await qm.req('POST', `/api/v1/surveys/${created.id}/publish`, { rowVersion: created.rowVersion })).json();
    const stale = (await qm.req('POST', '/api/v1/survey-campaigns', body({ name: '已停用问卷的测评', surveyId: published.id, sampleSize: 3, cooldownDays: 0, recurrence: 'monthly', nextRunAt: '2026-01-01T00:00:00Z' }))).json();
    const fine = (await qm.req('POST', '/api/v1/survey-campaigns', body({ name: '正常测评', sampleSize: 3, cooldownDays: 0, recurrence: 'monthly', nextRunAt: '2026-01-01T00:00:01Z' }))).json();
    expect((await qm.req('POST', `/api/v1/surveys/${published.id}/retire`, { rowVersion: published.rowVersion })).statusCode).toBe(200);
    // by hand it is refused with the reason
    const manual = await qm.req('POST', `/api/v1/survey-campaigns/${stale.id}/rounds`);
    expect(manual.statusCode).toBe(400);
    expect(manual.json().error.message).toContain('not published');

    await runSurveyCampaigns(h.database.db, SECRET);
    const a = (await qm.req('GET', `/api/v1/survey-campaigns/${stale.id}`)).json();
    expect(a.roundList[0]).toMatchObject({ state: 'failed', sampled: 0 });
    expect(a.roundList[0].error).toContain('not published');
    expect(new Date(a.nextRunAt).getTime()).toBeGreaterThan(Date.now());
    const b = (await qm.req('GET', `/api/v1/survey-campaigns/${fine.id}`)).json();
    expect(b.roundList[0]).toMatchObject({ state: 'done', invited: 3 });
  });
});
