import { z } from 'zod';
import { LIMITS, PageQuery, Uuid } from './common.js';

/** Levels of the organisation tree: 省公司 → 地市分公司 → 营业厅/班组. */
export const ORG_UNIT_KINDS = ['province', 'branch', 'store', 'team'] as const;
export const OrgUnitKind = z.enum(ORG_UNIT_KINDS);
export type OrgUnitKind = z.infer<typeof OrgUnitKind>;

/** Which kinds may sit under which: a store never holds a branch. */
export const ORG_CHILD_KINDS: Record<OrgUnitKind, readonly OrgUnitKind[]> = {
  province: ['branch'],
  branch: ['store', 'team'],
  store: ['team'],
  team: [],
};

export const Code = z
  .string()
  .trim()
  .min(1, 'code is required')
  .max(LIMITS.codeMax)
  .regex(/^[A-Za-z0-9_-]+$/, 'code may use letters, digits, dash and underscore');
export const Name = z.string().trim().min(1, 'name is required').max(LIMITS.nameMax);

export const OrgUnit = z.object({
  id: z.uuid(),
  parentId: z.uuid().nullable(),
  kind: OrgUnitKind,
  code: z.string(),
  name: z.string(),
  nameEn: z.string().nullable(),
  active: z.boolean(),
  /** ids from the root down to this unit, inclusive */
  path: z.array(z.uuid()),
  userCount: z.number().int(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type OrgUnit = z.infer<typeof OrgUnit>;

export const CreateOrgUnitBody = z.strictObject({
  parentId: Uuid,
  kind: OrgUnitKind,
  code: Code,
  name: Name,
  nameEn: z.string().trim().max(LIMITS.nameMax).nullable().optional(),
});
export const UpdateOrgUnitBody = z.strictObject({
  name: Name.optional(),
  nameEn: z.string().trim().max(LIMITS.nameMax).nullable().optional(),
  code: Code.optional(),
  active: z.boolean().optional(),
  /** moves the unit under another parent in the caller's scope */
  parentId: Uuid.optional(),
});

export const Department = z.object({
  id: z.uuid(),
  code: z.string(),
  name: z.string(),
  nameEn: z.string().nullable(),
  orgUnitId: z.uuid(),
  active: z.boolean(),
  memberCount: z.number().int(),
});
export type Department = z.infer<typeof Department>;
export const CreateDepartmentBody = z.strictObject({
  code: Code,
  name: Name,
  nameEn: z.string().trim().max(LIMITS.nameMax).nullable().optional(),
  orgUnitId: Uuid,
});
export const UpdateDepartmentBody = z.strictObject({
  code: Code.optional(),
  name: Name.optional(),
  nameEn: z.string().trim().max(LIMITS.nameMax).nullable().optional(),
  active: z.boolean().optional(),
});

/** Month as YYYY-MM, e.g. 2026-11. */
export const Month = z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/, 'month must look like 2026-11');

/** Customer base (用户规模) of an org unit in a month, the denominator of 万客户投诉率. */
export const CustomerBase = z.object({
  id: z.uuid(),
  orgUnitId: z.uuid(),
  orgUnitName: z.string(),
  month: z.string(),
  customers: z.number().int(),
  updatedAt: z.string(),
});
export type CustomerBase = z.infer<typeof CustomerBase>;
export const UpsertCustomerBaseBody = z.strictObject({
  orgUnitId: Uuid,
  month: Month,
  customers: z.number().int().min(0).max(1_000_000_000),
});
export const CustomerBaseQuery = PageQuery.extend({
  orgUnitId: Uuid.optional(),
  fromMonth: Month.optional(),
  toMonth: Month.optional(),
});

/** One row of a customer-base import; `row` is the spreadsheet row number for the error report. */
export const ImportRowError = z.object({
  row: z.number().int(),
  field: z.string().optional(),
  message: z.string(),
});
export const ImportResult = z.object({
  dryRun: z.boolean(),
  rows: z.number().int(),
  imported: z.number().int(),
  errors: z.array(ImportRowError),
});
export type ImportResult = z.infer<typeof ImportResult>;
