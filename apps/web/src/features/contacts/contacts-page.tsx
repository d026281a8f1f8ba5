import { ReloadOutlined } from '@ant-design/icons';
import { Attitude, ContactSort, DecisionRole } from '@kamap/contracts';
import { Button, Card, Flex, Select, Table } from 'antd';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import type { ContactSummary } from '../../app/api/types';
import { oneOf, useUrlParams } from '../../app/use-url-params';
import { EmptyState } from '../../ui/empty-state';
import { formatCount } from '../../ui/format';
import { ListFooter } from '../../ui/list-footer';
import { PageHeader } from '../../ui/page-header';
import { QueryError } from '../../ui/query-error';
import { SearchInput } from '../../ui/search-input';
import { sortOrderOf, sortParam } from '../../ui/table-sort';
import { AccountPicker } from '../accounts/account-picker';
import { ExportButton } from '../exports/export-button';
import { useContactList } from './api';
import { contactColumns } from './contact-columns';

const filterKeys = ['q', 'accountId', 'decisionRole', 'attitude'] as const;
const urlKeys = [...filterKeys, 'sort'] as const;
const sortable = new Set(['name', 'influence']);

export function ContactsPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const [url, setUrl] = useUrlParams(urlKeys);
  const sort = oneOf(ContactSort.options, url.sort) ?? 'name';
  const params = useMemo(
    () => ({
      q: url.q,
      accountId: url.accountId,
      decisionRole: oneOf(DecisionRole.options, url.decisionRole),
      attitude: oneOf(Attitude.options, url.attitude),
      sort,
      limit: 50,
    }),
    [url, sort],
  );
  const list = useContactList(params);
  const columns = useMemo(
    () =>
      contactColumns(t, { withAccount: true }).map((column) => {
        const key = String(column.key);
        if (!sortable.has(key)) return column;
        return { ...column, sorter: true, sortOrder: sortOrderOf(sort, key), showSorterTooltip: false };
      }),
    [t, sort],
  );
  const active = filterKeys.some((k) => url[k]);

  return (
    <>
      <PageHeader
        title={t('nav.page.contacts')}
        subtitle={list.data ? t('contact.totalCount', { count: list.total, formatted: formatCount(list.total) }) : null}
        extra={
          <ExportButton
            kind="contacts"
            filters={{
              q: params.q,
              accountId: params.accountId,
              decisionRole: params.decisionRole,
              attitude: params.attitude,
            }}
          />
        }
      />
      <Card variant="borderless" styles={{ body: { padding: 16 } }}>
        <Flex vertical gap={16}>
          <Flex gap={8} wrap align="center">
            <SearchInput value={url.q} onCommit={(q) => setUrl({ q })} placeholder={t('contact.searchPlaceholder')} />
            <AccountPicker
              value={url.accountId}
              onChange={(accountId) => setUrl({ accountId })}
              placeholder={t('contact.account')}
              style={{ width: 220 }}
            />
            <Select
              value={url.decisionRole}
              onChange={(decisionRole) => setUrl({ decisionRole })}
              allowClear
              placeholder={t('contact.decisionRole')}
              style={{ width: 140 }}
              options={DecisionRole.options.map((v) => ({ value: v, label: t(`enum.decisionRole.${v}`) }))}
            />
            <Select
              value={url.attitude}
              onChange={(attitude) => setUrl({ attitude })}
              allowClear
              placeholder={t('contact.attitude')}
              style={{ width: 120 }}
              options={Attitude.options.map((v) => ({ value: v, label: t(`enum.attitude.${v}`) }))}
            />
            {active && (
              <Button
                type="link"
                icon={<ReloadOutlined />}
                onClick={() => setUrl(Object.fromEntries(filterKeys.map((k) => [k, null])))}
              >
                {t('action.resetFilters')}
              </Button>
            )}
          </Flex>
          {list.isError && !list.data ? (
            <QueryError error={list.error} onRetry={() => list.refetch()} />
          ) : (
            <Table<ContactSummary>
              rowKey="id"
              size="middle"
              className="kamap-clickable-rows"
              columns={columns}
              dataSource={list.items}
              loading={list.isPending || (list.isFetching && !list.isFetchingNextPage)}
              pagination={false}
              scroll={{ x: 1040 }}
              onRow={(c) => ({ onClick: () => navigate(`/contacts/${c.id}`) })}
              onChange={(_p, _f, sorter) => setUrl({ sort: sortParam(sorter) })}
              locale={{ emptyText: <EmptyState description={t('contact.empty')} /> }}
            />
          )}
          <ListFooter list={list} />
        </Flex>
      </Card>
    </>
  );
}
