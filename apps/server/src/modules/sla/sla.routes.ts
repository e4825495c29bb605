import { z } from 'zod';
import {
  CreateSlaPolicyBody, IdParams, ReorderSlaPoliciesBody, SavedSlaPolicy, SlaImpact, SlaImpactBody, SlaPolicy, UpdateSlaPolicyBody,
} from '@qloop/contracts';
import { defineRoute, type App } from '../../lib/route.js';
import { previewSlaImpact } from './preview-sla-impact.js';
import { createSlaPolicy, reorderSlaPolicies, updateSlaPolicy } from './save-sla-policy.js';
import { listPolicies, toSlaPolicy } from './sla.repo.js';

export function registerSlaRoutes(app: App): void {
  const tags = ['calendars and SLA'];

  defineRoute(app, {
    method: 'GET',
    url: '/api/v1/sla-policies',
    access: 'sla:read',
    summary: 'SLA policies (时限标准) in their order: the first active policy whose conditions hold applies',
    tags,
    schema: { response: { 200: z.object({ items: z.array(SlaPolicy) }) } },
    handler: async (_req, _reply, { database }) => ({ items: (await listPolicies(database.db)).map(toSlaPolicy) }),
  });

  defineRoute(app, {
    method: 'POST',
    url: '/api/v1/sla-policies',
    access: 'sla:manage',
    summary: 'Add a policy at the end of the order; open tickets it now applies to are re-matched (elapsed time kept)',
    tags,
    schema: { body: CreateSlaPolicyBody, response: { 201: SavedSlaPolicy } },
    handler: async (req, reply, { database, audit }) => {
      const { policy, impact } = await createSlaPolicy(database.db, { audit, input: req.body });
      reply.code(201);
      return { ...policy, impact };
    },
  });

  defineRoute(app, {
    method: 'PATCH',
    url: '/api/v1/sla-policies/:id',
    access: 'sla:manage',
    summary: 'Change a policy (send the version you loaded); running clocks of open tickets are recomputed, elapsed time kept',
    tags,
    schema: { params: IdParams, body: UpdateSlaPolicyBody, response: { 200: SavedSlaPolicy } },
    handler: async (req, _reply, { database, audit }) => {
      const { policy, impact } = await updateSlaPolicy(database.db, { audit, id: req.params.id, input: req.body });
      return { ...policy, impact };
    },
  });

  defineRoute(app, {
    method: 'PUT',
    url: '/api/v1/sla-policies/order',
    access: 'sla:manage',
    summary: 'Set the order of all policies; open tickets are re-matched',
    tags,
    schema: { body: ReorderSlaPoliciesBody, response: { 200: z.object({ items: z.array(SlaPolicy), impact: SlaImpact }) } },
    handler: async (req, _reply, { database, audit }) => reorderSlaPolicies(database.db, { audit, ids: req.body.ids }),
  });

  defineRoute(app, {
    method: 'POST',
    url: '/api/v1/sla-policies/preview-impact',
    access: 'sla:manage',
    summary: 'What saving a draft or changes would do: the open tickets whose clocks would change, with old and new deadlines (nothing is saved)',
    tags,
    schema: { body: SlaImpactBody, response: { 200: SlaImpact } },
    handler: async (req, _reply, { database }) => previewSlaImpact(database.db, { input: req.body }),
  });
}
