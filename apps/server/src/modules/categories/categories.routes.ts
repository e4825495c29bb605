import { z } from 'zod';
import { Category } from '@qloop/contracts';
import { defineRoute, type App } from '../../lib/route.js';
import { listCategories, toCategory } from './categories.repo.js';

export function registerCategoryRoutes(app: App): void {
  defineRoute(app, {
    method: 'GET',
    url: '/api/v1/categories',
    access: 'tickets:read',
    summary: 'The category tree (flat, parents first; build the tree from parentId), retired ones included',
    tags: ['work orders'],
    schema: { response: { 200: z.object({ items: z.array(Category) }) } },
    handler: async (_req, _reply, { database }) => ({ items: (await listCategories(database.db)).map(toCategory) }),
  });
}
