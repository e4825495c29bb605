import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { ApiToken, CreatedApiToken, type CreateApiTokenBody } from '@qloop/contracts';
import { z } from 'zod';
import { api } from './client';

const TokenList = z.object({ items: z.array(ApiToken) });
const tokensKey = ['api-tokens'] as const;

export function useApiTokens() {
  return useQuery({
    queryKey: tokensKey,
    queryFn: ({ signal }) => api.get('/api-tokens', TokenList, undefined, signal),
    select: (d) => d.items,
  });
}

export function useCreateApiToken() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: z.input<typeof CreateApiTokenBody>) => api.post('/api-tokens', body, CreatedApiToken),
    onSuccess: () => qc.invalidateQueries({ queryKey: tokensKey }),
  });
}

export function useRevokeApiToken() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => api.del(`/api-tokens/${id}`),
    onSuccess: () => qc.invalidateQueries({ queryKey: tokensKey }),
  });
}
