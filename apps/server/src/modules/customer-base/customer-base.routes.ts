import { z } from 'zod';
import {
  CustomerBase,
  CustomerBaseQuery,
  IdParams,
  ImportResult,
  QueryBool,
  UpsertCustomerBaseBody,
  pageOf,
} from '@qloop/contracts';
import { defineRoute, type App } from '../../lib/route.js';
import { readUploadedTable } from '../../lib/upload.js';
import { listCustomerBase, toCustomerBase } from './customer-base.repo.js';
import { deleteCustomerBase, upsertCustomerBase } from './upsert-customer-base.js';
import { importCustomerBase } from './import-customer-base.js';

export function registerCustomerBaseRoutes(app: App): void {
  const tags = ['customer base'];

  defineRoute(app, {
    method: 'GET',
    url: '/api/v1/customer-base',
    access: 'customer_base:read',
    summary: 'Customer base (用户规模) per org unit and month',
    tags,
    schema: { querystring: CustomerBaseQuery, response: { 200: pageOf(CustomerBase) } },
    handler: async (req, _reply, { database, principal }) => {
      const { items, total } = await listCustomerBase(database.db, principal, req.query);
      return { items: items.map(toCustomerBase), total, page: req.query.page, pageSize: req.query.pageSize };
    },
  });

  defineRoute(app, {
    method: 'PUT',
    url: '/api/v1/customer-base',
    access: 'customer_base:manage',
    summary: 'Set the customer base of one org unit and month',
    tags,
    schema: { body: UpsertCustomerBaseBody, response: { 200: CustomerBase } },
    handler: async (req, _reply, { database, principal, audit }) =>
      upsertCustomerBase(database.db, { principal, audit, input: req.body }),
  });

  defineRoute(app, {
    method: 'DELETE',
    url: '/api/v1/customer-base/:id',
    access: 'customer_base:manage',
    summary: 'Delete one figure',
    tags,
    schema: { params: IdParams },
    handler: async (req, _reply, { database, principal, audit }) => {
      await deleteCustomerBase(database.db, { principal, audit, id: req.params.id });
    },
  });

  defineRoute(app, {
    method: 'POST',
    url: '/api/v1/customer-base/import',
    access: 'customer_base:manage',
    summary: 'Import figures from CSV or XLSX (multipart field "file"; columns orgUnitCode, month, customers). All or nothing.',
    tags,
    schema: {
      querystring: z.strictObject({ dryRun: QueryBool.default(false) }),
      response: { 200: ImportResult },
    },
    handler: async (req, _reply, { database, principal, audit }) => {
      const { filename, table } = await readUploadedTable(req);
      return importCustomerBase(database.db, { principal, audit, table, dryRun: req.query.dryRun, filename });
    },
  });
}
