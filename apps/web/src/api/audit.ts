import { keepPreviousData, useMutation, useQuery } from '@tanstack/react-query';
import { AuditEntry, AuditVerifyResult, pageOf, type AuditAction } from '@qloop/contracts';
import { api } from './client';

const AuditPage = pageOf(AuditEntry);

export interface AuditFilters {
  page: number;
  pageSize: number;
  actorId?: string;
  action?: AuditAction;
  entityType?: string;
  entityId?: string;
  /** ISO date-times with offset */
  from?: string;
  to?: string;
}

export function useAudit(filters: AuditFilters, enabled = true) {
  return useQuery({
    queryKey: ['audit', filters],
    queryFn: ({ signal }) => api.get('/audit', AuditPage, { ...filters }, signal),
    placeholderData: keepPreviousData,
    enabled,
  });
}

/** Walks every hash chain on the server; a mutation because it is run on demand, not cached. */
export function useVerifyAudit() {
  return useMutation({ mutationFn: () => api.get('/audit/verify', AuditVerifyResult) });
}
