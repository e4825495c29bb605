import { z } from 'zod';
import { Uuid } from './common.js';
import { TICKET_LIMITS, TicketState } from './tickets.js';

/** What a customer may file from the public portal. */
export const PORTAL_TYPES = ['complaint', 'fault', 'consultation', 'business', 'suggestion', 'praise'] as const;

export const PortalOptions = z.object({
  units: z.array(z.object({ id: z.uuid(), name: z.string(), nameEn: z.string().nullable(), parentId: z.uuid().nullable(), kind: z.string() })),
  categories: z.array(z.object({ id: z.uuid(), name: z.string(), nameEn: z.string().nullable(), parentId: z.uuid().nullable(), level: z.number().int() })),
});

export const PortalTicketBody = z.strictObject({
  type: z.enum(PORTAL_TYPES),
  orgUnitId: Uuid,
  categoryId: Uuid,
  title: z.string().trim().min(2, 'describe the problem in a few words').max(TICKET_LIMITS.titleMax),
  description: z.string().trim().max(2000).default(''),
  name: z.string().trim().max(40).optional(),
  phone: z.string().trim().regex(/^1\d{10}$/, 'enter your 11-digit mobile number'),
});

export const PortalReceipt = z.object({ no: z.string(), trackingCode: z.string() });

/** 10 characters, Crockford base32 (no I, L, O, U: nothing to misread on the phone). */
export const TrackingCode = z.string().trim().toUpperCase().regex(/^[0-9A-HJKMNP-TV-Z]{10}$/, 'a tracking code has 10 letters and digits');

export const PortalStatusQuery = z.strictObject({
  phone4: z.string().regex(/^\d{4}$/, 'the last 4 digits of the phone number you filed with'),
});

export const PortalStatus = z.object({
  no: z.string(),
  title: z.string(),
  state: TicketState,
  createdAt: z.string(),
  updatedAt: z.string(),
  /** only what the customer was told: public replies and state changes, no internal notes or names */
  timeline: z.array(z.object({ at: z.string(), kind: z.enum(['created', 'reply', 'state']), state: TicketState.nullable(), body: z.string().nullable() })),
});
export type PortalStatus = z.infer<typeof PortalStatus>;
