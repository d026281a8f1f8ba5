import { LoadingOutlined, MinusSquareOutlined, PlusSquareOutlined } from '@ant-design/icons';
import { Table } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import type { SorterResult } from 'antd/es/table/interface';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { AccountSummary } from '../../app/api/types';
import { EmptyState } from '../../ui/empty-state';
import { useAccountChildren } from './api';

type TreeRow = AccountSummary & { children?: TreeRow[] };

/**
 * The group-tree view: group roots first; expanding a group reads its direct subsidiaries
 * (`parentId=…`) the first time, so a deep group costs one request per level opened.
 */
export function AccountTree({
  roots,
  loading,
  columns,
  onRow,
  onSort,
}: {
  roots: AccountSummary[];
  loading: boolean;
  columns: ColumnsType<AccountSummary>;
  onRow: (row: AccountSummary) => { onClick: () => void };
  onSort: (sorter: SorterResult<AccountSummary> | SorterResult<AccountSummary>[]) => void;
}) {
  const { t } = useTranslation();
  const [expanded, setExpanded] = useState<string[]>([]);
  const children = useAccountChildren(expanded);

  const data = useMemo(() => {
    const build = (account: AccountSummary, seen: Set<string>): TreeRow => {
      if (account.childCount === 0 || seen.has(account.id)) return account;
      const next = new Set(seen).add(account.id);
      const loaded = children.byParent.get(account.id) ?? [];
      return { ...account, children: loaded.map((c) => build(c, next)) };
    };
    return roots.map((r) => build(r, new Set()));
  }, [roots, children.byParent]);

  return (
    <Table<TreeRow>
      rowKey="id"
      size="middle"
      className="kamap-clickable-rows"
      columns={columns as ColumnsType<TreeRow>}
      dataSource={data}
      loading={loading}
      pagination={false}
      onRow={onRow}
      onChange={(_p, _f, sorter) => onSort(sorter as SorterResult<AccountSummary>)}
      scroll={{ x: 1100 }}
      locale={{ emptyText: <EmptyState description={t('account.empty')} /> }}
      expandable={{
        expandedRowKeys: expanded,
        onExpandedRowsChange: (keys) => setExpanded(keys.map(String)),
        indentSize: 20,
        expandIcon: ({ record, expanded: open, onExpand }) => {
          if (record.childCount === 0) return <span style={{ display: 'inline-block', width: 22 }} />;
          const Icon = children.loading.has(record.id)
            ? LoadingOutlined
            : open
              ? MinusSquareOutlined
              : PlusSquareOutlined;
          return (
            <button
              type="button"
              aria-label={t(open ? 'account.collapseGroup' : 'account.expandGroup')}
              onClick={(e) => {
                e.stopPropagation();
                onExpand(record, e);
              }}
              style={{
                marginInlineEnd: 8,
                padding: 0,
                border: 'none',
                background: 'none',
                cursor: 'pointer',
                color: '#1d4ed8',
              }}
            >
              <Icon />
            </button>
          );
        },
      }}
    />
  );
}
