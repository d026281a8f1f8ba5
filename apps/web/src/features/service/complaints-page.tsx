import { PlusOutlined } from '@ant-design/icons';
import { ComplaintSeverity, ComplaintStatus } from '@kamap/contracts';
import { Button, Card, Flex, Segmented, Select, Table, Typography } from 'antd';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { ComplaintData } from '../../app/api/types';
import { oneOf, useUrlParams } from '../../app/use-url-params';
import { EmptyState } from '../../ui/empty-state';
import { formatCount, formatDateTime } from '../../ui/format';
import { ListFooter } from '../../ui/list-footer';
import { PageHeader } from '../../ui/page-header';
import { QueryError } from '../../ui/query-error';
import { SearchInput } from '../../ui/search-input';
import { AccountPicker } from '../accounts/account-picker';
import { ExportButton } from '../exports/export-button';
import { useComplaintList } from './api';
import { ComplaintFormModal } from './complaint-form-modal';
import { ComplaintStatusTag, SeverityTag, SlaTag } from './tags';

const urlKeys = ['q', 'status', 'severity', 'accountId', 'view', 'sort'] as const;
const views = ['open', 'breached', 'mine', 'all'] as const;

export function ComplaintsPage() {
  const { t } = useTranslation();
  const [url, setUrl] = useUrlParams(urlKeys);
  const [creating, setCreating] = useState(false);
  const view = oneOf(views, url.view) ?? 'open';
  const params = useMemo(
    () => ({
      q: url.q,
      status: oneOf(ComplaintStatus.options, url.status),
      severity: oneOf(ComplaintSeverity.options, url.severity),
      accountId: url.accountId,
      open: view === 'open' || view === 'breached' ? true : undefined,
      breached: view === 'breached' ? true : undefined,
      mine: view === 'mine' ? true : undefined,
      sort: view === 'open' || view === 'breached' ? 'resolutionDueAt' : '-receivedAt',
      limit: 50,
    }),
    [url, view],
  );
  const list = useComplaintList(params);

  return (
    <>
      <PageHeader
        title={t('nav.page.complaints')}
        subtitle={
          list.data ? t('complaint.totalCount', { count: list.total, formatted: formatCount(list.total) }) : null
        }
        extra={
          <>
            <ExportButton
              kind="complaints"
              filters={{ q: params.q, status: params.status, severity: params.severity, accountId: params.accountId }}
            />
            <Button type="primary" icon={<PlusOutlined />} onClick={() => setCreating(true)}>
              {t('complaint.create')}
            </Button>
          </>
        }
      />
      <Card variant="borderless" styles={{ body: { padding: 16 } }}>
        <Flex vertical gap={16}>
          <Flex gap={8} wrap align="center">
            <Segmented
              value={view}
              onChange={(v) => setUrl({ view: v === 'open' ? null : v })}
              options={views.map((v) => ({ value: v, label: t(`complaint.view.${v}`) }))}
            />
            <SearchInput value={url.q} onCommit={(q) => setUrl({ q })} placeholder={t('complaint.searchPlaceholder')} />
            <Select
              value={url.severity}
              onChange={(severity) => setUrl({ severity })}
              allowClear
              placeholder={t('complaint.severity')}
              style={{ width: 110 }}
              options={ComplaintSeverity.options.map((v) => ({ value: v, label: t(`enum.complaintSeverity.${v}`) }))}
            />
            <Select
              value={url.status}
              onChange={(status) => setUrl({ status })}
              allowClear
              placeholder={t('complaint.status')}
              style={{ width: 110 }}
              options={ComplaintStatus.options.map((v) => ({ value: v, label: t(`enum.complaintStatus.${v}`) }))}
            />
            <AccountPicker
              value={url.accountId}
              onChange={(accountId) => setUrl({ accountId })}
              placeholder={t('complaint.account')}
              style={{ width: 220 }}
            />
          </Flex>
          {list.isError && !list.data ? (
            <QueryError error={list.error} onRetry={() => list.refetch()} />
          ) : (
            <Table<ComplaintData>
              rowKey="id"
              size="middle"
              dataSource={list.items}
              loading={list.isPending || (list.isFetching && !list.isFetchingNextPage)}
              pagination={false}
              scroll={{ x: 1100 }}
              locale={{ emptyText: <EmptyState description={t('complaint.empty')} /> }}
              columns={[
                {
                  title: t('complaint.receivedAt'),
                  dataIndex: 'receivedAt',
                  width: 140,
                  render: (v: string) => <span className="kamap-num">{formatDateTime(v)}</span>,
                },
                {
                  title: t('complaint.title'),
                  dataIndex: 'title',
                  render: (v: string, c) => (
                    <Flex vertical gap={2}>
                      <Link to={`/complaints/${c.id}`}>{v}</Link>
                      <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                        <Link to={`/accounts/${c.accountId}`} style={{ color: 'inherit' }}>
                          {c.accountName}
                        </Link>
                        {' · '}
                        {t(`enum.tier.${c.tier}`)}
                      </Typography.Text>
                    </Flex>
                  ),
                },
                {
                  title: t('complaint.severity'),
                  dataIndex: 'severity',
                  width: 90,
                  render: (v: ComplaintData['severity']) => <SeverityTag value={v} />,
                },
                {
                  title: t('complaint.status'),
                  dataIndex: 'status',
                  width: 90,
                  render: (v: ComplaintData['status']) => <ComplaintStatusTag value={v} />,
                },
                {
                  title: t('complaint.slaClock'),
                  key: 'sla',
                  width: 130,
                  render: (_: unknown, c) => <SlaTag complaint={c} />,
                },
                {
                  title: t('complaint.firstOwner'),
                  key: 'firstOwner',
                  width: 110,
                  render: (_: unknown, c) => c.firstOwner.displayName,
                },
                {
                  title: t('complaint.assignee'),
                  key: 'assignee',
                  width: 110,
                  render: (_: unknown, c) => c.assignee?.displayName ?? '—',
                },
                {
                  title: t('complaint.escalated'),
                  key: 'escalated',
                  width: 110,
                  render: (_: unknown, c) =>
                    c.escalatedTo ? <Typography.Text type="danger">{c.escalatedTo.displayName}</Typography.Text> : '—',
                },
              ]}
            />
          )}
          <ListFooter list={list} />
        </Flex>
      </Card>
      <ComplaintFormModal open={creating} onClose={() => setCreating(false)} />
    </>
  );
}
