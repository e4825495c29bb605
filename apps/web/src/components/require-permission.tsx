import type { ReactNode } from 'react';
import type { Permission } from '@qloop/contracts';
import { useMe } from '../api/session';
import { Forbidden } from './forbidden';

/** True when the signed-in user's role grants `permission` (as the server reported it). */
export function useCan() {
  const me = useMe();
  return (permission: Permission) => me.permissions.includes(permission);
}

/** Route guard: renders the page only with the permission, else a 403 result. */
export function RequirePermission({ permission, children }: { permission?: Permission; children: ReactNode }) {
  const can = useCan();
  if (permission && !can(permission)) return <Forbidden />;
  return <>{children}</>;
}
