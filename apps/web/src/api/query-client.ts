import { QueryClient } from '@tanstack/react-query';
import { ApiError } from './client';

/** Shared cache. Client errors (4xx) are not retried: asking again will not change the answer. */
export const queryClient = new QueryClient({
  defaultOptions: {
    queries: {
      staleTime: 30_000,
      refetchOnWindowFocus: false,
      retry: (count, err) => !(err instanceof ApiError && err.status >= 400 && err.status < 500) && count < 2,
    },
    mutations: { retry: false },
  },
});
