import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, type QueryValue } from '../../app/api/client';
import { usePagedList } from '../../app/api/paged';
import type {
  AlertCountsData,
  AlertData,
  AlertThresholdsData,
  AllowedHostData,
  CreateWebhookTargetBody,
  DeliveryData,
  ItemList,
  SlaPolicyData,
  WebhookTargetData,
} from '../../app/api/types';

export const useAlertList = (params: Record<string, QueryValue>) =>
  usePagedList<AlertData>(['alerts', 'list'], '/alerts', params);

/** The header bell: polled each minute, so a new alert shows up without a reload. */
export const useAlertCounts = (enabled: boolean) =>
  useQuery({
    queryKey: ['alerts', 'counts'],
    queryFn: ({ signal }) => api.get<AlertCountsData>('/alerts/counts', undefined, signal),
    refetchInterval: 60_000,
    enabled,
  });

function useInvalidateAlerts() {
  const queryClient = useQueryClient();
  return () => queryClient.invalidateQueries({ queryKey: ['alerts'] });
}

export type AlertActionBody = {
  version: number;
  action: 'acknowledge' | 'resolve' | 'snooze' | 'reopen';
  snoozeUntil?: string;
};

export function useAlertAction() {
  const invalidate = useInvalidateAlerts();
  return useMutation({
    mutationFn: ({ id, ...body }: AlertActionBody & { id: string }) =>
      api.post<AlertData>(`/alerts/${id}/actions`, body),
    onSuccess: () => void invalidate(),
  });
}

export function useMarkRead() {
  const invalidate = useInvalidateAlerts();
  return useMutation({
    mutationFn: (id: string | 'all') =>
      api.post<AlertCountsData>(id === 'all' ? '/alerts/read-all' : `/alerts/${id}/read`, {}),
    onSuccess: () => void invalidate(),
  });
}

export const useAlertSettings = () =>
  useQuery({
    queryKey: ['alerts', 'settings'],
    queryFn: ({ signal }) => api.get<ItemList<AlertThresholdsData>>('/alerts/settings', undefined, signal),
  });

export function useSaveAlertSettings() {
  const invalidate = useInvalidateAlerts();
  return useMutation({
    mutationFn: (items: AlertThresholdsData[]) => api.put<ItemList<AlertThresholdsData>>('/alerts/settings', { items }),
    onSuccess: () => void invalidate(),
  });
}

export const useSlaMatrix = () =>
  useQuery({
    queryKey: ['service', 'sla'],
    queryFn: ({ signal }) => api.get<ItemList<SlaPolicyData>>('/service/sla', undefined, signal),
  });

export function useSaveSlaMatrix() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (items: SlaPolicyData[]) => api.put<ItemList<SlaPolicyData>>('/service/sla', { items }),
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: ['service', 'sla'] }),
  });
}

export const useWebhookTargets = () =>
  useQuery({
    queryKey: ['alerts', 'webhooks'],
    queryFn: ({ signal }) => api.get<ItemList<WebhookTargetData>>('/alerts/webhooks', undefined, signal),
  });

export function useWebhookMutations() {
  const invalidate = useInvalidateAlerts();
  return {
    create: useMutation({
      mutationFn: (body: CreateWebhookTargetBody) => api.post<WebhookTargetData>('/alerts/webhooks', body),
      onSuccess: () => void invalidate(),
    }),
    toggle: useMutation({
      mutationFn: (t: WebhookTargetData) =>
        api.patch<WebhookTargetData>(`/alerts/webhooks/${t.id}`, { version: t.version, enabled: !t.enabled }),
      onSuccess: () => void invalidate(),
    }),
    remove: useMutation({
      mutationFn: (t: WebhookTargetData) => api.delete(`/alerts/webhooks/${t.id}`, { version: t.version }),
      onSuccess: () => void invalidate(),
    }),
    test: useMutation({
      mutationFn: (id: string) => api.post<{ delivery: DeliveryData }>(`/alerts/webhooks/${id}/test`, {}),
      onSuccess: () => void invalidate(),
    }),
  };
}

export const useAllowedHosts = () =>
  useQuery({
    queryKey: ['alerts', 'hosts'],
    queryFn: ({ signal }) => api.get<ItemList<AllowedHostData>>('/alerts/allowed-hosts', undefined, signal),
  });

export function useAllowedHostMutations() {
  const invalidate = useInvalidateAlerts();
  return {
    add: useMutation({
      mutationFn: (body: { host: string; allowPrivate: boolean }) => api.post('/alerts/allowed-hosts', body),
      onSuccess: () => void invalidate(),
    }),
    remove: useMutation({
      mutationFn: (host: string) => api.delete(`/alerts/allowed-hosts/${encodeURIComponent(host)}`),
      onSuccess: () => void invalidate(),
    }),
  };
}

export const useDeliveries = () =>
  useQuery({
    queryKey: ['alerts', 'deliveries'],
    queryFn: ({ signal }) =>
      api.get<{ items: DeliveryData[]; nextCursor: string | null }>('/alerts/deliveries', { limit: 100 }, signal),
  });
