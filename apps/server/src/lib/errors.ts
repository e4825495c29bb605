import type { ErrorCode } from '@qloop/contracts';

/** A failure the caller can act on; mapped once to an HTTP status and the standard error body. */
export class AppError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly status: number,
    readonly details?: unknown,
  ) {
    super(message);
  }
}

export const notFound = (what: string) => new AppError('NOT_FOUND', `${what} not found`, 404);
export const forbidden = (message = 'you do not have permission to do this') =>
  new AppError('FORBIDDEN', message, 403);
export const conflict = (message: string, details?: unknown) =>
  new AppError('CONFLICT', message, 409, details);
export const badRequest = (message: string, details?: unknown) =>
  new AppError('VALIDATION_FAILED', message, 400, details);
export const unauthenticated = (message = 'sign in first') =>
  new AppError('UNAUTHENTICATED', message, 401);

/** A referenced record vanished in a concurrent change (foreign-key violation). */
export function isForeignKeyViolation(err: unknown): boolean {
  const e = err as { code?: string; cause?: { code?: string } };
  return e?.code === '23503' || e?.cause?.code === '23503';
}

/** The SQLSTATE of a database error, on the error itself or on the driver error Drizzle wraps. */
export function pgErrorCode(err: unknown): string | undefined {
  const e = err as { code?: string; cause?: { code?: string } } | null | undefined;
  return e?.code ?? e?.cause?.code;
}

/** Text PostgreSQL cannot store (NUL bytes, invalid encodings). */
export function isUnstorableText(err: unknown): boolean {
  return ['22021', '22P05'].includes(pgErrorCode(err) ?? '');
}

/** PostgreSQL unique violations become 409 with the constraint name, never a 500. */
export function isUniqueViolation(err: unknown): boolean {
  const e = err as { code?: string; cause?: { code?: string } };
  return e?.code === '23505' || e?.cause?.code === '23505';
}
