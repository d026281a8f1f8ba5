import { useInfiniteQuery, useMutation, useQueries, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, type QueryValue } from '../../app/api/client';
import { usePagedList } from '../../app/api/paged';
import type {
  Account,
  AccountSummary,
  CompetitorPresenceData,
  CreateAccount,
  CreateInsightBody,
  InsightData,
  ItemList,
  OrgChartNodeData,
  Page,
  TeamRoleValue,
  TimelineEntryData,
  UpdateAccount,
} from '../../app/api/types';

export const accountKeys = {
  all: ['accounts'] as const,
  list: ['accounts', 'list'] as const,
  children: (parentId: string) => ['accounts', 'children', parentId] as const,
  detail: (id: string) => ['accounts', 'detail', id] as const,
  insights: (id: string) => ['accounts', 'detail', id, 'insights'] as const,
  orgChart: (id: string) => ['accounts', 'detail', id, 'org-chart'] as const,
  timeline: (id: string) => ['accounts', 'detail', id, 'timeline'] as const,
  competitors: (id: string) => ['accounts', 'detail', id, 'competitors'] as const,
};

export const useAccountList = (params: Record<string, QueryValue>) =>
  usePagedList<AccountSummary>(accountKeys.list, '/accounts', params);

/** Children of the expanded group rows of the tree view, one query per expanded parent. */
export function useAccountChildren(parentIds: string[]) {
  return useQueries({
    queries: parentIds.map((parentId) => ({
      queryKey: accountKeys.children(parentId),
      queryFn: ({ signal }: { signal: AbortSignal }) =>
        api.get<Page<AccountSummary>>('/accounts', { parentId, limit: 500, sort: 'name' }, signal),
    })),
    combine: (results) => ({
      byParent: new Map(parentIds.map((id, i) => [id, results[i]?.data?.items])),
      loading: new Set(parentIds.filter((_, i) => results[i]?.isPending)),
    }),
  });
}

export const accountQuery = (id: string) => ({
  queryKey: accountKeys.detail(id),
  queryFn: ({ signal }: { signal: AbortSignal }) => api.get<Account>(`/accounts/${id}`, undefined, signal),
});

export function useAccount(id: string) {
  return useQuery(accountQuery(id));
}

export function useCreateAccount() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: CreateAccount) => api.post<Account>('/accounts', body),
    onSuccess: (account) => {
      queryClient.setQueryData(accountKeys.detail(account.id), account);
      void queryClient.invalidateQueries({ queryKey: accountKeys.list });
    },
  });
}

export function useUpdateAccount(id: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: UpdateAccount) => api.patch<Account>(`/accounts/${id}`, body),
    onSuccess: (account) => {
      queryClient.setQueryData(accountKeys.detail(id), account);
      void queryClient.invalidateQueries({ queryKey: accountKeys.list });
    },
  });
}

/** Team changes answer with nothing useful; the account (which carries its team) is read again. */
export function useTeamMutations(accountId: string) {
  const queryClient = useQueryClient();
  const refresh = () => queryClient.invalidateQueries({ queryKey: accountKeys.detail(accountId), exact: true });
  const set = useMutation({
    mutationFn: ({ userId, role }: { userId: string; role: TeamRoleValue }) =>
      api.put<unknown>(`/accounts/${accountId}/team/${userId}`, { role }),
    onSuccess: refresh,
  });
  const remove = useMutation({
    mutationFn: (userId: string) => api.delete<unknown>(`/accounts/${accountId}/team/${userId}`),
    onSuccess: refresh,
  });
  return { set, remove };
}

export function useInsights(accountId: string) {
  return useQuery({
    queryKey: accountKeys.insights(accountId),
    queryFn: ({ signal }) => api.get<ItemList<InsightData>>(`/accounts/${accountId}/insights`, undefined, signal),
    select: (data) => data.items,
  });
}

export function useCreateInsight(accountId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: CreateInsightBody) => api.post<InsightData>(`/accounts/${accountId}/insights`, body),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: accountKeys.insights(accountId) }),
  });
}

export function useOrgChart(accountId: string) {
  return useQuery({
    queryKey: accountKeys.orgChart(accountId),
    queryFn: ({ signal }) => api.get<ItemList<OrgChartNodeData>>(`/accounts/${accountId}/org-chart`, undefined, signal),
    select: (data) => data.items,
    enabled: Boolean(accountId),
  });
}

export function useTimeline(accountId: string) {
  return useInfiniteQuery({
    queryKey: accountKeys.timeline(accountId),
    queryFn: ({ pageParam, signal }) =>
      api.get<{ items: TimelineEntryData[]; nextCursor: string | null }>(
        `/accounts/${accountId}/timeline`,
        { limit: 30, cursor: pageParam },
        signal,
      ),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.nextCursor ?? undefined,
  });
}

export function useCompetitors(accountId: string) {
  return useQuery({
    queryKey: accountKeys.competitors(accountId),
    queryFn: ({ signal }) =>
      api.get<ItemList<CompetitorPresenceData>>(`/accounts/${accountId}/competitors`, undefined, signal),
    select: (data) => data.items,
  });
}
