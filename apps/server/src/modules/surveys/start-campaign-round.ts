import { randomInt } from 'node:crypto';
import { sql } from 'drizzle-orm';
import type { CampaignRound } from '@qloop/contracts';
import { rowsOf, type Db } from '../../db/client.js';
import { AppError, badRequest, conflict } from '../../lib/errors.js';
import { appendAudit, type AuditContext } from '../audit/append-audit.js';
import type { Principal } from '../auth/principal.js';
import { describeSample, drawCampaignSample, loadCampaignStrata, type CampaignPopulationSpec } from './campaign-population.js';
import { nextCampaignRun } from './campaign-schedule.js';
import { findRound } from './campaigns.repo.js';
import { lockCampaign } from './save-campaign.js';

type CampaignRow = {
  id: string; org_unit_id: string; tiers: string[]; active_within_days: number | null; channel: 'sms' | 'link'; cooldown_days: number; sample_size: number;
  min_per_stratum: number | null; max_per_stratum: number | null; recurrence: 'once' | 'monthly' | 'quarterly'; next_run_at: string | Date | null; active: boolean; state: string; published_version: number | null;
};

const specOf = (c: CampaignRow): CampaignPopulationSpec => ({
  orgUnitId: c.org_unit_id, tiers: c.tiers, activeWithinDays: c.active_within_days, channel: c.channel, cooldownDays: c.cooldown_days,
  sampleSize: c.sample_size, minPerStratum: c.min_per_stratum, maxPerStratum: c.max_per_stratum,
});

/**
 * Starts a round: draws the stratified sample with a fresh seed and stores it — round, strata and
 * every sampled customer — in one transaction, so a round either has its whole sample or does not
 * exist. The invitations are then written in batches by sendCampaignRound. One round of a campaign
 * at a time (409 while one is still sending). A scheduled start moves the next run on; a sample
 * that cannot be drawn (fewer customers than asked) is refused by hand (400) and, when scheduled,
 * recorded as a failed round so the owner sees why nobody was surveyed.
 */
export async function startCampaignRound(
  db: Db,
  o: { campaignId: string; trigger: 'manual' | 'schedule'; principal?: Principal; audit?: AuditContext; seed?: number },
): Promise<CampaignRound> {
  const roundId = await db.transaction(async (tx) => {
    if (o.principal) await lockCampaign(tx, o.principal, o.campaignId);
    const [c] = rowsOf<CampaignRow>(
      await tx.execute(sql`SELECT c.*, s.state, s.published_version FROM survey_campaigns c JOIN surveys s ON s.id = c.survey_id WHERE c.id = ${o.campaignId} FOR UPDATE OF c`),
    );
    if (!c) throw new AppError('NOT_FOUND', 'campaign not found', 404);
    // another instance may have started this scheduled round a moment ago and moved the next run on
    if (o.trigger === 'schedule' && (!c.active || !c.next_run_at || new Date(c.next_run_at).getTime() > Date.now())) throw conflict('this campaign is not due');
    const [open] = rowsOf<{ round_no: number }>(await tx.execute(sql`SELECT round_no FROM survey_campaign_rounds WHERE campaign_id = ${c.id} AND state = 'sending'`));
    if (open) throw conflict(`round ${open.round_no} of this campaign is still sending its invitations; start the next one when it has finished`);
    const [{ n: roundNo } = { n: 1 }] = rowsOf<{ n: number }>(await tx.execute(sql`SELECT coalesce(max(round_no), 0) + 1 AS n FROM survey_campaign_rounds WHERE campaign_id = ${c.id}`));
    const seed = o.seed ?? randomInt(0, 2 ** 31);
    if (o.trigger === 'schedule') {
      await tx.execute(sql`UPDATE survey_campaigns SET next_run_at = ${nextCampaignRun(c.recurrence, new Date())?.toISOString() ?? null}::timestamptz WHERE id = ${c.id}`);
    }
    // a scheduled round that cannot start is kept as failed, with why, so the owner sees it and the schedule moves on
    const failed = async (population: number, error: string) => {
      const [r] = rowsOf<{ id: string }>(
        await tx.execute(sql`
          INSERT INTO survey_campaign_rounds (campaign_id, round_no, survey_version, seed, state, trigger, population, sampled, strata, error, finished_at)
          VALUES (${c.id}, ${roundNo}, ${c.published_version}, ${seed}, 'failed', 'schedule', ${population}, 0, '[]'::jsonb, ${error}, now()) RETURNING id`),
      );
      return r!.id;
    };
    if (c.state !== 'published' || !c.published_version) {
      const message = 'the campaign\'s survey is not published (or was retired): publish it first';
      if (o.trigger === 'manual') throw badRequest(message);
      return failed(0, message);
    }
    const strata = await loadCampaignStrata(tx, specOf(c));
    let drawn;
    try {
      drawn = drawCampaignSample(specOf(c), strata, seed);
    } catch (e) {
      if (o.trigger === 'manual' || !(e instanceof AppError)) throw e;
      return failed(strata.reduce((a, s) => a + s.memberIds.length, 0), e.message);
    }
    const shown = describeSample(strata, drawn);
    const [r] = rowsOf<{ id: string }>(
      await tx.execute(sql`
        INSERT INTO survey_campaign_rounds (campaign_id, round_no, survey_version, seed, state, trigger, population, sampled, strata, started_by)
        VALUES (${c.id}, ${roundNo}, ${c.published_version}, ${seed}, 'sending', ${o.trigger}, ${shown.population}, ${shown.sampled},
                ${JSON.stringify(shown.strata)}::jsonb, ${o.principal?.userId ?? null}) RETURNING id`),
    );
    // the members in slices, so a sample of tens of thousands is not one giant statement
    const members = drawn.strata.flatMap((s) => s.ids.map((id) => ({ c: id, s: s.key })));
    for (let i = 0; i < members.length; i += 5_000) {
      await tx.execute(sql`
        INSERT INTO survey_campaign_members (round_id, customer_id, stratum_org_unit_id)
        SELECT ${r!.id}, m.c, m.s FROM jsonb_to_recordset(${JSON.stringify(members.slice(i, i + 5_000))}::jsonb) AS m(c uuid, s uuid)`);
    }
    if (o.audit) {
      await appendAudit(tx, o.audit, [{ action: 'create', entityType: 'survey_campaign_round', entityId: r!.id, orgUnitId: c.org_unit_id,
        after: { campaignId: c.id, roundNo, seed, population: shown.population, sampled: shown.sampled } }]);
    }
    return r!.id;
  });
  return (await findRound(db, roundId))!;
}
