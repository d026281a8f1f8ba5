import { PlusOutlined } from '@ant-design/icons';
import { AccountSort, Industry, Lifecycle } from '@kamap/contracts';
import { Button, Card, Flex, Segmented, Table } from 'antd';
import type { SorterResult } from 'antd/es/table/interface';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import type { AccountSummary } from '../../app/api/types';
import { useCurrentUser } from '../../app/auth/current-user';
import { oneOf, useUrlParams } from '../../app/use-url-params';
import { EmptyState } from '../../ui/empty-state';
import { formatCount } from '../../ui/format';
import { ListFooter } from '../../ui/list-footer';
import { PageHeader } from '../../ui/page-header';
import { QueryError } from '../../ui/query-error';
import { sortParam } from '../../ui/table-sort';
import { ExportButton } from '../exports/export-button';
import { accountColumns } from './account-columns';
import { AccountCreateDrawer } from './account-create-drawer';
import { AccountFilters, accountFilterKeys } from './account-filters';
import { AccountTree } from './account-tree';
import { useAccountList } from './api';

const urlKeys = [...accountFilterKeys, 'sort', 'view'] as const;

export function AccountsPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const user = useCurrentUser();
  const [url, setUrl] = useUrlParams(urlKeys);
  const [creating, setCreating] = useState(false);
  const view = url.view === 'tree' ? 'tree' : 'list';
  const sort = oneOf(AccountSort.options, url.sort) ?? 'name';

  const params = useMemo(
    () => ({
      q: url.q,
      lifecycle: oneOf(Lifecycle.options, url.lifecycle),
      industry: oneOf(Industry.options, url.industry),
      province: url.province,
      ownerId: url.ownerId,
      orgUnitId: url.orgUnitId,
      tag: url.tag,
      sort,
      roots: view === 'tree' ? true : undefined,
      limit: 50,
    }),
    [url, sort, view],
  );
  const list = useAccountList(params);
  const columns = useMemo(() => accountColumns(t, sort), [t, sort]);
  const onRow = (row: AccountSummary) => ({ onClick: () => navigate(`/accounts/${row.id}`) });

  const onSort = (sorter: SorterResult<AccountSummary> | SorterResult<AccountSummary>[]) =>
    setUrl({ sort: sortParam(sorter) });

  return (
    <>
      <PageHeader
        title={t('nav.page.accounts')}
        subtitle={list.data ? t('account.totalCount', { count: list.total, formatted: formatCount(list.total) }) : null}
        extra={
          <>
            <Segmented
              value={view}
              onChange={(v) => setUrl({ view: v === 'tree' ? 'tree' : null })}
              options={[
                { value: 'list', label: t('account.viewList') },
                { value: 'tree', label: t('account.viewTree') },
              ]}
            />
            <ExportButton
              kind="accounts"
              filters={{
                q: params.q,
                lifecycle: params.lifecycle,
                industry: params.industry,
                province: params.province,
                ownerId: params.ownerId,
                orgUnitId: params.orgUnitId,
                tag: params.tag,
              }}
            />
            {user.permissions.writeAccounts && (
              <Button type="primary" icon={<PlusOutlined />} onClick={() => setCreating(true)}>
                {t('account.create')}
              </Button>
            )}
          </>
        }
      />
      <Card variant="borderless" styles={{ body: { padding: 16 } }}>
        <Flex vertical gap={16}>
          <AccountFilters filters={url} onChange={setUrl} />
          {list.isError && !list.data ? (
            <QueryError error={list.error} onRetry={() => list.refetch()} />
          ) : view === 'tree' ? (
            <AccountTree roots={list.items} loading={list.isPending} columns={columns} onRow={onRow} onSort={onSort} />
          ) : (
            <Table<AccountSummary>
              rowKey="id"
              size="middle"
              className="kamap-clickable-rows"
              columns={columns}
              dataSource={list.items}
              loading={list.isPending || (list.isFetching && !list.isFetchingNextPage)}
              pagination={false}
              onRow={onRow}
              onChange={(_p, _f, sorter) => onSort(sorter)}
              scroll={{ x: 1100 }}
              locale={{ emptyText: <EmptyState description={t('account.empty')} /> }}
            />
          )}
          <ListFooter list={list} />
        </Flex>
      </Card>
      {creating && <AccountCreateDrawer onClose={() => setCreating(false)} />}
    </>
  );
}
