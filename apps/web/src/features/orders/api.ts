import { useQuery } from '@tanstack/react-query';
import { api, type QueryValue } from '../../app/api/client';
import { usePagedList } from '../../app/api/paged';
import type { OrderData, OrderSummaryData } from '../../app/api/types';

export const useOrderList = (params: Record<string, QueryValue>) =>
  usePagedList<OrderSummaryData>(['orders', 'list'], '/orders', params);

export function useOrder(id: string) {
  return useQuery({
    queryKey: ['orders', 'detail', id],
    queryFn: ({ signal }) => api.get<OrderData>(`/orders/${id}`, undefined, signal),
  });
}
