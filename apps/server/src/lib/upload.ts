import type { FastifyRequest } from 'fastify';
import { LIMITS } from '@qloop/contracts';
import { AppError, badRequest } from './errors.js';
import { readSheet, type ReadTableOptions, type SheetRow } from './spreadsheet.js';

/**
 * Reads the spreadsheet uploaded as multipart field "file" into its non-blank rows, each with its
 * spreadsheet row number. A truncated or malformed multipart body is the caller's error (400); a
 * file over the size limit keeps its 413.
 */
export async function readUploadedSheet(
  req: FastifyRequest,
  opts: ReadTableOptions & { /** this upload's size limit, when it differs from the general one */ maxBytes?: number } = {},
): Promise<{ filename: string; rows: SheetRow[] }> {
  if (!req.isMultipart()) throw badRequest('send the file as multipart/form-data in field "file"');
  const maxBytes = opts.maxBytes ?? LIMITS.uploadBytesMax;
  let upload;
  try {
    const file = await req.file({ limits: { fileSize: maxBytes } });
    upload = file ? { filename: file.filename, buf: await file.toBuffer() } : null;
  } catch (err) {
    if ((err as { code?: string }).code === 'FST_REQ_FILE_TOO_LARGE') {
      throw new AppError('PAYLOAD_TOO_LARGE', `file is larger than ${Math.floor(maxBytes / 1024 / 1024) || maxBytes} ${maxBytes >= 1024 * 1024 ? 'MB' : 'bytes'}`, 413);
    }
    if ((err as { statusCode?: number }).statusCode) throw err;
    throw badRequest(`the upload is not valid multipart/form-data: ${(err as Error).message}`);
  }
  if (!upload) throw badRequest('no file in the upload; use field "file"');
  return { filename: upload.filename, rows: await readSheet(upload.buf, upload.filename, opts) };
}

/** The uploaded spreadsheet's non-blank rows as cells only (see `readUploadedSheet`). */
export async function readUploadedTable(req: FastifyRequest, opts: ReadTableOptions = {}): Promise<{ filename: string; table: string[][] }> {
  const { filename, rows } = await readUploadedSheet(req, opts);
  return { filename, table: rows.map((r) => r.cells) };
}
