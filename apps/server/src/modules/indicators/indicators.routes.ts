import { z } from 'zod';
import {
  comparisonPeriods, IndicatorBreakdown, IndicatorBreakdownQuery, IndicatorOwnerBody, type IndicatorSlice,
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
import { computeBreakdown } from './compute-breakdown.js';
import { breakdownWorkbook } from './breakdown-sheet.js';
import { ownerOfFigure, setIndicatorOwner } from './indicator-owners.js';
import { findTicketSummaries, toTicketSummary } from '../tickets/tickets.repo.js';

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
      const q = req.query;
      const { ind, unit } = await figureOf(database.db, principal, req.params.key, q);
      const at = (p: { from: string; to: string }) => computeIndicator(database.db, ind, { orgUnitId: unit.id, ...p, slice: sliceOf(q) });
      const periods = comparisonPeriods(q.from, q.to);
      const [v, settingsOf, previous, lastYear] = await Promise.all([
        at(q), loadSettingsResolver(database.db, ind), q.compare ? at(periods.previous) : null, q.compare ? at(periods.lastYear) : null,
      ]);
      const { target, thresholds } = settingsOf(unit.path);
      const figure = (x: IndicatorValue) => ({ from: x.from, to: x.to, value: x.value, numerator: x.numerator, denominator: x.denominator });
      return {
        ...v, target, thresholds, level: indicatorLevel(v.value, ind.direction, thresholds),
        ...(previous && lastYear ? { comparisons: { previous: figure(previous), lastYear: figure(lastYear) } } : {}),
      };
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
      const [series, settingsOf] = await Promise.all([computeSeries(database.db, ind, { orgUnitId: unit.id, from: q.from, to: q.to, grain: q.grain, slice: sliceOf(q) }), loadSettingsResolver(database.db, ind)]);
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
      const { ticketIds, total } = await traceIndicator(database.db, ind, { orgUnitId: unit.id, from: q.from, to: q.to, part: q.part, page: q.page, pageSize: q.pageSize, slice: sliceOf(q) });
      const items = (await findTicketSummaries(database.db, ticketIds)).map(toTicketSummary);
      return { items, total, page: q.page, pageSize: q.pageSize };
    },
  });

  defineRoute(app, {
    method: 'GET',
    url: '/api/v1/indicators/:key/breakdown',
    access: 'indicators:read',
    summary: 'An indicator broken down under an org unit by child unit, category (at a level), channel or request type, or by two of them (heatmap); ranked for one dimension; with the 13+N owner of the figure. format=xlsx: the same table as a spreadsheet',
    tags,
    schema: { params: z.strictObject({ key: z.string().max(60) }), querystring: IndicatorBreakdownQuery, response: { 200: IndicatorBreakdown } },
    handler: async (req, reply, { database, principal }) => {
      const q = req.query;
      const { ind, unit } = await figureOf(database.db, principal, req.params.key, q);
      const [b, owner] = await Promise.all([
        computeBreakdown(database.db, ind, { unit, from: q.from, to: q.to, slice: sliceOf(q), by: q.by, then: q.then, categoryLevel: q.categoryLevel }),
        ownerOfFigure(database.db, ind.key, unit),
      ]);
      const out = { ...b, owner };
      if (q.format === 'json') return out;
      const name = `${ind.key}-${q.by}${q.then ? `-${q.then}` : ''}-${q.from}-${q.to}.xlsx`;
      reply
        .header('content-type', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet')
        .header('content-disposition', `attachment; filename="${name}"`);
      return reply.send(await breakdownWorkbook(ind, out, q.lang));
    },
  });

  defineRoute(app, {
    method: 'PUT',
    url: '/api/v1/indicators/:key/owner',
    access: 'indicators:manage',
    summary: '13+N: set (or clear, with null) the department that owns the indicator\'s number at its own org unit (归口部门); audited',
    tags,
    schema: { params: z.strictObject({ key: z.string().max(60) }), body: IndicatorOwnerBody, response: { 200: z.object({ key: z.string(), departmentId: z.uuid().nullable() }) } },
    handler: async (req, _reply, { database, principal, audit }) =>
      setIndicatorOwner(database.db, { principal, audit, key: req.params.key, departmentId: req.body.departmentId }),
  });

  registerIndicatorAdminRoutes(app);
}

/** The dashboard's filters of a query (type, channel, category). */
const sliceOf = (q: IndicatorSlice): IndicatorSlice => ({ type: q.type, channel: q.channel, category: q.category });

/** The indicator and the org unit a figure is asked for; an org unit outside the caller's scope does not exist for them. */
async function figureOf(db: Db, principal: Principal, key: string, q: { orgUnit?: string | undefined; from: string; to: string }) {
  const ind = await loadIndicator(db, key);
  if (!ind) throw notFound('indicator');
  if (q.from > q.to) throw badRequest('the period ends before it starts', [{ path: 'querystring.to', message: 'must not be before from' }]);
  const unit = await loadOrgUnitInScope(db, principal, q.orgUnit ?? principal.orgUnitId);
  return { ind, unit };
}
