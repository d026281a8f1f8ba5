import { ProductListQuery } from '@kamap/contracts';
import { Card, Flex, Segmented, Table, Tag, TreeSelect } from 'antd';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import type { ProductData } from '../../app/api/types';
import { oneOf, useUrlParams } from '../../app/use-url-params';
import { EmptyState } from '../../ui/empty-state';
import { formatCount, formatPercent } from '../../ui/format';
import { ListFooter } from '../../ui/list-footer';
import { Money } from '../../ui/money';
import { PageHeader } from '../../ui/page-header';
import { QueryError } from '../../ui/query-error';
import { SearchInput } from '../../ui/search-input';
import { sortOrderOf, sortParam } from '../../ui/table-sort';
import { toTreeOptions } from '../../ui/tree';
import { ExportButton } from '../exports/export-button';
import { useProductCategories, useProductList } from './api';

const urlKeys = ['q', 'categoryId', 'active', 'sort'] as const;
const sorts = ProductListQuery.shape.sort.unwrap().options;
export function ProductsPage() {
  const { t, i18n } = useTranslation();
  const [url, setUrl] = useUrlParams(urlKeys);
  const sort = oneOf(sorts, url.sort) ?? 'code';
  const active = oneOf(['true', 'false'] as const, url.active);
  const params = useMemo(
    () => ({ q: url.q, categoryId: url.categoryId, active, sort, limit: 50 }),
    [url, active, sort],
  );
  const list = useProductList(params);
  const categories = useProductCategories();
  const english = i18n.language === 'en';
  const tree = useMemo(
    () => toTreeOptions(categories.data ?? [], (c) => (english && c.nameEn) || c.name),
    [categories.data, english],
  );
  const categoryName = useMemo(
    () => new Map((categories.data ?? []).map((c) => [c.id, (english && c.nameEn) || c.name])),
    [categories.data, english],
  );

  return (
    <>
      <PageHeader
        title={t('nav.page.products')}
        subtitle={list.data ? t('product.totalCount', { count: list.total, formatted: formatCount(list.total) }) : null}
        extra={<ExportButton kind="products" filters={{ q: params.q, categoryId: params.categoryId }} />}
      />
      <Card variant="borderless" styles={{ body: { padding: 16 } }}>
        <Flex vertical gap={16}>
          <Flex gap={8} wrap align="center">
            <SearchInput value={url.q} onCommit={(q) => setUrl({ q })} placeholder={t('product.searchPlaceholder')} />
            <TreeSelect
              value={url.categoryId}
              onChange={(categoryId: string | undefined) => setUrl({ categoryId })}
              treeData={tree}
              treeDefaultExpandAll
              allowClear
              showSearch={{ treeNodeFilterProp: 'title' }}
              placeholder={t('product.category')}
              style={{ width: 220 }}
              loading={categories.isPending}
            />
            <Segmented
              value={active ?? 'all'}
              onChange={(v) => setUrl({ active: v === 'all' ? null : v })}
              options={[
                { value: 'all', label: t('product.all') },
                { value: 'true', label: t('product.active') },
                { value: 'false', label: t('product.inactive') },
              ]}
            />
          </Flex>
          {list.isError && !list.data ? (
            <QueryError error={list.error} onRetry={() => list.refetch()} />
          ) : (
            <Table<ProductData>
              rowKey="id"
              size="middle"
              dataSource={list.items}
              loading={list.isPending || (list.isFetching && !list.isFetchingNextPage)}
              pagination={false}
              scroll={{ x: 1000 }}
              locale={{ emptyText: <EmptyState description={t('product.empty')} /> }}
              onChange={(_p, _f, sorter) => setUrl({ sort: sortParam(sorter) })}
              columns={[
                {
                  title: t('product.code'),
                  dataIndex: 'code',
                  key: 'code',
                  width: 140,
                  sorter: true,
                  sortOrder: sortOrderOf(sort, 'code'),
                  showSorterTooltip: false,
                  render: (v: string) => <span className="kamap-num">{v}</span>,
                },
                {
                  title: t('product.name'),
                  dataIndex: 'name',
                  key: 'name',
                  sorter: true,
                  sortOrder: sortOrderOf(sort, 'name'),
                  showSorterTooltip: false,
                },
                {
                  title: t('product.category'),
                  key: 'category',
                  width: 180,
                  render: (_, p) => categoryName.get(p.categoryId) ?? p.categoryName,
                },
                { title: t('product.unit'), dataIndex: 'unit', key: 'unit', width: 70 },
                {
                  title: t('product.listPrice'),
                  dataIndex: 'listPrice',
                  key: 'listPrice',
                  align: 'right',
                  width: 150,
                  sorter: true,
                  sortOrder: sortOrderOf(sort, 'listPrice'),
                  showSorterTooltip: false,
                  render: (v: number) => <Money value={v} />,
                },
                {
                  title: t('product.standardCost'),
                  dataIndex: 'standardCost',
                  key: 'standardCost',
                  align: 'right',
                  width: 150,
                  render: (v: number) => <Money value={v} />,
                },
                {
                  title: t('product.marginRate'),
                  key: 'marginRate',
                  align: 'right',
                  width: 110,
                  render: (_, p) => (
                    <span className="kamap-num">
                      {p.listPrice > 0 ? formatPercent((p.listPrice - p.standardCost) / p.listPrice) : '—'}
                    </span>
                  ),
                },
                {
                  title: t('product.status'),
                  dataIndex: 'active',
                  key: 'active',
                  width: 90,
                  render: (v: boolean) =>
                    v ? <Tag color="green">{t('product.active')}</Tag> : <Tag>{t('product.inactive')}</Tag>,
                },
              ]}
            />
          )}
          <ListFooter list={list} />
        </Flex>
      </Card>
    </>
  );
}
