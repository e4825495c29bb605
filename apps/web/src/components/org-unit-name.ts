import { useCallback, useMemo } from 'react';
import { useOrgUnits } from '../api/org-units';
import { useOrgName } from './org-tree';

/**
 * Names an org unit by id in the current language. Rows from the API carry only the Chinese name
 * (or just the id); the unit list has nameEn too. Undefined when the unit is not in the caller's
 * scope or not loaded yet, so each caller picks its own fallback.
 */
export function useOrgUnitNameOf() {
  const { data: units } = useOrgUnits();
  const orgName = useOrgName();
  const unitById = useMemo(() => new Map((units ?? []).map((u) => [u.id, u])), [units]);
  return useCallback(
    (id: string | null | undefined) => {
      const unit = id ? unitById.get(id) : undefined;
      return unit ? orgName(unit) : undefined;
    },
    [unitById, orgName],
  );
}
