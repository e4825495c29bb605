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

export const IMPORT_LIMITS = {
  maxRows: 200_000,
  /** 200,000 rows of Chinese text (3 bytes a character in UTF-8) need far more than the general 10 MB */
  uploadBytesMax: 64 * 1024 * 1024,
  /** the report keeps the first this many errors (in row order); `errorCount` says how many there were */
  keptErrors: 1000,
  /** an upload never run is deleted, rows and report, this many hours after it was uploaded */
  abandonedAfterHours: 24,
} as const;

/**
 * Stable codes of row errors, to translate by; `message` stays the English text. `params` carries
 * the values the message quotes: `value` (the cell as written) for unknown_* / bad_phone / bad_date,
 * `max` for *_too_long, `row` (the earlier row) for duplicate_row, `ticketNo` for already_imported.
 * intake_refused: the row passed the check but ticket intake refused it while importing (its message
 * is intake's own, e.g. a category retired meanwhile).
 */
export const TICKET_IMPORT_ERROR_CODES = [
  'unknown_type',
  'unknown_channel',
  'unknown_priority',
  'title_empty',
  'title_too_long',
  'description_too_long',
  'unknown_category',
  'unknown_org_unit',
  'bad_phone',
  'no_customer',
  'bad_date',
  'future_date',
  'duplicate_row',
  'already_imported',
  'intake_refused',
] as const;
export const TicketImportErrorCode = z.enum(TICKET_IMPORT_ERROR_CODES);
export type TicketImportErrorCode = z.infer<typeof TicketImportErrorCode>;

/** One problem of one row, numbered as in the spreadsheet (header = row 1; blank rows keep their numbers). */
export const TicketImportRowError = z.object({
  row: z.number().int(),
  /** the import field the problem is in; absent for a whole-row problem such as a duplicate */
  field: z.string().optional(),
  /** absent only in reports stored before codes existed */
  code: TicketImportErrorCode.optional(),
  params: z.record(z.string(), z.union([z.string(), z.number()])).optional(),
  /** English text */
  message: z.string(),
});
export type TicketImportRowError = z.infer<typeof TicketImportRowError>;

export const TicketImportStatus = z.enum(['uploaded', 'running', 'done', 'failed']);

export const TicketImport = z.object({
  id: z.uuid(),
  filename: z.string(),
  status: TicketImportStatus,
  /** the run's mode; while `uploaded`, the last dry run's (null: not validated yet) */
  mode: ImportMode.nullable(),
  headers: z.array(z.string()),
  sample: z.array(z.array(z.string())),
  suggestedMapping: ImportMapping,
  totalRows: z.number().int(),
  processedRows: z.number().int(),
  importedRows: z.number().int(),
  failedRows: z.number().int(),
  /** the first IMPORT_LIMITS.keptErrors errors, by spreadsheet row number (header = row 1) */
  errors: z.array(TicketImportRowError),
  /** how many errors were found in all; more than `errors.length` when the list was cut */
  errorCount: z.number().int(),
  /**
   * The mapping and `mode` of the last validation: a dry run while the status is still `uploaded`
   * (then `errors`, `errorCount` and `failedRows` are that dry run's result), else the run's own.
   */
  mapping: ImportMapping.nullable(),
  /** when the rows were last checked against `mapping` (dry run or run); null: never */
  validatedAt: z.string().nullable(),
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
