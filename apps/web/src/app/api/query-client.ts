import { MutationCache, QueryCache, QueryClient } from '@tanstack/react-query';
import { isApiError } from './client';

export const meQueryKey = ['auth', 'me'] as const;

// A 401 anywhere means the session ended (expired, logged out elsewhere, user disabled):
// forgetting the current user sends the auth guard back to the login page.
const onError = (error: unknown) => {
  if (isApiError(error, 401)) queryClient.setQueryData(meQueryKey, null);
};

export const queryClient = new QueryClient({
  queryCache: new QueryCache({ onError }),
  mutationCache: new MutationCache({ onError }),
  defaultOptions: {
    queries: {
      staleTime: 30_000,
      refetchOnWindowFocus: false,
      // 4xx answers are final (404 = not found or outside your scope); retry only network and server errors
      retry: (count, error) => count < 2 && (!isApiError(error) || error.status === 0 || error.status >= 500),
    },
  },
});
