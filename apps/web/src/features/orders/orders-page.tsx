import { OrderListQuery, OrderStatus } from '@kamap/contracts';
import { Card, DatePicker, Flex, Segmented, Select } from 'antd';
import dayjs from 'dayjs';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { oneOf, useUrlParams } from '../../app/use-url-params';
import { formatCount } from '../../ui/format';
import { PageHeader } from '../../ui/page-header';
import { SearchInput } from '../../ui/search-input';
import { AccountPicker } from '../accounts/account-picker';
import { ExportButton } from '../exports/export-button';
import { useOrderList } from './api';
import { OrdersTable } from './orders-table';

const urlKeys = ['q', 'accountId', 'status', 'payment', 'from', 'to', 'sort'] as const;
const sorts = OrderListQuery.shape.sort.unwrap().options;
const isDate = (value: string | undefined) => (value && /^\d{4}-\d{2}-\d{2}$/.test(value) ? value : undefined);

export function OrdersPage() {
  const { t } = useTranslation();
  const [url, setUrl] = useUrlParams(urlKeys);
  const sort = oneOf(sorts, url.sort) ?? '-orderDate';
  const payment = oneOf(['unpaid', 'overdue'] as const, url.payment);
  const params = useMemo(
    () => ({
      q: url.q,
      accountId: url.accountId,
      status: oneOf(OrderStatus.options, url.status),
      unpaid: payment === 'unpaid' ? true : undefined,
      overdue: payment === 'overdue' ? true : undefined,
      from: isDate(url.from),
      to: isDate(url.to),
      sort,
      limit: 50,
    }),
    [url, sort, payment],
  );
  const list = useOrderList(params);
  const from = isDate(url.from);
  const to = isDate(url.to);

  return (
    <>
      <PageHeader
        title={t('nav.page.orders')}
        subtitle={list.data ? t('order.totalCount', { count: list.total, formatted: formatCount(list.total) }) : null}
        extra={
          <ExportButton
            kind="order-lines"
            filters={{ q: params.q, accountId: params.accountId, status: params.status, payment, from, to }}
          />
        }
      />
      <Card variant="borderless" styles={{ body: { padding: 16 } }}>
        <Flex vertical gap={16}>
          <Flex gap={8} wrap align="center">
            <SearchInput
              value={url.q}
              onCommit={(q) => setUrl({ q })}
              placeholder={t('order.searchPlaceholder')}
              width={190}
            />
            <AccountPicker
              value={url.accountId}
              onChange={(accountId) => setUrl({ accountId })}
              placeholder={t('order.account')}
              style={{ width: 200 }}
            />
            <Select
              value={url.status}
              onChange={(status) => setUrl({ status })}
              allowClear
              placeholder={t('order.status')}
              style={{ width: 110 }}
              options={OrderStatus.options.map((v) => ({ value: v, label: t(`enum.orderStatus.${v}`) }))}
            />
            <DatePicker.RangePicker
              value={[from ? dayjs(from) : null, to ? dayjs(to) : null]}
              onChange={(range) =>
                setUrl({ from: range?.[0]?.format('YYYY-MM-DD') ?? null, to: range?.[1]?.format('YYYY-MM-DD') ?? null })
              }
              allowEmpty={[true, true]}
              placeholder={[t('order.from'), t('order.to')]}
            />
            <Segmented
              value={payment ?? 'all'}
              onChange={(v) => setUrl({ payment: v === 'all' ? null : v })}
              options={[
                { value: 'all', label: t('order.paymentAll') },
                { value: 'unpaid', label: t('order.paymentUnpaid') },
                { value: 'overdue', label: t('order.paymentOverdue') },
              ]}
            />
          </Flex>
          <OrdersTable list={list} sort={sort} onSort={(s) => setUrl({ sort: s })} withAccount />
        </Flex>
      </Card>
    </>
  );
}
