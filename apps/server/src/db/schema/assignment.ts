import { boolean, integer, jsonb, pgTable, primaryKey, text, uuid } from 'drizzle-orm/pg-core';
import type { AssignStrategy, RuleConditions } from '@qloop/contracts';
import { ts } from './org.js';

export const groups = pgTable('groups', {
  id: uuid('id').primaryKey().defaultRandom(),
  orgUnitId: uuid('org_unit_id').notNull(),
  departmentId: uuid('department_id'),
  code: text('code').notNull(),
  name: text('name').notNull(),
  active: boolean('active').notNull().default(true),
  /** the group lead (组长), notified by escalations naming group_lead */
  leadUserId: uuid('lead_user_id'),
  createdAt: ts('created_at').notNull().defaultNow(),
  updatedAt: ts('updated_at').notNull().defaultNow(),
});

export const groupMembers = pgTable(
  'group_members',
  {
    groupId: uuid('group_id').notNull(),
    userId: uuid('user_id').notNull(),
    skills: text('skills').array().notNull().default([]),
  },
  (t) => [primaryKey({ columns: [t.groupId, t.userId] })],
);

export const assignmentRules = pgTable('assignment_rules', {
  id: uuid('id').primaryKey().defaultRandom(),
  position: integer('position').notNull(),
  name: text('name').notNull(),
  active: boolean('active').notNull().default(true),
  conditions: jsonb('conditions').$type<RuleConditions>().notNull(),
  groupId: uuid('group_id').notNull(),
  strategy: text('strategy').$type<AssignStrategy>().notNull(),
  skill: text('skill'),
  lastPicked: uuid('last_picked'),
  createdAt: ts('created_at').notNull().defaultNow(),
  updatedAt: ts('updated_at').notNull().defaultNow(),
});
