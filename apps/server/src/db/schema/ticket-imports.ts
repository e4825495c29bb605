import { integer, jsonb, pgTable, text, uuid } from 'drizzle-orm/pg-core';
import type { ImportMode } from '@qloop/contracts';
import { ts } from './org.js';

export const ticketImports = pgTable('ticket_imports', {
  id: uuid('id').primaryKey().defaultRandom(),
  userId: uuid('user_id').notNull(),
  filename: text('filename').notNull(),
  status: text('status').$type<'uploaded' | 'running' | 'done' | 'failed'>().notNull().default('uploaded'),
  mode: text('mode').$type<ImportMode>(),
  headers: jsonb('headers').$type<string[]>().notNull(),
  rows: jsonb('rows').$type<string[][] | null>(),
  totalRows: integer('total_rows').notNull(),
  processedRows: integer('processed_rows').notNull().default(0),
  importedRows: integer('imported_rows').notNull().default(0),
  failedRows: integer('failed_rows').notNull().default(0),
  errors: jsonb('errors').$type<{ row: number; field?: string; message: string }[]>().notNull().default([]),
  message: text('message'),
  createdAt: ts('created_at').notNull().defaultNow(),
  finishedAt: ts('finished_at'),
  heartbeatAt: ts('heartbeat_at'),
});
