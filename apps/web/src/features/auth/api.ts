import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api, setCsrfToken } from '../../app/api/client';
import { meQueryKey } from '../../app/api/query-client';
import type { CurrentUser } from '../../app/api/types';

export function useLogin() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: { username: string; password: string }) => api.post<CurrentUser>('/auth/login', body),
    onSuccess: (user) => {
      setCsrfToken(user.csrfToken);
      queryClient.setQueryData(meQueryKey, user);
    },
  });
}

export function useLogout() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: () => api.post<void>('/auth/logout'),
    // Whatever the server answers, this browser forgets the session and every cached record.
    onSettled: () => {
      setCsrfToken(null);
      queryClient.clear();
      queryClient.setQueryData(meQueryKey, null);
    },
  });
}
