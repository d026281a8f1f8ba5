import { Skeleton, Table } from 'antd';
import { useTranslation } from 'react-i18next';
import type { OrderData } from '../../app/api/types';
import { formatQuantity } from '../../ui/format';
import { Money } from '../../ui/money';
import { QueryError } from '../../ui/query-error';
import { useOrder } from './api';

type Line = OrderData['lines'][number];

/** The lines of one order, read when its row is expanded. */
export function OrderLines({ orderId }: { orderId: string }) {
  const { t } = useTranslation();
  const order = useOrder(orderId);
  if (order.isPending) return <Skeleton active title={false} paragraph={{ rows: 3 }} />;
  if (order.isError) return <QueryError error={order.error} onRetry={() => order.refetch()} />;
  const money = (value: number) => <Money value={value} />;
  return (
    <Table<Line>
      rowKey="id"
      size="small"
      pagination={false}
      dataSource={order.data.lines}
      columns={[
        { title: '#', dataIndex: 'lineNo', width: 48 },
        { title: t('product.code'), dataIndex: 'productCode', width: 130 },
        { title: t('product.name'), dataIndex: 'productName' },
        {
          title: t('order.quantity'),
          dataIndex: 'quantity',
          align: 'right',
          width: 90,
          render: (v: string) => <span className="kamap-num">{formatQuantity(v)}</span>,
        },
        { title: t('order.unitPrice'), dataIndex: 'unitPrice', align: 'right', render: money },
        { title: t('order.discount'), dataIndex: 'discount', align: 'right', render: money },
        { title: t('order.amount'), dataIndex: 'amount', align: 'right', render: money },
        { title: t('order.cost'), dataIndex: 'cost', align: 'right', render: money },
        {
          title: t('order.margin'),
          dataIndex: 'margin',
          align: 'right',
          render: (v: number) => <Money value={v} signed />,
        },
      ]}
    />
  );
}
