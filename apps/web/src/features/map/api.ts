import type { MapAttention, MapPortfolio, MapStep, MapStepKey } from '@kamap/contracts';
import { keepPreviousData, type QueryClient, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../../app/api/client';
import type { CurrentUser } from '../../app/api/types';
import { seesAnalytics } from '../identification/access';
import { cleanFilters, type MapFilterKey, type MapFilters, mapFilterKeys } from './filters';

export const mapStepKeys: MapStepKey[] = ['identify', 'needs', 'relationships', 'strategy', 'evaluate'];

/** Each step, the attention list and the portfolio are their own request, so they load in parallel. */
export const mapQueries = {
  step: (step: MapStepKey, filters: MapFilters) => ({
    queryKey: ['map', 'step', step, filters],
    queryFn: ({ signal }: { signal: AbortSignal }) => api.get<MapStep>(`/map/steps/${step}`, filters, signal),
  }),
  attention: (filters: MapFilters) => ({
    queryKey: ['map', 'attention', filters],
    queryFn: ({ signal }: { signal: AbortSignal }) => api.get<MapAttention>('/map/attention', filters, signal),
  }),
  portfolio: (filters: MapFilters) => ({
    queryKey: ['map', 'portfolio', filters],
    queryFn: ({ signal }: { signal: AbortSignal }) => api.get<MapPortfolio>('/map/portfolio', filters, signal),
  }),
};

/**
 * Starts the map's reads as the page is navigated to, before its code has arrived: the attention list
 * first (it is what the page leads with), then the steps and the portfolio. Agents have no map.
 */
export function prefetchMap(client: QueryClient, user: CurrentUser, search: URLSearchParams) {
  if (!seesAnalytics(user)) return;
  const filters = cleanFilters(
    Object.fromEntries(mapFilterKeys.map((key) => [key, search.get(key) ?? undefined])) as Record<
      MapFilterKey,
      string | undefined
    >,
  );
  const all = [
    mapQueries.attention(filters),
    ...mapStepKeys.map((step) => mapQueries.step(step, filters)),
    mapQueries.portfolio(filters),
  ];
  for (const query of all) void client.prefetchQuery(query as Parameters<QueryClient['prefetchQuery']>[0]);
}

export const useMapStep = (step: MapStepKey, filters: MapFilters) =>
  useQuery({ ...mapQueries.step(step, filters), placeholderData: keepPreviousData });

export const useMapAttention = (filters: MapFilters) =>
  useQuery({ ...mapQueries.attention(filters), placeholderData: keepPreviousData });

export const useMapPortfolio = (filters: MapFilters) =>
  useQuery({ ...mapQueries.portfolio(filters), placeholderData: keepPreviousData });

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
