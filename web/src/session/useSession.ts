import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { SessionResponse } from '../../../contracts/auth.js';
import { fetchSession, logout } from '../api/auth.js';
import { isApiError } from '../api/client.js';
import { SESSION_QUERY_KEY } from './queryClient.js';

/** The signed-in user (data === null when nobody is signed in). */
export function useSession() {
  return useQuery<SessionResponse | null>({
    queryKey: SESSION_QUERY_KEY,
    queryFn: fetchSession,
    staleTime: 60_000,
    retry: false,
  });
}

/** Signs out, forgets every cached answer, then calls `onDone` (e.g. to leave the page). */
export function useLogout(onDone: () => void) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async () => {
      try {
        await logout();
      } catch (e) {
        // An already expired session counts as signed out.
        if (!(isApiError(e) && e.status === 401)) throw e;
      }
    },
    onSuccess: () => {
      queryClient.clear();
      queryClient.setQueryData(SESSION_QUERY_KEY, null);
      onDone();
    },
  });
}

/** The session if something already loaded it; never calls the server itself (for public pages). */
export function useKnownSession() {
  return useQuery<SessionResponse | null>({
    queryKey: SESSION_QUERY_KEY,
    queryFn: fetchSession,
    enabled: false,
  }).data;
}
