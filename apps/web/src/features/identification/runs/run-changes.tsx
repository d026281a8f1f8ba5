import { ArrowRightOutlined } from '@ant-design/icons';
import { AbcClass, ChangeKind, Tier } from '@kamap/contracts';
import { Card, Flex, Segmented, Table, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { AnalysisRunData, ChangeKindValue, RunChangeData } from '../../../app/api/types';
import { oneOf } from '../../../app/use-url-params';
import { EmptyState } from '../../../ui/empty-state';
import { formatCount, formatDate } from '../../../ui/format';
import { ListFooter } from '../../../ui/list-footer';
import { QueryError } from '../../../ui/query-error';
import { useRunChanges, useRunConfig, useRuns } from '../api';
import { AbcTag, ChurnRisk, TierTag } from '../tags';
import { formatScore } from '../value-view';

/** A change's before or after value: a tier or class tag when it is one, else as it came. */
function ChangeValue({ value }: { value: string | null }) {
  const { t } = useTranslation();
  if (value === null) return <Typography.Text type="secondary">{t('runs.absent')}</Typography.Text>;
  const tier = oneOf(Tier.options, value);
  if (tier) return <TierTag tier={tier} />;
  const abc = oneOf(AbcClass.options, value);
  if (abc) return <AbcTag abc={abc} />;
  return <span className="kamap-num">{value}</span>;
}

/** What the run changed against the run before it: tier moves, ABC moves and new churn risks, each account linked. */
export function RunChanges({
  run,
  kind: kindParam,
  onKind,
}: {
  run: AnalysisRunData;
  kind: string | undefined;
  onKind: (kind: ChangeKindValue) => void;
}) {
  const { t } = useTranslation();
  const kind = oneOf(ChangeKind.options, kindParam) ?? 'tier';
  const list = useRunChanges(run.id, kind);
  const runs = useRuns();
  const previous = runs.data?.find((r) => r.id === run.previousRunId);
  const config = useRunConfig(run.configVersion);
  const threshold = config?.churn.alertThreshold ?? 50;

  const columns: ColumnsType<RunChangeData> = [
    {
      title: t('results.account'),
      key: 'account',
      render: (_, c) => (
        <Flex vertical style={{ minWidth: 0 }}>
          <Link to={`/accounts/${c.accountId}?tab=value`}>
            <Typography.Text strong ellipsis={{ tooltip: c.name }} style={{ maxWidth: 260, color: 'inherit' }}>
              {c.name}
            </Typography.Text>
          </Link>
          <Typography.Text type="secondary" className="kamap-num" style={{ fontSize: 12 }}>
            {c.code}
          </Typography.Text>
        </Flex>
      ),
    },
    {
      title: t(`runs.changeColumn.${kind}`),
      key: 'change',
      width: 190,
      render: (_, c): ReactNode => (
        <Flex align="center" gap={6}>
          <ChangeValue value={c.from} />
          <ArrowRightOutlined style={{ color: '#94a3b8', fontSize: 11 }} />
          <ChangeValue value={c.to} />
        </Flex>
      ),
    },
    {
      title: t('results.score'),
      key: 'score',
      width: 120,
      align: 'right',
      render: (_, c) => (
        <span className="kamap-num">
          {c.scoreBefore === null ? '—' : formatScore(c.scoreBefore)} → <strong>{formatScore(c.scoreAfter)}</strong>
        </span>
      ),
    },
    {
      title: t('results.churn'),
      dataIndex: 'churnRisk',
      key: 'churn',
      width: 100,
      render: (v: number) => <ChurnRisk score={v} threshold={threshold} />,
    },
  ];

  return (
    <Card
      size="small"
      variant="borderless"
      title={t('runs.changesTitle', {
        asOf: formatDate(run.asOf),
        previous: previous ? formatDate(previous.asOf) : '—',
      })}
      extra={
        list.data && run.previousRunId ? (
          <Typography.Text type="secondary">
            {t('runs.changesCount', { count: list.total, formatted: formatCount(list.total) })}
          </Typography.Text>
        ) : null
      }
      style={{ height: '100%' }}
    >
      <Flex vertical gap={12}>
        <Segmented
          value={kind}
          onChange={onKind}
          options={ChangeKind.options.map((k) => ({ value: k, label: t(`enum.changeKind.${k}`) }))}
        />
        {!run.previousRunId ? (
          <EmptyState description={t('runs.firstRun')} />
        ) : list.isError && !list.data ? (
          <QueryError error={list.error} onRetry={() => list.refetch()} />
        ) : (
          <Table<RunChangeData>
            rowKey={(c) => `${c.accountId}-${c.kind}`}
            size="small"
            columns={columns}
            dataSource={list.items}
            loading={list.isPending || (list.isFetching && !list.isFetchingNextPage)}
            pagination={false}
            locale={{ emptyText: <EmptyState description={t(`runs.noChanges.${kind}`)} /> }}
          />
        )}
        <ListFooter list={list} />
      </Flex>
    </Card>
  );
}
