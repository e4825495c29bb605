import { eq, sql } from 'drizzle-orm';
import type { z } from 'zod';
import type { PortalTicketBody } from '@qloop/contracts';
import type { Db } from '../../db/client.js';
import { categories, orgUnits, tickets } from '../../db/schema/index.js';
import { AppError, badRequest } from '../../lib/errors.js';
import type { AuditContext } from '../audit/append-audit.js';
import { principalFor } from '../auth/principal.js';
import { findPrincipalUser } from '../auth/sessions.repo.js';
import { createTicket } from '../tickets/create-ticket.js';
import { PORTAL_USERNAME } from '../../seed/seed.js';
import { users } from '../../db/schema/index.js';
import { newTrackingCode } from './tracking-code.js';

/**
 * A customer files a request from the public portal. It becomes an ordinary work order (channel
 * web) accepted by the portal's system account until a person takes it, and the customer gets the
 * ticket number and a tracking code.
 */
export async function submitPortalTicket(
  db: Db,
  opts: { input: z.infer<typeof PortalTicketBody>; audit: AuditContext },
): Promise<{ no: string; trackingCode: string }> {
  const [portal] = await db.select({ id: users.id }).from(users).where(sql`${users.username} = ${PORTAL_USERNAME} AND ${users.system}`);
  const portalUser = portal ? await findPrincipalUser(db, portal.id) : null;
  if (!portalUser) throw new AppError('INTERNAL', 'the portal is not set up', 503);
  const [unit] = await db.select({ active: orgUnits.active }).from(orgUnits).where(eq(orgUnits.id, opts.input.orgUnitId));
  if (!unit?.active) throw badRequest('choose your city or service point from the list', [{ path: 'body.orgUnitId', message: 'unknown' }]);
  const [cat] = await db.select({ active: categories.active }).from(categories).where(eq(categories.id, opts.input.categoryId));
  if (!cat?.active) throw badRequest('choose a topic from the list', [{ path: 'body.categoryId', message: 'unknown' }]);

  const principal = principalFor(portalUser, { sessionHash: 'portal' });
  const trackingCode = newTrackingCode();
  const { id } = await createTicket(db, {
    principal,
    audit: { ...opts.audit, actorId: portalUser.id, actorName: PORTAL_USERNAME },
    trackingCode,
    input: {
      type: opts.input.type,
      channel: 'web',
      priority: 'normal',
      title: opts.input.title,
      description: opts.input.description,
      categoryId: opts.input.categoryId,
      orgUnitId: opts.input.orgUnitId,
      customer: { phone: opts.input.phone, ...(opts.input.name ? { name: opts.input.name } : {}) },
      escalated: false,
      regulatorAppeal: false,
      groupComplaint: false,
      changesService: false,
    },
  });
  const [row] = await db.select({ no: tickets.no }).from(tickets).where(eq(tickets.id, id));
  return { no: row!.no, trackingCode };
}
