import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, type QueryValue } from '../../app/api/client';
import { usePagedList } from '../../app/api/paged';
import type { Page } from '../../app/api/types';
import type {
  AgentAccountData,
  AgentData,
  AgentDetailData,
  AgentOrderData,
  ChannelNoticeData,
  ChannelRulesData,
  RegistrationBody,
  RegistrationCheckBody,
  RegistrationCheckData,
  RegistrationData,
  RegistrationDecisionBody,
} from './types';

export const useAgentList = (params: Record<string, QueryValue>) =>
  usePagedList<AgentData>(['channels', 'agents'], '/agents', params);

export const useAgent = (id: string | undefined) =>
  useQuery({
    queryKey: ['channels', 'agent', id],
    queryFn: ({ signal }) => api.get<AgentDetailData>(`/agents/${id}`, undefined, signal),
    enabled: Boolean(id),
  });

/** An agent user's own agency: the one agent its list holds. */
export const useOwnAgent = (enabled: boolean) =>
  useQuery({
    queryKey: ['channels', 'own-agent'],
    queryFn: ({ signal }) => api.get<Page<AgentData>>('/agents', { limit: 1 }, signal),
    enabled,
  });

export const useAgentAccounts = (id: string | undefined) =>
  usePagedList<AgentAccountData>(
    ['channels', 'agent-accounts', id],
    `/agents/${id}/accounts`,
    { limit: 20 },
    { enabled: Boolean(id) },
  );

export const useAgentOrders = (id: string | undefined) =>
  usePagedList<AgentOrderData>(
    ['channels', 'agent-orders', id],
    `/agents/${id}/orders`,
    { limit: 20 },
    { enabled: Boolean(id) },
  );

export const useRegistrationList = (params: Record<string, QueryValue>, enabled = true) =>
  usePagedList<RegistrationData>(['channels', 'registrations'], '/registrations', params, { enabled });

export const useChannelRules = () =>
  useQuery({
    queryKey: ['channels', 'rules'],
    queryFn: ({ signal }) => api.get<ChannelRulesData>('/channel-rules', undefined, signal),
    staleTime: 300_000,
  });

export const useNotices = () =>
  useQuery({
    queryKey: ['channels', 'notices'],
    queryFn: ({ signal }) => api.get<ChannelNoticeData[]>('/channel-notices', undefined, signal),
  });

export function useMarkNoticesRead() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: () => api.post('/channel-notices/read', {}),
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: ['channels', 'notices'] }),
  });
}

/** The live check: keyed by the claim, so the same input is not asked twice. */
export const useRegistrationCheck = (body: RegistrationCheckBody | null) =>
  useQuery({
    queryKey: ['channels', 'check', body],
    queryFn: () => api.post<RegistrationCheckData>('/registrations/check', body),
    enabled: body !== null,
    staleTime: 30_000,
    retry: false,
  });

export function useSubmitRegistration() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: RegistrationBody) => api.post<RegistrationData>('/registrations', body),
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: ['channels'] }),
  });
}

export function useDecideRegistration() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ id, ...body }: RegistrationDecisionBody & { id: string }) =>
      api.post<RegistrationData>(`/registrations/${id}/decision`, body),
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: ['channels'] }),
  });
}

export function useRegistrationAction() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ id, version, action }: { id: string; version: number; action: 'renew' | 'withdraw' }) =>
      api.post<RegistrationData>(`/registrations/${id}/${action}`, { version }),
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: ['channels'] }),
  });
}
