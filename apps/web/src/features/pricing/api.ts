import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, type QueryValue } from '../../app/api/client';
import { usePagedList } from '../../app/api/paged';
import type {
  DiscountDecisionBody,
  DiscountPreviewData,
  DiscountReportData,
  DiscountRequestBody,
  DiscountRequestData,
  EffectivePriceData,
  PriceAgreementData,
  PriceListData,
  PricingRulesData,
} from './types';

export const usePriceLists = () => usePagedList<PriceListData>(['pricing', 'lists'], '/price-lists', { limit: 20 });

export const usePriceAgreements = (params: Record<string, QueryValue>) =>
  usePagedList<PriceAgreementData>(['pricing', 'agreements'], '/price-agreements', params);

export const usePricingRules = () =>
  useQuery({
    queryKey: ['pricing', 'rules'],
    queryFn: ({ signal }) => api.get<PricingRulesData>('/pricing-rules', undefined, signal),
  });

export const useEffectivePrice = (accountId: string | undefined, productId: string | undefined) =>
  useQuery({
    queryKey: ['pricing', 'effective', accountId, productId],
    queryFn: ({ signal }) =>
      api.get<EffectivePriceData>(`/accounts/${accountId}/effective-price`, { productId }, signal),
    enabled: Boolean(accountId && productId),
  });

/** The guidance for what is typed so far, recomputed as the price changes. */
export const useDiscountPreview = (body: Omit<DiscountRequestBody, 'reason'> | null) =>
  useQuery({
    queryKey: ['pricing', 'preview', body],
    queryFn: () => api.post<DiscountPreviewData>('/discount-requests/preview', body),
    enabled: body !== null,
    retry: false,
    staleTime: 30_000,
  });

export const useDiscountRequests = (params: Record<string, QueryValue>) =>
  usePagedList<DiscountRequestData>(['pricing', 'requests'], '/discount-requests', params);

export function useCreateDiscountRequest() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: DiscountRequestBody) => api.post<DiscountRequestData>('/discount-requests', body),
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: ['pricing'] }),
  });
}

export function useDecideDiscount() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ id, ...body }: DiscountDecisionBody & { id: string }) =>
      api.post<DiscountRequestData>(`/discount-requests/${id}/decision`, body),
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: ['pricing'] }),
  });
}

export const useDiscountReport = (params: { from?: string; to?: string }) =>
  useQuery({
    queryKey: ['pricing', 'report', params],
    queryFn: ({ signal }) => api.get<DiscountReportData>('/discount-report', params, signal),
  });
