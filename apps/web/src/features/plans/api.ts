import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, type QueryValue } from '../../app/api/client';
import { usePagedList } from '../../app/api/paged';
import { analyticsKeys } from '../identification/api';
import type {
  ContractData,
  ForecastData,
  OpportunityData,
  PipelineData,
  PlanActionRowData,
  PlanData,
  PlanDiffData,
  PlanSummaryData,
  PlanVersionData,
} from './types';

export const planKeys = {
  all: ['plans'] as const,
  list: ['plans', 'list'] as const,
  actions: ['plans', 'actions'] as const,
  detail: (id: string) => ['plans', 'detail', id] as const,
  versions: (id: string) => ['plans', 'versions', id] as const,
  diff: (id: string, from: number, to: number) => ['plans', 'diff', id, from, to] as const,
};
export const opportunityKeys = {
  all: ['opportunities'] as const,
  list: ['opportunities', 'list'] as const,
  detail: (id: string) => ['opportunities', 'detail', id] as const,
};
export const contractKeys = { all: ['contracts'] as const, list: ['contracts', 'list'] as const };

export const usePlanList = (params: Record<string, QueryValue>) =>
  usePagedList<PlanSummaryData>(planKeys.list, '/plans', params);
export const usePlanActions = (params: Record<string, QueryValue>) =>
  usePagedList<PlanActionRowData>(planKeys.actions, '/plan-actions', params);

export function usePlan(id: string | null) {
  return useQuery({
    queryKey: planKeys.detail(id ?? ''),
    queryFn: ({ signal }) => api.get<PlanData>(`/plans/${id}`, undefined, signal),
    enabled: Boolean(id),
  });
}
export function usePlanVersions(id: string) {
  return useQuery({
    queryKey: planKeys.versions(id),
    queryFn: ({ signal }) => api.get<{ items: PlanVersionData[] }>(`/plans/${id}/versions`, undefined, signal),
    select: (d) => d.items,
  });
}
export function usePlanDiff(id: string, from: number, to: number) {
  return useQuery({
    queryKey: planKeys.diff(id, from, to),
    queryFn: ({ signal }) => api.get<PlanDiffData>(`/plans/${id}/diff`, { from, to }, signal),
    enabled: from > 0 && to > 0 && from !== to,
  });
}

function usePlanWrite<V>(fn: (vars: V) => Promise<PlanData>) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: fn,
    onSuccess: (plan) => {
      queryClient.setQueryData(planKeys.detail(plan.id), plan);
      void queryClient.invalidateQueries({ queryKey: planKeys.all });
      void queryClient.invalidateQueries({ queryKey: ['accounts', 'detail', plan.accountId, 'timeline'] });
    },
  });
}

export type PlanContent = {
  title?: string;
  goals?: Omit<PlanData['goals'][number], 'actual' | 'met'>[];
  swot?: PlanData['swot'];
  strategies?: PlanData['strategies'];
  actions?: {
    id?: string;
    strategy: PlanData['actions'][number]['strategy'];
    title: string;
    ownerId: string;
    dueDate: string;
    resources: string | null;
    budget: number | null;
  }[];
  items?: {
    id?: string;
    kind: PlanData['items'][number]['kind'];
    title: string;
    terms: string;
    startDate: string;
    endDate: string | null;
  }[];
};

export const useCreatePlan = (accountId: string) =>
  usePlanWrite((body: { year: number }) => api.post<PlanData>(`/accounts/${accountId}/plans`, body));
export const useUpdatePlan = (id: string) =>
  usePlanWrite((body: PlanContent & { version: number }) => api.patch<PlanData>(`/plans/${id}`, body));
export const useAdjustPlan = (id: string) =>
  usePlanWrite((body: PlanContent & { version: number; reasonKind: string; reason: string }) =>
    api.post<PlanData>(`/plans/${id}/adjustments`, body),
  );
export const usePlanDecision = (id: string, step: 'submit' | 'approve' | 'return') =>
  usePlanWrite((body: { version: number; note?: string }) => api.post<PlanData>(`/plans/${id}/${step}`, body));
export const useUpdatePlanAction = (planId: string) =>
  usePlanWrite(({ actionId, ...body }: { actionId: string; version: number; status: string }) =>
    api.patch<PlanData>(`/plans/${planId}/actions/${actionId}`, body),
  );

export const useOpportunityList = (params: Record<string, QueryValue>) =>
  usePagedList<OpportunityData>(opportunityKeys.list, '/opportunities', params);

export function useOpportunity(id: string) {
  return useQuery({
    queryKey: opportunityKeys.detail(id),
    queryFn: ({ signal }) => api.get<OpportunityData>(`/opportunities/${id}`, undefined, signal),
  });
}
export function usePipeline(params: Record<string, QueryValue>) {
  return useQuery({
    queryKey: ['opportunities', 'pipeline', params],
    queryFn: ({ signal }) => api.get<PipelineData>('/opportunities/pipeline', params, signal),
  });
}
export function useForecast(params: Record<string, QueryValue>) {
  return useQuery({
    queryKey: ['opportunities', 'forecast', params],
    queryFn: ({ signal }) => api.get<ForecastData>('/opportunities/forecast', params, signal),
  });
}

function useOpportunityWrite<V>(fn: (vars: V) => Promise<OpportunityData>) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: fn,
    onSuccess: (o) => {
      queryClient.setQueryData(opportunityKeys.detail(o.id), o);
      void queryClient.invalidateQueries({ queryKey: opportunityKeys.all });
      void queryClient.invalidateQueries({ queryKey: analyticsKeys.all });
      void queryClient.invalidateQueries({ queryKey: ['accounts', 'detail', o.accountId] });
    },
  });
}

export type OpportunityBody = {
  title: string;
  kind?: OpportunityData['kind'];
  amount: number;
  categoryIds: string[];
  expectedClose: string;
  stage: OpportunityData['stage'];
  fromRecommendation?: string;
};
export const useCreateOpportunity = (accountId: string) =>
  useOpportunityWrite((body: OpportunityBody) =>
    api.post<OpportunityData>(`/accounts/${accountId}/opportunities`, body),
  );
export const useUpdateOpportunity = (id: string) =>
  useOpportunityWrite((body: Partial<OpportunityBody> & { version: number; probability?: number }) =>
    api.patch<OpportunityData>(`/opportunities/${id}`, body),
  );
export const useCloseOpportunity = (id: string) =>
  useOpportunityWrite((body: { version: number; outcome: 'won' | 'lost'; reason: string }) =>
    api.post<OpportunityData>(`/opportunities/${id}/close`, body),
  );
export const useSetBuyingCentre = (id: string) =>
  useOpportunityWrite(
    ({ contactId, ...body }: { contactId: string; role: string; stance: string; note: string | null }) =>
      api.put<OpportunityData>(`/opportunities/${id}/buying-centre/${contactId}`, body),
  );
export const useRemoveBuyingCentre = (id: string) =>
  useOpportunityWrite((contactId: string) =>
    api.delete<OpportunityData>(`/opportunities/${id}/buying-centre/${contactId}`),
  );

export const useContractList = (params: Record<string, QueryValue>) =>
  usePagedList<ContractData>(contractKeys.list, '/contracts', params);

export function useCreateContract(accountId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: Record<string, unknown>) => api.post<ContractData>(`/accounts/${accountId}/contracts`, body),
    onSuccess: () => {
      void queryClient.invalidateQueries({ queryKey: contractKeys.all });
      void queryClient.invalidateQueries({ queryKey: planKeys.all });
    },
  });
}
