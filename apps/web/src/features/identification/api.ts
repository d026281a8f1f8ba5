import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, type QueryValue } from '../../app/api/client';
import { usePagedList } from '../../app/api/paged';
import type {
  AccountResultData,
  AccountValueData,
  AnalysisConfigData,
  AnalysisConfigVersionData,
  AnalysisRunData,
  ChangeKindValue,
  ItemList,
  PortfolioData,
  PreviewResultData,
  RunChangeData,
  SetTierOverrideBody,
  TierMigrationData,
  TierOverrideData,
} from '../../app/api/types';

export const analyticsKeys = {
  all: ['analytics'] as const,
  config: ['analytics', 'config'] as const,
  versions: ['analytics', 'config', 'versions'] as const,
  preview: (config: AnalysisConfigData) => ['analytics', 'preview', config] as const,
  runs: ['analytics', 'runs'] as const,
  changes: (runId: string) => ['analytics', 'runs', runId, 'changes'] as const,
  portfolio: (runId: string | undefined) => ['analytics', 'portfolio', runId ?? 'latest'] as const,
  migration: (from: string, to: string) => ['analytics', 'migration', from, to] as const,
  results: ['analytics', 'results'] as const,
  value: (accountId: string) => ['analytics', 'value', accountId] as const,
};

export function useAnalysisConfig(enabled = true) {
  return useQuery({
    queryKey: analyticsKeys.config,
    queryFn: ({ signal }) => api.get<AnalysisConfigVersionData>('/analytics/config', undefined, signal),
    enabled,
  });
}

export function useConfigVersions() {
  return useQuery({
    queryKey: analyticsKeys.versions,
    queryFn: ({ signal }) =>
      api.get<ItemList<AnalysisConfigVersionData>>('/analytics/config/versions', undefined, signal),
    select: (data) => data.items,
  });
}

export function useSaveConfig() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: { config: AnalysisConfigData; note: string | null; basedOn: number }) =>
      api.put<AnalysisConfigVersionData>('/analytics/config', body),
    onSuccess: (saved) => {
      queryClient.setQueryData(analyticsKeys.config, saved);
      void queryClient.invalidateQueries({ queryKey: analyticsKeys.versions });
    },
  });
}

/** The what-if of a draft configuration; `config` is null while the draft is invalid or unchanged. */
export function usePreview(config: AnalysisConfigData | null) {
  return useQuery({
    queryKey: analyticsKeys.preview(config as AnalysisConfigData),
    queryFn: () => api.post<PreviewResultData>('/analytics/preview', { config }),
    enabled: config !== null,
    placeholderData: keepPreviousData,
    staleTime: 5 * 60_000,
    retry: false,
  });
}

export function useRuns() {
  return useQuery({
    queryKey: analyticsKeys.runs,
    queryFn: ({ signal }) => api.get<ItemList<AnalysisRunData>>('/analytics/runs', undefined, signal),
    select: (data) => data.items,
  });
}

/** A run recomputes everything an analytics view shows, so every analytics query is read again. */
export function useStartRun() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: { asOf?: string }) => api.post<AnalysisRunData>('/analytics/runs', body),
    onSettled: () => queryClient.invalidateQueries({ queryKey: analyticsKeys.all }),
  });
}

export const useRunChanges = (runId: string | undefined, kind: ChangeKindValue | undefined) =>
  usePagedList<RunChangeData>(
    analyticsKeys.changes(runId ?? ''),
    `/analytics/runs/${runId}/changes`,
    { kind, limit: 20 },
    { enabled: Boolean(runId) },
  );

export function usePortfolio(runId: string | undefined) {
  return useQuery({
    queryKey: analyticsKeys.portfolio(runId),
    queryFn: ({ signal }) => api.get<PortfolioData>('/analytics/portfolio', { runId }, signal),
    placeholderData: keepPreviousData,
  });
}

export function useMigration(from: string | undefined, to: string | undefined) {
  return useQuery({
    queryKey: analyticsKeys.migration(from ?? '', to ?? ''),
    queryFn: ({ signal }) => api.get<TierMigrationData>('/analytics/migration', { from, to }, signal),
    enabled: Boolean(from && to),
    placeholderData: keepPreviousData,
  });
}

export const useResults = (params: Record<string, QueryValue>) =>
  usePagedList<AccountResultData>(analyticsKeys.results, '/analytics/results', params);

export function useAccountValue(accountId: string, enabled = true) {
  return useQuery({
    queryKey: analyticsKeys.value(accountId),
    queryFn: ({ signal }) => api.get<AccountValueData>(`/accounts/${accountId}/value`, undefined, signal),
    enabled,
  });
}

/** An override changes the account's effective tier everywhere: its value, lists and the portfolio. */
export function useTierOverride(accountId: string) {
  const queryClient = useQueryClient();
  const refresh = () => queryClient.invalidateQueries({ queryKey: analyticsKeys.all });
  const set = useMutation({
    mutationFn: (body: SetTierOverrideBody) => api.put<TierOverrideData>(`/accounts/${accountId}/tier-override`, body),
    onSuccess: refresh,
  });
  const clear = useMutation({
    mutationFn: () => api.delete<unknown>(`/accounts/${accountId}/tier-override`),
    onSuccess: refresh,
  });
  return { set, clear };
}

/** The configuration a run used (for its churn alert threshold), else the current one while versions load. */
export function useRunConfig(configVersion: number | undefined): AnalysisConfigData | undefined {
  const versions = useConfigVersions();
  const current = useAnalysisConfig();
  return versions.data?.find((v) => v.version === configVersion)?.config ?? current.data?.config;
}
