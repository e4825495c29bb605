import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { TicketImport, type RunImportBody } from '@qloop/contracts';
import { useCallback } from 'react';
import type { z } from 'zod';
import { api } from './client';
import { ticketsKey } from './tickets';
import { uploadFile } from './upload';

const importKey = (id: string) => ['ticket-import', id] as const;

/** How often a running import is asked for its progress. */
const POLL_MS = 500;

/** One import (GET /tickets/imports/:id), polled while it runs. */
export function useTicketImport(id: string | undefined) {
  return useQuery({
    queryKey: importKey(id ?? ''),
    queryFn: ({ signal }) => api.get(`/tickets/imports/${id}`, TicketImport, undefined, signal),
    enabled: !!id,
    staleTime: 0,
    refetchInterval: (q) => (q.state.data?.status === 'running' ? POLL_MS : false),
  });
}

/** Uploads the file; the answer (headers, sample, suggested mapping) goes straight into the cache. */
export function useUploadTicketImport() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (v: { file: File; onProgress: (percent: number) => void }) =>
      uploadFile('/tickets/imports', v.file, { schema: TicketImport, onProgress: v.onProgress }),
    onSuccess: (job) => qc.setQueryData(importKey(job.id), job),
  });
}

/** Validates (dryRun) or starts the import; a started import is then polled by useTicketImport. */
export function useRunTicketImport(id: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: z.input<typeof RunImportBody>) =>
      api.post(`/tickets/imports/${id}/run`, body, TicketImport),
    onSuccess: (job) => qc.setQueryData(importKey(id), job),
    // e.g. 409: it was started from another tab meanwhile; show where it really is
    onError: () => qc.invalidateQueries({ queryKey: importKey(id) }),
  });
}

/** The work lists are cached for a while; new tickets must show when the user goes there. */
export function useForgetTicketLists() {
  const qc = useQueryClient();
  return useCallback(() => qc.invalidateQueries({ queryKey: ticketsKey }), [qc]);
}
