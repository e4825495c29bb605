import { sql } from 'drizzle-orm';
import { rowsOf, type Db } from '../db/client.js';
import { loadCampaignStrata } from '../modules/surveys/campaign-population.js';
import { nextCampaignRun } from '../modules/surveys/campaign-schedule.js';
import { startCampaignRound } from '../modules/surveys/start-campaign-round.js';

/**
 * A demo satisfaction campaign: the quarterly survey of the province's customers with its first
 * round drawn (a fixed seed, so every demo draws the same people). The invitations go out when the
 * server's campaign job runs, so the first minutes after a demo start show a round in progress.
 */
export async function seedDemoCampaigns(db: Db, now = new Date()): Promise<{ sampled: number }> {
  if (rowsOf(await db.execute(sql`SELECT 1 FROM survey_campaigns`)).length) return { sampled: 0 };
  const [survey] = rowsOf<{ id: string }>(await db.execute(sql`SELECT id FROM surveys WHERE code = 'SVC-FOLLOWUP' AND state = 'published'`));
  const [root] = rowsOf<{ id: string }>(await db.execute(sql`SELECT id FROM org_units WHERE parent_id IS NULL ORDER BY created_at LIMIT 1`));
  if (!survey || !root) return { sampled: 0 };
  const spec = { orgUnitId: root.id, tiers: [], activeWithinDays: 180, channel: 'sms' as const, cooldownDays: 30, sampleSize: 1, minPerStratum: null, maxPerStratum: null };
  const strata = await loadCampaignStrata(db, spec);
  const population = strata.reduce((a, s) => a + s.memberIds.length, 0);
  const sampleSize = Math.min(300, Math.floor(population / 3));
  // up to 10 per branch as a floor, never more than half the sample spread over the branches
  const minPerStratum = Math.min(10, Math.floor(sampleSize / (2 * strata.length)));
  if (sampleSize < 10) return { sampled: 0 };
  const [c] = rowsOf<{ id: string }>(
    await db.execute(sql`
      INSERT INTO survey_campaigns (name, survey_id, org_unit_id, active_within_days, sample_size, min_per_stratum, channel, expires_in_days, cooldown_days, recurrence, next_run_at)
      VALUES ('2026年第四季度公众客户满意度测评', ${survey.id}, ${root.id}, 180, ${sampleSize}, ${minPerStratum}, 'sms', 7, 30, 'quarterly',
              ${nextCampaignRun('quarterly', now)!.toISOString()}::timestamptz)
      RETURNING id`),
  );
  const round = await startCampaignRound(db, { campaignId: c!.id, trigger: 'manual', seed: 20_261_001 });
  return { sampled: round.sampled };
}
