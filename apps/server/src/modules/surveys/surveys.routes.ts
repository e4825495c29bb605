import { z } from 'zod';
import {
  ElementWeights, SaveElementWeightsBody,
  SurveyAnalysis, SurveyAnalysisQuery,
  RecordRecoveryBody, ResponseIdParams, SaveRecoverySettingsBody, SurveyRecovery, SurveyRecoveryListQuery, SurveyRecoverySurveys,
  SurveyRule, SurveyRuleSave, SurveyRuleUpdate,
  CreateInvitationBody, OkBody, PublicSurvey, SurveyInvitation, SurveyProgressBody, SurveySubmitBody, SurveySubmitResult, SurveyTokenParams,
  CreateSurveyBody, IdParams, pageOf, SaveSurveyDraftBody, SurveyActionBody, SurveyDetail, SurveyListQuery, SurveySummary, SurveyVersion, SurveyVersionParams,
} from '@qloop/contracts';
import { badRequest, notFound } from '../../lib/errors.js';
import { loadOrgUnitInScope } from '../org/org-scope.js';
import { analyseSurvey } from './analyse-survey.js';
import { listElementWeights, saveElementWeights } from './element-weights.js';
import { defineRoute, type App } from '../../lib/route.js';
import { createSurvey, deleteDraftSurvey, discardSurveyDraft, publishSurvey, saveRecoverySettings, saveSurveyDraft, setSurveyRetired } from './save-survey.js';
import { recordRecovery } from './service-recovery.js';
import { listRecoveries, listRecoverySurveys } from './list-recoveries.js';
import { findSurveyDetail, findSurveySummary, findVersion, listSurveys } from './surveys.repo.js';
import { inviteToSurvey } from './invite.js';
import { registerCampaignRoutes } from './campaigns.routes.js';
import { createSurveyRule, listSurveyRules, updateSurveyRule } from './survey-rules.js';
import { loadPublicSurvey, saveSurveyProgress, submitSurveyAnswers } from './answer-survey.js';
import { registerSurveyInsightRoutes } from './survey-insights.routes.js';
import { registerScanPointRoutes } from './scan-points.routes.js';

const found = <T>(v: T | null, what: string): T => {
  if (v === null) throw notFound(what);
  return v;
};

/** Satisfaction surveys (问卷): build, version and publish questionnaires. */
export function registerSurveyRoutes(app: App): void {
  const tags = ['surveys'];
  registerSurveyInsightRoutes(app);
  registerScanPointRoutes(app);
  registerCampaignRoutes(app);

  defineRoute(app, {
    method: 'GET', url: '/api/v1/surveys', access: 'surveys:read', tags,
    summary: 'Surveys, filtered by state and code or name, sorted and paged; names from the published version (else the draft)',
    schema: { querystring: SurveyListQuery, response: { 200: pageOf(SurveySummary) } },
    handler: async (req, _reply, { database }) => ({ ...(await listSurveys(database.db, req.query)), page: req.query.page, pageSize: req.query.pageSize }),
  });

  defineRoute(app, {
    method: 'POST', url: '/api/v1/surveys', access: 'surveys:manage', tags,
    summary: 'Create a survey: its content becomes draft version 1; audited',
    schema: { body: CreateSurveyBody, response: { 201: SurveyDetail } },
    handler: async (req, reply, { database, principal, audit }) => {
      reply.code(201);
      return createSurvey(database.db, { principal, audit }, req.body);
    },
  });

  defineRoute(app, {
    method: 'GET', url: '/api/v1/surveys/:id', access: 'surveys:read', tags,
    summary: 'A survey with its draft and published versions and the history of published versions',
    schema: { params: IdParams, response: { 200: SurveyDetail } },
    handler: async (req, _reply, { database }) => found(await findSurveyDetail(database.db, req.params.id), 'survey'),
  });

  defineRoute(app, {
    method: 'GET', url: '/api/v1/surveys/:id/versions/:version', access: 'surveys:read', tags,
    summary: 'One version of a survey as it was published (or the draft), with the number of answers it received',
    schema: { params: SurveyVersionParams, response: { 200: SurveyVersion } },
    handler: async (req, _reply, { database }) => found(await findVersion(database.db, req.params.id, req.params.version), 'survey version'),
  });

  defineRoute(app, {
    method: 'PUT', url: '/api/v1/surveys/:id/draft', access: 'surveys:manage', tags,
    summary: 'Save the draft; on a published survey without a draft this starts the next version (the published one never changes); audited',
    schema: { params: IdParams, body: SaveSurveyDraftBody, response: { 200: SurveyDetail } },
    handler: async (req, _reply, { database, principal, audit }) => saveSurveyDraft(database.db, { principal, audit }, req.params.id, req.body),
  });

  defineRoute(app, {
    method: 'DELETE', url: '/api/v1/surveys/:id/draft', access: 'surveys:manage', tags,
    summary: 'Discard the draft of a published survey; audited',
    schema: { params: IdParams, body: SurveyActionBody, response: { 200: SurveyDetail } },
    handler: async (req, _reply, { database, principal, audit }) => discardSurveyDraft(database.db, { principal, audit }, req.params.id, req.body.rowVersion),
  });

  defineRoute(app, {
    method: 'POST', url: '/api/v1/surveys/:id/publish', access: 'surveys:manage', tags,
    summary: 'Publish the draft: it becomes the version answered from now on and never changes again; answers keep their version; audited',
    schema: { params: IdParams, body: SurveyActionBody, response: { 200: SurveyDetail } },
    handler: async (req, _reply, { database, principal, audit }) => publishSurvey(database.db, { principal, audit }, req.params.id, req.body.rowVersion),
  });

  defineRoute(app, {
    method: 'POST', url: '/api/v1/surveys/:id/invitations', access: 'surveys:manage', tags,
    summary: 'Invite a customer (about a ticket, or directly) to answer the published version: a signed single-use link, sent by SMS or email through the outbound channel or handed over; audited',
    schema: { params: IdParams, body: CreateInvitationBody, response: { 201: SurveyInvitation } },
    handler: async (req, reply, { database, principal, audit }) => {
      reply.code(201);
      return inviteToSurvey(database.db, { principal, audit, secret: app.sessionSecret, surveyId: req.params.id, ...req.body });
    },
  });

  defineRoute(app, {
    method: 'GET', url: '/api/v1/survey-rules', access: 'surveys:read', tags,
    summary: 'Post-ticket sending rules, oldest first (the first matching active rule sends), with what each has sent and skipped',
    schema: { response: { 200: z.object({ items: z.array(SurveyRule) }) } },
    handler: async (_req, _reply, { database }) => ({ items: await listSurveyRules(database.db) }),
  });

  defineRoute(app, {
    method: 'POST', url: '/api/v1/survey-rules', access: 'surveys:manage', tags,
    summary: 'Add a sending rule: a survey by SMS when a matching ticket is answered or closed, at most once per customer per cool-down; audited',
    schema: { body: SurveyRuleSave, response: { 201: SurveyRule } },
    handler: async (req, reply, { database, audit }) => {
      reply.code(201);
      return createSurveyRule(database.db, audit, req.body);
    },
  });

  defineRoute(app, {
    method: 'PUT', url: '/api/v1/survey-rules/:id', access: 'surveys:manage', tags,
    summary: 'Change a sending rule (send the version you loaded); audited',
    schema: { params: IdParams, body: SurveyRuleUpdate, response: { 200: SurveyRule } },
    handler: async (req, _reply, { database, audit }) => updateSurveyRule(database.db, audit, req.params.id, req.body),
  });

  defineRoute(app, {
    method: 'PUT', url: '/api/v1/surveys/:id/recovery', access: 'surveys:manage', tags,
    summary: 'Which scores open a service-recovery ticket (CSAT at most, NPS at most; null: never); audited',
    schema: { params: IdParams, body: SaveRecoverySettingsBody, response: { 200: SurveyDetail } },
    handler: async (req, _reply, { database, principal, audit }) => saveRecoverySettings(database.db, { principal, audit }, req.params.id, req.body),
  });

  defineRoute(app, {
    method: 'GET', url: '/api/v1/survey-recoveries', access: 'tickets:read', tags,
    summary: 'Service recoveries (服务补救) whose tickets you can see, with the answer in words: by status (open, recovered, lost), org unit, survey, recovery ticket and answer days; newest or oldest first; paged',
    schema: { querystring: SurveyRecoveryListQuery, response: { 200: pageOf(SurveyRecovery) } },
    handler: async (req, _reply, { database, principal }) => listRecoveries(database.db, principal, req.query),
  });

  defineRoute(app, {
    method: 'GET', url: '/api/v1/survey-recoveries/surveys', access: 'tickets:read', tags,
    summary: 'The surveys that opened the service recoveries you can see (the choices of the list\'s survey filter)',
    schema: { response: { 200: SurveyRecoverySurveys } },
    handler: async (_req, _reply, { database, principal }) => listRecoverySurveys(database.db, principal),
  });

  defineRoute(app, {
    method: 'POST', url: '/api/v1/survey-recoveries/:responseId/outcome', access: 'tickets:handle', tags,
    summary: 'Close the loop of a recovery: was the customer won back? The recovery ticket must be closed; recorded once; audited',
    schema: { params: ResponseIdParams, body: RecordRecoveryBody, response: { 200: SurveyRecovery } },
    handler: async (req, _reply, { database, principal, audit }) => recordRecovery(database.db, { principal, audit, responseId: req.params.responseId, ...req.body }),
  });

  defineRoute(app, {
    method: 'GET', url: '/api/v1/survey-analysis', access: 'surveys:read', tags,
    summary: 'A survey analysed for an org unit (default: yours) and a period: CSAT, NPS, perception elements and the satisfaction index, SERVQUAL gaps, IPA quadrants, child units, sample-size warnings',
    schema: { querystring: SurveyAnalysisQuery, response: { 200: SurveyAnalysis } },
    handler: async (req, _reply, { database, principal }) => {
      const q = req.query;
      if (q.from > q.to) throw badRequest('the period ends before it starts', [{ path: 'querystring.to', message: 'must not be before from' }]);
      found(await findSurveySummary(database.db, q.survey), 'survey');
      const unit = await loadOrgUnitInScope(database.db, principal, q.orgUnit ?? principal.orgUnitId);
      return analyseSurvey(database.db, { surveyId: q.survey, unit, from: q.from, to: q.to });
    },
  });

  defineRoute(app, {
    method: 'GET', url: '/api/v1/survey-element-weights', access: 'surveys:read', tags,
    summary: 'Weights of the perception elements in the satisfaction index (满意度指数); an element not listed weighs 1',
    schema: { response: { 200: ElementWeights } },
    handler: async (_req, _reply, { database }) => ({ items: await listElementWeights(database.db) }),
  });

  defineRoute(app, {
    method: 'PUT', url: '/api/v1/survey-element-weights', access: 'surveys:manage', tags,
    summary: 'Replace the perception-element weights of the satisfaction index; audited',
    schema: { body: SaveElementWeightsBody, response: { 200: ElementWeights } },
    handler: async (req, _reply, { database, principal, audit }) => ({ items: await saveElementWeights(database.db, { principal, audit, weights: req.body.weights }) }),
  });

  const publicTags = ['surveys (public)'];
  defineRoute(app, {
    method: 'GET', url: '/api/v1/public/surveys/:token', access: 'public', tags: publicTags,
    summary: 'The survey a link opens (the version it was sent for) with the progress saved so far; refusals carry details.reason: invalid (404), expired / answered / closed (409)',
    rateLimit: { max: 60, timeWindow: '1 minute' },
    schema: { params: SurveyTokenParams, response: { 200: PublicSurvey } },
    handler: async (req, _reply, { database }) => loadPublicSurvey(database.db, app.sessionSecret, req.params.token),
  });

  defineRoute(app, {
    method: 'PUT', url: '/api/v1/public/surveys/:token/progress', access: 'public', tags: publicTags,
    summary: 'Keep a half-filled answer (checked, required questions may be missing)',
    rateLimit: { max: app.config.surveyRateLimit * 5, timeWindow: '10 minutes' },
    schema: { params: SurveyTokenParams, body: SurveyProgressBody, response: { 200: OkBody } },
    handler: async (req, _reply, { database }) => {
      await saveSurveyProgress(database.db, app.sessionSecret, req.params.token, req.body.answers);
      return { ok: true as const };
    },
  });

  defineRoute(app, {
    method: 'POST', url: '/api/v1/public/surveys/:token/answers', access: 'public', tags: publicTags,
    summary: 'Answer: once per link; checked against the version; a flood from one address is refused (429)',
    rateLimit: { max: app.config.surveyRateLimit, timeWindow: '10 minutes' },
    schema: { params: SurveyTokenParams, body: SurveySubmitBody, response: { 201: SurveySubmitResult } },
    handler: async (req, reply, { database }) => {
      reply.code(201);
      return submitSurveyAnswers(database.db, app.sessionSecret, req.params.token, req.body.answers);
    },
  });

  defineRoute(app, {
    method: 'DELETE', url: '/api/v1/surveys/:id', access: 'surveys:manage', tags,
    summary: 'Delete a survey that was never published (a published one is retired instead); audited',
    schema: { params: IdParams, querystring: z.strictObject({ rowVersion: z.coerce.number().int().min(1) }), response: { 200: OkBody } },
    handler: async (req, _reply, { database, principal, audit }) => {
      await deleteDraftSurvey(database.db, { principal, audit }, req.params.id, req.query.rowVersion);
      return { ok: true as const };
    },
  });

  for (const [action, retired] of [['retire', true], ['reinstate', false]] as const) {
    defineRoute(app, {
      method: 'POST', url: `/api/v1/surveys/:id/${action}`, access: 'surveys:manage', tags,
      summary: retired ? 'Retire a survey: no longer sent or answerable; its answers stay; audited' : 'Put a retired survey back in use; audited',
      schema: { params: IdParams, body: SurveyActionBody, response: { 200: SurveyDetail } },
      handler: async (req, _reply, { database, principal, audit }) => setSurveyRetired(database.db, { principal, audit }, req.params.id, req.body.rowVersion, retired),
    });
  }
}
