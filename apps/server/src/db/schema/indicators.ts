import {
  boolean,
  date,
  doublePrecision,
  integer,
  jsonb,
  pgTable,
  primaryKey,
  text,
  uuid,
} from 'drizzle-orm/pg-core';
import type { CustomIndicatorFormula, IndicatorDirection } from '@qloop/contracts';
import { ts } from './org.js';

/** Custom indicators (built-ins are code); see migration 0019. */
export const indicators = pgTable('indicators', {
  key: text('key').primaryKey(),
  nameZh: text('name_zh').notNull(),
  nameEn: text('name_en').notNull(),
  description: text('description').notNull().default(''),
  formula: jsonb('formula').$type<CustomIndicatorFormula>().notNull(),
  unit: text('unit').notNull(),
  unitEn: text('unit_en').notNull(),
  direction: text('direction').$type<IndicatorDirection>().notNull(),
  target: doublePrecision('target'),
  yellow: doublePrecision('yellow'),
  orange: doublePrecision('orange'),
  red: doublePrecision('red'),
  active: boolean('active').notNull().default(true),
  version: integer('version').notNull().default(1),
  createdBy: uuid('created_by'),
  updatedBy: uuid('updated_by'),
  createdAt: ts('created_at').notNull().defaultNow(),
  updatedAt: ts('updated_at').notNull().defaultNow(),
});

/** Target and thresholds of an indicator for one org unit and its subtree (nearest ancestor wins). */
export const indicatorSettings = pgTable(
  'indicator_settings',
  {
    indicatorKey: text('indicator_key').notNull(),
    orgUnitId: uuid('org_unit_id').notNull(),
    target: doublePrecision('target'),
    yellow: doublePrecision('yellow'),
    orange: doublePrecision('orange'),
    red: doublePrecision('red'),
    version: integer('version').notNull().default(1),
    updatedBy: uuid('updated_by'),
    updatedAt: ts('updated_at').notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.indicatorKey, t.orgUnitId] })],
);

/** Values of external indicators per org unit and period (day, or a month's first day); see migration 0020. */
export const indicatorExternalValues = pgTable(
  'indicator_external_values',
  {
    indicatorKey: text('indicator_key').notNull(),
    orgUnitId: uuid('org_unit_id').notNull(),
    period: date('period', { mode: 'string' }).notNull(),
    value: doublePrecision('value').notNull(),
    numerator: doublePrecision('numerator'),
    denominator: doublePrecision('denominator'),
    source: text('source').$type<'import' | 'api'>().notNull(),
    updatedBy: uuid('updated_by'),
    updatedAt: ts('updated_at').notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.indicatorKey, t.orgUnitId, t.period] })],
);
