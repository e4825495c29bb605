import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { CustomerBase, ImportResult, pageOf, type UpsertCustomerBaseBody } from '@qloop/contracts';
import type { z } from 'zod';
import { api } from './client';
import { uploadFile } from './upload';

const CustomerBasePage = pageOf(CustomerBase);

export interface CustomerBaseFilters {
  page: number;
  pageSize: number;
  sort?: string;
  orgUnitId?: string;
  fromMonth?: string;
  toMonth?: string;
}

export function useCustomerBase(filters: CustomerBaseFilters) {
  return useQuery({
    queryKey: ['customer-base', filters],
    queryFn: ({ signal }) => api.get('/customer-base', CustomerBasePage, { ...filters }, signal),
    placeholderData: keepPreviousData,
  });
}

export function useUpsertCustomerBase() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: z.input<typeof UpsertCustomerBaseBody>) => api.put('/customer-base', body, CustomerBase),
    onSuccess: () => qc.invalidateQueries({ queryKey: ['customer-base'] }),
  });
}

export function useDeleteCustomerBase() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => api.del(`/customer-base/${id}`),
    onSuccess: () => qc.invalidateQueries({ queryKey: ['customer-base'] }),
  });
}

/** Upload for a dry run (validation only) or the real import; the caller shows `onProgress`. */
export function useImportCustomerBase() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (v: { file: File; dryRun: boolean; onProgress: (p: number) => void }) =>
      uploadFile('/customer-base/import', v.file, {
        query: { dryRun: v.dryRun },
        schema: ImportResult,
        onProgress: v.onProgress,
      }),
    onSuccess: (r) => {
      if (!r.dryRun) void qc.invalidateQueries({ queryKey: ['customer-base'] });
    },
  });
}
