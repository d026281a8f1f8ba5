import { useQuery } from '@tanstack/react-query';
import { api, isApiError, setCsrfToken } from '../api/client';
import { meQueryKey, queryClient } from '../api/query-client';
import type { CurrentUser } from '../api/types';

/** The signed-in user, or null when there is no session (a 401 is an answer here, not an error). */
async function fetchMe(): Promise<CurrentUser | null> {
  try {
    const user = await api.get<CurrentUser>('/auth/me');
    setCsrfToken(user.csrfToken);
    return user;
  } catch (error) {
    if (isApiError(error, 401)) {
      setCsrfToken(null);
      return null;
    }
    throw error;
  }
}

export const meQuery = { queryKey: meQueryKey, queryFn: fetchMe, staleTime: 5 * 60_000 };

/**
 * The server writes the signed-in user (or null) into the page it serves, so the first page starts its
 * reads at once instead of asking `/auth/me` first. Read once, before the router's loaders run; a page
 * served without it (the dev server) asks as before.
 */
function adoptShellSession() {
  const element = typeof document === 'undefined' ? null : document.getElementById('kamap-session');
  if (!element?.textContent) return;
  element.remove();
  try {
    const user = JSON.parse(element.textContent) as CurrentUser | null;
    setCsrfToken(user?.csrfToken ?? null);
    queryClient.setQueryData(meQueryKey, user);
  } catch {
    // not JSON (a proxy rewrote the page): ask the server as before
  }
}
adoptShellSession();

export function useMe() {
  return useQuery(meQuery);
}

/** Inside the auth guard the user is always there. */
export function useCurrentUser(): CurrentUser {
  const { data } = useMe();
  if (!data) throw new Error('useCurrentUser is used outside the auth guard');
  return data;
}
