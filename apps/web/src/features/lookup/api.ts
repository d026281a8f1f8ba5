import { useQuery } from '@tanstack/react-query';
import { api } from '../../app/api/client';
import type { LookupResultData } from '../../app/api/types';

/** Screen-pop: everything known about the caller behind a phone number. */
export function useLookup(phone: string) {
  return useQuery({
    queryKey: ['lookup', phone],
    queryFn: ({ signal }) => api.get<LookupResultData>('/lookup', { phone }, signal),
    staleTime: 0,
  });
}
