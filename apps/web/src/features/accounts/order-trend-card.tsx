import { useQuery } from '@tanstack/react-query';
import { Card, Skeleton, Typography } from 'antd';
import dayjs from 'dayjs';
import { Suspense, useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../app/api/client';
import type { OrderSummaryData, Page } from '../../app/api/types';
import type { MonthAmount } from '../../ui/charts/monthly-amount-chart';
import { EmptyState } from '../../ui/empty-state';
import { lazyNamed } from '../../ui/lazy-named';
import { QueryError } from '../../ui/query-error';

const MonthlyAmountChart = lazyNamed(() => import('../../ui/charts/monthly-amount-chart'), 'MonthlyAmountChart');

const months = 24;

/** Every month of the window, oldest first, so months without orders show as gaps, not as nothing. */
function byMonth(orders: OrderSummaryData[], start: dayjs.Dayjs): MonthAmount[] {
  const totals = new Map<string, MonthAmount>();
  for (let i = 0; i < months; i++) {
    const month = start.add(i, 'month').format('YYYY-MM');
    totals.set(month, { month, amount: 0, margin: 0 });
  }
  for (const order of orders) {
    if (order.status === 'cancelled') continue;
    const row = totals.get(order.orderDate.slice(0, 7));
    if (!row) continue;
    row.amount += order.amount;
    row.margin += order.margin;
  }
  return [...totals.values()];
}

export function OrderTrendCard({ accountId }: { accountId: string }) {
  const { t } = useTranslation();
  const start = useMemo(
    () =>
      dayjs()
        .startOf('month')
        .subtract(months - 1, 'month'),
    [],
  );
  const orders = useQuery({
    queryKey: ['orders', 'trend', accountId, start.format('YYYY-MM')],
    queryFn: ({ signal }) =>
      api.get<Page<OrderSummaryData>>(
        '/orders',
        { accountId, from: start.format('YYYY-MM-DD'), limit: 500, sort: '-orderDate' },
        signal,
      ),
  });
  const data = useMemo(() => (orders.data ? byMonth(orders.data.items, start) : []), [orders.data, start]);

  return (
    <Card
      size="small"
      variant="borderless"
      title={t('chart.orderTrendTitle')}
      extra={
        orders.data?.nextCursor ? (
          <Typography.Text type="secondary">
            {t('chart.truncated', { count: orders.data.items.length })}
          </Typography.Text>
        ) : null
      }
    >
      {orders.isPending ? (
        <Skeleton active paragraph={{ rows: 5 }} />
      ) : orders.isError ? (
        <QueryError error={orders.error} onRetry={() => orders.refetch()} />
      ) : orders.data.items.length === 0 ? (
        <EmptyState description={t('chart.noOrders')} />
      ) : (
        <Suspense fallback={<Skeleton active paragraph={{ rows: 5 }} />}>
          <MonthlyAmountChart data={data} />
        </Suspense>
      )}
    </Card>
  );
}
