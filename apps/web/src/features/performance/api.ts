import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, type QueryValue } from '../../app/api/client';
import { usePagedList } from '../../app/api/paged';
import type {
  ClubEventData,
  ClubEventDetailData,
  CostToServeData,
  CostToServeListData,
  KpiDefinitionData,
  KpiDrillData,
  KpiTargetData,
  PerformanceSettingsData,
  ReviewData,
  ReviewDetailData,
  ScoreboardData,
  ValueAddedServiceData,
} from './types';

export const perfKeys = {
  events: ['events'] as const,
  event: (id: string) => ['events', 'detail', id] as const,
  vas: ['value-added-services'] as const,
  cts: ['cost-to-serve'] as const,
  kpis: ['kpis'] as const,
  targets: ['kpi-targets'] as const,
  reviews: ['reviews'] as const,
  review: (id: string) => ['reviews', 'detail', id] as const,
  scoreboard: ['scoreboard'] as const,
  settings: ['performance-settings'] as const,
};

export const useEventList = (params: Record<string, QueryValue>) =>
  usePagedList<ClubEventData>(perfKeys.events, '/events', params);

export function useEvent(id: string | null) {
  return useQuery({
    queryKey: perfKeys.event(id ?? ''),
    queryFn: ({ signal }) => api.get<ClubEventDetailData>(`/events/${id}`, undefined, signal),
    enabled: Boolean(id),
  });
}

function useEventWrite<V>(fn: (vars: V) => Promise<ClubEventDetailData>) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: fn,
    onSuccess: (event) => {
      queryClient.setQueryData(perfKeys.event(event.id), event);
      void queryClient.invalidateQueries({ queryKey: perfKeys.events });
      void queryClient.invalidateQueries({ queryKey: ['tasks'] });
      void queryClient.invalidateQueries({ queryKey: perfKeys.cts });
    },
  });
}

export const useCreateEvent = () =>
  useEventWrite((body: Record<string, unknown>) => api.post<ClubEventDetailData>('/events', body));
export const useUpdateEvent = (id: string) =>
  useEventWrite((body: Record<string, unknown>) => api.patch<ClubEventDetailData>(`/events/${id}`, body));
export const useInvite = (id: string) =>
  useEventWrite((contactIds: string[]) => api.post<ClubEventDetailData>(`/events/${id}/invitations`, { contactIds }));
export const useUpdateInvitation = (id: string) =>
  useEventWrite(({ invitationId, ...body }: { invitationId: string; version: number; status?: string }) =>
    api.patch<ClubEventDetailData>(`/events/${id}/invitations/${invitationId}`, body),
  );
export const useFollowUp = (id: string) =>
  useEventWrite(
    ({ invitationId, ...body }: { invitationId: string; title: string; dueDate: string; ownerId?: string }) =>
      api.post<ClubEventDetailData>(`/events/${id}/invitations/${invitationId}/follow-up`, body),
  );

export const useValueAddedServices = (params: Record<string, QueryValue>) =>
  usePagedList<ValueAddedServiceData>(perfKeys.vas, '/value-added-services', params);

export function useSaveValueAddedService() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ id, accountId, ...body }: { id?: string; accountId?: string } & Record<string, unknown>) =>
      id
        ? api.patch<ValueAddedServiceData>(`/value-added-services/${id}`, body)
        : api.post<ValueAddedServiceData>(`/accounts/${accountId}/value-added-services`, body),
    onSuccess: () => {
      void queryClient.invalidateQueries({ queryKey: perfKeys.vas });
      void queryClient.invalidateQueries({ queryKey: perfKeys.cts });
    },
  });
}

export function useAccountCostToServe(accountId: string, period: string) {
  return useQuery({
    queryKey: [...perfKeys.cts, 'account', accountId, period],
    queryFn: ({ signal }) => api.get<CostToServeData>(`/accounts/${accountId}/cost-to-serve`, { period }, signal),
  });
}

export function usePortfolioCostToServe(params: Record<string, QueryValue>) {
  return useQuery({
    queryKey: [...perfKeys.cts, 'portfolio', params],
    queryFn: ({ signal }) => api.get<CostToServeListData>('/cost-to-serve', params, signal),
  });
}

export function useKpis() {
  return useQuery({
    queryKey: perfKeys.kpis,
    queryFn: ({ signal }) => api.get<{ items: KpiDefinitionData[] }>('/kpis', undefined, signal),
    select: (d) => d.items,
    staleTime: 60_000,
  });
}

export function useSaveKpi() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ id, ...body }: { id?: string } & Record<string, unknown>) =>
      id ? api.patch<KpiDefinitionData>(`/kpis/${id}`, body) : api.post<KpiDefinitionData>('/kpis', body),
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: perfKeys.kpis }),
  });
}

export const useTargetList = (params: Record<string, QueryValue>) =>
  usePagedList<KpiTargetData>(perfKeys.targets, '/kpi-targets', params);

export function useSaveTarget() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ id, ...body }: { id?: string } & Record<string, unknown>) =>
      id ? api.patch<KpiTargetData>(`/kpi-targets/${id}`, body) : api.post<KpiTargetData>('/kpi-targets', body),
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: perfKeys.targets }),
  });
}

export function useArchiveTarget() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ id, version }: { id: string; version: number }) =>
      api.delete<void>(`/kpi-targets/${id}`, { version }),
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: perfKeys.targets }),
  });
}

export function useDrill(params: { kpiId: string; subjectKind: string; subjectId: string; period: string } | null) {
  return useQuery({
    queryKey: ['kpi-drill', params],
    queryFn: ({ signal }) => api.get<KpiDrillData>('/kpi-actuals/records', { ...params, limit: 200 }, signal),
    enabled: Boolean(params),
  });
}

export const useReviewList = (params: Record<string, QueryValue>) =>
  usePagedList<ReviewData>(perfKeys.reviews, '/reviews', params);

export function useReview(id: string) {
  return useQuery({
    queryKey: perfKeys.review(id),
    queryFn: ({ signal }) => api.get<ReviewDetailData>(`/reviews/${id}`, undefined, signal),
  });
}

/** Every review write answers with the whole review: it replaces the cached one. */
export function useReviewWrite<V>(fn: (vars: V) => Promise<ReviewDetailData>) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: fn,
    onSuccess: (review) => {
      queryClient.setQueryData(perfKeys.review(review.id), review);
      void queryClient.invalidateQueries({ queryKey: perfKeys.reviews });
      void queryClient.invalidateQueries({ queryKey: perfKeys.scoreboard });
    },
  });
}

export function useEvidenceCandidates(reviewId: string, kind: string, q: string) {
  return useQuery({
    queryKey: ['reviews', 'evidence', reviewId, kind, q],
    queryFn: ({ signal }) =>
      api.get<{ items: { kind: string; id: string; label: string; date: string | null }[] }>(
        `/reviews/${reviewId}/evidence-candidates`,
        { kind, q: q || undefined },
        signal,
      ),
    select: (d) => d.items,
  });
}

export function useScoreboard(period: string) {
  return useQuery({
    queryKey: [...perfKeys.scoreboard, period],
    queryFn: ({ signal }) => api.get<ScoreboardData>('/scoreboard', { period }, signal),
  });
}

export function useSettings() {
  return useQuery({
    queryKey: perfKeys.settings,
    queryFn: ({ signal }) => api.get<PerformanceSettingsData>('/performance/settings', undefined, signal),
  });
}

export function useSaveSettings() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: Record<string, unknown>) => api.put<PerformanceSettingsData>('/performance/settings', body),
    onSuccess: () => {
      void queryClient.invalidateQueries({ queryKey: perfKeys.settings });
      void queryClient.invalidateQueries({ queryKey: perfKeys.scoreboard });
      void queryClient.invalidateQueries({ queryKey: perfKeys.cts });
    },
  });
}
