import { bigserial, pgTable, text, uuid } from 'drizzle-orm/pg-core';
import type { NotificationKind } from '@qloop/contracts';
import { ts } from './org.js';

export const notifications = pgTable('notifications', {
  id: bigserial('id', { mode: 'number' }).primaryKey(),
  userId: uuid('user_id').notNull(),
  kind: text('kind').$type<NotificationKind>().notNull(),
  ticketId: uuid('ticket_id'),
  warningId: uuid('warning_id'),
  title: text('title').notNull(),
  body: text('body'),
  createdAt: ts('created_at').notNull().defaultNow(),
  readAt: ts('read_at'),
});

export const outboundMessages = pgTable('outbound_messages', {
  id: bigserial('id', { mode: 'number' }).primaryKey(),
  channel: text('channel').$type<'sms' | 'email'>().notNull(),
  toAddress: text('to_address').notNull(),
  subject: text('subject'),
  body: text('body').notNull(),
  status: text('status').notNull().default('logged'),
  userId: uuid('user_id'),
  ticketId: uuid('ticket_id'),
  warningId: uuid('warning_id'),
  createdAt: ts('created_at').notNull().defaultNow(),
});
