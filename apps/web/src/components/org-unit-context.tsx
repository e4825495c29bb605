import { createContext, useCallback, useContext, useMemo, useState, type ReactNode } from 'react';
import type { OrgUnit } from '@qloop/contracts';
import { useOrgUnits } from '../api/org-units';
import { useMe } from '../api/session';

interface OrgUnitScope {
  /** the unit chosen in the header; list pages filter by it */
  orgUnitId: string;
  orgUnit: OrgUnit | undefined;
  setOrgUnitId: (id: string) => void;
}

const OrgUnitContext = createContext<OrgUnitScope | null>(null);

const storageKey = (userId: string) => `qloop.orgUnit.${userId}`;

/**
 * Holds the org unit picked in the header switcher. The choice is saved per user (a shared
 * computer must not hand one user's branch to the next), and falls back to the user's own unit
 * when the saved one is no longer in scope.
 */
export function OrgUnitProvider({ children }: { children: ReactNode }) {
  const me = useMe();
  // Nothing but the password change is open while a temporary password is in use.
  const { data: units } = useOrgUnits(!me.mustChangePassword);
  const [chosen, setChosen] = useState<string | null>(() => localStorage.getItem(storageKey(me.id)));

  const orgUnitId = chosen && (!units || units.some((u) => u.id === chosen)) ? chosen : me.orgUnitId;
  const orgUnit = units?.find((u) => u.id === orgUnitId);

  const setOrgUnitId = useCallback(
    (id: string) => {
      localStorage.setItem(storageKey(me.id), id);
      setChosen(id);
    },
    [me.id],
  );

  const value = useMemo(() => ({ orgUnitId, orgUnit, setOrgUnitId }), [orgUnitId, orgUnit, setOrgUnitId]);
  return <OrgUnitContext.Provider value={value}>{children}</OrgUnitContext.Provider>;
}

export function useOrgUnitScope(): OrgUnitScope {
  const ctx = useContext(OrgUnitContext);
  if (!ctx) throw new Error('useOrgUnitScope() needs <OrgUnitProvider>');
  return ctx;
}
