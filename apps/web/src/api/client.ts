import { CSRF_HEADER, ErrorBody, type ErrorCode } from '@qloop/contracts';
import type { z } from 'zod';

export const API_BASE = '/api/v1';

/** An error the API answered with (or NETWORK when it could not be reached). */
export class ApiError extends Error {
  readonly status: number;
  readonly code: ErrorCode | 'NETWORK';
  readonly details: unknown;

  constructor(status: number, code: ErrorCode | 'NETWORK', message: string, details?: unknown) {
    super(message);
    this.name = 'ApiError';
    this.status = status;
    this.code = code;
    this.details = details;
  }
}

/** One `{ path, message }` item of a VALIDATION_FAILED error (`code` when the server names the kind of problem). */
export interface FieldIssue {
  path: string;
  message: string;
  code?: string;
}

/** VALIDATION_FAILED details normalised to `{ path: 'a.b', message }`, whatever shape the path has. */
export function fieldIssues(err: ApiError): FieldIssue[] {
  if (!Array.isArray(err.details)) return [];
  return err.details.flatMap((d: unknown) => {
    if (typeof d !== 'object' || d === null) return [];
    const rec = d as { path?: unknown; message?: unknown; code?: unknown };
    const path = Array.isArray(rec.path) ? rec.path.join('.') : String(rec.path ?? '');
    return [{ path, message: String(rec.message ?? ''), ...(typeof rec.code === 'string' ? { code: rec.code } : {}) }];
  });
}

// The session's CSRF token lives in memory only: it comes with login and /auth/me, and a reload
// fetches /auth/me again anyway.
let csrfToken: string | null = null;
export function setCsrfToken(token: string | null) {
  csrfToken = token;
}
export function getCsrfToken() {
  return csrfToken;
}

// Set by the app so a 401 anywhere sends the user to the login page without a reload.
let onUnauthorized: (() => void) | null = null;
export function setUnauthorizedHandler(fn: () => void) {
  onUnauthorized = fn;
}
export function notifyUnauthorized() {
  onUnauthorized?.();
}

export type QueryValue = string | number | boolean | null | undefined;

/** Builds `?a=1&b=x`, leaving out empty values so the server sees only real filters. */
export function queryString(query?: Record<string, QueryValue>): string {
  if (!query) return '';
  const params = new URLSearchParams();
  for (const [k, v] of Object.entries(query)) {
    if (v === undefined || v === null || v === '') continue;
    params.set(k, String(v));
  }
  const s = params.toString();
  return s ? `?${s}` : '';
}

/**
 * Checks a response against its contract schema. A mismatch is logged (the e2e run collects these
 * warnings and reports them) but the data is still returned, so the screen keeps working.
 */
function checkContract(path: string, data: unknown, schema?: z.ZodType) {
  if (!schema) return;
  const r = schema.safeParse(data);
  if (!r.success) {
    console.warn(`[contract] ${path}: ${r.error.issues.map((i) => `${i.path.join('.')} ${i.message}`).join('; ')}`);
  }
}

/** Turns a non-2xx response into an ApiError, reading the `{ error: { code, message } }` body. */
export async function errorFromResponse(res: Response): Promise<ApiError> {
  let body: unknown = null;
  try {
    body = await res.json();
  } catch {
    // a proxy error page or an empty body: fall through to the generic message
  }
  const parsed = ErrorBody.safeParse(body);
  if (parsed.success) {
    const e = parsed.data.error;
    return new ApiError(res.status, e.code, e.message, e.details);
  }
  return new ApiError(res.status, res.status >= 500 ? 'INTERNAL' : 'NOT_FOUND', `${res.status} ${res.statusText}`);
}

export interface RequestOptions<S extends z.ZodType | undefined> {
  method?: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
  query?: Record<string, QueryValue>;
  body?: unknown;
  schema?: S;
  signal?: AbortSignal;
  /** extra request headers, e.g. `Idempotency-Key` */
  headers?: Record<string, string>;
  /** false for the login call, whose 401 means "wrong password", not "session gone" */
  redirectOn401?: boolean;
}

type Result<S> = S extends z.ZodType ? z.infer<S> : void;

/** Same-origin JSON request to the API; sends the CSRF header on every state-changing call. */
export async function request<S extends z.ZodType | undefined = undefined>(
  path: string,
  opts: RequestOptions<S> = {},
): Promise<Result<S>> {
  const method = opts.method ?? 'GET';
  const headers: Record<string, string> = { ...opts.headers, accept: 'application/json' };
  if (opts.body !== undefined) headers['content-type'] = 'application/json';
  if (method !== 'GET' && csrfToken) headers[CSRF_HEADER] = csrfToken;

  let res: Response;
  try {
    res = await fetch(API_BASE + path + queryString(opts.query), {
      method,
      headers,
      credentials: 'same-origin',
      body: opts.body === undefined ? undefined : JSON.stringify(opts.body),
      signal: opts.signal,
    });
  } catch (e) {
    if (e instanceof DOMException && e.name === 'AbortError') throw e;
    throw new ApiError(0, 'NETWORK', e instanceof Error ? e.message : 'network error');
  }

  if (!res.ok) {
    const err = await errorFromResponse(res);
    if (res.status === 401 && opts.redirectOn401 !== false) notifyUnauthorized();
    throw err;
  }
  if (res.status === 204) return undefined as Result<S>;
  const text = await res.text();
  const data: unknown = text ? JSON.parse(text) : undefined;
  checkContract(`${method} ${path}`, data, opts.schema);
  return data as Result<S>;
}

export const api = {
  get: <S extends z.ZodType>(path: string, schema: S, query?: Record<string, QueryValue>, signal?: AbortSignal) =>
    request(path, { schema, query, signal }),
  post: <S extends z.ZodType | undefined = undefined>(path: string, body?: unknown, schema?: S) =>
    request<S>(path, { method: 'POST', body, schema }),
  put: <S extends z.ZodType | undefined = undefined>(path: string, body?: unknown, schema?: S) =>
    request<S>(path, { method: 'PUT', body, schema }),
  patch: <S extends z.ZodType | undefined = undefined>(path: string, body?: unknown, schema?: S) =>
    request<S>(path, { method: 'PATCH', body, schema }),
  del: (path: string) => request(path, { method: 'DELETE' }),
};
