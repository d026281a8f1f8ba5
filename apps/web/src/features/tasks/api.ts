import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, type QueryValue } from '../../app/api/client';
import { usePagedList } from '../../app/api/paged';
import type { CalendarTokenData, ItemList, NewCalendarTokenData, TaskData } from '../../app/api/types';

export const taskKeys = {
  all: ['tasks'] as const,
  list: ['tasks', 'list'] as const,
  counts: ['tasks', 'counts'] as const,
  feeds: ['tasks', 'feeds'] as const,
};

export const useTaskList = (params: Record<string, QueryValue>, options?: { enabled?: boolean }) =>
  usePagedList<TaskData>(taskKeys.list, '/tasks', params, options);

export function useTaskCounts() {
  return useQuery({
    queryKey: taskKeys.counts,
    queryFn: ({ signal }) =>
      api.get<{ overdue: number; today: number; week: number }>('/tasks/counts', undefined, signal),
  });
}

export type TaskAction =
  | { action: 'done'; version: number; interactionId?: string | null }
  | { action: 'snooze'; version: number; until: string }
  | { action: 'skip'; version: number; reason: string }
  | { action: 'reopen'; version: number };

export function useTaskAction(task: TaskData) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ action, ...body }: TaskAction) => api.post<TaskData>(`/tasks/${task.id}/${action}`, body),
    onSettled: () => {
      void queryClient.invalidateQueries({ queryKey: taskKeys.all });
      void queryClient.invalidateQueries({ queryKey: ['needs'] });
      void queryClient.invalidateQueries({ queryKey: ['accounts', 'detail', task.accountId, 'timeline'] });
    },
  });
}

export function useCalendarFeeds() {
  return useQuery({
    queryKey: taskKeys.feeds,
    queryFn: ({ signal }) => api.get<ItemList<CalendarTokenData>>('/me/calendar-feeds', undefined, signal),
  });
}

export function useCreateCalendarFeed() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (days: number) => api.post<NewCalendarTokenData>('/me/calendar-feeds', { days }),
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: taskKeys.feeds }),
  });
}

export function useRevokeCalendarFeed() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => api.delete<void>(`/me/calendar-feeds/${id}`),
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: taskKeys.feeds }),
  });
}
