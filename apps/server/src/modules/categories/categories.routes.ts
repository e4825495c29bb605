import { z } from 'zod';
import { CategoryNode, CreateCategoryBody, IdParams, UpdateCategoryBody } from '@qloop/contracts';
import { defineRoute, type App } from '../../lib/route.js';
import { listCategories, toCategory } from './categories.repo.js';
import { createCategory } from './create-category.js';
import { updateCategory } from './update-category.js';

export function registerCategoryRoutes(app: App): void {
  const tags = ['work orders'];

  defineRoute(app, {
    method: 'GET',
    url: '/api/v1/categories',
    access: 'tickets:read',
    summary: 'The category tree (flat, parents first; build the tree from parentId), retired ones included',
    tags,
    schema: { response: { 200: z.object({ items: z.array(CategoryNode) }) } },
    handler: async (_req, _reply, { database }) => ({ items: (await listCategories(database.db)).map(toCategory) }),
  });

  defineRoute(app, {
    method: 'POST',
    url: '/api/v1/categories',
    access: 'categories:manage',
    summary:
      'Add a category under an active parent (at most 5 levels deep); codes are unique and categories are never deleted — retire them instead',
    tags,
    schema: { body: CreateCategoryBody, response: { 201: CategoryNode } },
    handler: async (req, reply, { database, audit }) => {
      const created = await createCategory(database.db, { audit, input: req.body });
      reply.code(201);
      return created;
    },
  });

  defineRoute(app, {
    method: 'PATCH',
    url: '/api/v1/categories/:id',
    access: 'categories:manage',
    summary:
      'Rename, re-sort, retire (with its whole subtree) or re-activate a category; code and parent never change and there is no delete, because old tickets refer to them',
    tags,
    schema: { params: IdParams, body: UpdateCategoryBody, response: { 200: CategoryNode } },
    handler: async (req, _reply, { database, audit }) => updateCategory(database.db, { audit, id: req.params.id, patch: req.body }),
  });
}
