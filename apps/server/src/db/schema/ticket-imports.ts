import { integer, jsonb, pgTable, text, uuid } from 'drizzle-orm/pg-core';
import type { ImportMapping, ImportMode, TicketImportRowError } from '@qloop/contracts';
import { ts } from './org.js';

export const ticketImports = pgTable('ticket_imports', {
  id: uuid('id').primaryKey().defaultRandom(),
  userId: uuid('user_id').notNull(),
  filename: text('filename').notNull(),
  status: text('status').$type<'uploaded' | 'running' | 'done' | 'failed'>().notNull().default('uploaded'),
  mode: text('mode').$type<ImportMode>(),
  headers: jsonb('headers').$type<string[]>().notNull(),
  /** the uploaded data rows (personal data: cleared when the import finishes) */
  rows: jsonb('rows').$type<string[][] | null>(),
  /** each row's number in the spreadsheet (header = 1); null on uploads older than the column: index + 2 */
  rowNumbers: jsonb('row_numbers').$type<number[] | null>(),
  totalRows: integer('total_rows').notNull(),
  processedRows: integer('processed_rows').notNull().default(0),
  importedRows: integer('imported_rows').notNull().default(0),
  failedRows: integer('failed_rows').notNull().default(0),
  errors: jsonb('errors').$type<TicketImportRowError[]>().notNull().default([]),
  errorCount: integer('error_count').notNull().default(0),
  mapping: jsonb('mapping').$type<ImportMapping | null>(),
  validatedAt: ts('validated_at'),
  message: text('message'),
  createdAt: ts('created_at').notNull().defaultNow(),
  finishedAt: ts('finished_at'),
  heartbeatAt: ts('heartbeat_at'),
});
