import { eq, getTableColumns, sql } from 'drizzle-orm';
import type { TicketImport } from '@qloop/contracts';
import type { Db } from '../../db/client.js';
import { ticketImports } from '../../db/schema/index.js';
import { notFound } from '../../lib/errors.js';
import type { SheetRow } from '../../lib/spreadsheet.js';
import { suggestMapping } from './parse-ticket-rows.js';

type ImportRow = typeof ticketImports.$inferSelect;
/** An import as its status is read: the first rows as a sample instead of all of them. */
type ImportStatusRow = Omit<ImportRow, 'rows' | 'rowNumbers'> & { sample: string[][] | null };

export function toTicketImport(r: ImportStatusRow, live?: { processed: number; imported: number }): TicketImport {
  const overlay = r.status === 'running' && live ? { processedRows: Math.max(r.processedRows, live.processed), importedRows: Math.max(r.importedRows, live.imported) } : {};
  return {
    id: r.id,
    filename: r.filename,
    status: r.status,
    mode: r.mode,
    headers: r.headers,
    sample: r.sample ?? [],
    suggestedMapping: suggestMapping(r.headers),
    totalRows: r.totalRows,
    processedRows: r.processedRows,
    importedRows: r.importedRows,
    failedRows: r.failedRows,
    errors: r.errors,
    errorCount: r.errorCount,
    mapping: r.mapping,
    validatedAt: r.validatedAt?.toISOString() ?? null,
    message: r.message,
    createdAt: r.createdAt.toISOString(),
    finishedAt: r.finishedAt?.toISOString() ?? null,
    ...overlay,
  };
}

/** The uploaded rows with their spreadsheet numbers (uploads from before row_numbers: header, then no gaps). */
export function sheetRowsOf(r: Pick<ImportRow, 'rows' | 'rowNumbers'>): SheetRow[] {
  return (r.rows ?? []).map((cells, i) => ({ row: r.rowNumbers?.[i] ?? i + 2, cells }));
}

const { rows: _rows, rowNumbers: _rowNumbers, ...statusColumns } = getTableColumns(ticketImports);

/**
 * An import's status for the caller who owns it, without its uploaded rows: a progress poll every
 * half second must not read (and parse) a 200,000-row file each time.
 */
export async function loadOwnImportStatus(db: Db, userId: string, id: string): Promise<ImportStatusRow> {
  const [row] = await db
    .select({ ...statusColumns, sample: sql<string[][] | null>`jsonb_path_query_array(${ticketImports.rows}, '$[0 to 4]')` })
    .from(ticketImports)
    .where(eq(ticketImports.id, id));
  if (!row || row.userId !== userId) throw notFound('import');
  return row;
}

/** The status of an import row already in hand (just uploaded). */
export const statusOf = (r: ImportRow): ImportStatusRow => {
  const { rows, rowNumbers: _n, ...rest } = r;
  return { ...rest, sample: rows ? rows.slice(0, 5) : null };
};
