import { ApartmentOutlined } from '@ant-design/icons';
import { Flex, Tooltip, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import type { TFunction } from 'i18next';
import { Link } from 'react-router';
import type { AccountSummary } from '../../app/api/types';
import { LifecycleTag } from '../../ui/enum-tags';
import { formatDate } from '../../ui/format';
import { sortOrderOf } from '../../ui/table-sort';
import { industryLabel } from './labels';

export type AccountSortField = 'name' | 'code' | 'updatedAt';

export function accountColumns(t: TFunction, sort: string | null): ColumnsType<AccountSummary> {
  const sortable = (field: AccountSortField) =>
    sort === null ? {} : { sorter: true, sortOrder: sortOrderOf(sort, field), showSorterTooltip: false };
  return [
    {
      title: t('account.name'),
      dataIndex: 'name',
      key: 'name',
      ...sortable('name'),
      render: (_: string, row) => (
        // inline, so the group-tree expand button sits on the same line as the name
        <Flex vertical style={{ display: 'inline-flex', verticalAlign: 'middle', minWidth: 0, maxWidth: '100%' }}>
          <Flex align="center" gap={6}>
            {/* a real link as well as the row click: keyboard, middle-click and "open in new tab" work */}
            <Link
              to={`/accounts/${row.id}`}
              onClick={(e) => e.stopPropagation()}
              style={{ color: 'inherit', minWidth: 0 }}
            >
              <Typography.Text strong ellipsis={{ tooltip: row.name }} style={{ maxWidth: 320 }}>
                {row.name}
              </Typography.Text>
            </Link>
            {row.childCount > 0 && (
              <Tooltip title={t('account.groupChildren', { count: row.childCount })}>
                <ApartmentOutlined style={{ color: '#1d4ed8' }} />
              </Tooltip>
            )}
          </Flex>
          {row.shortName && (
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>
              {row.shortName}
            </Typography.Text>
          )}
        </Flex>
      ),
    },
    { title: t('account.code'), dataIndex: 'code', key: 'code', width: 100, ...sortable('code') },
    {
      title: t('account.industry'),
      dataIndex: 'industry',
      key: 'industry',
      width: 170,
      ellipsis: true,
      render: (value: string | null) => industryLabel(t, value),
    },
    {
      title: t('account.region'),
      key: 'region',
      width: 110,
      render: (_, row) => [row.province, row.city].filter(Boolean).join(' · ') || '—',
    },
    {
      title: t('account.lifecycle'),
      dataIndex: 'lifecycle',
      key: 'lifecycle',
      width: 90,
      render: (value: AccountSummary['lifecycle']) => <LifecycleTag value={value} />,
    },
    {
      title: t('account.owner'),
      key: 'owner',
      width: 100,
      render: (_, row) => row.owner?.displayName ?? <Typography.Text type="secondary">—</Typography.Text>,
    },
    { title: t('account.orgUnit'), dataIndex: 'orgUnitName', key: 'orgUnit', width: 120, ellipsis: true },
    {
      title: t('account.updatedAt'),
      dataIndex: 'updatedAt',
      key: 'updatedAt',
      width: 110,
      ...sortable('updatedAt'),
      render: formatDate,
    },
  ];
}
