import { z } from 'zod';
import { LIMITS } from './common.js';
import { TokenScope } from './roles.js';

export const ApiToken = z.object({
  id: z.uuid(),
  name: z.string(),
  /** first characters of the token, enough to recognise it; the secret is shown once */
  prefix: z.string(),
  scopes: z.array(TokenScope),
  userId: z.uuid(),
  createdAt: z.string(),
  expiresAt: z.string().nullable(),
  lastUsedAt: z.string().nullable(),
  revokedAt: z.string().nullable(),
});
export type ApiToken = z.infer<typeof ApiToken>;

export const CreateApiTokenBody = z.strictObject({
  name: z.string().trim().min(1, 'name is required').max(LIMITS.nameMax),
  scopes: z.array(TokenScope).min(1, 'choose at least one scope'),
  expiresInDays: z.number().int().min(1).max(3650).nullable().optional(),
});
export const CreatedApiToken = ApiToken.extend({ token: z.string() });
