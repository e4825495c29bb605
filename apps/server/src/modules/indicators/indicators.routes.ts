import { z } from 'zod';
import {
  Indicator, IndicatorListQuery, IndicatorSeries, IndicatorSeriesQuery, IndicatorTicketsQuery, IndicatorValue, IndicatorValueQuery, indicatorLevel, pageOf, TicketSummary,
} from '@qloop/contracts';
import { badRequest, notFound } from '../../lib/errors.js';
import { defineRoute, type App } from '../../lib/route.js';
import { loadOrgUnitInScope } from '../org/org-scope.js';
import type { Principal } from '../auth/principal.js';
import type { Db } from '../../db/client.js';
import { loadIndicator, loadIndicators, loadSettingsResolver } from './indicator-catalog.js';
import { registerIndicatorAdminRoutes } from './indicator-admin.routes.js';
import { computeIndicator, computeSeries } from './compute-indicator.js';
import { traceIndicator } from './trace-indicator.js';
import { findTickets, toTicketSummary } from '../tickets/tickets.repo.js';

export function registerIndicatorRoutes(app: App): void {
  const tags = ['indicators'];

  defineRoute(app, {
    method: 'GET',
    url: '/api/v1/indicators',
    access: 'indicators:read',
    summary: 'The indicator library (指标库): every indicator, built-in and custom, with its formula, unit, direction and default target and thresholds (active=true: the dashboard\'s)',
    tags,
    schema: { querystring: IndicatorListQuery, response: { 200: z.object({ items: z.array(Indicator) }) } },
    handler: async (req, _reply, { database }) => {
      const all = await loadIndicators(database.db);
      return { items: req.query.active === undefined ? all : all.filter((i) => i.active === req.query.active) };
    },
  });

  defineRoute(app, {
    method: 'GET',
    url: '/api/v1/indicators/:key/value',
    access: 'indicators:read',
    summary: 'An indicator for an org unit (with its descendants; default: your own) and a period of days in Asia/Shanghai; value null = no data. With the unit\'s effective target and thresholds and the colour (level) they give the value',
    tags,
    schema: { params: z.strictObject({ key: z.string().max(60) }), querystring: IndicatorValueQuery, response: { 200: IndicatorValue } },
    handler: async (req, _reply, { database, principal }) => {
      const { ind, unit } = await figureOf(database.db, principal, req.params.key, req.query);
      const [v, settingsOf] = await Promise.all([computeIndicator(database.db, ind, { orgUnitId: unit.id, from: req.query.from, to: req.query.to }), loadSettingsResolver(database.db, ind)]);
      const { target, thresholds } = settingsOf(unit.path);
      return { ...v, target, thresholds, level: indicatorLevel(v.value, ind.direction, thresholds) };
    },
  });

  defineRoute(app, {
    method: 'GET',
    url: '/api/v1/indicators/:key/series',
    access: 'indicators:read',
    summary: 'An indicator per day, ISO week or month over a period (trend), each point with numerator and denominator',
    tags,
    schema: { params: z.strictObject({ key: z.string().max(60) }), querystring: IndicatorSeriesQuery, response: { 200: IndicatorSeries } },
    handler: async (req, _reply, { database, principal }) => {
      const q = req.query;
      const { ind, unit } = await figureOf(database.db, principal, req.params.key, q);
      const [series, settingsOf] = await Promise.all([computeSeries(database.db, ind, { orgUnitId: unit.id, from: q.from, to: q.to, grain: q.grain }), loadSettingsResolver(database.db, ind)]);
      const { target, thresholds } = settingsOf(unit.path);
      return { ...series, target, thresholds, points: series.points.map((p) => ({ ...p, level: indicatorLevel(p.value, ind.direction, thresholds) })) };
    },
  });

  defineRoute(app, {
    method: 'GET',
    url: '/api/v1/indicators/:key/tickets',
    access: 'indicators:read',
    summary: 'The tickets behind a figure (its numerator or denominator), newest first: as many as the figure counts',
    tags,
    schema: { params: z.strictObject({ key: z.string().max(60) }), querystring: IndicatorTicketsQuery, response: { 200: pageOf(TicketSummary) } },
    handler: async (req, _reply, { database, principal }) => {
      const q = req.query;
      const { ind, unit } = await figureOf(database.db, principal, req.params.key, q);
      const { ticketIds, total } = await traceIndicator(database.db, ind, { orgUnitId: unit.id, from: q.from, to: q.to, part: q.part, page: q.page, pageSize: q.pageSize });
      const rows = new Map((await findTickets(database.db, ticketIds)).map((r) => [r.ticket.id, r]));
      const items = ticketIds.flatMap((id) => (rows.has(id) ? [toTicketSummary(rows.get(id)!)] : []));
      return { items, total, page: q.page, pageSize: q.pageSize };
    },
  });

  registerIndicatorAdminRoutes(app);
}

/** The indicator and the org unit a figure is asked for; an org unit outside the caller's scope does not exist for them. */
async function figureOf(db: Db, principal: Principal, key: string, q: { orgUnit?: string | undefined; from: string; to: string }) {
  const ind = await loadIndicator(db, key);
  if (!ind) throw notFound('indicator');
  if (q.from > q.to) throw badRequest('the period ends before it starts', [{ path: 'querystring.to', message: 'must not be before from' }]);
  const unit = await loadOrgUnitInScope(db, principal, q.orgUnit ?? principal.orgUnitId);
  return { ind, unit };
}
