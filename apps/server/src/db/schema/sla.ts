import { bigserial, integer, jsonb, pgTable, text, uuid, boolean } from 'drizzle-orm/pg-core';
import type { ClockKind, ClockStatus, SlaAlerts, SlaConditions } from '@qloop/contracts';
import { ts } from './org.js';

/** SLA policies (时限标准); targets in business minutes of `calendarKey`, null = no target. */
export const slaPolicies = pgTable('sla_policies', {
  id: uuid('id').primaryKey().defaultRandom(),
  position: integer('position').notNull(),
  name: text('name').notNull(),
  active: boolean('active').notNull().default(true),
  conditions: jsonb('conditions').$type<SlaConditions>().notNull(),
  calendarKey: text('calendar_key').notNull(),
  firstResponseMinutes: integer('first_response_minutes'),
  nextResponseMinutes: integer('next_response_minutes'),
  resolutionMinutes: integer('resolution_minutes'),
  followUpMinutes: integer('follow_up_minutes'),
  alerts: jsonb('alerts').$type<SlaAlerts>().notNull(),
  sourceStandard: text('source_standard'),
  version: integer('version').notNull().default(1),
  createdAt: ts('created_at').notNull().defaultNow(),
  updatedAt: ts('updated_at').notNull().defaultNow(),
});

/** A pause interval kept for the record; `to` null while still paused. ISO strings. */
export type StoredPause = { from: string; to: string | null };

/** One SLA clock of a ticket (one row per kind and cycle); see migration 0014 for the model. */
export const ticketClocks = pgTable('ticket_clocks', {
  id: uuid('id').primaryKey().defaultRandom(),
  ticketId: uuid('ticket_id').notNull(),
  kind: text('kind').$type<ClockKind>().notNull(),
  cycle: integer('cycle').notNull().default(1),
  policyId: uuid('policy_id').notNull(),
  calendarKey: text('calendar_key').notNull(),
  targetMinutes: integer('target_minutes').notNull(),
  startedAt: ts('started_at').notNull(),
  /** elapsed business minutes are counted up to this instant */
  countedFrom: ts('counted_from').notNull(),
  elapsedMinutes: integer('elapsed_minutes').notNull().default(0),
  pausedSince: ts('paused_since'),
  pauses: jsonb('pauses').$type<StoredPause[]>().notNull().default([]),
  deadline: ts('deadline'),
  status: text('status').$type<ClockStatus>().notNull(),
  metAt: ts('met_at'),
  breachedAt: ts('breached_at'),
  /** stages fired or skipped (warning:50, breach, escalation:1 …); see migration 0015 */
  alertsDone: text('alerts_done').array().notNull().default([]),
  nextAlert: text('next_alert'),
  nextAlertAt: ts('next_alert_at'),
  updatedAt: ts('updated_at').notNull().defaultNow(),
});

/** Each SLA stage fired on a clock, once (unique per clock and stage). */
export const slaAlerts = pgTable('sla_alerts', {
  id: bigserial('id', { mode: 'number' }).primaryKey(),
  clockId: uuid('clock_id').notNull(),
  ticketId: uuid('ticket_id').notNull(),
  stage: text('stage').notNull(),
  dueAt: ts('due_at').notNull(),
  firedAt: ts('fired_at').notNull().defaultNow(),
  notified: uuid('notified').array().notNull().default([]),
});
