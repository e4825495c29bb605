import {
  SurveyBreakdown, SurveyBreakdownQuery, SurveyCommentPage, SurveyCommentsQuery, SurveyKeywords, SurveyKeywordsQuery, SurveyTrend, SurveyTrendQuery,
} from '@qloop/contracts';
import { defineRoute, type App } from '../../lib/route.js';
import { analysisScope } from './analysis-filter.js';
import { listSurveyComments } from './list-survey-comments.js';
import { surveyBreakdown } from './survey-breakdown.js';
import { surveyKeywords } from './survey-keywords.js';
import { surveyTrend } from './survey-trend.js';

/**
 * The satisfaction analysis beyond its headline figures: comments (原话) and their keyword cloud,
 * the trend, breakdowns. Same reader (surveys:read), same survey / org subtree / period as
 * GET /survey-analysis, and the same scope: a unit outside yours is not found.
 */
export function registerSurveyInsightRoutes(app: App): void {
  const tags = ['surveys'];

  defineRoute(app, {
    method: 'GET', url: '/api/v1/survey-analysis/comments', access: 'surveys:read', tags,
    summary: 'The free-text answers (原话) of a survey in an org unit (default: yours) and period, with their keywords: by keyword, NPS band, CSAT at most, channel; newest first or by score; paged. Mobile numbers masked unless you hold pii:unmask (each reveal audited)',
    schema: { querystring: SurveyCommentsQuery, response: { 200: SurveyCommentPage } },
    handler: async (req, _reply, { database, principal, audit }) => {
      const { keyword, band, csatMax, channel, sort, page, pageSize } = req.query;
      const scope = await analysisScope(database.db, principal, req.query);
      return listSurveyComments(database.db, { principal, audit, scope, filters: { keyword, band, csatMax, channel }, sort, page, pageSize });
    },
  });

  defineRoute(app, {
    method: 'GET', url: '/api/v1/survey-analysis/keywords', access: 'surveys:read', tags,
    summary: 'The keyword cloud: the most frequent jieba keywords of the filtered comments with their counts and the share of them from NPS detractors',
    schema: { querystring: SurveyKeywordsQuery, response: { 200: SurveyKeywords } },
    handler: async (req, _reply, { database, principal }) => {
      const { band, csatMax, channel, limit } = req.query;
      return surveyKeywords(database.db, { scope: await analysisScope(database.db, principal, req.query), filters: { band, csatMax, channel }, limit });
    },
  });

  defineRoute(app, {
    method: 'GET', url: '/api/v1/survey-analysis/trend', access: 'surveys:read', tags,
    summary: 'Answers, CSAT, NPS and the satisfaction index per day, week (Monday–Sunday) or month in Asia/Shanghai, each with its count and a small-sample flag; buckets without answers have null figures',
    schema: { querystring: SurveyTrendQuery, response: { 200: SurveyTrend } },
    handler: async (req, _reply, { database, principal }) =>
      surveyTrend(database.db, { scope: await analysisScope(database.db, principal, req.query), granularity: req.query.granularity }),
  });

  defineRoute(app, {
    method: 'GET', url: '/api/v1/survey-analysis/breakdown', access: 'surveys:read', tags,
    summary: 'Answers, CSAT and NPS by service channel, ticket category (level 1 or 2), staff or child unit, with counts and small-sample flags; sorted and paged',
    schema: { querystring: SurveyBreakdownQuery, response: { 200: SurveyBreakdown } },
    handler: async (req, _reply, { database, principal }) => {
      const { by, categoryLevel, sort, page, pageSize } = req.query;
      return surveyBreakdown(database.db, { scope: await analysisScope(database.db, principal, req.query), by, categoryLevel, sort, page, pageSize });
    },
  });
}
