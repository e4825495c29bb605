import type { FastifyRequest } from 'fastify';
import { badRequest } from './errors.js';
import { readTable } from './spreadsheet.js';

/**
 * Reads the spreadsheet uploaded as multipart field "file" into rows. A truncated or malformed
 * multipart body is the caller's error (400); a file over the size limit keeps its 413.
 */
export async function readUploadedTable(req: FastifyRequest): Promise<{ filename: string; table: string[][] }> {
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
  return { filename: upload.filename, table: await readTable(upload.buf, upload.filename) };
}
