import { Campaign, CampaignDetail, CampaignListQuery, CampaignPreview, CampaignRound, CampaignSave, CampaignUpdate, IdParams, pageOf } from '@qloop/contracts';
import { badRequest, notFound } from '../../lib/errors.js';
import { pathInScope } from '../../lib/scope.js';
import { defineRoute, type App } from '../../lib/route.js';
import { loadOrgUnitInScope } from '../org/org-scope.js';
import { previewCampaign } from './campaign-population.js';
import { findCampaignDetail, listCampaigns } from './campaigns.repo.js';
import { createCampaign, updateCampaign } from './save-campaign.js';
import { startCampaignRound } from './start-campaign-round.js';

/** Satisfaction campaigns (满意度测评活动): sampled, stratified survey rounds, by hand or on a schedule. */
export function registerCampaignRoutes(app: App): void {
  const tags = ['surveys'];

  defineRoute(app, {
    method: 'GET', url: '/api/v1/survey-campaigns', access: 'surveys:read', tags,
    summary: 'Campaigns whose unit is in your scope, filtered by name/survey code, survey, org subtree and active, sorted and paged, each with its last round',
    schema: { querystring: CampaignListQuery, response: { 200: pageOf(Campaign) } },
    handler: async (req, _reply, { database, principal }) => listCampaigns(database.db, principal, req.query),
  });

  defineRoute(app, {
    method: 'POST', url: '/api/v1/survey-campaigns', access: 'surveys:manage', tags,
    summary: 'Create a campaign; audited',
    schema: { body: CampaignSave, response: { 201: Campaign } },
    handler: async (req, reply, { database, principal, audit }) => {
      reply.code(201);
      return createCampaign(database.db, { principal, audit }, req.body);
    },
  });

  defineRoute(app, {
    method: 'POST', url: '/api/v1/survey-campaigns/preview', access: 'surveys:manage', tags,
    summary: 'What a campaign would draw now: population and quota per unit (nothing is written); 400 when the sample cannot be drawn as asked',
    schema: { body: CampaignSave, response: { 200: CampaignPreview } },
    handler: async (req, _reply, { database, principal }) => {
      await loadOrgUnitInScope(database.db, principal, req.body.orgUnitId).catch(() => {
        throw badRequest('the org unit does not exist or is outside your scope', [{ path: 'body.orgUnitId', message: 'unknown org unit' }]);
      });
      return previewCampaign(database.db, req.body);
    },
  });

  defineRoute(app, {
    method: 'GET', url: '/api/v1/survey-campaigns/:id', access: 'surveys:read', tags,
    summary: 'A campaign with all its rounds: strata, progress (invited of sampled) and response rate',
    schema: { params: IdParams, response: { 200: CampaignDetail } },
    handler: async (req, _reply, { database, principal }) => {
      const c = await findCampaignDetail(database.db, req.params.id);
      if (!c) throw notFound('campaign');
      const unit = await loadOrgUnitInScope(database.db, principal, c.orgUnitId).catch(() => null);
      if (!unit || !pathInScope(principal, unit.path)) throw notFound('campaign');
      return c;
    },
  });

  defineRoute(app, {
    method: 'PUT', url: '/api/v1/survey-campaigns/:id', access: 'surveys:manage', tags,
    summary: 'Change a campaign (also to pause or resume it with `active`); stale rowVersion → 409; audited',
    schema: { params: IdParams, body: CampaignUpdate, response: { 200: Campaign } },
    handler: async (req, _reply, { database, principal, audit }) => updateCampaign(database.db, { principal, audit }, req.params.id, req.body),
  });

  defineRoute(app, {
    method: 'POST', url: '/api/v1/survey-campaigns/:id/rounds', access: 'surveys:manage', tags,
    summary: 'Start a round now: the sample is drawn and stored at once, the invitations follow in batches (watch `invited`); 409 while a round is sending; audited',
    schema: { params: IdParams, response: { 201: CampaignRound } },
    handler: async (req, reply, { database, principal, audit }) => {
      reply.code(201);
      return startCampaignRound(database.db, { campaignId: req.params.id, trigger: 'manual', principal, audit });
    },
  });
}
