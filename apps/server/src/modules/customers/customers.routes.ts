import { z } from 'zod';
import { Customer, CustomerQuery, IdParams, RevealedCustomer } from '@qloop/contracts';
import { customers } from '../../db/schema/index.js';
import { orgScopeCondition } from '../../lib/scope.js';
import { notFound } from '../../lib/errors.js';
import { pathInScope } from '../../lib/scope.js';
import { defineRoute, type App } from '../../lib/route.js';
import { recordPiiView } from '../audit/record-pii-view.js';
import { findOrgUnit } from '../org/org.repo.js';
import { findCustomer, searchCustomers, toCustomer } from './customers.repo.js';

export function registerCustomerRoutes(app: App): void {
  const tags = ['customers'];

  const loadInScope = async (db: Parameters<typeof findCustomer>[0], p: Parameters<typeof pathInScope>[0], id: string) => {
    const c = await findCustomer(db, id);
    const org = c ? await findOrgUnit(db, c.orgUnitId) : null;
    if (!c || !org || !pathInScope(p, org.path)) throw notFound('customer');
    return c;
  };

  defineRoute(app, {
    method: 'GET',
    url: '/api/v1/customers',
    access: 'customers:read',
    summary: 'Find customers as you type: phone prefix, customer number or name (phones masked)',
    tags,
    schema: { querystring: CustomerQuery, response: { 200: z.object({ items: z.array(Customer) }) } },
    handler: async (req, _reply, { database, principal }) => {
      const rows = await searchCustomers(database.db, orgScopeCondition(principal, customers.orgUnitId), req.query.q, req.query.pageSize);
      return { items: rows.map(toCustomer) };
    },
  });

  defineRoute(app, {
    method: 'GET',
    url: '/api/v1/customers/:id',
    access: 'customers:read',
    summary: 'A customer of the caller’s scope, phone masked',
    tags,
    schema: { params: IdParams, response: { 200: Customer } },
    handler: async (req, _reply, { database, principal }) => toCustomer(await loadInScope(database.db, principal, req.params.id)),
  });

  defineRoute(app, {
    method: 'POST',
    url: '/api/v1/customers/:id/reveal',
    access: 'pii:unmask',
    summary: 'Show the full phone and ID number; every reveal is written to the audit trail',
    tags,
    schema: { params: IdParams, body: z.strictObject({ reason: z.string().trim().max(200).optional() }).optional(), response: { 200: RevealedCustomer } },
    handler: async (req, _reply, { database, principal, audit }) =>
      database.db.transaction(async (tx) => {
        const c = await loadInScope(tx, principal, req.params.id);
        await recordPiiView(tx, {
          principal, audit, entityType: 'customer', entityId: c.id, orgUnitId: c.orgUnitId,
          fields: ['phone', 'idNumber'], reason: req.body?.reason,
        });
        return { id: c.id, phone: c.phone, idNumber: c.idNumber };
      }),
  });
}
