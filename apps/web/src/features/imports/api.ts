import type {
  ImportBatch,
  ImportBatchDetail,
  ImportKind,
  ImportPreview,
  ImportRun,
  ImportTemplate,
  ImportUpload,
} from '@kamap/contracts';
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { z } from 'zod';
import { ApiError, api, getCsrfToken } from '../../app/api/client';

export type ImportKindValue = z.infer<typeof ImportKind>;
export type UploadData = z.infer<typeof ImportUpload>;
export type PreviewData = z.infer<typeof ImportPreview>;
export type RunData = z.infer<typeof ImportRun>;
export type BatchData = z.infer<typeof ImportBatch>;
export type BatchDetailData = z.infer<typeof ImportBatchDetail>;
export type TemplateData = z.infer<typeof ImportTemplate>;

export const importKinds: ImportKindValue[] = ['accounts', 'contacts', 'products', 'orders', 'payments', 'competitors'];

/** The file goes up as the raw request body, streamed to disk by the server (no multipart, no size copy). */
export async function uploadFile(file: File): Promise<UploadData> {
  const token = getCsrfToken();
  const response = await fetch(`/api/v1/imports/uploads?fileName=${encodeURIComponent(file.name)}`, {
    method: 'POST',
    headers: { 'content-type': 'application/octet-stream', ...(token ? { 'x-csrf-token': token } : {}) },
    body: file,
    credentials: 'same-origin',
  });
  const body = await response.json();
  if (!response.ok) throw new ApiError(body);
  return body as UploadData;
}

export function usePreview(
  uploadId: string | null,
  params: { kind: ImportKindValue; sheet?: string; headerRow?: number; templateId?: string },
) {
  return useQuery({
    queryKey: ['imports', 'preview', uploadId, params],
    queryFn: ({ signal }) => api.get<PreviewData>(`/imports/uploads/${uploadId}/preview`, params, signal),
    enabled: Boolean(uploadId),
    placeholderData: keepPreviousData,
  });
}

export function useRun(runId: string | null) {
  return useQuery({
    queryKey: ['imports', 'run', runId],
    queryFn: ({ signal }) => api.get<RunData>(`/imports/runs/${runId}`, undefined, signal),
    enabled: Boolean(runId),
    refetchInterval: (query) => (query.state.data && query.state.data.state !== 'running' ? false : 500),
  });
}

export const startRun = (
  uploadId: string,
  body: {
    kind: ImportKindValue;
    sheet?: string;
    headerRow: number;
    mapping: Record<string, string>;
    dryRun: boolean;
    onError: 'abort' | 'skip';
  },
) => api.post<{ runId: string }>(`/imports/uploads/${uploadId}/runs`, body);

export function useBatches() {
  return useQuery({
    queryKey: ['imports', 'batches'],
    queryFn: ({ signal }) => api.get<{ items: BatchData[] }>('/imports/batches', { limit: 100 }, signal),
  });
}

export function useUndoBatch() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => api.post<BatchDetailData>(`/imports/batches/${id}/undo`),
    onSuccess: () => queryClient.invalidateQueries(),
  });
}

export function useTemplates(kind: ImportKindValue) {
  return useQuery({
    queryKey: ['imports', 'templates', kind],
    queryFn: ({ signal }) => api.get<{ items: TemplateData[] }>('/imports/templates', { kind }, signal),
  });
}

export function useSaveTemplate() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: { kind: ImportKindValue; name: string; headerRow: number; mapping: Record<string, string> }) =>
      api.post<TemplateData>('/imports/templates', body),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ['imports', 'templates'] }),
  });
}

export function useDeleteTemplate() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => api.delete<void>(`/imports/templates/${id}`),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ['imports', 'templates'] }),
  });
}
