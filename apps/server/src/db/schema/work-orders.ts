import { bigserial, boolean, integer, jsonb, pgTable, primaryKey, smallint, text, uuid } from 'drizzle-orm/pg-core';
import type { Channel, Outcome, PendingReason, Priority, RequestType, TicketState } from '@qloop/contracts';
import { ts } from './org.js';

export const categories = pgTable('categories', {
  id: uuid('id').primaryKey().defaultRandom(),
  parentId: uuid('parent_id'),
  level: smallint('level').notNull(),
  code: text('code').notNull(),
  name: text('name').notNull(),
  nameEn: text('name_en'),
  active: boolean('active').notNull().default(true),
  sort: integer('sort').notNull().default(0),
  path: uuid('path').array().notNull(),
  createdAt: ts('created_at').notNull().defaultNow(),
  updatedAt: ts('updated_at').notNull().defaultNow(),
});

export const customers = pgTable('customers', {
  id: uuid('id').primaryKey().defaultRandom(),
  orgUnitId: uuid('org_unit_id').notNull(),
  name: text('name'),
  phone: text('phone'),
  customerNo: text('customer_no'),
  idNumber: text('id_number'),
  tier: text('tier').$type<'vip' | 'normal'>().notNull().default('normal'),
  consentSms: boolean('consent_sms').notNull().default(true),
  consentSurvey: boolean('consent_survey').notNull().default(true),
  version: integer('version').notNull().default(1),
  createdAt: ts('created_at').notNull().defaultNow(),
  updatedAt: ts('updated_at').notNull().defaultNow(),
});

export const tickets = pgTable('tickets', {
  id: uuid('id').primaryKey().defaultRandom(),
  no: text('no').notNull(),
  type: text('type').$type<RequestType>().notNull(),
  channel: text('channel').$type<Channel>().notNull(),
  priority: text('priority').$type<Priority>().notNull(),
  state: text('state').$type<TicketState>().notNull(),
  pendingFrom: text('pending_from').$type<TicketState>(),
  pendingReason: text('pending_reason').$type<PendingReason>(),
  title: text('title').notNull(),
  description: text('description').notNull().default(''),
  categoryId: uuid('category_id').notNull(),
  categoryL2Id: uuid('category_l2_id'),
  orgUnitId: uuid('org_unit_id').notNull(),
  customerId: uuid('customer_id').notNull(),
  firstOwnerId: uuid('first_owner_id').notNull(),
  assigneeId: uuid('assignee_id'),
  groupId: uuid('group_id'),
  escalated: boolean('escalated').notNull().default(false),
  escalationSource: text('escalation_source'),
  regulatorAppeal: boolean('regulator_appeal').notNull().default(false),
  groupComplaint: boolean('group_complaint').notNull().default(false),
  repeatOf: uuid('repeat_of'),
  mergedInto: uuid('merged_into'),
  changesService: boolean('changes_service').notNull().default(false),
  outcome: text('outcome').$type<Outcome>(),
  confirmation: jsonb('confirmation'),
  followUpResult: text('follow_up_result'),
  transferCount: integer('transfer_count').notNull().default(0),
  reopenCount: integer('reopen_count').notNull().default(0),
  searchText: text('search_text').notNull().default(''),
  trackingCode: text('tracking_code'),
  version: integer('version').notNull().default(1),
  createdAt: ts('created_at').notNull().defaultNow(),
  updatedAt: ts('updated_at').notNull().defaultNow(),
  answeredAt: ts('answered_at'),
  closedAt: ts('closed_at'),
  /** earliest running SLA deadline (modules/sla); null when no clock runs */
  nextDeadline: ts('next_deadline'),
});

export const ticketEvents = pgTable('ticket_events', {
  id: bigserial('id', { mode: 'number' }).primaryKey(),
  ticketId: uuid('ticket_id').notNull(),
  at: ts('at').notNull().defaultNow(),
  actorId: uuid('actor_id'),
  kind: text('kind').$type<'created' | 'transition' | 'note' | 'sla'>().notNull(),
  action: text('action'),
  fromState: text('from_state'),
  toState: text('to_state'),
  visibility: text('visibility').$type<'public' | 'internal'>().notNull().default('internal'),
  body: text('body'),
  data: jsonb('data'),
});

export const idempotencyKeys = pgTable(
  'idempotency_keys',
  {
    userId: uuid('user_id').notNull(),
    key: text('key').notNull(),
    ticketId: uuid('ticket_id').notNull(),
    createdAt: ts('created_at').notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.userId, t.key] })],
);
