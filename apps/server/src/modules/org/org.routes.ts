import { z } from 'zod';
import { CreateOrgUnitBody, IdParams, OrgUnit, UpdateOrgUnitBody } from '@qloop/contracts';
import { defineRoute, type App } from '../../lib/route.js';
import { createOrgUnit } from './create-org-unit.js';
import { deleteOrgUnit } from './delete-org-unit.js';
import { loadOrgUnitInScope } from './org-scope.js';
import { listOrgUnits, toOrgUnit } from './org.repo.js';
import { updateOrgUnit } from './update-org-unit.js';

export function registerOrgRoutes(app: App): void {
  const tags = ['organisation'];

  defineRoute(app, {
    method: 'GET',
    url: '/api/v1/org-units',
    access: 'org:read',
    summary: 'Org units in the caller’s scope, root first (build the tree from parentId)',
    tags,
    schema: { response: { 200: z.object({ items: z.array(OrgUnit) }) } },
    handler: async (_req, _reply, { database, principal }) => {
      const rows = await listOrgUnits(database.db, principal.provinceWide ? null : principal.orgUnitId);
      return { items: rows.map(toOrgUnit) };
    },
  });

  defineRoute(app, {
    method: 'GET',
    url: '/api/v1/org-units/:id',
    access: 'org:read',
    summary: 'One org unit',
    tags,
    schema: { params: IdParams, response: { 200: OrgUnit } },
    handler: async (req, _reply, { database, principal }) =>
      toOrgUnit(await loadOrgUnitInScope(database.db, principal, req.params.id)),
  });

  defineRoute(app, {
    method: 'POST',
    url: '/api/v1/org-units',
    access: 'org:manage',
    summary: 'Create an org unit under a parent',
    tags,
    schema: { body: CreateOrgUnitBody, response: { 201: OrgUnit } },
    handler: async (req, reply, { database, principal, audit }) => {
      const unit = await createOrgUnit(database.db, { principal, audit, input: req.body });
      reply.code(201);
      return unit;
    },
  });

  defineRoute(app, {
    method: 'PATCH',
    url: '/api/v1/org-units/:id',
    access: 'org:manage',
    summary: 'Rename, re-code, (de)activate or move an org unit',
    tags,
    schema: { params: IdParams, body: UpdateOrgUnitBody, response: { 200: OrgUnit } },
    handler: async (req, _reply, { database, principal, audit }) =>
      updateOrgUnit(database.db, { principal, audit, id: req.params.id, patch: req.body }),
  });

  defineRoute(app, {
    method: 'DELETE',
    url: '/api/v1/org-units/:id',
    access: 'org:manage',
    summary: 'Delete an empty org unit (409 if it still holds anything)',
    tags,
    schema: { params: IdParams },
    handler: async (req, _reply, { database, principal, audit }) => {
      await deleteOrgUnit(database.db, { principal, audit, id: req.params.id });
    },
  });
}
