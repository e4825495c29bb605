import { z } from 'zod';
import { PageQuery, QueryBool, Uuid } from './common.js';

/*
 * Scan-to-rate points (扫码评价): a printed QR code for a store (营业厅), a counter (窗口) or a staff
 * member. It encodes `<public origin>/q/<code>`; opening it mints a fresh single-use link of the
 * point's survey (channel qr), so a rating lands in the database the moment it is given, with the
 * point's org unit and staff member.
 */

export const SCAN_POINT_KINDS = ['store', 'counter', 'staff'] as const;
export const ScanPointKind = z.enum(SCAN_POINT_KINDS);
export type ScanPointKind = z.infer<typeof ScanPointKind>;

export const SCAN_POINT_LIMITS = {
  labelMax: 60,
  /** base32 characters of a code (50 random bits) */
  codeLength: 10,
  /** QR image edge in pixels (PNG) */
  qrSizeMin: 128,
  qrSizeMax: 2048,
  qrSizeDefault: 512,
  /** a link minted by a scan is answered on the spot: it expires soon */
  mintedLinkHours: 2,
} as const;

/** A public scan code: RFC 4648 base32 letters and digits. */
export const SCAN_CODE_PATTERN = /^[A-Z2-7]{10}$/;

const Label = z
  .string()
  .trim()
  .min(1, 'give the point a label customers will read, e.g. 3号窗口')
  .max(SCAN_POINT_LIMITS.labelMax)
  .regex(/^\P{Cc}*$/u, 'a label is one line of text');

/**
 * Creating or changing a point. A staff point names its staff member (who must work in the org
 * unit or below it); a store or counter point names nobody.
 */
export const ScanPointSave = z
  .strictObject({
    /** a published survey in use */
    surveyId: Uuid,
    kind: ScanPointKind,
    /** the store or branch the point belongs to (answers count for it) */
    orgUnitId: Uuid,
    /** kind staff only */
    staffUserId: Uuid.nullable().default(null),
    /** what the customer reads: 中文 label, and an English one (else the Chinese one is shown) */
    labelZh: Label,
    labelEn: Label.nullable().default(null),
  })
  .superRefine((p, ctx) => {
    if (p.kind === 'staff' && !p.staffUserId) ctx.addIssue({ code: 'custom', path: ['staffUserId'], message: 'a staff point needs its staff member' });
    if (p.kind !== 'staff' && p.staffUserId) ctx.addIssue({ code: 'custom', path: ['staffUserId'], message: 'only a staff point names a staff member' });
  });
export type ScanPointSave = z.input<typeof ScanPointSave>;
export const ScanPointUpdate = ScanPointSave.and(z.strictObject({ rowVersion: z.number().int().min(1) }));
export type ScanPointUpdate = z.input<typeof ScanPointUpdate>;
export const ScanPointActionBody = z.strictObject({ rowVersion: z.number().int().min(1) });

export const SurveyScanPoint = z.object({
  id: z.uuid(),
  /** the public code in the QR */
  code: z.string(),
  /** the page the QR opens, relative (/q/<code>) */
  path: z.string(),
  /** the absolute address the QR encodes (the configured public origin, else the request's) */
  url: z.string(),
  surveyId: z.uuid(),
  surveyCode: z.string(),
  surveyNameZh: z.string(),
  surveyNameEn: z.string(),
  /** a point of a survey no longer published takes no answers */
  surveyState: z.string(),
  kind: ScanPointKind,
  labelZh: z.string(),
  labelEn: z.string().nullable(),
  orgUnitId: z.uuid(),
  orgUnitName: z.string(),
  orgUnitNameEn: z.string().nullable(),
  staffUserId: z.uuid().nullable(),
  staffName: z.string().nullable(),
  active: z.boolean(),
  /** answers given through this point */
  responses: z.number().int(),
  createdAt: z.string(),
  updatedAt: z.string(),
  /** optimistic concurrency: send it with a change */
  rowVersion: z.number().int(),
});
export type SurveyScanPoint = z.infer<typeof SurveyScanPoint>;

export const SCAN_POINT_SORTS = ['label', '-label', 'kind', '-kind', 'responses', '-responses', 'updatedAt', '-updatedAt'] as const;
export const ScanPointListQuery = PageQuery.extend({
  survey: Uuid.optional(),
  /** the org unit and everything below it */
  orgUnit: Uuid.optional(),
  kind: ScanPointKind.optional(),
  active: QueryBool.optional(),
  /** label, code or staff name contains */
  q: z.string().trim().max(100).optional(),
  sort: z.enum(SCAN_POINT_SORTS).default('-updatedAt'),
});
export type ScanPointListQuery = z.input<typeof ScanPointListQuery>;

export const ScanPointQrQuery = z.strictObject({
  /** edge in pixels (PNG; the SVG scales) */
  size: z.coerce.number().int().min(SCAN_POINT_LIMITS.qrSizeMin).max(SCAN_POINT_LIMITS.qrSizeMax).default(SCAN_POINT_LIMITS.qrSizeDefault),
});

/* ---------- public ---------- */

/** Any text up to 40 characters: an unknown or malformed code gets the friendly 404, not a 400. */
export const ScanCodeParams = z.strictObject({ code: z.string().min(1).max(40) });

/** What the scan page shows before the survey opens: "您正在评价：东州中山路营业厅 · 3号窗口". */
export const PublicScanPoint = z.object({
  kind: ScanPointKind,
  labelZh: z.string(),
  labelEn: z.string().nullable(),
  orgUnitName: z.string(),
  orgUnitNameEn: z.string().nullable(),
  surveyNameZh: z.string(),
  surveyNameEn: z.string(),
});
export type PublicScanPoint = z.infer<typeof PublicScanPoint>;

/** A fresh single-use link minted by a scan: open `path` (the answer page) at once. */
export const ScanMintResult = z.object({ token: z.string(), path: z.string(), expiresAt: z.string() });
export type ScanMintResult = z.infer<typeof ScanMintResult>;
