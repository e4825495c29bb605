import { z } from 'zod';

/** The roles of Qloop. Each user has exactly one. */
export const ROLES = [
  'admin',
  'quality_manager',
  'dept_manager',
  'branch_manager',
  'agent',
  'inspector',
  'executive',
] as const;
export const Role = z.enum(ROLES);
export type Role = z.infer<typeof Role>;

/** Permissions are checked by the server on every route; the web menu mirrors them. */
export const PERMISSIONS = [
  'org:read',
  'org:manage',
  'users:read',
  'users:manage',
  'customer_base:read',
  'customer_base:manage',
  'audit:read',
  'audit:verify',
  'tokens:manage',
  'pii:unmask',
  'tickets:read',
  'tickets:create',
  'tickets:handle',
  'tickets:manage',
  'customers:read',
  'categories:manage',
  'assignment:manage',
  /** read calendars and SLA standards, use the deadline calculator */
  'sla:read',
  /** edit calendars and SLA standards */
  'sla:manage',
  /** read quality indicators (指标) of the org units in one's scope */
  'indicators:read',
  /** define custom indicators, set targets and thresholds per org unit, supply external figures */
  'indicators:manage',
  /** see graded warnings (预警) of the org units in one's scope */
  'warnings:read',
  /** acknowledge a warning one owns and submit its rectification plan */
  'warnings:handle',
  /** edit warning rules, verify plans, close warnings, run an evaluation */
  'warnings:manage',
  /** see satisfaction surveys (问卷) and their analysis within one's scope */
  'surveys:read',
  /** build and publish surveys, set distribution rules, run campaigns */
  'surveys:manage',
] as const;
export const Permission = z.enum(PERMISSIONS);
export type Permission = z.infer<typeof Permission>;

export const ROLE_PERMISSIONS: Record<Role, readonly Permission[]> = {
  admin: PERMISSIONS,
  quality_manager: [
    'org:read',
    'users:read',
    'customer_base:read',
    'customer_base:manage',
    'audit:read',
    'audit:verify',
    'tokens:manage',
    'pii:unmask',
    'tickets:read',
    'tickets:create',
    'tickets:handle',
    'tickets:manage',
    'customers:read',
    'categories:manage',
    'assignment:manage',
    'sla:read',
    'sla:manage',
    'indicators:read',
    'indicators:manage',
    'warnings:read',
    'warnings:handle',
    'warnings:manage',
    'surveys:read',
    'surveys:manage',
  ],
  dept_manager: ['org:read', 'users:read', 'customer_base:read', 'tickets:read', 'tickets:handle', 'customers:read', 'sla:read', 'indicators:read', 'warnings:read', 'warnings:handle', 'surveys:read'],
  branch_manager: [
    'org:read',
    'users:read',
    'users:manage',
    'customer_base:read',
    'customer_base:manage',
    'audit:read',
    'tickets:read',
    'tickets:create',
    'tickets:handle',
    'tickets:manage',
    'customers:read',
    'sla:read',
    'indicators:read',
    'warnings:read',
    'warnings:handle',
    'surveys:read',
  ],
  agent: ['org:read', 'pii:unmask', 'tickets:read', 'tickets:create', 'tickets:handle', 'customers:read', 'sla:read', 'indicators:read'],
  inspector: ['org:read', 'users:read', 'tickets:read', 'customers:read', 'sla:read', 'indicators:read', 'warnings:read', 'surveys:read'],
  executive: ['org:read', 'users:read', 'customer_base:read', 'audit:read', 'tickets:read', 'sla:read', 'indicators:read', 'warnings:read', 'surveys:read'],
};

/** Roles whose data scope is the whole organisation rather than their own org-unit subtree. */
export const PROVINCE_WIDE_ROLES: readonly Role[] = ['admin', 'quality_manager', 'executive'];

/**
 * Which roles a user of a role may give to others: a branch manager can add front-line staff to
 * their branch but can never create an administrator.
 */
export const ROLE_GRANTS: Record<Role, readonly Role[]> = {
  admin: ROLES,
  quality_manager: [],
  dept_manager: [],
  branch_manager: ['agent', 'inspector'],
  agent: [],
  inspector: [],
  executive: [],
};

export function roleHas(role: Role, permission: Permission): boolean {
  return ROLE_PERMISSIONS[role].includes(permission);
}

/** API-token scopes are permissions; a token can never exceed its owner's role. */
export const TokenScope = Permission;
export type TokenScope = Permission;
