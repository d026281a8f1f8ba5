import type { MapAttention, MapPortfolio, MapStep, MapStepKey } from '@kamap/contracts';
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../../app/api/client';
import type { MapFilters } from './filters';

/** Each step, the attention list and the portfolio are their own request, so they load in parallel. */
export const useMapStep = (step: MapStepKey, filters: MapFilters) =>
  useQuery({
    queryKey: ['map', 'step', step, filters],
    queryFn: ({ signal }) => api.get<MapStep>(`/map/steps/${step}`, filters, signal),
    placeholderData: keepPreviousData,
  });

export const useMapAttention = (filters: MapFilters) =>
  useQuery({
    queryKey: ['map', 'attention', filters],
    queryFn: ({ signal }) => api.get<MapAttention>('/map/attention', filters, signal),
    placeholderData: keepPreviousData,
  });

export const useMapPortfolio = (filters: MapFilters) =>
  useQuery({
    queryKey: ['map', 'portfolio', filters],
    queryFn: ({ signal }) => api.get<MapPortfolio>('/map/portfolio', filters, signal),
    placeholderData: keepPreviousData,
  });

export type FollowUpBody = {
  accountId: string;
  ownerId: string;
  kind: 'follow_up';
  title: string;
  suggestedAction: string | null;
  dueDate: string;
};

/** Assigns a follow-up task (the existing tasks API) to the account's KAM. */
export function useAssignFollowUp() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: FollowUpBody) => api.post<{ id: string }>('/tasks', body),
    onSuccess: () => {
      void queryClient.invalidateQueries({ queryKey: ['map'] });
      void queryClient.invalidateQueries({ queryKey: ['tasks'] });
    },
  });
}
