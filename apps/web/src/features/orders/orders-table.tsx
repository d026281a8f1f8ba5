import { Flex, Table, Tag, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { OrderSummaryData } from '../../app/api/types';
import { EmptyState } from '../../ui/empty-state';
import { OrderStatusTag } from '../../ui/enum-tags';
import { formatDate } from '../../ui/format';
import { ListFooter } from '../../ui/list-footer';
import { Money } from '../../ui/money';
import { QueryError } from '../../ui/query-error';
import { sortOrderOf, sortParam } from '../../ui/table-sort';
import type { useOrderList } from './api';
import { OrderLines } from './order-lines';

/** Orders with their payment state; expanding a row shows its lines. */
export function OrdersTable({
  list,
  sort,
  onSort,
  withAccount,
}: {
  list: ReturnType<typeof useOrderList>;
  sort: string;
  onSort: (sort: string | null) => void;
  withAccount: boolean;
}) {
  const { t } = useTranslation();
  const columns: ColumnsType<OrderSummaryData> = [
    {
      title: t('order.orderNo'),
      dataIndex: 'orderNo',
      key: 'orderNo',
      width: 150,
      render: (v: string, o) => (
        <Flex vertical align="flex-start" gap={2}>
          <span className="kamap-num">{v}</span>
          {o.channel === 'agent' && (
            <Tag color="purple" style={{ marginInlineEnd: 0 }}>
              {t('order.agentChannel')}
            </Tag>
          )}
        </Flex>
      ),
    },
    ...(withAccount
      ? [
          {
            title: t('order.account'),
            key: 'account',
            width: 180,
            ellipsis: true,
            render: (_: unknown, o: OrderSummaryData) => (
              <Link to={`/accounts/${o.accountId}?tab=orders`} onClick={(e) => e.stopPropagation()}>
                {o.accountName}
              </Link>
            ),
          },
        ]
      : []),
    {
      title: t('order.orderDate'),
      dataIndex: 'orderDate',
      key: 'orderDate',
      width: 112,
      sorter: true,
      sortOrder: sortOrderOf(sort, 'orderDate'),
      showSorterTooltip: false,
      render: formatDate,
    },
    {
      title: t('order.salesRep'),
      key: 'salesRep',
      width: 90,
      ellipsis: true,
      render: (_, o) => o.salesRep?.displayName ?? '—',
    },
    {
      title: t('order.status'),
      dataIndex: 'status',
      key: 'status',
      width: 88,
      render: (v: OrderSummaryData['status']) => <OrderStatusTag value={v} />,
    },
    {
      title: t('order.amount'),
      dataIndex: 'amount',
      key: 'amount',
      align: 'right',
      width: 136,
      sorter: true,
      sortOrder: sortOrderOf(sort, 'amount'),
      showSorterTooltip: false,
      render: (v: number) => <Money value={v} />,
    },
    {
      title: t('order.margin'),
      dataIndex: 'margin',
      key: 'margin',
      align: 'right',
      width: 124,
      render: (v: number) => <Money value={v} signed />,
    },
    {
      title: t('order.payment'),
      key: 'payment',
      width: 200,
      render: (_, o) => {
        if (o.status === 'cancelled') return '—';
        if (o.outstanding <= 0) {
          return (
            <Typography.Text type="success">{t('order.paidOn', { date: formatDate(o.paidDate) })}</Typography.Text>
          );
        }
        const overdue = o.daysOverdue !== null && o.daysOverdue > 0;
        return (
          <Flex vertical>
            <span>
              {t('order.outstanding')} <Money value={o.outstanding} />
            </span>
            {overdue ? (
              <Typography.Text type="danger" style={{ fontSize: 12 }}>
                {t('order.overdueDays', { count: o.daysOverdue ?? 0 })}
              </Typography.Text>
            ) : (
              o.dueDate && (
                <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                  {t('order.dueOn', { date: formatDate(o.dueDate) })}
                </Typography.Text>
              )
            )}
          </Flex>
        );
      },
    },
  ];

  if (list.isError && !list.data) return <QueryError error={list.error} onRetry={() => list.refetch()} />;

  return (
    <Flex vertical gap={12}>
      <Table<OrderSummaryData>
        rowKey="id"
        size="middle"
        columns={columns}
        dataSource={list.items}
        loading={list.isPending || (list.isFetching && !list.isFetchingNextPage)}
        pagination={false}
        scroll={{ x: withAccount ? 1040 : 860 }}
        expandable={{
          expandedRowRender: (o) => <OrderLines orderId={o.id} />,
          rowExpandable: (o) => o.lineCount > 0,
          expandRowByClick: true,
        }}
        onChange={(_p, _f, sorter) => onSort(sortParam(sorter))}
        locale={{ emptyText: <EmptyState description={t('order.empty')} /> }}
      />
      <ListFooter list={list} />
    </Flex>
  );
}
