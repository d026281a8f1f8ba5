import { Card, Progress, Table, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { Account, CompetitorPresenceData } from '../../app/api/types';
import { EmptyState } from '../../ui/empty-state';
import { formatDate } from '../../ui/format';
import { Money } from '../../ui/money';
import { QueryError } from '../../ui/query-error';
import { useCompetitors } from './api';

/** Who else sells to this account, per product category, and what share we hold. */
export function CompetitorsTab({ account }: { account: Account }) {
  const { t } = useTranslation();
  const competitors = useCompetitors(account.id);
  if (competitors.isError) return <QueryError error={competitors.error} onRetry={() => competitors.refetch()} />;
  return (
    <Card variant="borderless" size="small">
      <Table<CompetitorPresenceData>
        rowKey="id"
        size="middle"
        loading={competitors.isPending}
        dataSource={competitors.data ?? []}
        pagination={false}
        locale={{ emptyText: <EmptyState description={t('competitor.empty')} /> }}
        columns={[
          {
            title: t('competitor.name'),
            key: 'competitor',
            render: (_, p) => <Typography.Text strong>{p.competitor.name}</Typography.Text>,
          },
          { title: t('competitor.category'), dataIndex: 'categoryName', key: 'category' },
          {
            title: t('competitor.estAnnualVolume'),
            dataIndex: 'estAnnualVolume',
            key: 'volume',
            align: 'right',
            render: (v: number | null) => <Money value={v} />,
          },
          {
            title: t('competitor.ourShare'),
            dataIndex: 'ourShare',
            key: 'share',
            width: 200,
            render: (v: number | null) =>
              v === null ? '—' : <Progress percent={Math.round(v * 1000) / 10} size="small" strokeColor="#1d4ed8" />,
          },
          {
            title: t('competitor.notes'),
            dataIndex: 'notes',
            key: 'notes',
            ellipsis: true,
            render: (v: string | null) => v ?? '—',
          },
          { title: t('common.updatedAt'), dataIndex: 'updatedAt', key: 'updatedAt', width: 120, render: formatDate },
        ]}
      />
    </Card>
  );
}
