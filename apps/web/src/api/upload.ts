import { CSRF_HEADER } from '@qloop/contracts';
import type { z } from 'zod';
import { API_BASE, ApiError, getCsrfToken, notifyUnauthorized, queryString, type QueryValue } from './client';

/**
 * Multipart upload with progress. fetch() cannot report upload progress, so this one call uses
 * XMLHttpRequest; errors are the same ApiError the JSON client throws.
 */
export function uploadFile<S extends z.ZodType>(
  path: string,
  file: File,
  opts: { query?: Record<string, QueryValue>; schema: S; onProgress?: (percent: number) => void },
): Promise<z.infer<S>> {
  return new Promise((resolve, reject) => {
    const xhr = new XMLHttpRequest();
    xhr.open('POST', API_BASE + path + queryString(opts.query));
    const csrf = getCsrfToken();
    if (csrf) xhr.setRequestHeader(CSRF_HEADER, csrf);
    xhr.setRequestHeader('accept', 'application/json');
    xhr.upload.onprogress = (e) => {
      if (e.lengthComputable) opts.onProgress?.(Math.round((e.loaded / e.total) * 100));
    };
    xhr.onerror = () => reject(new ApiError(0, 'NETWORK', 'network error'));
    xhr.onload = () => {
      let body: unknown = null;
      try {
        body = xhr.responseText ? JSON.parse(xhr.responseText) : null;
      } catch {
        // not JSON: handled below as a generic error
      }
      if (xhr.status >= 200 && xhr.status < 300) {
        const r = opts.schema.safeParse(body);
        if (!r.success) console.warn(`[contract] POST ${path}: ${r.error.message}`);
        resolve(body as z.infer<S>);
        return;
      }
      if (xhr.status === 401) notifyUnauthorized();
      const err = (body as { error?: { code?: string; message?: string; details?: unknown } } | null)?.error;
      reject(
        new ApiError(
          xhr.status,
          (err?.code as ApiError['code'] | undefined) ?? 'INTERNAL',
          err?.message ?? `${xhr.status} ${xhr.statusText}`,
          err?.details,
        ),
      );
    };
    const form = new FormData();
    form.append('file', file, file.name);
    xhr.send(form);
  });
}
