import { sql, type SQL } from 'drizzle-orm';
import type { z } from 'zod';
import type { Campaign, CampaignDetail, CampaignListQuery, CampaignRound, CampaignStratum } from '@qloop/contracts';
import { rowsOf, type Db } from '../../db/client.js';
import { orgScopeCondition, orgSubtreeCondition } from '../../lib/scope.js';
import type { Principal } from '../auth/principal.js';

/** Satisfaction campaigns and their rounds: SQL and row mapping only. */

const iso = (v: string | Date) => (v instanceof Date ? v : new Date(v)).toISOString();
const isoOrNull = (v: string | Date | null) => (v ? iso(v) : null);

type RoundRow = {
  id: string; campaign_id: string; round_no: number; survey_version: number | null; seed: string | number; state: CampaignRound['state']; trigger: CampaignRound['trigger'];
  population: number; sampled: number; invited: number; skipped: number; answered: number; strata: CampaignStratum[]; error: string | null;
  started_at: string | Date; finished_at: string | Date | null;
};
const ROUND_SELECT = sql`
  SELECT r.*, (SELECT count(*)::int FROM survey_invitations i WHERE i.campaign_round_id = r.id AND i.answered_at IS NOT NULL) AS answered
  FROM survey_campaign_rounds r`;
const toRound = (r: RoundRow): CampaignRound => ({
  id: r.id, roundNo: r.round_no, surveyVersion: r.survey_version, seed: Number(r.seed), state: r.state, trigger: r.trigger,
  population: r.population, sampled: r.sampled, invited: r.invited, skipped: r.skipped, answered: Number(r.answered),
  responseRate: r.invited > 0 ? Number(r.answered) / r.invited : null, strata: r.strata, error: r.error,
  startedAt: iso(r.started_at), finishedAt: isoOrNull(r.finished_at),
});

type CampaignRow = {
  id: string; name: string; survey_id: string; code: string; name_zh: string; name_en: string; org_unit_id: string; org_unit_name: string;
  tiers: string[]; active_within_days: number | null; sample_size: number; min_per_stratum: number | null; max_per_stratum: number | null;
  channel: Campaign['channel']; expires_in_days: number; cooldown_days: number; recurrence: Campaign['recurrence']; next_run_at: string | Date | null;
  active: boolean; row_version: number; rounds: number; created_at: string | Date; updated_at: string | Date; last_round: RoundRow | null;
};
const SELECT = sql`
  SELECT c.*, s.code, coalesce(v.content->>'nameZh', s.code) AS name_zh, coalesce(v.content->>'nameEn', s.code) AS name_en, u.name AS org_unit_name,
         (SELECT count(*)::int FROM survey_campaign_rounds r WHERE r.campaign_id = c.id) AS rounds,
         (SELECT to_jsonb(x) FROM (${ROUND_SELECT} WHERE r.campaign_id = c.id ORDER BY r.round_no DESC LIMIT 1) x) AS last_round
  FROM survey_campaigns c JOIN surveys s ON s.id = c.survey_id JOIN org_units u ON u.id = c.org_unit_id
  LEFT JOIN survey_versions v ON v.survey_id = s.id AND v.version = coalesce(s.published_version, s.draft_version)`;
const toCampaign = (r: CampaignRow): Campaign => ({
  id: r.id, name: r.name, surveyId: r.survey_id, surveyCode: r.code, surveyNameZh: r.name_zh, surveyNameEn: r.name_en, orgUnitId: r.org_unit_id, orgUnitName: r.org_unit_name,
  tiers: r.tiers, activeWithinDays: r.active_within_days, sampleSize: r.sample_size, minPerStratum: r.min_per_stratum, maxPerStratum: r.max_per_stratum,
  channel: r.channel, expiresInDays: r.expires_in_days, cooldownDays: r.cooldown_days, recurrence: r.recurrence, nextRunAt: isoOrNull(r.next_run_at),
  active: r.active, rowVersion: r.row_version, rounds: Number(r.rounds), lastRound: r.last_round ? toRound(r.last_round) : null,
  createdAt: iso(r.created_at), updatedAt: iso(r.updated_at),
});

const SORTS: Record<string, SQL> = {
  name: sql`y.name ASC`, '-name': sql`y.name DESC`, createdAt: sql`y.created_at ASC`, '-createdAt': sql`y.created_at DESC`,
  nextRunAt: sql`y.next_run_at ASC NULLS LAST`, '-nextRunAt': sql`y.next_run_at DESC NULLS LAST`,
};

/** Campaigns whose population unit is in the caller's scope, filtered, sorted and paged. */
export async function listCampaigns(db: Db, p: Principal, q: z.output<typeof CampaignListQuery>) {
  const conds = [sql`true`];
  const scope = orgScopeCondition(p, sql`c.org_unit_id`);
  if (scope) conds.push(scope);
  if (q.orgUnit) conds.push(orgSubtreeCondition(q.orgUnit, sql`c.org_unit_id`));
  if (q.surveyId) conds.push(sql`c.survey_id = ${q.surveyId}`);
  if (q.active !== undefined) conds.push(sql`c.active = ${q.active}`);
  if (q.q) conds.push(sql`(c.name ILIKE ${`%${q.q}%`} OR s.code ILIKE ${`%${q.q}%`})`);
  const rows = rowsOf<CampaignRow & { total: number }>(
    await db.execute(sql`SELECT y.*, count(*) OVER ()::int AS total FROM (${SELECT} WHERE ${sql.join(conds, sql` AND `)}) y
      ORDER BY ${SORTS[q.sort]}, y.id LIMIT ${q.pageSize} OFFSET ${(q.page - 1) * q.pageSize}`),
  );
  return { items: rows.map(toCampaign), total: Number(rows[0]?.total ?? 0), page: q.page, pageSize: q.pageSize };
}

export async function findCampaign(db: Db, id: string): Promise<Campaign | null> {
  const [row] = rowsOf<CampaignRow>(await db.execute(sql`${SELECT} WHERE c.id = ${id}`));
  return row ? toCampaign(row) : null;
}

export async function findCampaignDetail(db: Db, id: string): Promise<CampaignDetail | null> {
  const c = await findCampaign(db, id);
  if (!c) return null;
  const rounds = rowsOf<RoundRow>(await db.execute(sql`${ROUND_SELECT} WHERE r.campaign_id = ${id} ORDER BY r.round_no DESC`));
  return { ...c, roundList: rounds.map(toRound) };
}

export async function findRound(db: Db, id: string): Promise<CampaignRound | null> {
  const [row] = rowsOf<RoundRow>(await db.execute(sql`${ROUND_SELECT} WHERE r.id = ${id}`));
  return row ? toRound(row) : null;
}
