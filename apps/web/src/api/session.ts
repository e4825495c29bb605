import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { createContext, useCallback, useContext } from 'react';
import { SessionResponse, type Me } from '@qloop/contracts';
import { ApiError, request, setCsrfToken } from './client';

export const sessionKey = ['session'] as const;

/** GET /auth/me; resolves to null (not an error) when nobody is signed in. */
async function fetchSession(): Promise<SessionResponse | null> {
  try {
    const s = await request('/auth/me', { schema: SessionResponse, redirectOn401: false });
    setCsrfToken(s.csrfToken);
    return s;
  } catch (e) {
    if (e instanceof ApiError && e.status === 401) {
      setCsrfToken(null);
      return null;
    }
    throw e;
  }
}

export function useSession() {
  return useQuery({ queryKey: sessionKey, queryFn: fetchSession, staleTime: Infinity, retry: false });
}

/**
 * The signed-in user, provided by the auth guard (features/auth/require-auth.tsx). A context rather
 * than a read of the session query: when the session ends, the guard swaps the whole signed-in tree
 * for a redirect in one render, so no page ever renders with a missing user.
 */
export const MeContext = createContext<Me | null>(null);

export function useMe(): Me {
  const me = useContext(MeContext);
  if (!me) throw new Error('useMe() used outside a signed-in route');
  return me;
}

export function useLogin() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: { username: string; password: string }) =>
      request('/auth/login', { method: 'POST', body, schema: SessionResponse, redirectOn401: false }),
    onSuccess: (s) => {
      setCsrfToken(s.csrfToken);
      // a new identity: nothing cached for the previous user may leak into this session
      qc.removeQueries({ predicate: (q) => q.queryKey[0] !== sessionKey[0] });
      qc.setQueryData(sessionKey, s);
    },
  });
}

/**
 * Ends the session on the server. The client side is forgotten by the login page (see
 * useForgetSession): forgetting it here, while still on a signed-in page, would make the auth guard
 * remember that page for whoever signs in next.
 */
export function useLogout() {
  return useMutation({
    mutationFn: () => request('/auth/logout', { method: 'POST', redirectOn401: false }),
  });
}

/** Drops the session and every cached answer that belonged to it. */
export function useForgetSession() {
  const qc = useQueryClient();
  return useCallback(() => {
    setCsrfToken(null);
    qc.setQueryData(sessionKey, null);
    qc.removeQueries({ predicate: (q) => q.queryKey[0] !== sessionKey[0] });
  }, [qc]);
}

export function useChangePassword() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: { currentPassword: string; newPassword: string }) =>
      request('/auth/change-password', { method: 'POST', body }),
    onSuccess: () => qc.invalidateQueries({ queryKey: sessionKey }),
  });
}
