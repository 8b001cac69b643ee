import { MutationCache, QueryCache, QueryClient } from '@tanstack/react-query';
import { isApiError } from '../api/client';
import { connectSession, sessionKey } from '../api/session';

/** A session that ended on the server (expired, logged out elsewhere) shows at once. */
function onError(error: unknown, client: () => QueryClient): void {
  if (isApiError(error) && error.status === 401 && error.code === 'unauthenticated') {
    void client().invalidateQueries({ queryKey: sessionKey });
  }
}

export function createQueryClient(): QueryClient {
  const client: QueryClient = new QueryClient({
    queryCache: new QueryCache({ onError: (e) => onError(e, () => client) }),
    mutationCache: new MutationCache({ onError: (e) => onError(e, () => client) }),
    defaultOptions: {
      queries: {
        staleTime: 30_000,
        refetchOnWindowFocus: false,
        // Retry only what may pass next time: the network and the server's bad moments.
        retry: (count, error) => count < 2 && (!isApiError(error) || error.status === 0 || error.status >= 500),
      },
      mutations: { retry: false },
    },
  });
  connectSession(client);
  return client;
}
