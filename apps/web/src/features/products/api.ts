import { useQuery } from '@tanstack/react-query';
import { api, type QueryValue } from '../../app/api/client';
import { usePagedList } from '../../app/api/paged';
import type { ItemList, ProductCategoryData, ProductData } from '../../app/api/types';

export const useProductList = (params: Record<string, QueryValue>) =>
  usePagedList<ProductData>(['products', 'list'], '/products', params);

export function useProductCategories() {
  return useQuery({
    queryKey: ['product-categories'],
    queryFn: ({ signal }) => api.get<ItemList<ProductCategoryData>>('/product-categories', undefined, signal),
    staleTime: 10 * 60_000,
    select: (data) => data.items,
  });
}
