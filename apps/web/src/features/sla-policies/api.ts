import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import {
  SavedSlaPolicy,
  SlaImpact,
  SlaPolicy,
  type CreateSlaPolicyBody,
  type SlaImpactBody,
  type UpdateSlaPolicyBody,
} from '@qloop/contracts';
import { z } from 'zod';
import { api } from '../../api/client';

const PolicyList = z.object({ items: z.array(SlaPolicy) });
const Reordered = PolicyList.extend({ impact: SlaImpact });
const policiesKey = ['sla-policies'] as const;

/** The policies in their order: the first active one whose conditions hold applies to a ticket. */
export function useSlaPolicies() {
  return useQuery({
    queryKey: policiesKey,
    queryFn: ({ signal }) => api.get('/sla-policies', PolicyList, undefined, signal),
    select: (d) => d.items,
  });
}

/** Saving answers with what it did to open tickets' clocks (`impact`). */
export function useCreateSlaPolicy() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: z.input<typeof CreateSlaPolicyBody>) => api.post('/sla-policies', body, SavedSlaPolicy),
    onSuccess: () => qc.invalidateQueries({ queryKey: policiesKey }),
  });
}

export function useUpdateSlaPolicy() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: ({ id, ...body }: z.input<typeof UpdateSlaPolicyBody> & { id: string }) => api.patch(`/sla-policies/${id}`, body, SavedSlaPolicy),
    // also after a 409: the editor reloads the version someone else saved
    onSettled: () => qc.invalidateQueries({ queryKey: policiesKey }),
  });
}

/** Sends the complete new order; the answer is the reordered list (shown at once) and its impact. */
export function useReorderSlaPolicies() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (ids: string[]) => api.put('/sla-policies/order', { ids }, Reordered),
    onSuccess: (data) => qc.setQueryData(policiesKey, { items: data.items }),
    onSettled: () => qc.invalidateQueries({ queryKey: policiesKey }),
  });
}

/** What saving would do to open tickets' clocks; nothing is saved. */
export function usePreviewSlaImpact() {
  return useMutation({
    mutationFn: (body: z.input<typeof SlaImpactBody>) => api.post('/sla-policies/preview-impact', body, SlaImpact),
  });
}
