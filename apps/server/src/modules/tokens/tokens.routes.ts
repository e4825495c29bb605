import { z } from 'zod';
import { ApiToken, CreateApiTokenBody, CreatedApiToken, IdParams } from '@qloop/contracts';
import { defineRoute, type App } from '../../lib/route.js';
import { createApiToken } from './create-api-token.js';
import { revokeApiToken } from './revoke-api-token.js';
import { listTokens, toApiToken } from './tokens.repo.js';

export function registerTokenRoutes(app: App): void {
  const tags = ['api tokens'];

  defineRoute(app, {
    method: 'GET',
    url: '/api/v1/api-tokens',
    access: 'tokens:manage',
    sessionOnly: true,
    summary: 'Your API tokens (administrators see all)',
    tags,
    schema: { response: { 200: z.object({ items: z.array(ApiToken) }) } },
    handler: async (_req, _reply, { database, principal }) => ({
      items: (await listTokens(database.db, principal.role === 'admin' ? null : principal.userId)).map(toApiToken),
    }),
  });

  defineRoute(app, {
    method: 'POST',
    url: '/api/v1/api-tokens',
    access: 'tokens:manage',
    sessionOnly: true,
    summary: 'Create an API token; the secret is in this response only',
    tags,
    schema: { body: CreateApiTokenBody, response: { 201: CreatedApiToken } },
    handler: async (req, reply, { database, principal, audit }) => {
      const created = await createApiToken(database.db, { principal, audit, input: req.body });
      reply.code(201);
      return created;
    },
  });

  defineRoute(app, {
    method: 'DELETE',
    url: '/api/v1/api-tokens/:id',
    access: 'tokens:manage',
    sessionOnly: true,
    summary: 'Revoke an API token',
    tags,
    schema: { params: IdParams },
    handler: async (req, _reply, { database, principal, audit }) => {
      await revokeApiToken(database.db, { principal, audit, id: req.params.id });
    },
  });
}
