import { z } from 'zod';
import { Indicator, IndicatorValue, IndicatorValueQuery } from '@qloop/contracts';
import { badRequest, notFound } from '../../lib/errors.js';
import { defineRoute, type App } from '../../lib/route.js';
import { loadOrgUnitInScope } from '../org/org-scope.js';
import { BUILT_IN_INDICATORS } from './built-in-indicators.js';
import { computeIndicator } from './compute-indicator.js';

export function registerIndicatorRoutes(app: App): void {
  const tags = ['indicators'];

  defineRoute(app, {
    method: 'GET',
    url: '/api/v1/indicators',
    access: 'indicators:read',
    summary: 'The indicator library (指标库): every indicator with its formula, unit, direction, target and thresholds',
    tags,
    schema: { response: { 200: z.object({ items: z.array(Indicator) }) } },
    handler: async () => ({ items: [...BUILT_IN_INDICATORS] }),
  });

  defineRoute(app, {
    method: 'GET',
    url: '/api/v1/indicators/:key/value',
    access: 'indicators:read',
    summary: 'An indicator for an org unit (with its descendants; default: your own) and a period of days in Asia/Shanghai; value null = no data',
    tags,
    schema: { params: z.strictObject({ key: z.string().max(60) }), querystring: IndicatorValueQuery, response: { 200: IndicatorValue } },
    handler: async (req, _reply, { database, principal }) => {
      const ind = BUILT_IN_INDICATORS.find((i) => i.key === req.params.key);
      if (!ind) throw notFound('indicator');
      const { from, to } = req.query;
      if (from > to) throw badRequest('the period ends before it starts', [{ path: 'querystring.to', message: 'must not be before from' }]);
      // an org unit outside the caller's scope does not exist for them
      const unit = await loadOrgUnitInScope(database.db, principal, req.query.orgUnit ?? principal.orgUnitId);
      return computeIndicator(database.db, ind, { orgUnitId: unit.id, from, to });
    },
  });
}
