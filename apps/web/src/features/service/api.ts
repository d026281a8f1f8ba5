import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, type QueryValue } from '../../app/api/client';
import { usePagedList } from '../../app/api/paged';
import type {
  ComplaintData,
  ComplaintDetailData,
  CreateComplaintBody,
  NeedData,
  PublicSurveyData,
  SentSurveyData,
  ServiceKpisData,
  SurveyData,
  SurveyKindValue,
  SurveyResultsData,
} from '../../app/api/types';

export const useComplaintList = (params: Record<string, QueryValue>) =>
  usePagedList<ComplaintData>(['complaints', 'list'], '/complaints', params);

export const useComplaint = (id: string) =>
  useQuery({
    queryKey: ['complaints', 'detail', id],
    queryFn: ({ signal }) => api.get<ComplaintDetailData>(`/complaints/${id}`, undefined, signal),
  });

export function useCreateComplaint() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: CreateComplaintBody) => api.post<ComplaintDetailData>('/complaints', body),
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: ['complaints'] }),
  });
}

export type ComplaintPatch = {
  version: number;
  status?: ComplaintData['status'];
  assigneeId?: string | null;
  rootCause?: ComplaintData['rootCause'];
  resolution?: string | null;
  note?: string;
};

export function useComplaintMutations(id: string) {
  const queryClient = useQueryClient();
  const done = (c: ComplaintDetailData) => {
    queryClient.setQueryData(['complaints', 'detail', id], c);
    void queryClient.invalidateQueries({ queryKey: ['complaints', 'list'] });
  };
  return {
    update: useMutation({
      mutationFn: (body: ComplaintPatch) => api.patch<ComplaintDetailData>(`/complaints/${id}`, body),
      onSuccess: done,
    }),
    followUp: useMutation({
      mutationFn: (body: { version: number; satisfaction: number; notes: string | null }) =>
        api.post<ComplaintDetailData>(`/complaints/${id}/follow-up`, body),
      onSuccess: done,
    }),
  };
}

/** Raise a need from a complaint; the complaint then lists it. */
export function useRaiseNeed(complaintId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: { title: string; category: string; importance: number; urgency: number; feasibility: number }) =>
      api.post<NeedData>(`/complaints/${complaintId}/needs`, body),
    onSuccess: () => {
      void queryClient.invalidateQueries({ queryKey: ['complaints', 'detail', complaintId] });
      void queryClient.invalidateQueries({ queryKey: ['needs'] });
    },
  });
}

export const useServiceKpis = (params: { from?: string; to?: string }) =>
  useQuery({
    queryKey: ['service', 'kpis', params],
    queryFn: ({ signal }) => api.get<ServiceKpisData>('/service/kpis', params, signal),
  });

export const useSurveyList = (params: Record<string, QueryValue>) =>
  usePagedList<SurveyData>(['surveys', 'list'], '/surveys', params);

export const useSurveyResults = (accountId: string | undefined) =>
  useQuery({
    queryKey: ['surveys', 'results', accountId ?? null],
    queryFn: ({ signal }) => api.get<SurveyResultsData>('/surveys/results', { accountId, months: 12 }, signal),
  });

export function useSendSurvey() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: { accountId: string; contactId: string; kind: SurveyKindValue; validDays: number }) =>
      api.post<SentSurveyData>('/surveys', body),
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: ['surveys'] }),
  });
}

export const usePublicSurvey = (token: string) =>
  useQuery({
    queryKey: ['public-survey', token],
    queryFn: ({ signal }) => api.get<PublicSurveyData>(`/public/surveys/${token}`, undefined, signal),
    retry: false,
    refetchOnWindowFocus: false,
  });

export const useAnswerSurvey = (token: string) =>
  useMutation({
    mutationFn: (body: { score: number; comment: string | null }) => api.post(`/public/surveys/${token}`, body),
  });
