import { sql } from 'drizzle-orm';
import { CampaignSave, type Campaign } from '@qloop/contracts';
import type { z } from 'zod';
import { rowsOf, type Db } from '../../db/client.js';
import { badRequest, conflict, notFound } from '../../lib/errors.js';
import { pathInScope } from '../../lib/scope.js';
import { appendAudit, type AuditContext } from '../audit/append-audit.js';
import type { Principal } from '../auth/principal.js';
import { loadOrgUnitInScope } from '../org/org-scope.js';
import { findCampaign } from './campaigns.repo.js';

/** Creating and changing satisfaction campaigns; every change audited. */

type Values = z.output<typeof CampaignSave>;
type Ctx = { principal: Principal; audit: AuditContext };

const tiers = (t: readonly string[]) => (t.length ? sql`ARRAY[${sql.join(t.map((x) => sql`${x}`), sql`, `)}]::text[]` : sql`'{}'::text[]`);

async function check(db: Db, p: Principal, v: Values) {
  await loadOrgUnitInScope(db, p, v.orgUnitId).catch(() => {
    throw badRequest('the org unit does not exist or is outside your scope', [{ path: 'body.orgUnitId', message: 'unknown org unit' }]);
  });
  const [s] = rowsOf<{ state: string }>(await db.execute(sql`SELECT state FROM surveys WHERE id = ${v.surveyId}`));
  if (!s) throw badRequest('no such survey', [{ path: 'body.surveyId', message: 'unknown survey' }]);
  if (v.active && s.state !== 'published') throw badRequest('an active campaign sends a published survey: publish it first', [{ path: 'body.surveyId', message: 'not published' }]);
}

/** The campaign locked for a change, refused when out of scope (404) or changed meanwhile (409). */
export async function lockCampaign(tx: Db, p: Principal, id: string, rowVersion?: number) {
  const [cur] = rowsOf<{ row_version: number; path: string[] }>(
    await tx.execute(sql`SELECT c.row_version, u.path FROM survey_campaigns c JOIN org_units u ON u.id = c.org_unit_id WHERE c.id = ${id} FOR UPDATE OF c`),
  );
  if (!cur || !pathInScope(p, cur.path)) throw notFound('campaign');
  if (rowVersion !== undefined && cur.row_version !== rowVersion) throw conflict('this campaign was changed by someone else; reload it and try again', { currentVersion: cur.row_version });
}

export async function createCampaign(db: Db, o: Ctx, v: Values): Promise<Campaign> {
  return db.transaction(async (tx) => {
    await check(tx, o.principal, v);
    const [r] = rowsOf<{ id: string }>(
      await tx.execute(sql`
        INSERT INTO survey_campaigns (name, survey_id, org_unit_id, tiers, active_within_days, sample_size, min_per_stratum, max_per_stratum, channel,
          expires_in_days, cooldown_days, recurrence, next_run_at, active, created_by)
        VALUES (${v.name}, ${v.surveyId}, ${v.orgUnitId}, ${tiers(v.tiers)}, ${v.activeWithinDays}, ${v.sampleSize}, ${v.minPerStratum}, ${v.maxPerStratum}, ${v.channel},
          ${v.expiresInDays}, ${v.cooldownDays}, ${v.recurrence}, ${v.nextRunAt}::timestamptz, ${v.active}, ${o.principal.userId})
        RETURNING id`),
    );
    await appendAudit(tx, o.audit, [{ action: 'create', entityType: 'survey_campaign', entityId: r!.id, orgUnitId: v.orgUnitId, after: v }]);
    return (await findCampaign(tx, r!.id))!;
  });
}

export async function updateCampaign(db: Db, o: Ctx, id: string, v: Values & { rowVersion: number }): Promise<Campaign> {
  return db.transaction(async (tx) => {
    await lockCampaign(tx, o.principal, id, v.rowVersion);
    const before = await findCampaign(tx, id);
    await check(tx, o.principal, v);
    await tx.execute(sql`
      UPDATE survey_campaigns SET name = ${v.name}, survey_id = ${v.surveyId}, org_unit_id = ${v.orgUnitId}, tiers = ${tiers(v.tiers)},
        active_within_days = ${v.activeWithinDays}, sample_size = ${v.sampleSize}, min_per_stratum = ${v.minPerStratum}, max_per_stratum = ${v.maxPerStratum},
        channel = ${v.channel}, expires_in_days = ${v.expiresInDays}, cooldown_days = ${v.cooldownDays}, recurrence = ${v.recurrence},
        next_run_at = ${v.nextRunAt}::timestamptz, active = ${v.active}, row_version = row_version + 1, updated_at = now()
      WHERE id = ${id}`);
    const { rowVersion: _rv, ...after } = v;
    await appendAudit(tx, o.audit, [{ action: 'update', entityType: 'survey_campaign', entityId: id, orgUnitId: v.orgUnitId, before, after }]);
    return (await findCampaign(tx, id))!;
  });
}
