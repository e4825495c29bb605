import { integer, jsonb, pgTable, text } from 'drizzle-orm/pg-core';
import type { CalendarDefinition } from '@qloop/contracts';
import { ts } from './org.js';

export const calendars = pgTable('calendars', {
  key: text('key').primaryKey(),
  definition: jsonb('definition').$type<CalendarDefinition>().notNull(),
  version: integer('version').notNull().default(1),
  createdAt: ts('created_at').notNull().defaultNow(),
  updatedAt: ts('updated_at').notNull().defaultNow(),
});
