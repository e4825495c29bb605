import { z } from 'zod';

/** Fields an import row can fill; the user maps file columns to them. */
export const IMPORT_FIELDS = [
  'type',
  'channel',
  'priority',
  'title',
  'description',
  'categoryCode',
  'orgUnitCode',
  'phone',
  'customerName',
  'customerNo',
  'createdAt',
  'escalated',
] as const;
export const ImportField = z.enum(IMPORT_FIELDS);
export type ImportField = z.infer<typeof ImportField>;
export const REQUIRED_IMPORT_FIELDS: readonly ImportField[] = ['type', 'channel', 'title', 'categoryCode', 'orgUnitCode'];

/** valid_rows: import the good rows and report the bad; all_or_nothing: any bad row and nothing is imported. */
export const ImportMode = z.enum(['valid_rows', 'all_or_nothing']);
export type ImportMode = z.infer<typeof ImportMode>;

/** field → column index in the file */
export const ImportMapping = z.partialRecord(ImportField, z.number().int().min(0).max(200));
export type ImportMapping = z.infer<typeof ImportMapping>;

export const IMPORT_LIMITS = { maxRows: 200_000 } as const;

export const TicketImportStatus = z.enum(['uploaded', 'running', 'done', 'failed']);

export const TicketImport = z.object({
  id: z.uuid(),
  filename: z.string(),
  status: TicketImportStatus,
  mode: ImportMode.nullable(),
  headers: z.array(z.string()),
  sample: z.array(z.array(z.string())),
  suggestedMapping: ImportMapping,
  totalRows: z.number().int(),
  processedRows: z.number().int(),
  importedRows: z.number().int(),
  failedRows: z.number().int(),
  /** first errors, by spreadsheet row number (header = row 1) */
  errors: z.array(z.object({ row: z.number().int(), field: z.string().optional(), message: z.string() })),
  message: z.string().nullable(),
  createdAt: z.string(),
  finishedAt: z.string().nullable(),
});
export type TicketImport = z.infer<typeof TicketImport>;

export const RunImportBody = z.strictObject({
  mapping: ImportMapping,
  mode: ImportMode,
  /** validate and report only */
  dryRun: z.boolean().default(false),
});
