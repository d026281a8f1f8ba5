import { OrderListQuery } from '@kamap/contracts';
import { Card } from 'antd';
import { useState } from 'react';
import type { Account } from '../../app/api/types';
import { oneOf } from '../../app/use-url-params';
import { useOrderList } from '../orders/api';
import { OrdersTable } from '../orders/orders-table';

const sorts = OrderListQuery.shape.sort.unwrap().options;

export function OrdersTab({ account }: { account: Account }) {
  const [sort, setSort] = useState<string>('-orderDate');
  const list = useOrderList({ accountId: account.id, sort: oneOf(sorts, sort) ?? '-orderDate', limit: 50 });
  return (
    <Card variant="borderless" size="small">
      <OrdersTable list={list} sort={sort} onSort={(s) => setSort(s ?? '-orderDate')} withAccount={false} />
    </Card>
  );
}
