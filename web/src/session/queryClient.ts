import { MutationCache, QueryCache, QueryClient } from '@tanstack/react-query';
import type { SessionResponse } from '../../../contracts/auth.js';
import { isApiError } from '../api/client.js';

export const SESSION_QUERY_KEY = ['session'] as const;

/**
 * One QueryClient per app. A 401 from any call means the session is gone: the
 * cached session is cleared so guarded areas send the user back to sign in.
 */
export function createQueryClient(): QueryClient {
  const onError = (error: unknown) => {
    if (isApiError(error) && error.status === 401 && error.code === 'UNAUTHENTICATED') {
      client.setQueryData<SessionResponse | null>(SESSION_QUERY_KEY, null);
    }
  };
  const client: QueryClient = new QueryClient({
    queryCache: new QueryCache({ onError }),
    mutationCache: new MutationCache({ onError }),
    defaultOptions: {
      queries: {
        staleTime: 30_000,
        refetchOnWindowFocus: false,
        retry: (failureCount, error) =>
          failureCount < 2 && !(isApiError(error) && error.status >= 400 && error.status < 500),
      },
      mutations: { retry: false },
    },
  });
  return client;
}
