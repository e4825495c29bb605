import { sql } from 'drizzle-orm';
import type { CampaignPreview } from '@qloop/contracts';
import { rowsOf, type Db } from '../../db/client.js';
import { drawStratifiedSample, type StratifiedSample } from './analysis/sampling.js';

/** What decides who a campaign can reach (the saved campaign's columns, camel-cased). */
export type CampaignPopulationSpec = {
  orgUnitId: string; tiers: readonly string[]; activeWithinDays: number | null; channel: 'sms' | 'link'; cooldownDays: number;
  sampleSize: number; minPerStratum: number | null; maxPerStratum: number | null;
};

type Stratum = { orgUnitId: string; orgUnitName: string; memberIds: string[] };

/**
 * The campaign's population split into strata: one per child unit of the campaign's unit (with its
 * subtree), plus the unit itself for customers kept directly on it (only when there are any). A
 * customer is in the population when they agreed to surveys, have a phone for an SMS campaign, are
 * of a chosen tier, had a ticket within the active window (if set), and were not invited to any
 * survey within the cool-down.
 */
export async function loadCampaignStrata(db: Db, c: CampaignPopulationSpec): Promise<Stratum[]> {
  const [unit] = rowsOf<{ depth: number; name: string }>(await db.execute(sql`SELECT array_length(path, 1) AS depth, name FROM org_units WHERE id = ${c.orgUnitId}`));
  if (!unit) return [];
  const children = rowsOf<{ id: string; name: string }>(
    await db.execute(sql`SELECT id, name FROM org_units WHERE parent_id = ${c.orgUnitId} ORDER BY code, id`),
  );
  const conds = [sql`ou.path @> ARRAY[${c.orgUnitId}]::uuid[]`, sql`cu.consent_survey`];
  if (c.channel === 'sms') conds.push(sql`cu.phone IS NOT NULL`);
  if (c.tiers.length) conds.push(sql`cu.tier IN (${sql.join(c.tiers.map((t) => sql`${t}`), sql`, `)})`);
  if (c.activeWithinDays !== null) {
    conds.push(sql`EXISTS (SELECT 1 FROM tickets t WHERE t.customer_id = cu.id AND t.created_at > now() - make_interval(days => ${c.activeWithinDays}))`);
  }
  if (c.cooldownDays > 0) {
    conds.push(sql`NOT EXISTS (SELECT 1 FROM survey_invitations i WHERE i.customer_id = cu.id AND i.created_at > now() - make_interval(days => ${c.cooldownDays}))`);
  }
  const members = rowsOf<{ stratum: string; ids: string[] }>(
    await db.execute(sql`
      SELECT coalesce(ou.path[${unit.depth + 1}], ${c.orgUnitId}::uuid) AS stratum, array_agg(cu.id::text) AS ids
      FROM customers cu JOIN org_units ou ON ou.id = cu.org_unit_id
      WHERE ${sql.join(conds, sql` AND `)}
      GROUP BY 1`),
  );
  const byStratum = new Map(members.map((m) => [m.stratum, m.ids]));
  const strata: Stratum[] = children.map((ch) => ({ orgUnitId: ch.id, orgUnitName: ch.name, memberIds: byStratum.get(ch.id) ?? [] }));
  const own = byStratum.get(c.orgUnitId);
  if (own?.length || !children.length) strata.unshift({ orgUnitId: c.orgUnitId, orgUnitName: unit.name, memberIds: own ?? [] });
  return strata;
}

/** Draws the stratified sample (400 with a message when it cannot be drawn as asked). */
export function drawCampaignSample(c: CampaignPopulationSpec, strata: readonly Stratum[], seed: number): StratifiedSample {
  return drawStratifiedSample({
    strata: strata.map((s) => ({ key: s.orgUnitId, memberIds: s.memberIds })),
    sampleSize: c.sampleSize,
    seed,
    ...(c.minPerStratum !== null ? { minPerStratum: c.minPerStratum } : {}),
    ...(c.maxPerStratum !== null ? { maxPerStratum: c.maxPerStratum } : {}),
  });
}

/** The strata as shown: population, exact share and quota of each unit. */
export function describeSample(strata: readonly Stratum[], sample: StratifiedSample): CampaignPreview {
  const names = new Map(strata.map((s) => [s.orgUnitId, s.orgUnitName]));
  return {
    population: sample.strata.reduce((a, s) => a + s.population, 0),
    sampled: sample.total,
    strata: sample.strata.map((s) => ({ orgUnitId: s.key, orgUnitName: names.get(s.key) ?? '', population: s.population, share: Math.round(s.share * 100) / 100, quota: s.quota })),
  };
}

/** What a campaign would draw now, without writing anything. */
export async function previewCampaign(db: Db, c: CampaignPopulationSpec): Promise<CampaignPreview> {
  const strata = await loadCampaignStrata(db, c);
  return describeSample(strata, drawCampaignSample(c, strata, 1));
}
