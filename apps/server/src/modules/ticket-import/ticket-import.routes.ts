import { IMPORT_LIMITS, IdParams, RunImportBody, TicketImport } from '@qloop/contracts';
import { ticketImports } from '../../db/schema/index.js';
import { badRequest } from '../../lib/errors.js';
import { defineRoute, type App } from '../../lib/route.js';
import { readUploadedSheet } from '../../lib/upload.js';
import { liveImportProgress, runTicketImport } from './run-ticket-import.js';
import { loadOwnImportStatus, statusOf, toTicketImport } from './ticket-imports.repo.js';

export function registerTicketImportRoutes(app: App): void {
  const tags = ['work orders'];

  defineRoute(app, {
    method: 'POST',
    url: '/api/v1/tickets/imports',
    access: 'tickets:manage',
    summary: 'Upload a CSV or XLSX of tickets (first row = headers); answers the columns, a sample and a suggested mapping',
    tags,
    schema: { response: { 201: TicketImport } },
    handler: async (req, reply, { database, principal }) => {
      // a date cell is a time taken: read it whole, as the wall-clock time typed (Beijing time, as text is)
      const { filename, rows: sheet } = await readUploadedSheet(req, { dateCells: 'datetime', maxBytes: IMPORT_LIMITS.uploadBytesMax });
      const [header, ...rows] = sheet;
      if (!header || rows.length === 0) throw badRequest('the file needs a header row and at least one data row');
      if (rows.length > IMPORT_LIMITS.maxRows) throw badRequest(`at most ${IMPORT_LIMITS.maxRows} rows per import; split the file`);
      const [row] = await database.db
        .insert(ticketImports)
        .values({ userId: principal.userId, filename, headers: header.cells, rows: rows.map((r) => r.cells), rowNumbers: rows.map((r) => r.row), totalRows: rows.length })
        .returning();
      reply.code(201);
      return toTicketImport(statusOf(row!));
    },
  });

  defineRoute(app, {
    method: 'GET',
    url: '/api/v1/tickets/imports/:id',
    access: 'tickets:manage',
    summary: 'An import’s status, progress and error report',
    tags,
    schema: { params: IdParams, response: { 200: TicketImport } },
    handler: async (req, _reply, { database, principal }) =>
      toTicketImport(await loadOwnImportStatus(database.db, principal.userId, req.params.id), liveImportProgress(req.params.id)),
  });

  defineRoute(app, {
    method: 'POST',
    url: '/api/v1/tickets/imports/:id/run',
    access: 'tickets:manage',
    summary: 'Validate with a column mapping (dryRun) or run the import in the background; poll the import for progress',
    tags,
    schema: { params: IdParams, body: RunImportBody, response: { 200: TicketImport, 202: TicketImport } },
    handler: async (req, reply, { database, principal, audit }) => {
      await loadOwnImportStatus(database.db, principal.userId, req.params.id);
      const { started } = await runTicketImport(database.db, { principal, audit, id: req.params.id, ...req.body });
      reply.code(started ? 202 : 200);
      return toTicketImport(await loadOwnImportStatus(database.db, principal.userId, req.params.id));
    },
  });
}
