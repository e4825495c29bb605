import { z } from 'zod';
import { CreateDepartmentBody, Department, IdParams, UpdateDepartmentBody } from '@qloop/contracts';
import { defineRoute, type App } from '../../lib/route.js';
import { notFound } from '../../lib/errors.js';
import { findDepartment, listDepartments, toDepartment } from './departments.repo.js';
import { saveDepartment } from './save-department.js';

export function registerDepartmentRoutes(app: App): void {
  const tags = ['organisation'];

  defineRoute(app, {
    method: 'GET',
    url: '/api/v1/departments',
    access: 'org:read',
    summary: 'Head-office departments (部门)',
    tags,
    schema: { response: { 200: z.object({ items: z.array(Department) }) } },
    handler: async (_req, _reply, { database }) => ({
      items: (await listDepartments(database.db)).map(toDepartment),
    }),
  });

  defineRoute(app, {
    method: 'GET',
    url: '/api/v1/departments/:id',
    access: 'org:read',
    summary: 'One department',
    tags,
    schema: { params: IdParams, response: { 200: Department } },
    handler: async (req, _reply, { database }) => {
      const d = await findDepartment(database.db, req.params.id);
      if (!d) throw notFound('department');
      return toDepartment(d);
    },
  });

  defineRoute(app, {
    method: 'POST',
    url: '/api/v1/departments',
    access: 'org:manage',
    summary: 'Create a department',
    tags,
    schema: { body: CreateDepartmentBody, response: { 201: Department } },
    handler: async (req, reply, { database, principal, audit }) => {
      const d = await saveDepartment(database.db, { principal, audit, input: req.body });
      reply.code(201);
      return d;
    },
  });

  defineRoute(app, {
    method: 'PATCH',
    url: '/api/v1/departments/:id',
    access: 'org:manage',
    summary: 'Rename, re-code or (de)activate a department',
    tags,
    schema: { params: IdParams, body: UpdateDepartmentBody, response: { 200: Department } },
    handler: async (req, _reply, { database, principal, audit }) =>
      saveDepartment(database.db, { principal, audit, id: req.params.id, input: req.body }),
  });
}
