import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import {
  Assignee,
  BulkTransitionResult,
  Category,
  Customer,
  TicketPage,
  RevealedCustomer,
  TicketDetail,
  TicketQuery,
  type BulkTransitionBody,
  type CreateTicketBody,
  type NoteKind,
  type TransitionBody,
} from '@qloop/contracts';
import { z } from 'zod';
import { api, API_BASE, queryString, request } from './client';

/** Filters of GET /tickets: the contract's own query type, so the web app cannot drift from it. */
export type TicketFilters = z.output<typeof TicketQuery>;

export const ticketsKey = ['tickets'] as const;
const ticketKey = (id: string) => ['ticket', id] as const;

export function useTickets(filters: TicketFilters, enabled = true) {
  return useQuery({
    queryKey: [...ticketsKey, filters],
    queryFn: ({ signal }) => api.get('/tickets', TicketPage, { ...filters }, signal),
    placeholderData: keepPreviousData,
    enabled,
  });
}

export function useTicket(id: string | undefined) {
  return useQuery({
    queryKey: ticketKey(id ?? ''),
    queryFn: ({ signal }) => api.get(`/tickets/${id}`, TicketDetail, undefined, signal),
    enabled: !!id,
  });
}

/** Puts a fresh detail into the cache and marks every list stale (state, assignee… changed). */
function useStoreTicket() {
  const qc = useQueryClient();
  return (t: TicketDetail) => {
    qc.setQueryData(ticketKey(t.id), t);
    void qc.invalidateQueries({ queryKey: ticketsKey });
  };
}

/** POST /tickets with an Idempotency-Key, so a double click or a retry never makes two tickets. */
export function useCreateTicket() {
  const store = useStoreTicket();
  return useMutation({
    mutationFn: ({ body, idempotencyKey }: { body: z.input<typeof CreateTicketBody>; idempotencyKey: string }) =>
      request('/tickets', { method: 'POST', body, schema: TicketDetail, headers: { 'Idempotency-Key': idempotencyKey } }),
    onSuccess: store,
  });
}

export function useTransitionTicket(id: string) {
  const store = useStoreTicket();
  return useMutation({
    mutationFn: (body: z.input<typeof TransitionBody>) => api.post(`/tickets/${id}/transitions`, body, TicketDetail),
    onSuccess: store,
  });
}

export function useAddTicketNote(id: string) {
  const store = useStoreTicket();
  return useMutation({
    mutationFn: (body: { kind: NoteKind; body: string }) => api.post(`/tickets/${id}/notes`, body, TicketDetail),
    onSuccess: store,
  });
}

/**
 * POST /tickets/bulk-transitions: one action on many tickets, each with the version its row showed;
 * each succeeds or fails on its own. Every list is stale afterwards, and so is each changed ticket.
 */
export function useBulkTransition() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: z.input<typeof BulkTransitionBody>) => api.post('/tickets/bulk-transitions', body, BulkTransitionResult),
    onSuccess: (r) => {
      for (const item of r.results) if (item.ok) void qc.invalidateQueries({ queryKey: ticketKey(item.id) });
      void qc.invalidateQueries({ queryKey: ticketsKey });
    },
  });
}

const AssigneeList = z.object({ items: z.array(Assignee) });
export type AssigneeItem = z.infer<typeof Assignee>;

/** People who can handle tickets (GET /tickets/assignees), searched by name or username. */
export function useAssignees(q: string, orgUnitId?: string, enabled = true) {
  return useQuery({
    queryKey: ['ticket-assignees', q, orgUnitId],
    queryFn: ({ signal }) => api.get('/tickets/assignees', AssigneeList, { q: q || undefined, orgUnitId }, signal),
    select: (d) => d.items,
    placeholderData: keepPreviousData,
    staleTime: 60_000,
    enabled,
  });
}

const CategoryList = z.object({ items: z.array(Category) });

/** The whole category tree, flat (retired ones included); it changes rarely. */
export function useCategories() {
  return useQuery({
    queryKey: ['categories'],
    queryFn: ({ signal }) => api.get('/categories', CategoryList, undefined, signal),
    select: (d) => d.items,
    staleTime: 5 * 60_000,
  });
}

const CustomerList = z.object({ items: z.array(Customer) });

/** Intake look-up as the agent types: phone prefix, customer number or name (≥ 2 characters). */
export function useCustomerSearch(q: string) {
  const text = q.trim();
  return useQuery({
    queryKey: ['customers', 'search', text],
    queryFn: ({ signal }) => api.get('/customers', CustomerList, { q: text, pageSize: 8 }, signal),
    select: (d) => d.items,
    enabled: text.length >= 2,
    staleTime: 30_000,
  });
}

/** The audited look at a customer's full phone and ID number (pii:unmask only). */
export function useRevealCustomer() {
  return useMutation({
    mutationFn: ({ id, reason }: { id: string; reason?: string }) =>
      api.post(`/customers/${id}/reveal`, reason ? { reason } : {}, RevealedCustomer),
  });
}

/** The address of GET /tickets/export for the list's filters: a plain download with the session cookie. */
export function ticketExportUrl(filters: Omit<TicketFilters, 'page' | 'pageSize'>, format: 'xlsx' | 'csv', lang: string): string {
  return `${API_BASE}/tickets/export${queryString({ ...filters, format, lang })}`;
}
