import {
  PROVINCE_WIDE_ROLES,
  ROLE_PERMISSIONS,
  type Me,
  type Permission,
  type Role,
} from '@qloop/contracts';
import type { AuditContext } from '../audit/append-audit.js';

/** The authenticated caller of a request: a user through a session, or a user's API token. */
export type Principal = {
  userId: string;
  username: string;
  displayName: string;
  role: Role;
  orgUnitId: string;
  orgUnitName: string;
  departmentIds: string[];
  permissions: ReadonlySet<Permission>;
  provinceWide: boolean;
  mustChangePassword: boolean;
  locale: 'zh-CN' | 'en-US';
  via: 'session' | 'token';
  /** SHA-256 of the session id, for logout and the CSRF check */
  sessionHash?: string;
  tokenId?: string;
};

export type PrincipalUser = {
  id: string;
  username: string;
  displayName: string;
  role: Role;
  orgUnitId: string;
  orgUnitName: string;
  departmentIds: string[];
  mustChangePassword: boolean;
  locale: 'zh-CN' | 'en-US';
};

/** A token's effective permissions are its scopes cut down to what its owner's role allows. */
export function principalFor(
  user: PrincipalUser,
  via: { sessionHash: string } | { tokenId: string; scopes: readonly string[] },
): Principal {
  const rolePerms = ROLE_PERMISSIONS[user.role];
  const permissions =
    'tokenId' in via ? rolePerms.filter((p) => via.scopes.includes(p)) : [...rolePerms];
  return {
    userId: user.id,
    username: user.username,
    displayName: user.displayName,
    role: user.role,
    orgUnitId: user.orgUnitId,
    orgUnitName: user.orgUnitName,
    departmentIds: user.departmentIds,
    permissions: new Set(permissions),
    provinceWide: PROVINCE_WIDE_ROLES.includes(user.role),
    mustChangePassword: user.mustChangePassword,
    locale: user.locale,
    via: 'tokenId' in via ? 'token' : 'session',
    ...('tokenId' in via ? { tokenId: via.tokenId } : { sessionHash: via.sessionHash }),
  };
}

export function toMe(p: Principal): Me {
  return {
    id: p.userId,
    username: p.username,
    displayName: p.displayName,
    role: p.role,
    orgUnitId: p.orgUnitId,
    orgUnitName: p.orgUnitName,
    departmentIds: p.departmentIds,
    permissions: [...p.permissions],
    provinceWide: p.provinceWide,
    mustChangePassword: p.mustChangePassword,
    locale: p.locale,
  };
}

export function auditContextOf(
  p: Principal | null,
  req: { id: string; ip: string },
): AuditContext {
  return {
    actorId: p?.userId ?? null,
    actorName: p?.username ?? null,
    requestId: req.id,
    ip: req.ip,
  };
}
