import { z } from 'zod';

/** Limits that both the server and the web app enforce. */
export const LIMITS = {
  pageSizeDefault: 20,
  pageSizeMax: 200,
  bodyBytesMax: 1024 * 1024,
  uploadBytesMax: 10 * 1024 * 1024,
  nameMax: 100,
  codeMax: 40,
} as const;

/** Every error the API returns has this body; `code` is stable, `message` is for people. */
export const ErrorCode = z.enum([
  'VALIDATION_FAILED',
  'INVALID_JSON',
  'PAYLOAD_TOO_LARGE',
  'UNSUPPORTED_MEDIA_TYPE',
  'UNAUTHENTICATED',
  'INVALID_CREDENTIALS',
  'ACCOUNT_LOCKED',
  'ACCOUNT_DISABLED',
  'FORBIDDEN',
  'CSRF_FAILED',
  'PASSWORD_CHANGE_REQUIRED',
  'NOT_FOUND',
  'CONFLICT',
  'ILLEGAL_TRANSITION',
  'RATE_LIMITED',
  'SETUP_REQUIRED',
  'INTERNAL',
]);
export type ErrorCode = z.infer<typeof ErrorCode>;

export const ErrorBody = z.object({
  error: z.object({
    code: ErrorCode,
    message: z.string(),
    details: z.unknown().optional(),
  }),
});
export type ErrorBody = z.infer<typeof ErrorBody>;

export const Uuid = z.uuid({ message: 'must be a UUID' });

export const IdParams = z.strictObject({ id: Uuid });

/**
 * Paging and sorting conventions for every list: `page` is 1-based, `pageSize` at most 200,
 * `sort` names one field, `-field` for descending.
 */
export const PageQuery = z.object({
  page: z.coerce.number().int().min(1).default(1),
  pageSize: z.coerce.number().int().min(1).max(LIMITS.pageSizeMax).default(LIMITS.pageSizeDefault),
  sort: z.string().max(60).optional(),
});
export type PageQuery = z.infer<typeof PageQuery>;

/** Builds the `{ items, total, page, pageSize }` envelope for a list of `item`. */
export function pageOf<T extends z.ZodType>(item: T) {
  return z.object({
    items: z.array(item),
    total: z.number().int(),
    page: z.number().int(),
    pageSize: z.number().int(),
    /** true when counting stopped at a cap: there are at least `total` items */
    totalIsLowerBound: z.boolean().optional(),
  });
}
export type Page<T> = { items: T[]; total: number; page: number; pageSize: number; totalIsLowerBound?: boolean };

/** Lists over very large tables count at most this many matches; past it the total is a lower bound. */
export const COUNT_CAP = 1_000;

/** Query-string booleans: "true"/"false"/"1"/"0". */
export const QueryBool = z
  .enum(['true', 'false', '1', '0'])
  .transform((v) => v === 'true' || v === '1');

export const OkBody = z.object({ ok: z.literal(true) });
