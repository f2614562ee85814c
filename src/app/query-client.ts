import { QueryClient } from '@tanstack/react-query';
import { isFeedError } from '../lib/errors.ts';

/**
 * Network errors, timeouts and 5xx retry with exponential backoff (at most 3 times); 4xx and
 * malformed feeds do not: retrying cannot fix them and would only delay the error message.
 */
export function createQueryClient(): QueryClient {
  return new QueryClient({
    defaultOptions: {
      queries: {
        retry: (failureCount, error) => failureCount < 3 && isFeedError(error) && error.retryable,
        retryDelay: (attempt) => Math.min(1000 * 2 ** attempt, 8000),
        gcTime: 30 * 60_000,
        refetchOnWindowFocus: true,
        // Keep showing what the reader has while a refetch fails (offline, server down).
        networkMode: 'offlineFirst',
      },
    },
  });
}
