import { Card, Col, Descriptions, Flex, Row, Table, Tag, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useTranslation } from 'react-i18next';
import type { AnalysisRunData } from '../../../app/api/types';
import { useCurrentUser } from '../../../app/auth/current-user';
import { useUrlParams } from '../../../app/use-url-params';
import { EmptyState } from '../../../ui/empty-state';
import { formatCount, formatDate, formatDateTime } from '../../../ui/format';
import { QueryError } from '../../../ui/query-error';
import { managesAnalytics } from '../access';
import { useRuns } from '../api';
import { RunNowButton } from '../run-now-button';
import { RunChanges } from './run-changes';
import { TierMigrationCard } from './tier-migration';

const urlKeys = ['run', 'kind', 'from', 'to'] as const;

const statusColor: Record<AnalysisRunData['status'], string> = {
  running: 'processing',
  done: 'success',
  failed: 'error',
};

// fitted parameters span orders of magnitude (γ is in fen): four significant digits each
const fixed = (value: number) => Number(value.toPrecision(4)).toLocaleString('en-US', { maximumFractionDigits: 4 });

/** The fitted BG/NBD and Gamma-Gamma parameters of a run, the evidence behind its CLV figures. */
function RunFits({ run }: { run: AnalysisRunData }) {
  const { t } = useTranslation();
  const fits = run.summary?.fits;
  if (run.error) return <Typography.Text type="danger">{run.error}</Typography.Text>;
  return (
    <Descriptions
      size="small"
      column={2}
      items={[
        {
          key: 'bgNbd',
          label: t('runs.bgNbd'),
          children: fits?.bgNbd ? (
            <span className="kamap-num">
              r = {fixed(fits.bgNbd.r)}, α = {fixed(fits.bgNbd.alpha)}, a = {fixed(fits.bgNbd.a)}, b ={' '}
              {fixed(fits.bgNbd.b)} · LL = {fixed(fits.bgNbd.logLikelihood)}
            </span>
          ) : (
            <Typography.Text type="secondary">{t('runs.notFitted')}</Typography.Text>
          ),
        },
        {
          key: 'gammaGamma',
          label: t('runs.gammaGamma'),
          children: fits?.gammaGamma ? (
            <span className="kamap-num">
              p = {fixed(fits.gammaGamma.p)}, q = {fixed(fits.gammaGamma.q)}, γ = {fixed(fits.gammaGamma.gamma)} · LL ={' '}
              {fixed(fits.gammaGamma.logLikelihood)}
            </span>
          ) : (
            <Typography.Text type="secondary">{t('runs.notFitted')}</Typography.Text>
          ),
        },
      ]}
    />
  );
}

/** Run history; the chosen run's changes against the run before it, and a tier migration between any two runs. */
export function RunsTab() {
  const { t } = useTranslation();
  const user = useCurrentUser();
  const [url, setUrl] = useUrlParams(urlKeys);
  const runs = useRuns();
  const done = (runs.data ?? []).filter((r) => r.status === 'done');
  const selected = runs.data?.find((r) => r.id === url.run) ?? done[0];

  const count = (value: number | undefined) => (
    <span className="kamap-num">{value === undefined ? '—' : formatCount(value)}</span>
  );
  const columns: ColumnsType<AnalysisRunData> = [
    { title: t('runs.asOf'), dataIndex: 'asOf', key: 'asOf', width: 110, render: formatDate },
    {
      title: t('runs.configVersion'),
      dataIndex: 'configVersion',
      key: 'configVersion',
      width: 80,
      render: (v: number) => <span className="kamap-num">v{v}</span>,
    },
    {
      title: t('runs.trigger'),
      dataIndex: 'trigger',
      key: 'trigger',
      width: 112,
      render: (v: AnalysisRunData['trigger']) => t(`enum.runTrigger.${v}`),
    },
    {
      title: t('runs.status'),
      dataIndex: 'status',
      key: 'status',
      width: 92,
      render: (v: AnalysisRunData['status']) => <Tag color={statusColor[v]}>{t(`enum.runStatus.${v}`)}</Tag>,
    },
    {
      title: t('runs.startedAt'),
      key: 'startedAt',
      width: 190,
      render: (_, r) => (
        <Flex vertical>
          <span className="kamap-num">{formatDateTime(r.startedAt)}</span>
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {r.startedBy?.displayName ?? t('model.system')}
          </Typography.Text>
        </Flex>
      ),
    },
    {
      title: t('runs.duration'),
      key: 'duration',
      width: 80,
      align: 'right',
      render: (_, r) =>
        r.summary ? <span className="kamap-num">{(r.summary.durationMs / 1000).toFixed(1)} s</span> : '—',
    },
    { title: t('runs.accounts'), key: 'accounts', align: 'right', render: (_, r) => count(r.summary?.accounts) },
    { title: t('runs.tierMoves'), key: 'tierMoves', align: 'right', render: (_, r) => count(r.summary?.tierMoves) },
    { title: t('runs.abcMoves'), key: 'abcMoves', align: 'right', render: (_, r) => count(r.summary?.abcMoves) },
    {
      title: t('runs.newChurnRisks'),
      key: 'newChurnRisks',
      align: 'right',
      render: (_, r) => count(r.summary?.newChurnRisks),
    },
  ];

  if (runs.isError) return <QueryError error={runs.error} onRetry={() => runs.refetch()} />;

  return (
    <Flex vertical gap={16}>
      <Card
        size="small"
        variant="borderless"
        title={t('runs.historyTitle')}
        extra={
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {t('runs.historyHint')}
          </Typography.Text>
        }
      >
        <Table<AnalysisRunData>
          rowKey="id"
          size="small"
          className="kamap-clickable-rows"
          loading={runs.isPending}
          dataSource={runs.data ?? []}
          columns={columns}
          pagination={(runs.data?.length ?? 0) > 10 ? { pageSize: 10, size: 'small' } : false}
          scroll={{ x: 980 }}
          rowSelection={{
            type: 'radio',
            selectedRowKeys: selected ? [selected.id] : [],
            onChange: (keys) => setUrl({ run: String(keys[0] ?? '') }),
            getCheckboxProps: (r) => ({ disabled: r.status !== 'done' }),
          }}
          onRow={(r) => ({ onClick: () => r.status === 'done' && setUrl({ run: r.id }) })}
          expandable={{ expandedRowRender: (r) => <RunFits run={r} /> }}
          locale={{
            emptyText: (
              <EmptyState
                description={t('identification.noRun')}
                action={managesAnalytics(user) ? <RunNowButton /> : null}
              />
            ),
          }}
        />
      </Card>
      {selected && (
        <Row gutter={[16, 16]}>
          <Col xs={24} xl={14}>
            <RunChanges run={selected} kind={url.kind} onKind={(kind) => setUrl({ kind })} />
          </Col>
          <Col xs={24} xl={10}>
            <TierMigrationCard
              runs={done}
              from={url.from ?? selected.previousRunId ?? done[1]?.id}
              to={url.to ?? selected.id}
              onChange={(patch) => setUrl(patch)}
            />
          </Col>
        </Row>
      )}
    </Flex>
  );
}
