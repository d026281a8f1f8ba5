import { keepPreviousData, useInfiniteQuery } from '@tanstack/react-query';
import { api, type QueryValue } from './client';
import type { Page } from './types';

/**
 * A cursor-paged list read page by page ("load more"): the query key holds the filters, so
 * changing a filter starts again from the first page while the previous rows stay on screen.
 */
export function usePagedList<T>(
  key: readonly unknown[],
  path: string,
  params: Record<string, QueryValue>,
  options: { enabled?: boolean } = {},
) {
  const query = useInfiniteQuery({
    queryKey: [...key, params],
    queryFn: ({ pageParam, signal }) => api.get<Page<T>>(path, { ...params, cursor: pageParam }, signal),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.nextCursor ?? undefined,
    placeholderData: keepPreviousData,
    enabled: options.enabled,
  });
  const pages = query.data?.pages ?? [];
  return {
    ...query,
    items: pages.flatMap((p) => p.items),
    total: pages[0]?.total ?? 0,
  };
}
