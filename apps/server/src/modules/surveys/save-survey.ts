import { sql } from 'drizzle-orm';
import type { SurveyContent, SurveyDetail } from '@qloop/contracts';
import { rowsOf, type Db } from '../../db/client.js';
import { badRequest, conflict, isUniqueViolation, notFound } from '../../lib/errors.js';
import { appendAudit, type AuditContext } from '../audit/append-audit.js';
import type { Principal } from '../auth/principal.js';
import { findSurveyDetail, findVersion, lockSurvey } from './surveys.repo.js';

/**
 * Building surveys: create (a draft version 1), save the draft (starting the next version from the
 * published content when there is no draft), publish (the draft becomes the answerable version and
 * never changes again), discard a draft, retire and reinstate. Every change is audited; the survey
 * row's version guards against two editors overwriting each other.
 */

type Ctx = { principal: Principal; audit: AuditContext };

/** The perception elements questions name must exist (categories of the tree). */
async function checkContent(db: Db, content: SurveyContent): Promise<void> {
  const ids = [...new Set(content.questions.flatMap((q) => (q.elementId ? [q.elementId] : [])))];
  if (!ids.length) return;
  const known = new Set(
    rowsOf<{ id: string }>(await db.execute(sql`SELECT id FROM categories WHERE id IN (${sql.join(ids.map((i) => sql`${i}::uuid`), sql`, `)})`)).map((r) => r.id),
  );
  content.questions.forEach((q, i) => {
    if (q.elementId && !known.has(q.elementId)) {
      throw badRequest('a question names a perception element that does not exist', [{ path: `body.content.questions.${i}.elementId`, message: 'unknown category' }]);
    }
  });
}

async function locked(tx: Db, id: string, rowVersion: number) {
  const s = await lockSurvey(tx, id);
  if (!s) throw notFound('survey');
  if (s.row_version !== rowVersion) throw conflict('this survey was changed by someone else; reload it and try again', { currentRowVersion: s.row_version });
  return s;
}

const touch = (tx: Db, id: string, set: ReturnType<typeof sql>) =>
  tx.execute(sql`UPDATE surveys SET ${set}, row_version = row_version + 1, updated_at = now() WHERE id = ${id}`);

export async function createSurvey(db: Db, ctx: Ctx, body: { code: string; content: SurveyContent }): Promise<SurveyDetail> {
  return db.transaction(async (tx) => {
    await checkContent(tx, body.content);
    const inserted = await tx
      .execute(sql`INSERT INTO surveys (code, draft_version, created_by) VALUES (${body.code}, 1, ${ctx.principal.userId}) RETURNING id`)
      .catch((err: unknown) => {
        throw isUniqueViolation(err) ? conflict(`a survey with the code “${body.code}” exists already`, { field: 'code' }) : err;
      });
    const id = rowsOf<{ id: string }>(inserted)[0]!.id;
    await tx.execute(sql`INSERT INTO survey_versions (survey_id, version, content) VALUES (${id}, 1, ${JSON.stringify(body.content)}::jsonb)`);
    await appendAudit(tx, ctx.audit, [{ action: 'create', entityType: 'survey', entityId: id, after: { code: body.code, version: 1, content: body.content } }]);
    return (await findSurveyDetail(tx, id))!;
  });
}

export async function saveSurveyDraft(db: Db, ctx: Ctx, id: string, body: { content: SurveyContent; rowVersion: number }): Promise<SurveyDetail> {
  return db.transaction(async (tx) => {
    const s = await locked(tx, id, body.rowVersion);
    await checkContent(tx, body.content);
    if (s.draft_version) {
      const before = await findVersion(tx, id, s.draft_version);
      await tx.execute(sql`UPDATE survey_versions SET content = ${JSON.stringify(body.content)}::jsonb, updated_at = now() WHERE survey_id = ${id} AND version = ${s.draft_version}`);
      await touch(tx, id, sql`state = state`);
      await appendAudit(tx, ctx.audit, [{ action: 'update', entityType: 'survey', entityId: id, before: { version: s.draft_version, content: before?.content }, after: { version: s.draft_version, content: body.content } }]);
    } else {
      // editing a published survey starts the next version; the published one stays as it is
      const next = (s.published_version ?? 0) + 1;
      await tx.execute(sql`INSERT INTO survey_versions (survey_id, version, content) VALUES (${id}, ${next}, ${JSON.stringify(body.content)}::jsonb)`);
      await touch(tx, id, sql`draft_version = ${next}`);
      await appendAudit(tx, ctx.audit, [{ action: 'update', entityType: 'survey', entityId: id, before: { draftVersion: null }, after: { version: next, content: body.content } }]);
    }
    return (await findSurveyDetail(tx, id))!;
  });
}

export async function publishSurvey(db: Db, ctx: Ctx, id: string, rowVersion: number): Promise<SurveyDetail> {
  return db.transaction(async (tx) => {
    const s = await locked(tx, id, rowVersion);
    if (!s.draft_version) throw badRequest('there is no draft to publish: edit the survey first');
    await tx.execute(sql`UPDATE survey_versions SET published_at = now(), published_by = ${ctx.principal.userId} WHERE survey_id = ${id} AND version = ${s.draft_version}`);
    await touch(tx, id, sql`published_version = ${s.draft_version}, draft_version = NULL, state = 'published'`);
    await appendAudit(tx, ctx.audit, [{ action: 'update', entityType: 'survey', entityId: id, before: { state: s.state, publishedVersion: s.published_version }, after: { state: 'published', publishedVersion: s.draft_version } }]);
    return (await findSurveyDetail(tx, id))!;
  });
}

export async function discardSurveyDraft(db: Db, ctx: Ctx, id: string, rowVersion: number): Promise<SurveyDetail> {
  return db.transaction(async (tx) => {
    const s = await locked(tx, id, rowVersion);
    if (!s.draft_version) throw badRequest('there is no draft to discard');
    if (!s.published_version) throw badRequest('a survey never published is its draft: retire it instead of discarding it');
    await tx.execute(sql`DELETE FROM survey_versions WHERE survey_id = ${id} AND version = ${s.draft_version} AND published_at IS NULL`);
    await touch(tx, id, sql`draft_version = NULL`);
    await appendAudit(tx, ctx.audit, [{ action: 'delete', entityType: 'survey_draft', entityId: id, before: { version: s.draft_version }, after: null }]);
    return (await findSurveyDetail(tx, id))!;
  });
}

/** Retired surveys are no longer sent or answerable; their answers stay. Reinstating needs a published version. */
export async function setSurveyRetired(db: Db, ctx: Ctx, id: string, rowVersion: number, retired: boolean): Promise<SurveyDetail> {
  return db.transaction(async (tx) => {
    const s = await locked(tx, id, rowVersion);
    const to = retired ? 'retired' : 'published';
    if (s.state === to) throw badRequest(retired ? 'the survey is retired already' : 'the survey is in use already');
    if (!retired && !s.published_version) throw badRequest('publish the survey first');
    if (retired && !s.published_version) {
      // never published: retiring it needs a version to point at; keep it as a draft instead
      throw badRequest('a draft that was never published is not sent: there is nothing to retire');
    }
    await touch(tx, id, sql`state = ${to}`);
    await appendAudit(tx, ctx.audit, [{ action: 'update', entityType: 'survey', entityId: id, before: { state: s.state }, after: { state: to } }]);
    return (await findSurveyDetail(tx, id))!;
  });
}

/** Which scores open a service-recovery ticket; audited. */
export async function saveRecoverySettings(db: Db, ctx: Ctx, id: string, body: { csatAtMost: number | null; npsAtMost: number | null; rowVersion: number }): Promise<SurveyDetail> {
  return db.transaction(async (tx) => {
    await locked(tx, id, body.rowVersion);
    const [before] = rowsOf<{ csat: number | null; nps: number | null }>(await tx.execute(sql`SELECT recovery_csat_max AS csat, recovery_nps_max AS nps FROM surveys WHERE id = ${id}`));
    await touch(tx, id, sql`recovery_csat_max = ${body.csatAtMost}, recovery_nps_max = ${body.npsAtMost}`);
    await appendAudit(tx, ctx.audit, [
      { action: 'update', entityType: 'survey', entityId: id, before: { recovery: { csatAtMost: before?.csat ?? null, npsAtMost: before?.nps ?? null } }, after: { recovery: { csatAtMost: body.csatAtMost, npsAtMost: body.npsAtMost } } },
    ]);
    return (await findSurveyDetail(tx, id))!;
  });
}

/** Deletes a survey that was never published (nothing was sent or answered); a published one is retired instead. Audited. */
export async function deleteDraftSurvey(db: Db, ctx: Ctx, id: string, rowVersion: number): Promise<void> {
  await db.transaction(async (tx) => {
    const s = await locked(tx, id, rowVersion);
    if (s.published_version) throw badRequest('a published survey keeps its versions and answers: retire it instead of deleting it');
    const [rules] = rowsOf<{ n: number }>(await tx.execute(sql`SELECT count(*)::int AS n FROM survey_rules WHERE survey_id = ${id}`));
    if (rules!.n > 0) throw conflict('sending rules name this survey: change or remove them first', { rules: rules!.n });
    const draft = await findVersion(tx, id, s.draft_version ?? 1);
    await tx.execute(sql`DELETE FROM survey_versions WHERE survey_id = ${id} AND published_at IS NULL`);
    await tx.execute(sql`DELETE FROM surveys WHERE id = ${id}`);
    await appendAudit(tx, ctx.audit, [{ action: 'delete', entityType: 'survey', entityId: id, before: { code: s.code, content: draft?.content }, after: null }]);
  });
}
