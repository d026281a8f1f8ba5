import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../../app/api/client';
import type { Contact, RelationshipMapData } from '../../app/api/types';

export const relationshipKeys = {
  map: (accountId: string) => ['accounts', 'detail', accountId, 'relationship-map'] as const,
};

export function useRelationshipMap(accountId: string) {
  return useQuery({
    queryKey: relationshipKeys.map(accountId),
    queryFn: ({ signal }) => api.get<RelationshipMapData>(`/accounts/${accountId}/relationship-map`, undefined, signal),
  });
}

/** Moves a person under a new manager with the version the map showed: a stale one is a 409. */
export function useSetReportsTo(accountId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ id, version, reportsToId }: { id: string; version: number; reportsToId: string | null }) =>
      api.patch<Contact>(`/contacts/${id}`, { version, reportsToId }),
    onSettled: () => {
      void queryClient.invalidateQueries({ queryKey: relationshipKeys.map(accountId) });
      void queryClient.invalidateQueries({ queryKey: ['contacts'] });
    },
  });
}
