import { z } from 'zod';
import { Permission, Role } from './roles.js';

export const AUTH_LIMITS = {
  passwordMin: 10,
  passwordMax: 128,
  /** Failed logins in a row that lock an account. */
  lockoutThreshold: 5,
  lockoutMinutes: 15,
  sessionIdleHours: 12,
  sessionAbsoluteDays: 7,
} as const;

export const CSRF_HEADER = 'x-csrf-token';
export const SESSION_COOKIE = 'qloop_sid';

export const Username = z
  .string()
  .trim()
  .min(3, 'username needs at least 3 characters')
  .max(40)
  .regex(/^[a-zA-Z0-9._-]+$/, 'username may use letters, digits, dot, dash and underscore');

/** A new password: long enough, and not only letters or only digits. */
export const NewPassword = z
  .string()
  .min(AUTH_LIMITS.passwordMin, `password needs at least ${AUTH_LIMITS.passwordMin} characters`)
  .max(AUTH_LIMITS.passwordMax)
  .refine((p) => /[A-Za-z]/.test(p) && /[^A-Za-z]/.test(p), {
    message: 'password needs letters and at least one digit or symbol',
  });

export const LoginBody = z.strictObject({
  username: z.string().trim().min(1, 'username is required').max(40),
  password: z.string().min(1, 'password is required').max(AUTH_LIMITS.passwordMax),
});
export type LoginBody = z.infer<typeof LoginBody>;

export const ChangePasswordBody = z.strictObject({
  currentPassword: z.string().min(1).max(AUTH_LIMITS.passwordMax),
  newPassword: NewPassword,
});

/** The signed-in user as the web app sees it. */
export const Me = z.object({
  id: z.uuid(),
  username: z.string(),
  displayName: z.string(),
  role: Role,
  orgUnitId: z.uuid(),
  orgUnitName: z.string(),
  departmentIds: z.array(z.uuid()),
  permissions: z.array(Permission),
  /** true when the role sees the whole organisation. */
  provinceWide: z.boolean(),
  mustChangePassword: z.boolean(),
  locale: z.enum(['zh-CN', 'en-US']),
});
export type Me = z.infer<typeof Me>;

export const SessionResponse = z.object({ user: Me, csrfToken: z.string() });
export type SessionResponse = z.infer<typeof SessionResponse>;
