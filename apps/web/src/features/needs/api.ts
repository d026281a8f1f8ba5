import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, type QueryValue } from '../../app/api/client';
import { usePagedList } from '../../app/api/paged';
import type { NeedData, NeedStatsData, OverdueNeedTaskData, Page } from '../../app/api/types';

export const needKeys = {
  all: ['needs'] as const,
  list: ['needs', 'list'] as const,
  stats: (params: Record<string, QueryValue>) => ['needs', 'stats', params] as const,
  overdue: ['needs', 'overdue'] as const,
  detail: (id: string) => ['needs', 'detail', id] as const,
};

export const useNeedList = (params: Record<string, QueryValue>, options?: { enabled?: boolean }) =>
  usePagedList<NeedData>(needKeys.list, '/needs', params, options);

export const useOverdueNeedTasks = (params: Record<string, QueryValue>) =>
  usePagedList<OverdueNeedTaskData>(needKeys.overdue, '/needs/overdue-tasks', params);

export function useNeedStats(params: Record<string, QueryValue>) {
  return useQuery({
    queryKey: needKeys.stats(params),
    queryFn: ({ signal }) => api.get<NeedStatsData>('/needs/stats', params, signal),
  });
}

export function useNeed(id: string | null) {
  return useQuery({
    queryKey: needKeys.detail(id ?? ''),
    queryFn: ({ signal }) => api.get<NeedData>(`/needs/${id}`, undefined, signal),
    enabled: Boolean(id),
  });
}

/** Every need write refreshes needs, the account timeline and task lists (measures are tasks). */
function useNeedWrite<V>(fn: (vars: V) => Promise<NeedData>) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: fn,
    onSuccess: (need) => {
      queryClient.setQueryData(needKeys.detail(need.id), need);
      void queryClient.invalidateQueries({ queryKey: needKeys.all });
      void queryClient.invalidateQueries({ queryKey: ['tasks'] });
      void queryClient.invalidateQueries({ queryKey: ['accounts', 'detail', need.accountId, 'timeline'] });
    },
  });
}

export type NeedBody = {
  title: string;
  description: string | null;
  kind: NeedData['kind'];
  category: NeedData['category'];
  sourceKind: NeedData['sourceKind'];
  sourceId: string | null;
  importance: number;
  urgency: number;
  feasibility: number;
};

export const useCreateNeed = (accountId: string) =>
  useNeedWrite((body: NeedBody) => api.post<NeedData>(`/accounts/${accountId}/needs`, body));
export const useUpdateNeed = (id: string) =>
  useNeedWrite((body: Partial<NeedBody> & { version: number; status?: NeedData['status'] }) =>
    api.patch<NeedData>(`/needs/${id}`, body),
  );
export const useAddNeedTask = (id: string) =>
  useNeedWrite((body: { measure: string; ownerId: string; dueDate: string }) =>
    api.post<NeedData>(`/needs/${id}/tasks`, body),
  );
export const useUpdateNeedTask = (id: string) =>
  useNeedWrite(
    ({ taskId, ...body }: { taskId: string; version: number; status: NeedData['tasks'][number]['status'] }) =>
      api.patch<NeedData>(`/needs/${id}/tasks/${taskId}`, body),
  );

export type NeedPage = Page<NeedData>;
