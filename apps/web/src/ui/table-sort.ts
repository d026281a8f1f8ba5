import type { SorterResult, SortOrder } from 'antd/es/table/interface';

/** The list's `sort` parameter (`name`, `-name`) as the arrow a column shows. */
export function sortOrderOf(sort: string, field: string): SortOrder {
  if (sort === field) return 'ascend';
  if (sort === `-${field}`) return 'descend';
  return null;
}

/** A table's sorter change as the list's `sort` parameter; null when sorting was switched off. */
export function sortParam<T>(sorter: SorterResult<T> | SorterResult<T>[]): string | null {
  const s = Array.isArray(sorter) ? sorter[0] : sorter;
  const field = typeof s?.columnKey === 'string' ? s.columnKey : undefined;
  if (!field || !s?.order) return null;
  return s.order === 'descend' ? `-${field}` : field;
}
