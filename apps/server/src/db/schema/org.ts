import { boolean, integer, pgTable, text, timestamp, uuid, char, primaryKey } from 'drizzle-orm/pg-core';

const ts = (name: string) => timestamp(name, { withTimezone: true, mode: 'date' });

export const orgUnits = pgTable('org_units', {
  id: uuid('id').primaryKey().defaultRandom(),
  parentId: uuid('parent_id'),
  kind: text('kind').$type<'province' | 'branch' | 'store' | 'team'>().notNull(),
  code: text('code').notNull(),
  name: text('name').notNull(),
  nameEn: text('name_en'),
  active: boolean('active').notNull().default(true),
  path: uuid('path').array().notNull(),
  version: integer('version').notNull().default(1),
  createdAt: ts('created_at').notNull().defaultNow(),
  updatedAt: ts('updated_at').notNull().defaultNow(),
});

export const departments = pgTable('departments', {
  id: uuid('id').primaryKey().defaultRandom(),
  orgUnitId: uuid('org_unit_id').notNull(),
  code: text('code').notNull(),
  name: text('name').notNull(),
  nameEn: text('name_en'),
  active: boolean('active').notNull().default(true),
  createdAt: ts('created_at').notNull().defaultNow(),
  updatedAt: ts('updated_at').notNull().defaultNow(),
});

export const customerBase = pgTable('customer_base', {
  id: uuid('id').primaryKey().defaultRandom(),
  orgUnitId: uuid('org_unit_id').notNull(),
  month: char('month', { length: 7 }).notNull(),
  customers: integer('customers').notNull(),
  updatedBy: uuid('updated_by'),
  createdAt: ts('created_at').notNull().defaultNow(),
  updatedAt: ts('updated_at').notNull().defaultNow(),
});

export const userDepartments = pgTable(
  'user_departments',
  {
    userId: uuid('user_id').notNull(),
    departmentId: uuid('department_id').notNull(),
  },
  (t) => [primaryKey({ columns: [t.userId, t.departmentId] })],
);

export { ts };
