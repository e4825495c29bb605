import { bigserial, boolean, integer, jsonb, pgTable, primaryKey, text, uuid } from 'drizzle-orm/pg-core';
import type { PlanDays, WarningEvidence, WarningLevel, WarningPlan, WarningRuleKind, WarningRuleParams, WarningState } from '@qloop/contracts';
import { ts } from './org.js';

/** Graded-warning rules (预警规则); see migration 0018. */
export const warningRules = pgTable('warning_rules', {
  id: uuid('id').primaryKey().defaultRandom(),
  name: text('name').notNull(),
  nameEn: text('name_en'),
  kind: text('kind').$type<WarningRuleKind>().notNull(),
  params: jsonb('params').$type<WarningRuleParams>().notNull(),
  planDays: jsonb('plan_days').$type<PlanDays>().notNull(),
  ownerDepartmentId: uuid('owner_department_id'),
  active: boolean('active').notNull().default(true),
  version: integer('version').notNull().default(1),
  createdAt: ts('created_at').notNull().defaultNow(),
  updatedAt: ts('updated_at').notNull().defaultNow(),
});

/** Warnings (预警); one open warning per condition_key. */
export const warnings = pgTable('warnings', {
  id: uuid('id').primaryKey().defaultRandom(),
  warningNo: text('warning_no').notNull(),
  ruleId: uuid('rule_id').notNull(),
  kind: text('kind').$type<WarningRuleKind>().notNull(),
  conditionKey: text('condition_key').notNull(),
  level: text('level').$type<WarningLevel>().notNull(),
  state: text('state').$type<WarningState>().notNull(),
  title: text('title').notNull(),
  titleEn: text('title_en').notNull(),
  orgUnitId: uuid('org_unit_id').notNull(),
  ownerDepartmentId: uuid('owner_department_id'),
  evidence: jsonb('evidence').$type<WarningEvidence>().notNull(),
  ticketCount: integer('ticket_count').notNull().default(0),
  raisedAt: ts('raised_at').notNull(),
  lastSeenAt: ts('last_seen_at').notNull(),
  occurrences: integer('occurrences').notNull().default(1),
  lastStamp: text('last_stamp').notNull(),
  planDueAt: ts('plan_due_at').notNull(),
  escalationLevel: integer('escalation_level').notNull().default(0),
  nextEscalationAt: ts('next_escalation_at'),
  plan: jsonb('plan').$type<WarningPlan>(),
  acknowledgedAt: ts('acknowledged_at'),
  acknowledgedBy: uuid('acknowledged_by'),
  planSubmittedAt: ts('plan_submitted_at'),
  planSubmittedBy: uuid('plan_submitted_by'),
  verifiedAt: ts('verified_at'),
  verifiedBy: uuid('verified_by'),
  closedAt: ts('closed_at'),
  closedBy: uuid('closed_by'),
  closeReason: text('close_reason'),
  version: integer('version').notNull().default(1),
  updatedAt: ts('updated_at').notNull().defaultNow(),
});

export const warningEvents = pgTable('warning_events', {
  id: bigserial('id', { mode: 'number' }).primaryKey(),
  warningId: uuid('warning_id').notNull(),
  kind: text('kind').notNull(),
  actorId: uuid('actor_id'),
  at: ts('at').notNull().defaultNow(),
  note: text('note'),
  data: jsonb('data').$type<Record<string, unknown>>(),
});

export const warningTickets = pgTable(
  'warning_tickets',
  { warningId: uuid('warning_id').notNull(), ticketId: uuid('ticket_id').notNull() },
  (t) => [primaryKey({ columns: [t.warningId, t.ticketId] })],
);
