import type { ExportFormat as ExportFormatValue, ExportKind as ExportKindValue } from '@kamap/contracts';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../../app/api/client';

export type { ExportFormat as ExportFormatValue, ExportKind as ExportKindValue } from '@kamap/contracts';
export type ExportRequestData = {
  id: string;
  kind: ExportKindValue;
  format: ExportFormatValue;
  filters: Record<string, string>;
  reason: string;
  status: 'pending' | 'approved' | 'rejected' | 'downloaded';
  requestedBy: { id: string; displayName: string };
  requestedAt: string;
  decidedBy: { id: string; displayName: string } | null;
  decidedAt: string | null;
  decisionNote: string | null;
};

export function useExportSettings() {
  return useQuery({
    queryKey: ['exports', 'settings'],
    queryFn: ({ signal }) => api.get<{ personalDataNeedsApproval: boolean }>('/exports/settings', undefined, signal),
  });
}

export function useUpdateExportSettings() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: { personalDataNeedsApproval: boolean }) => api.put('/exports/settings', body),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ['exports'] }),
  });
}

export function useExportRequests() {
  return useQuery({
    queryKey: ['exports', 'requests'],
    queryFn: ({ signal }) => api.get<{ items: ExportRequestData[] }>('/exports/requests', undefined, signal),
  });
}

export function useRequestExport() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: {
      kind: ExportKindValue;
      format: ExportFormatValue;
      reason: string;
      filters?: Record<string, string>;
    }) => api.post<ExportRequestData>('/exports/requests', body),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ['exports', 'requests'] }),
  });
}

export function useDecideExport() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ id, ...body }: { id: string; decision: 'approved' | 'rejected'; note?: string }) =>
      api.post<ExportRequestData>(`/exports/requests/${id}/decision`, body),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ['exports', 'requests'] }),
  });
}
