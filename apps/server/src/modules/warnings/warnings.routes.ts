import { z } from 'zod';
import {
  IdParams, pageOf, TicketSummary, WarningAction, WarningCounts, WarningDetail, Warning, WarningEvaluation, WarningListQuery, WarningRule, WarningRuleSave, WarningRuleUpdate,
} from '@qloop/contracts';
import { conflict, notFound } from '../../lib/errors.js';
import { defineRoute, type App } from '../../lib/route.js';
import { loadOrgUnitInScope } from '../org/org-scope.js';
import { findTicketSummaries, toTicketSummary } from '../tickets/tickets.repo.js';
import { actOnWarning } from './act-on-warning.js';
import { evaluateWarnings } from './evaluate-warnings.js';
import { createWarningRule, saveWarningRule } from './save-warning-rule.js';
import { warningTicketIds } from './warning-tickets.js';
import { listWarningRules } from './warning-rules.repo.js';
import { countOpenWarnings, findWarning, listWarnings, toWarning, warningDetail } from './warnings.repo.js';

export function registerWarningRoutes(app: App): void {
  const tags = ['warnings'];

  defineRoute(app, {
    method: 'GET', url: '/api/v1/warnings', access: 'warnings:read', tags,
    summary: 'Graded warnings (预警) of the org units in your scope, filtered, sorted and paged',
    schema: { querystring: WarningListQuery, response: { 200: pageOf(Warning) } },
    handler: async (req, _reply, { database, principal }) => {
      if (req.query.orgUnit) await loadOrgUnitInScope(database.db, principal, req.query.orgUnit);
      return listWarnings(database.db, principal, req.query);
    },
  });

  defineRoute(app, {
    method: 'GET', url: '/api/v1/warnings/counts', access: 'warnings:read', tags,
    summary: 'Open warnings by level, and those whose rectification plan is late',
    schema: { querystring: z.strictObject({ orgUnit: z.uuid().optional() }), response: { 200: WarningCounts } },
    handler: async (req, _reply, { database, principal }) => {
      if (req.query.orgUnit) await loadOrgUnitInScope(database.db, principal, req.query.orgUnit);
      return countOpenWarnings(database.db, principal, req.query.orgUnit);
    },
  });

  defineRoute(app, {
    method: 'GET', url: '/api/v1/warnings/:id', access: 'warnings:read', tags,
    summary: 'One warning with its evidence, plan and timeline',
    schema: { params: IdParams, response: { 200: WarningDetail } },
    handler: async (req, _reply, { database, principal }) => {
      const w = await warningDetail(database.db, principal, req.params.id);
      if (!w) throw notFound('warning');
      return w;
    },
  });

  defineRoute(app, {
    method: 'GET', url: '/api/v1/warnings/:id/tickets', access: 'warnings:read', tags,
    summary: 'The tickets behind a warning (its evidence), newest first',
    schema: {
      params: IdParams,
      querystring: z.strictObject({ page: z.coerce.number().int().min(1).default(1), pageSize: z.coerce.number().int().min(1).max(200).default(20) }),
      response: { 200: pageOf(TicketSummary) },
    },
    handler: async (req, _reply, { database, principal }) => {
      const row = await findWarning(database.db, principal, req.params.id);
      if (!row) throw notFound('warning');
      const { ticketIds, total } = await warningTicketIds(database.db, principal, toWarning(row), req.query);
      const items = (await findTicketSummaries(database.db, ticketIds)).map(toTicketSummary);
      return { items, total, page: req.query.page, pageSize: req.query.pageSize };
    },
  });

  defineRoute(app, {
    method: 'POST', url: '/api/v1/warnings/:id/actions', access: 'warnings:read', tags,
    summary: 'A lifecycle step: acknowledge, submit_plan (owner); verify, reject_plan, close (quality department)',
    schema: { params: IdParams, body: WarningAction, response: { 200: WarningDetail } },
    handler: async (req, _reply, { database, principal, audit }) => actOnWarning(database.db, principal, audit, req.params.id, req.body),
  });

  defineRoute(app, {
    method: 'POST', url: '/api/v1/warnings/evaluate', access: 'warnings:manage', tags,
    summary: 'Evaluates every active rule now (the scheduler does it every 5 minutes)',
    schema: { response: { 200: WarningEvaluation } },
    handler: async (_req, _reply, { database }) => {
      const r = await evaluateWarnings(database.db);
      if (!r) throw conflict('an evaluation is already running; try again in a moment');
      return r;
    },
  });

  defineRoute(app, {
    method: 'GET', url: '/api/v1/warning-rules', access: 'warnings:read', tags,
    summary: 'Warning rules (预警规则)',
    schema: { response: { 200: z.object({ items: z.array(WarningRule) }) } },
    handler: async (_req, _reply, { database }) => ({ items: await listWarningRules(database.db) }),
  });

  defineRoute(app, {
    method: 'POST', url: '/api/v1/warning-rules', access: 'warnings:manage', tags,
    summary: 'Creates a warning rule',
    schema: { body: WarningRuleSave, response: { 201: WarningRule } },
    handler: async (req, reply, { database, audit }) => {
      reply.code(201);
      return createWarningRule(database.db, audit, req.body);
    },
  });

  defineRoute(app, {
    method: 'PUT', url: '/api/v1/warning-rules/:id', access: 'warnings:manage', tags,
    summary: 'Changes a warning rule (optimistic: send the version you read)',
    schema: { params: IdParams, body: WarningRuleUpdate, response: { 200: WarningRule } },
    handler: async (req, _reply, { database, audit }) => saveWarningRule(database.db, audit, req.params.id, req.body),
  });
}
