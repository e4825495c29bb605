import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { OrgUnit, type CreateOrgUnitBody, type UpdateOrgUnitBody } from '@qloop/contracts';
import { z } from 'zod';
import { api } from './client';

const OrgUnitList = z.object({ items: z.array(OrgUnit) });
export const orgUnitsKey = ['org-units'] as const;

/** All org units in the caller's scope, flat; see components/org-tree.ts for the tree. */
export function useOrgUnits(enabled = true) {
  return useQuery({
    queryKey: orgUnitsKey,
    queryFn: ({ signal }) => api.get('/org-units', OrgUnitList, undefined, signal),
    select: (d) => d.items,
    enabled,
  });
}

function useInvalidateOrg() {
  const qc = useQueryClient();
  // users carry orgUnitName and the tree carries userCount: refresh both
  return () => Promise.all([qc.invalidateQueries({ queryKey: orgUnitsKey }), qc.invalidateQueries({ queryKey: ['users'] })]);
}

export function useCreateOrgUnit() {
  const invalidate = useInvalidateOrg();
  return useMutation({
    mutationFn: (body: z.input<typeof CreateOrgUnitBody>) => api.post('/org-units', body, OrgUnit),
    onSuccess: invalidate,
  });
}

export function useUpdateOrgUnit() {
  const invalidate = useInvalidateOrg();
  return useMutation({
    mutationFn: ({ id, ...body }: z.input<typeof UpdateOrgUnitBody> & { id: string }) =>
      api.patch(`/org-units/${id}`, body, OrgUnit),
    onSuccess: invalidate,
  });
}

export function useDeleteOrgUnit() {
  const invalidate = useInvalidateOrg();
  return useMutation({ mutationFn: (id: string) => api.del(`/org-units/${id}`), onSuccess: invalidate });
}
