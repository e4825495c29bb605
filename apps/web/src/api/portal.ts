import { useMutation, useQuery } from '@tanstack/react-query';
import { PortalOptions, PortalReceipt, PortalStatus, type PortalTicketBody } from '@qloop/contracts';
import type { z } from 'zod';
import { api } from './client';

/** Service points and topics for the public form; they change rarely. */
export function usePortalOptions() {
  return useQuery({
    queryKey: ['portal', 'options'],
    queryFn: ({ signal }) => api.get('/portal/options', PortalOptions, undefined, signal),
    staleTime: 10 * 60_000,
  });
}

export function useSubmitPortalTicket() {
  return useMutation({
    mutationFn: (body: z.input<typeof PortalTicketBody>) => api.post('/portal/tickets', body, PortalReceipt),
  });
}

export function usePortalStatus() {
  return useMutation({
    mutationFn: ({ code, phone4 }: { code: string; phone4: string }) =>
      api.get(`/portal/tickets/${encodeURIComponent(code)}`, PortalStatus, { phone4 }),
  });
}
