import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import {
  pageOf,
  TicketSummary,
  Warning,
  WarningCounts,
  WarningDetail,
  WarningEvaluation,
  WarningRule,
  type WarningAction,
  type WarningLevel,
  type WarningRuleKind,
  type WarningRuleSave,
  type WarningRuleUpdate,
  type WarningState,
} from '@qloop/contracts';
import { z } from 'zod';
import { api } from './client';

const WarningPage = pageOf(Warning);
const TicketPage = pageOf(TicketSummary);
const RuleList = z.object({ items: z.array(WarningRule) });

/**
 * Filters of GET /warnings as the list sends them: one value per filter (the query string helper
 * sends scalars), booleans as the API reads them.
 */
export interface WarningFilters {
  page: number;
  pageSize: number;
  sort?: string;
  state?: WarningState;
  open?: boolean;
  level?: WarningLevel;
  kind?: WarningRuleKind;
  orgUnit?: string;
  planOverdue?: boolean;
  raisedFrom?: string;
  raisedTo?: string;
}

/** Every warning query (list, counts, detail, evidence) starts with this key: one change refreshes them all. */
export const warningsKey = ['warnings'] as const;
const warningKey = (id: string) => [...warningsKey, 'detail', id] as const;
const rulesKey = ['warning-rules'] as const;

/** GET /warnings: the warnings in the caller's scope, filtered, sorted and paged by the server. */
export function useWarnings(filters: WarningFilters, enabled = true) {
  return useQuery({
    queryKey: [...warningsKey, 'list', filters],
    queryFn: ({ signal }) => api.get('/warnings', WarningPage, { ...filters }, signal),
    placeholderData: keepPreviousData,
    enabled,
  });
}

/** GET /warnings/counts: open warnings by level and how many plans are late, for an org subtree. */
export function useWarningCounts(orgUnit: string | undefined, enabled = true) {
  return useQuery({
    queryKey: [...warningsKey, 'counts', orgUnit ?? null],
    queryFn: ({ signal }) => api.get('/warnings/counts', WarningCounts, { orgUnit }, signal),
    placeholderData: keepPreviousData,
    enabled,
  });
}

export function useWarning(id: string | undefined) {
  return useQuery({
    queryKey: warningKey(id ?? ''),
    queryFn: ({ signal }) => api.get(`/warnings/${id}`, WarningDetail, undefined, signal),
    enabled: !!id,
  });
}

/** GET /warnings/{id}/tickets: the tickets behind a warning (its evidence), paged. */
export function useWarningTickets(id: string, paging: { page: number; pageSize: number }, enabled = true) {
  return useQuery({
    queryKey: [...warningsKey, 'tickets', id, paging],
    queryFn: ({ signal }) => api.get(`/warnings/${id}/tickets`, TicketPage, { ...paging }, signal),
    placeholderData: keepPreviousData,
    enabled,
  });
}

/**
 * POST /warnings/{id}/actions: one lifecycle step with the version the page showed. The answer is
 * the warning as it is now; lists and counts are stale afterwards.
 */
export function useWarningAction(id: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: WarningAction) => api.post(`/warnings/${id}/actions`, body, WarningDetail),
    onSuccess: (w) => {
      qc.setQueryData(warningKey(w.id), w);
      void qc.invalidateQueries({ queryKey: warningsKey, predicate: (q) => q.queryKey[1] !== 'detail' });
    },
  });
}

/** POST /warnings/evaluate: runs every active rule now (warnings:manage); every warning query is stale after. */
export function useEvaluateWarnings() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: () => api.post('/warnings/evaluate', undefined, WarningEvaluation),
    onSuccess: () => qc.invalidateQueries({ queryKey: warningsKey }),
  });
}

export function useWarningRules() {
  return useQuery({
    queryKey: rulesKey,
    queryFn: ({ signal }) => api.get('/warning-rules', RuleList, undefined, signal),
    select: (d) => d.items,
  });
}

export function useCreateWarningRule() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: z.input<typeof WarningRuleSave>) => api.post('/warning-rules', body, WarningRule),
    onSuccess: () => qc.invalidateQueries({ queryKey: rulesKey }),
  });
}

export function useUpdateWarningRule() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: ({ id, ...body }: z.input<typeof WarningRuleUpdate> & { id: string }) =>
      api.put(`/warning-rules/${id}`, body, WarningRule),
    // also after a 409: the editor reloads the version someone else saved
    onSettled: () => qc.invalidateQueries({ queryKey: rulesKey }),
  });
}
