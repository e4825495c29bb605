import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { SavedFilter, type UpdateSavedFilterBody } from '@qloop/contracts';
import { z } from 'zod';
import { api } from './client';

const SavedFilterList = z.object({ items: z.array(SavedFilter) });
const savedFiltersKey = ['saved-filters', 'tickets'] as const;

/** 常用筛选 of the work list: the caller's own first, then those others shared. */
export function useSavedFilters() {
  return useQuery({
    queryKey: savedFiltersKey,
    queryFn: ({ signal }) => api.get('/saved-filters', SavedFilterList, { view: 'tickets' }, signal),
    select: (d) => d.items,
    staleTime: 60_000,
  });
}

function useRefreshAfter() {
  const qc = useQueryClient();
  return () => qc.invalidateQueries({ queryKey: savedFiltersKey });
}

export function useCreateSavedFilter() {
  const refresh = useRefreshAfter();
  return useMutation({
    mutationFn: (body: { name: string; query: Record<string, string>; shared: boolean }) =>
      api.post('/saved-filters', { view: 'tickets', ...body }, SavedFilter),
    onSuccess: refresh,
  });
}

export function useUpdateSavedFilter() {
  const refresh = useRefreshAfter();
  return useMutation({
    mutationFn: ({ id, ...body }: z.input<typeof UpdateSavedFilterBody> & { id: string }) =>
      api.patch(`/saved-filters/${id}`, body, SavedFilter),
    onSuccess: refresh,
  });
}

export function useDeleteSavedFilter() {
  const refresh = useRefreshAfter();
  return useMutation({
    mutationFn: (id: string) => api.del(`/saved-filters/${id}`),
    onSuccess: refresh,
  });
}
