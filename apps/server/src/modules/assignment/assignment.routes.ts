import { z } from 'zod';
import {
  AssignmentRule,
  CreateGroupBody,
  CreateRuleBody,
  Group,
  IdParams,
  ReorderRulesBody,
  UpdateGroupBody,
  UpdateRuleBody,
} from '@qloop/contracts';
import { defineRoute, type App } from '../../lib/route.js';
import { listGroups, listRules, toRule } from './assignment.repo.js';
import { saveGroup } from './save-group.js';
import { deleteRule, reorderRules, saveRule } from './save-rule.js';

export function registerAssignmentRoutes(app: App): void {
  const tags = ['assignment'];

  defineRoute(app, {
    method: 'GET',
    url: '/api/v1/groups',
    access: 'tickets:read',
    summary: 'Handling groups (queues) with their members and skills',
    tags,
    schema: { response: { 200: z.object({ items: z.array(Group) }) } },
    handler: async (_req, _reply, { database }) => ({ items: await listGroups(database.db) }),
  });

  defineRoute(app, {
    method: 'POST',
    url: '/api/v1/groups',
    access: 'assignment:manage',
    summary: 'Create a group',
    tags,
    schema: { body: CreateGroupBody, response: { 201: Group } },
    handler: async (req, reply, { database, principal, audit }) => {
      const g = await saveGroup(database.db, { principal, audit, input: req.body });
      reply.code(201);
      return g;
    },
  });

  defineRoute(app, {
    method: 'PATCH',
    url: '/api/v1/groups/:id',
    access: 'assignment:manage',
    summary: 'Rename, (de)activate a group or replace its members',
    tags,
    schema: { params: IdParams, body: UpdateGroupBody, response: { 200: Group } },
    handler: async (req, _reply, { database, principal, audit }) => saveGroup(database.db, { principal, audit, id: req.params.id, input: req.body }),
  });

  defineRoute(app, {
    method: 'GET',
    url: '/api/v1/assignment-rules',
    access: 'assignment:manage',
    summary: 'Assignment rules in their order (the first active match routes a new ticket)',
    tags,
    schema: { response: { 200: z.object({ items: z.array(AssignmentRule) }) } },
    handler: async (_req, _reply, { database }) => ({ items: (await listRules(database.db)).map(toRule) }),
  });

  defineRoute(app, {
    method: 'POST',
    url: '/api/v1/assignment-rules',
    access: 'assignment:manage',
    summary: 'Add a rule at the end of the order',
    tags,
    schema: { body: CreateRuleBody, response: { 201: AssignmentRule } },
    handler: async (req, reply, { database, audit }) => {
      const r = await saveRule(database.db, { audit, input: req.body });
      reply.code(201);
      return r;
    },
  });

  defineRoute(app, {
    method: 'PATCH',
    url: '/api/v1/assignment-rules/:id',
    access: 'assignment:manage',
    summary: 'Change a rule',
    tags,
    schema: { params: IdParams, body: UpdateRuleBody, response: { 200: AssignmentRule } },
    handler: async (req, _reply, { database, audit }) => saveRule(database.db, { audit, id: req.params.id, input: req.body }),
  });

  defineRoute(app, {
    method: 'DELETE',
    url: '/api/v1/assignment-rules/:id',
    access: 'assignment:manage',
    summary: 'Delete a rule',
    tags,
    schema: { params: IdParams },
    handler: async (req, _reply, { database, audit }) => {
      await deleteRule(database.db, { audit, id: req.params.id });
    },
  });

  defineRoute(app, {
    method: 'PUT',
    url: '/api/v1/assignment-rules/order',
    access: 'assignment:manage',
    summary: 'Set the order of all rules',
    tags,
    schema: { body: ReorderRulesBody, response: { 200: z.object({ items: z.array(AssignmentRule) }) } },
    handler: async (req, _reply, { database, audit }) => ({ items: await reorderRules(database.db, { audit, ids: req.body.ids }) }),
  });
}

