import { z } from 'zod';
import { LIMITS, PageQuery, QueryBool, Uuid } from './common.js';
import { NewPassword, Username } from './auth.js';
import { Role } from './roles.js';

export const Phone = z
  .string()
  .trim()
  .regex(/^1\d{10}$/, 'phone must be an 11-digit mainland mobile number');

export const User = z.object({
  id: z.uuid(),
  username: z.string(),
  displayName: z.string(),
  email: z.string().nullable(),
  /** staff phone, masked unless the caller manages users */
  phone: z.string().nullable(),
  role: Role,
  orgUnitId: z.uuid(),
  orgUnitName: z.string(),
  departmentIds: z.array(z.uuid()),
  active: z.boolean(),
  locked: z.boolean(),
  lastLoginAt: z.string().nullable(),
  createdAt: z.string(),
  updatedAt: z.string(),
  version: z.number().int(),
});
export type User = z.infer<typeof User>;

export const CreateUserBody = z.strictObject({
  username: Username,
  displayName: z.string().trim().min(1, 'display name is required').max(LIMITS.nameMax),
  email: z.email().nullable().optional(),
  phone: Phone.nullable().optional(),
  role: Role,
  orgUnitId: Uuid,
  departmentIds: z.array(Uuid).max(20).default([]),
  password: NewPassword,
});
export const UpdateUserBody = z.strictObject({
  displayName: z.string().trim().min(1).max(LIMITS.nameMax).optional(),
  email: z.email().nullable().optional(),
  phone: Phone.nullable().optional(),
  role: Role.optional(),
  orgUnitId: Uuid.optional(),
  departmentIds: z.array(Uuid).max(20).optional(),
  active: z.boolean().optional(),
  /** optimistic concurrency: the version the caller read */
  version: z.number().int().optional(),
});
export const ResetPasswordBody = z.strictObject({ newPassword: NewPassword });

export const USER_SORT_FIELDS = ['username', 'displayName', 'role', 'createdAt', 'lastLoginAt'] as const;
export const UserQuery = PageQuery.extend({
  q: z.string().trim().max(60).optional(),
  role: Role.optional(),
  orgUnitId: Uuid.optional(),
  departmentId: Uuid.optional(),
  active: QueryBool.optional(),
});
