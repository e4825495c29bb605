import { z } from 'zod';
import { CreateSavedFilterBody, IdParams, SavedFilter, SavedFilterListQuery, UpdateSavedFilterBody } from '@qloop/contracts';
import { defineRoute, type App } from '../../lib/route.js';
import { listSavedFilters } from './saved-filters.repo.js';
import { deleteFilter, saveFilter } from './save-filter.js';

export function registerSavedFilterRoutes(app: App): void {
  const tags = ['work orders'];

  defineRoute(app, {
    method: 'GET',
    url: '/api/v1/saved-filters',
    access: 'tickets:read',
    summary: 'Saved filters of a work list: the caller’s own, then those shared by others',
    tags,
    schema: { querystring: SavedFilterListQuery, response: { 200: z.object({ items: z.array(SavedFilter) }) } },
    handler: async (req, _reply, { database, principal }) => ({ items: await listSavedFilters(database.db, principal.userId, req.query.view) }),
  });

  defineRoute(app, {
    method: 'POST',
    url: '/api/v1/saved-filters',
    access: 'tickets:read',
    summary: 'Save the current list filters under a name (personal, or shared with everyone)',
    tags,
    schema: { body: CreateSavedFilterBody, response: { 201: SavedFilter } },
    handler: async (req, reply, { database, principal }) => {
      reply.code(201);
      return saveFilter(database.db, { principal, input: req.body });
    },
  });

  defineRoute(app, {
    method: 'PATCH',
    url: '/api/v1/saved-filters/:id',
    access: 'tickets:read',
    summary: 'Rename a saved filter, replace its filters or share it (owner only)',
    tags,
    schema: { params: IdParams, body: UpdateSavedFilterBody, response: { 200: SavedFilter } },
    handler: async (req, _reply, { database, principal }) => saveFilter(database.db, { principal, id: req.params.id, input: req.body }),
  });

  defineRoute(app, {
    method: 'DELETE',
    url: '/api/v1/saved-filters/:id',
    access: 'tickets:read',
    summary: 'Delete a saved filter (owner only)',
    tags,
    schema: { params: IdParams },
    handler: async (req, _reply, { database, principal }) => {
      await deleteFilter(database.db, { principal, id: req.params.id });
    },
  });
}
