import { PortalOptions, PortalReceipt, PortalStatus, PortalStatusQuery, PortalTicketBody, TrackingCode } from '@qloop/contracts';
import { z } from 'zod';
import { defineRoute, type App } from '../../lib/route.js';
import { getPortalStatus } from './get-portal-status.js';
import { portalOptions } from './portal-options.js';
import { submitPortalTicket } from './submit-portal-ticket.js';

/** The public customer portal: no sign-in, rate-limited per address. */
export function registerPortalRoutes(app: App): void {
  const tags = ['portal (public)'];

  defineRoute(app, {
    method: 'GET',
    url: '/api/v1/portal/options',
    access: 'public',
    summary: 'Service points and topics for the portal form',
    tags,
    rateLimit: { max: 60, timeWindow: '1 minute' },
    schema: { response: { 200: PortalOptions } },
    handler: async (_req, _reply, { database }) => portalOptions(database.db),
  });

  defineRoute(app, {
    method: 'POST',
    url: '/api/v1/portal/tickets',
    access: 'public',
    summary: 'File a request as a customer; answers the ticket number and a tracking code',
    tags,
    rateLimit: { max: app.config.portalRateLimit, timeWindow: '10 minutes' },
    schema: { body: PortalTicketBody, response: { 201: PortalReceipt } },
    handler: async (req, reply, { database, audit }) => {
      const receipt = await submitPortalTicket(database.db, { input: req.body, audit });
      reply.code(201);
      return receipt;
    },
  });

  defineRoute(app, {
    method: 'GET',
    url: '/api/v1/portal/tickets/:code',
    access: 'public',
    summary: 'Status of a request: tracking code plus the last 4 digits of the phone',
    tags,
    rateLimit: { max: 30, timeWindow: '1 minute' },
    schema: { params: z.strictObject({ code: TrackingCode }), querystring: PortalStatusQuery, response: { 200: PortalStatus } },
    handler: async (req, _reply, { database }) => getPortalStatus(database.db, req.params.code, req.query.phone4),
  });
}
