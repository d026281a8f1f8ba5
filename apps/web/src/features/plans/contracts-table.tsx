import { Table, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { QueryValue } from '../../app/api/client';
import { EmptyState } from '../../ui/empty-state';
import { formatDate, formatMoney } from '../../ui/format';
import { ListFooter } from '../../ui/list-footer';
import { QueryError } from '../../ui/query-error';
import { useContractList } from './api';
import { ContractStateTag } from './tags';
import type { ContractData } from './types';

/** Contracts, soonest end first, with their state against the renewal alert window. */
export function ContractsTable({
  params,
  showAccount = true,
}: {
  params: Record<string, QueryValue>;
  showAccount?: boolean;
}) {
  const { t } = useTranslation();
  const list = useContractList({ limit: 100, ...params });
  if (list.isError && !list.data) return <QueryError error={list.error} onRetry={() => list.refetch()} />;
  return (
    <>
      <Table<ContractData>
        rowKey="id"
        pagination={false}
        loading={list.isPending}
        dataSource={list.items}
        scroll={{ x: 1360 }}
        locale={{ emptyText: <EmptyState description={t('contract.none')} /> }}
        columns={[
          {
            title: t('contract.code'),
            dataIndex: 'code',
            width: 150,
            render: (v: string) => <span className="kamap-num">{v}</span>,
          },
          { title: t('contract.title'), dataIndex: 'title', width: 170 },
          ...(showAccount
            ? [
                {
                  title: t('contract.account'),
                  width: 230,
                  render: (_: unknown, c: ContractData) => (
                    <Link to={`/accounts/${c.accountId}?tab=contracts`}>{c.accountName}</Link>
                  ),
                },
              ]
            : []),
          { title: t('contract.kindLabel'), width: 160, render: (_, c) => t(`contract.kind.${c.kind}`) },
          {
            title: t('contract.value'),
            width: 140,
            align: 'right',
            render: (_, c) => <span className="kamap-num">{formatMoney(c.value)}</span>,
          },
          {
            title: t('contract.period'),
            width: 200,
            render: (_, c) => (
              <span className="kamap-num">
                {formatDate(c.startDate)} ~ {formatDate(c.endDate)}
              </span>
            ),
          },
          {
            title: t('contract.stateLabel'),
            width: 150,
            render: (_, c) => (
              <>
                <ContractStateTag value={c.state} />
                {(c.state === 'expiring' || c.state === 'active') && (
                  <Typography.Text type={c.state === 'expiring' ? 'warning' : 'secondary'} style={{ fontSize: 12 }}>
                    {t('contract.daysLeft', { count: c.daysToEnd })}
                  </Typography.Text>
                )}
              </>
            ),
          },
          {
            title: t('contract.planItems'),
            width: 160,
            render: (_, c) => c.planItems.map((i) => i.title).join('、') || '—',
          },
          {
            title: t('contract.renewalTerms'),
            dataIndex: 'renewalTerms',
            ellipsis: true,
            render: (v: string | null) => v ?? '—',
          },
        ]}
      />
      <ListFooter list={list} />
    </>
  );
}
