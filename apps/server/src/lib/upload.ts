import type { FastifyRequest } from 'fastify';
import { badRequest } from './errors.js';
import { readSheet, type ReadTableOptions, type SheetRow } from './spreadsheet.js';

/**
 * Reads the spreadsheet uploaded as multipart field "file" into its non-blank rows, each with its
 * spreadsheet row number. A truncated or malformed multipart body is the caller's error (400); a
 * file over the size limit keeps its 413.
 */
export async function readUploadedSheet(req: FastifyRequest, opts: ReadTableOptions = {}): Promise<{ filename: string; rows: SheetRow[] }> {
  if (!req.isMultipart()) throw badRequest('send the file as multipart/form-data in field "file"');
  let upload;
  try {
    const file = await req.file();
    upload = file ? { filename: file.filename, buf: await file.toBuffer() } : null;
  } catch (err) {
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
