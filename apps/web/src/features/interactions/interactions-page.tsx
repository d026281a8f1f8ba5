import { CloseOutlined, PlusOutlined } from '@ant-design/icons';
import { InteractionKind } from '@kamap/contracts';
import { Button, Card, Flex, Select, Space, Table, Tag, Typography } from 'antd';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { InteractionData } from '../../app/api/types';
import { oneOf, useUrlParams } from '../../app/use-url-params';
import { EmptyState } from '../../ui/empty-state';
import { InteractionKindTag } from '../../ui/enum-tags';
import { formatCount, formatDateTime } from '../../ui/format';
import { ListFooter } from '../../ui/list-footer';
import { PageHeader } from '../../ui/page-header';
import { QueryError } from '../../ui/query-error';
import { SearchInput } from '../../ui/search-input';
import { AccountPicker } from '../accounts/account-picker';
import { ExportButton, exportFilters } from '../exports/export-button';
import { UserPicker } from '../org/pickers';
import { useInteractionList } from './api';
import { InteractionFormModal } from './interaction-form-modal';

const urlKeys = ['q', 'kind', 'accountId', 'userId', 'contactId', 'sort'] as const;

export function InteractionsPage() {
  const { t } = useTranslation();
  const [url, setUrl] = useUrlParams(urlKeys);
  const [recording, setRecording] = useState(false);
  const sort = url.sort === 'occurredAt' ? 'occurredAt' : '-occurredAt';
  const params = useMemo(
    () => ({
      q: url.q,
      kind: oneOf(InteractionKind.options, url.kind),
      accountId: url.accountId,
      userId: url.userId,
      contactId: url.contactId,
      sort,
      limit: 50,
    }),
    [url, sort],
  );
  const list = useInteractionList(params);

  return (
    <>
      <PageHeader
        title={t('nav.page.interactions')}
        subtitle={
          list.data ? t('interaction.totalCount', { count: list.total, formatted: formatCount(list.total) }) : null
        }
        extra={
          <Space>
            <ExportButton kind="interactions" filters={exportFilters(params)} />
            <Button type="primary" icon={<PlusOutlined />} onClick={() => setRecording(true)}>
              {t('interaction.create')}
            </Button>
          </Space>
        }
      />
      <Card variant="borderless" styles={{ body: { padding: 16 } }}>
        <Flex vertical gap={16}>
          <Flex gap={8} wrap align="center">
            <SearchInput
              value={url.q}
              onCommit={(q) => setUrl({ q })}
              placeholder={t('interaction.searchPlaceholder')}
            />
            <Select
              value={url.kind}
              onChange={(kind) => setUrl({ kind })}
              allowClear
              placeholder={t('interaction.kind')}
              style={{ width: 120 }}
              options={InteractionKind.options.map((v) => ({ value: v, label: t(`enum.interactionKind.${v}`) }))}
            />
            <AccountPicker
              value={url.accountId}
              onChange={(accountId) => setUrl({ accountId })}
              placeholder={t('interaction.account')}
              style={{ width: 220 }}
            />
            <UserPicker
              value={url.userId}
              onChange={(userId) => setUrl({ userId })}
              placeholder={t('interaction.user')}
              style={{ width: 140 }}
            />
            {url.contactId && (
              <Tag closable closeIcon={<CloseOutlined />} onClose={() => setUrl({ contactId: null })}>
                {t('interaction.filteredByContact')}
              </Tag>
            )}
          </Flex>
          {list.isError && !list.data ? (
            <QueryError error={list.error} onRetry={() => list.refetch()} />
          ) : (
            <Table<InteractionData>
              rowKey="id"
              size="middle"
              dataSource={list.items}
              loading={list.isPending || (list.isFetching && !list.isFetchingNextPage)}
              pagination={false}
              scroll={{ x: 1050 }}
              locale={{ emptyText: <EmptyState description={t('interaction.empty')} /> }}
              onChange={(_p, _f, sorter) => {
                const s = Array.isArray(sorter) ? sorter[0] : sorter;
                setUrl({ sort: s?.order === 'ascend' ? 'occurredAt' : null });
              }}
              expandable={{
                rowExpandable: (i) => Boolean(i.notes || i.checkInPlace || i.colleagues.length > 0),
                expandedRowRender: (i) => (
                  <Flex vertical gap={6} style={{ paddingInlineStart: 8 }}>
                    {i.notes && (
                      <Typography.Paragraph style={{ whiteSpace: 'pre-wrap', margin: 0 }}>
                        {i.notes}
                      </Typography.Paragraph>
                    )}
                    {i.colleagues.length > 0 && (
                      <Typography.Text type="secondary">
                        {t('interaction.colleagues')}
                        {t('common.colon')}
                        {i.colleagues.map((c) => c.displayName).join('、')}
                      </Typography.Text>
                    )}
                    {i.checkInPlace && (
                      <Typography.Text type="secondary">
                        {t('interaction.checkInPlace')}
                        {t('common.colon')}
                        {i.checkInPlace}
                        {i.checkInAt ? ` · ${formatDateTime(i.checkInAt)}` : ''}
                      </Typography.Text>
                    )}
                  </Flex>
                ),
              }}
              columns={[
                {
                  title: t('interaction.occurredAt'),
                  dataIndex: 'occurredAt',
                  key: 'occurredAt',
                  width: 140,
                  sorter: true,
                  sortOrder: sort === 'occurredAt' ? 'ascend' : 'descend',
                  showSorterTooltip: false,
                  render: (v: string) => <span className="kamap-num">{formatDateTime(v)}</span>,
                },
                {
                  title: t('interaction.kind'),
                  dataIndex: 'kind',
                  key: 'kind',
                  width: 90,
                  render: (v: InteractionData['kind']) => <InteractionKindTag value={v} />,
                },
                {
                  title: t('interaction.subject'),
                  dataIndex: 'subject',
                  key: 'subject',
                  render: (v: string) => <Typography.Text strong>{v}</Typography.Text>,
                },
                {
                  title: t('interaction.account'),
                  key: 'account',
                  width: 180,
                  ellipsis: true,
                  render: (_, i) => <Link to={`/accounts/${i.accountId}?tab=timeline`}>{i.accountName}</Link>,
                },
                {
                  title: t('interaction.contacts'),
                  key: 'contacts',
                  width: 140,
                  render: (_, i) =>
                    i.contacts.length === 0 ? (
                      '—'
                    ) : (
                      <Space size={[6, 0]} wrap>
                        {i.contacts.map((c) => (
                          <Link key={c.id} to={`/contacts/${c.id}`}>
                            {c.name}
                          </Link>
                        ))}
                      </Space>
                    ),
                },
                { title: t('interaction.user'), key: 'user', width: 80, render: (_, i) => i.user.displayName },
                {
                  title: t('interaction.nextStep'),
                  dataIndex: 'nextStep',
                  key: 'nextStep',
                  width: 180,
                  ellipsis: true,
                  render: (v: string | null) => v ?? '—',
                },
              ]}
            />
          )}
          <ListFooter list={list} />
        </Flex>
      </Card>
      {recording && <InteractionFormModal onClose={() => setRecording(false)} />}
    </>
  );
}
