import { sql } from 'drizzle-orm';
import { rowsOf, type Db } from '../../db/client.js';
import { AppError } from '../../lib/errors.js';
import { writeInvitation } from './invite.js';
import { startCampaignRound } from './start-campaign-round.js';

type Pending = { customer_id: string; phone: string | null; consent_survey: boolean; org_unit_id: string };
type RoundRow = { id: string; survey_id: string; survey_version: number; name: string | null; channel: string; expires_in_days: number };

/**
 * Writes the next batch of a round's invitations (each customer re-checked: consent may have been
 * withdrawn or the phone removed since the draw), counts progress on the round, and marks it done
 * when nobody is left. One transaction per batch; the round row is locked with SKIP LOCKED so two
 * server instances never send the same batch.
 */
export async function sendCampaignRoundBatch(db: Db, secret: string, roundId: string, batch = 500): Promise<{ invited: number; skipped: number; done: boolean; busy?: true }> {
  return db.transaction(async (tx) => {
    const [r] = rowsOf<RoundRow>(
      await tx.execute(sql`
        SELECT r.id, c.survey_id, r.survey_version, v.content->>'nameZh' AS name, c.channel, c.expires_in_days
        FROM survey_campaign_rounds r JOIN survey_campaigns c ON c.id = r.campaign_id
        JOIN survey_versions v ON v.survey_id = c.survey_id AND v.version = r.survey_version
        WHERE r.id = ${roundId} AND r.state = 'sending' FOR UPDATE OF r SKIP LOCKED`),
    );
    if (!r) return { invited: 0, skipped: 0, done: false, busy: true as const };
    const pending = rowsOf<Pending>(
      await tx.execute(sql`
        SELECT m.customer_id, cu.phone, cu.consent_survey, cu.org_unit_id FROM survey_campaign_members m JOIN customers cu ON cu.id = m.customer_id
        WHERE m.round_id = ${roundId} AND m.outcome IS NULL ORDER BY m.customer_id LIMIT ${batch}`),
    );
    let invited = 0;
    let skipped = 0;
    for (const m of pending) {
      const outcome = !m.consent_survey ? 'no_consent' : r.channel === 'sms' && !m.phone ? 'no_phone' : 'invited';
      let invitationId: string | null = null;
      if (outcome === 'invited') {
        const { row } = await writeInvitation(tx, secret, {
          surveyId: r.survey_id, version: r.survey_version, surveyName: r.name ?? '', ticketId: null, customerId: m.customer_id, phone: m.phone,
          orgUnitId: m.org_unit_id, channel: r.channel, expiresInDays: r.expires_in_days, createdBy: null,
        });
        invitationId = row.id;
        invited++;
      } else skipped++;
      await tx.execute(sql`UPDATE survey_campaign_members SET outcome = ${outcome}, invitation_id = ${invitationId} WHERE round_id = ${roundId} AND customer_id = ${m.customer_id}`);
    }
    await tx.execute(sql`UPDATE survey_invitations SET campaign_round_id = ${roundId} WHERE id IN (SELECT invitation_id FROM survey_campaign_members WHERE round_id = ${roundId} AND invitation_id IS NOT NULL) AND campaign_round_id IS NULL`);
    const done = pending.length < batch;
    await tx.execute(sql`
      UPDATE survey_campaign_rounds SET invited = invited + ${invited}, skipped = skipped + ${skipped}
        ${done ? sql`, state = 'done', finished_at = now()` : sql``}
      WHERE id = ${roundId}`);
    return { invited, skipped, done };
  });
}

/**
 * The campaigns job: starts the rounds that are due (active campaigns whose next run has come), then
 * sends a batch of every round still sending. Each step is its own transaction; a round started by
 * hand is picked up here too, so a restart loses nothing.
 */
export async function runSurveyCampaigns(db: Db, secret: string, opts: { batch?: number; now?: Date } = {}): Promise<{ started: number; invited: number; failed: number }> {
  const due = rowsOf<{ id: string }>(
    await db.execute(sql`
      SELECT c.id FROM survey_campaigns c WHERE c.active AND c.next_run_at <= ${(opts.now ?? new Date()).toISOString()}::timestamptz
        AND NOT EXISTS (SELECT 1 FROM survey_campaign_rounds r WHERE r.campaign_id = c.id AND r.state = 'sending')
      ORDER BY c.next_run_at LIMIT 10`),
  );
  let started = 0;
  let failed = 0;
  const errors: string[] = [];
  // one campaign's trouble must not hold up the others, nor the rounds already sending
  for (const c of due) {
    try {
      const round = await startCampaignRound(db, { campaignId: c.id, trigger: 'schedule' });
      if (round.state === 'failed') failed++;
      else started++;
    } catch (e) {
      if (!(e instanceof AppError && e.status === 409)) errors.push(`campaign ${c.id}: ${e instanceof Error ? e.message : String(e)}`); // 409: started by another instance meanwhile
    }
  }
  let invited = 0;
  const sending = rowsOf<{ id: string }>(await db.execute(sql`SELECT id FROM survey_campaign_rounds WHERE state = 'sending' ORDER BY started_at`));
  for (const r of sending) {
    try {
      invited += (await sendCampaignRoundBatch(db, secret, r.id, opts.batch)).invited;
    } catch (e) {
      errors.push(`round ${r.id}: ${e instanceof Error ? e.message : String(e)}`);
    }
  }
  if (errors.length) throw new Error(`survey campaigns: ${errors.join('; ')} (the others went on)`); // logged by the scheduler
  return { started, invited, failed };
}
