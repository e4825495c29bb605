import { sql } from 'drizzle-orm';
import type { SurveyRule } from '@qloop/contracts';
import { z } from 'zod';
import { SurveyRuleSave } from '@qloop/contracts';
import { rowsOf, type Db } from '../../db/client.js';
import { badRequest, conflict, notFound } from '../../lib/errors.js';
import { appendAudit, type AuditContext } from '../audit/append-audit.js';

/** Post-ticket sending rules (table survey_rules): list, create, change; audited. */

type Values = z.output<typeof SurveyRuleSave>;
type Row = {
  id: string; survey_id: string; code: string; name_zh: string; name_en: string; trigger: 'answered' | 'closed'; types: string[]; channels: string[];
  category_ids: string[]; cooldown_days: number; expires_in_days: number; active: boolean; version: number; updated_at: string | Date; sent: number; skipped: number;
};

const SELECT = sql`
  SELECT r.*, s.code, coalesce(v.content->>'nameZh', s.code) AS name_zh, coalesce(v.content->>'nameEn', s.code) AS name_en,
         (SELECT count(*)::int FROM survey_sends x WHERE x.rule_id = r.id AND x.outcome = 'sent') AS sent,
         (SELECT count(*)::int FROM survey_sends x WHERE x.rule_id = r.id AND x.outcome <> 'sent') AS skipped
  FROM survey_rules r JOIN surveys s ON s.id = r.survey_id
  LEFT JOIN survey_versions v ON v.survey_id = s.id AND v.version = coalesce(s.published_version, s.draft_version)`;

const toRule = (r: Row): SurveyRule => ({
  id: r.id, surveyId: r.survey_id, surveyCode: r.code, surveyNameZh: r.name_zh, surveyNameEn: r.name_en, trigger: r.trigger, types: r.types, channels: r.channels,
  categoryIds: r.category_ids, cooldownDays: r.cooldown_days, expiresInDays: r.expires_in_days, active: r.active, version: r.version,
  updatedAt: (r.updated_at instanceof Date ? r.updated_at : new Date(r.updated_at)).toISOString(), sent: Number(r.sent), skipped: Number(r.skipped),
});

export async function listSurveyRules(db: Db): Promise<SurveyRule[]> {
  return rowsOf<Row>(await db.execute(sql`${SELECT} ORDER BY r.created_at, r.id`)).map(toRule);
}

async function findRule(db: Db, id: string): Promise<SurveyRule | null> {
  const [row] = rowsOf<Row>(await db.execute(sql`${SELECT} WHERE r.id = ${id}`));
  return row ? toRule(row) : null;
}

const arr = (ids: readonly string[], type: 'text' | 'uuid') => (ids.length ? sql`ARRAY[${sql.join(ids.map((i) => sql`${i}`), sql`, `)}]::${sql.raw(type)}[]` : sql`'{}'::${sql.raw(type)}[]`);

async function check(db: Db, v: Values) {
  const [s] = rowsOf<{ state: string }>(await db.execute(sql`SELECT state FROM surveys WHERE id = ${v.surveyId}`));
  if (!s) throw badRequest('no such survey', [{ path: 'body.surveyId', message: 'unknown survey' }]);
  if (v.active && s.state !== 'published') throw badRequest('an active rule sends a published survey: publish it first', [{ path: 'body.surveyId', message: 'not published' }]);
  if (v.categoryIds.length) {
    const known = rowsOf<{ id: string }>(await db.execute(sql`SELECT id FROM categories WHERE id = ANY(${arr(v.categoryIds, 'uuid')})`)).length;
    if (known !== new Set(v.categoryIds).size) throw badRequest('a category does not exist', [{ path: 'body.categoryIds', message: 'unknown category' }]);
  }
}

export async function createSurveyRule(db: Db, audit: AuditContext, v: Values): Promise<SurveyRule> {
  return db.transaction(async (tx) => {
    await check(tx, v);
    const [r] = rowsOf<{ id: string }>(
      await tx.execute(sql`
        INSERT INTO survey_rules (survey_id, trigger, types, channels, category_ids, cooldown_days, expires_in_days, active)
        VALUES (${v.surveyId}, ${v.trigger}, ${arr(v.types, 'text')}, ${arr(v.channels, 'text')}, ${arr(v.categoryIds, 'uuid')}, ${v.cooldownDays}, ${v.expiresInDays}, ${v.active})
        RETURNING id`),
    );
    await appendAudit(tx, audit, [{ action: 'create', entityType: 'survey_rule', entityId: r!.id, after: v }]);
    return (await findRule(tx, r!.id))!;
  });
}

export async function updateSurveyRule(db: Db, audit: AuditContext, id: string, v: Values & { version: number }): Promise<SurveyRule> {
  return db.transaction(async (tx) => {
    const [cur] = rowsOf<{ version: number }>(await tx.execute(sql`SELECT version FROM survey_rules WHERE id = ${id} FOR UPDATE`));
    if (!cur) throw notFound('survey rule');
    if (cur.version !== v.version) throw conflict('this rule was changed by someone else; reload it and try again', { currentVersion: cur.version });
    const before = await findRule(tx, id);
    await check(tx, v);
    await tx.execute(sql`
      UPDATE survey_rules SET survey_id = ${v.surveyId}, trigger = ${v.trigger}, types = ${arr(v.types, 'text')}, channels = ${arr(v.channels, 'text')},
        category_ids = ${arr(v.categoryIds, 'uuid')}, cooldown_days = ${v.cooldownDays}, expires_in_days = ${v.expiresInDays}, active = ${v.active},
        version = version + 1, updated_at = now() WHERE id = ${id}`);
    const { version: _v, ...after } = v;
    await appendAudit(tx, audit, [{ action: 'update', entityType: 'survey_rule', entityId: id, before, after }]);
    return (await findRule(tx, id))!;
  });
}
