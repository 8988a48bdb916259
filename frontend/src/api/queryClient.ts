import { QueryClient } from '@tanstack/react-query';
import { ApiError } from './client';

/**
 * One cache for the whole page. A 4xx answer (bad id, no permission, signed out) will not change by asking
 * again, so only network trouble and 5xx answers are retried, and only once.
 */
export function createQueryClient(): QueryClient {
  return new QueryClient({
    defaultOptions: {
      queries: {
        retry: (failures, error) => failures < 1 && !(error instanceof ApiError && error.status < 500),
        // Staff work on several tabs at once; coming back to one shows fresh cases.
        refetchOnWindowFocus: true,
        staleTime: 5_000,
      },
    },
  });
}
