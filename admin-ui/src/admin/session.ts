import { queryOptions, useMutation, useQueryClient, type QueryClient } from '@tanstack/react-query';
import { LoginResponseSchema, MeResponseSchema, type LoginRequest } from '../../../core/contracts/admin-api';
import { api } from '../shared/api/api-client';
import { isUnauthorized } from '../shared/api/api-error';

export const sessionKeys = { me: ['session', 'me'] as const };

/** Who is signed in, or `null` when nobody is (the session cookie is missing or expired). */
export const sessionQuery = queryOptions({
  queryKey: sessionKeys.me,
  queryFn: async ({ signal }) => {
    try {
      return await api.get('/api/admin/me', MeResponseSchema, { signal });
    } catch (error) {
      if (isUnauthorized(error)) return null;
      throw error;
    }
  },
  staleTime: 5 * 60_000,
});

/**
 * Forgets everything cached for the previous user, then marks the session as ended: the session guard
 * (RequireSession) sends the browser to the login page. Called on logout and on any 401.
 */
export function endSession(queryClient: QueryClient): void {
  queryClient.setQueryData(sessionKeys.me, null);
  queryClient.removeQueries({ predicate: (query) => query.queryKey[0] !== sessionKeys.me[0] });
}

export function useLogin() {
  const queryClient = useQueryClient();
  return useMutation({
    // A wrong password answers 401 too: that is the form's error to show, not an ended session.
    meta: { ignoreUnauthorized: true },
    mutationFn: (credentials: LoginRequest) => api.post('/api/admin/login', LoginResponseSchema, { body: credentials }),
    onSuccess: (result) => {
      queryClient.removeQueries({ predicate: (query) => query.queryKey[0] !== sessionKeys.me[0] });
      queryClient.setQueryData(sessionKeys.me, result.user);
    },
  });
}

export function useLogout() {
  const queryClient = useQueryClient();
  return useMutation({
    meta: { ignoreUnauthorized: true },
    mutationFn: () => api.post('/api/admin/logout', null),
    // Even if the request failed (offline), the user asked to leave: drop the session locally.
    onSettled: () => endSession(queryClient),
  });
}
