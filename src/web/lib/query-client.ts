import { MutationCache, QueryCache, QueryClient } from '@tanstack/react-query';
import { isApiError } from './api-client';

/**
 * Retries only what may succeed on a second try: no reply or a 5xx. A 4xx is an answer, and a
 * 429 in particular would only get worse.
 */
export function shouldRetry(failureCount: number, error: unknown): boolean {
  if (failureCount >= 2) return false;
  if (isApiError(error)) return error.status === 0 || error.status >= 500;
  return false;
}

/**
 * The app's query client. A 401 from any call means the session has ended (expired, signed out
 * elsewhere): `onUnauthenticated` runs once per such reply so the app can send the person to
 * the login page.
 */
export function createQueryClient(onUnauthenticated: (client: QueryClient) => void): QueryClient {
  const client: QueryClient = new QueryClient({
    queryCache: new QueryCache({
      onError: (error) => {
        if (isApiError(error, 401)) onUnauthenticated(client);
      },
    }),
    mutationCache: new MutationCache({
      onError: (error) => {
        if (isApiError(error, 401)) onUnauthenticated(client);
      },
    }),
    defaultOptions: {
      queries: { retry: shouldRetry, staleTime: 30_000 },
      mutations: { retry: false },
    },
  });
  return client;
}
