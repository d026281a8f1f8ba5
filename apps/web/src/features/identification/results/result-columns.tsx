import { Flex, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import type { TFunction } from 'i18next';
import { Link } from 'react-router';
import type { AccountResultData } from '../../../app/api/types';
import { Money } from '../../../ui/money';
import { AbcTag, ChurnRisk, QuadrantTag, SegmentTag, TierTag } from '../tags';
import { formatScore } from '../value-view';

type Sort = 'score' | 'revenue' | 'churn' | 'clv';

/** The result list's columns; the sortable ones sort descending only (the best or the riskiest first). */
export function resultColumns(t: TFunction, sort: Sort, threshold: number): ColumnsType<AccountResultData> {
  const sortable = (key: Sort) => ({
    sorter: true,
    sortOrder: sort === key ? ('descend' as const) : null,
    sortDirections: ['descend' as const],
    showSorterTooltip: false,
  });
  return [
    {
      title: t('results.account'),
      key: 'name',
      fixed: 'left',
      width: 232,
      render: (_, row) => (
        <Flex vertical style={{ minWidth: 0 }}>
          <Link
            to={`/accounts/${row.accountId}?tab=value`}
            onClick={(e) => e.stopPropagation()}
            style={{ color: 'inherit', minWidth: 0 }}
          >
            <Typography.Text strong ellipsis={{ tooltip: row.name }} style={{ maxWidth: 216 }}>
              {row.name}
            </Typography.Text>
          </Link>
          <Typography.Text type="secondary" className="kamap-num" style={{ fontSize: 12 }}>
            {row.code}
          </Typography.Text>
        </Flex>
      ),
    },
    {
      title: t('results.owner'),
      dataIndex: 'ownerName',
      key: 'owner',
      width: 80,
      ellipsis: true,
      render: (v: string | null) => v ?? <Typography.Text type="secondary">—</Typography.Text>,
    },
    {
      title: t('results.score'),
      dataIndex: 'score',
      key: 'score',
      width: 76,
      align: 'right',
      ...sortable('score'),
      render: (v: number) => (
        <Typography.Text strong className="kamap-num">
          {formatScore(v)}
        </Typography.Text>
      ),
    },
    {
      title: t('results.tier'),
      key: 'tier',
      width: 100,
      render: (_, row) => <TierTag tier={row.tier} computed={row.computedTier} />,
    },
    { title: t('results.abc'), key: 'abc', width: 60, render: (_, row) => <AbcTag abc={row.abc} /> },
    {
      title: t('results.revenue'),
      dataIndex: 'revenue',
      key: 'revenue',
      width: 140,
      align: 'right',
      ...sortable('revenue'),
      render: (v: number) => <Money value={v} />,
    },
    {
      title: t('results.churn'),
      dataIndex: 'churnRisk',
      key: 'churn',
      width: 104,
      ...sortable('churn'),
      render: (v: number) => <ChurnRisk score={v} threshold={threshold} />,
    },
    {
      title: t('results.clv'),
      dataIndex: 'clv',
      key: 'clv',
      width: 140,
      align: 'right',
      ...sortable('clv'),
      render: (v: number | null) => <Money value={v} />,
    },
    {
      title: t('results.segment'),
      key: 'segment',
      width: 104,
      render: (_, row) => <SegmentTag segment={row.rfmSegment} />,
    },
    {
      title: t('results.quadrant'),
      key: 'quadrant',
      width: 104,
      render: (_, row) => <QuadrantTag quadrant={row.quadrant} />,
    },
  ];
}
