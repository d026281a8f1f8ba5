import { useQuery } from '@tanstack/react-query';
import { api } from '../../app/api/client';
import type { ItemList, OrgUnitData, UserRefData } from '../../app/api/types';

export function useOrgUnits() {
  return useQuery({
    queryKey: ['org-units'],
    queryFn: ({ signal }) => api.get<ItemList<OrgUnitData>>('/org-units', undefined, signal),
    staleTime: 10 * 60_000,
    select: (data) => data.items,
  });
}

export function useUserOptions(q: string) {
  return useQuery({
    queryKey: ['users', 'options', q],
    queryFn: ({ signal }) => api.get<ItemList<UserRefData>>('/users/options', { q: q || undefined }, signal),
    staleTime: 5 * 60_000,
    select: (data) => data.items,
  });
}
