import { Button, Card, Col, Flex, Row, Select, Skeleton, Table, Typography } from 'antd';
import { type ReactNode, useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import type { PortfolioData } from '../../../app/api/types';
import { useCurrentUser } from '../../../app/auth/current-user';
import { useUrlParams } from '../../../app/use-url-params';
import { EmptyState } from '../../../ui/empty-state';
import { formatCount, formatMoneyShort, formatPercent } from '../../../ui/format';
import { Money } from '../../../ui/money';
import { QueryError } from '../../../ui/query-error';
import { managesAnalytics } from '../access';
import { usePortfolio, useRunConfig, useRuns } from '../api';
import { type ResultFilters, resultsLink } from '../drill';
import {
  type AbcRow,
  abcRows,
  accountShareAt,
  portfolioAccounts,
  pyramidLevels,
  quadrantGrid,
  segmentRows,
} from '../portfolio-view';
import { runLabel } from '../run-label';
import { RunNowButton } from '../run-now-button';
import { AbcTag, quadrantColor, SegmentTag } from '../tags';
import styles from './overview.module.css';
import { ParetoChart } from './pareto-chart';
import { RfmHeatmap } from './rfm-heatmap';
import { TierPyramid } from './tier-pyramid';

const urlKeys = ['runId'] as const;

function Panel({ title, hint, children }: { title: ReactNode; hint?: ReactNode; children: ReactNode }) {
  return (
    <Card
      size="small"
      variant="borderless"
      title={title}
      extra={hint && <Typography.Text type="secondary">{hint}</Typography.Text>}
      style={{ height: '100%' }}
    >
      {children}
    </Card>
  );
}

/** The portfolio of one run (the latest unless chosen): every figure opens the accounts behind it. */
export function OverviewTab() {
  const { t } = useTranslation();
  const user = useCurrentUser();
  const navigate = useNavigate();
  const [url, setUrl] = useUrlParams(urlKeys);
  const runs = useRuns();
  const portfolio = usePortfolio(url.runId);
  const run = portfolio.data?.run ?? null;
  const config = useRunConfig(run?.configVersion);
  const threshold = config?.churn.alertThreshold ?? 50;
  const latestId = runs.data?.find((r) => r.status === 'done')?.id;

  // a drill-down keeps the run the user is looking at, unless it is the latest
  const open = (filters: ResultFilters) =>
    navigate(resultsLink({ ...filters, runId: run && run.id !== latestId ? run.id : undefined }));

  if (portfolio.isError && !portfolio.data) {
    return <QueryError error={portfolio.error} onRetry={() => portfolio.refetch()} />;
  }
  if (portfolio.isPending) return <Skeleton active paragraph={{ rows: 12 }} />;
  if (!run) {
    return (
      <Card variant="borderless">
        <EmptyState
          description={
            <Flex vertical gap={4}>
              <Typography.Text strong>{t('identification.noRun')}</Typography.Text>
              <Typography.Text type="secondary">{t('identification.noRunHint')}</Typography.Text>
            </Flex>
          }
          action={managesAnalytics(user) ? <RunNowButton /> : null}
        />
      </Card>
    );
  }

  return (
    <Flex vertical gap={16}>
      <Flex justify="flex-end" align="center" gap={8}>
        <Typography.Text type="secondary">{t('identification.run')}</Typography.Text>
        <Select
          value={run.id}
          onChange={(runId) => setUrl({ runId: runId === latestId ? null : runId })}
          style={{ width: 240 }}
          loading={runs.isPending}
          options={(runs.data ?? [run])
            .filter((r) => r.status === 'done')
            .map((r) => ({
              value: r.id,
              label: `${runLabel(r, t)}${r.id === latestId ? ` · ${t('identification.latest')}` : ''}`,
            }))}
        />
      </Flex>
      <OverviewFigures portfolio={portfolio.data} threshold={threshold} open={open} />
    </Flex>
  );
}

function OverviewFigures({
  portfolio,
  threshold,
  open,
}: {
  portfolio: PortfolioData;
  threshold: number;
  open: (filters: ResultFilters) => void;
}) {
  const { t, i18n } = useTranslation();
  const levels = useMemo(() => pyramidLevels(portfolio), [portfolio]);
  const abc = useMemo(() => abcRows(portfolio), [portfolio]);
  const segments = useMemo(() => segmentRows(portfolio), [portfolio]);
  const quadrants = useMemo(() => quadrantGrid(portfolio), [portfolio]);
  const total = portfolioAccounts(portfolio);
  const at80 = accountShareAt(portfolio, 0.8);
  const strategic = levels[0];
  const a = abc[0];
  const maxSegment = Math.max(1, ...segments.map((s) => s.accounts));
  const atRisk = { churnMin: threshold, sort: 'churn' };

  const kpis: { key: string; label: string; value: string; note: ReactNode; onClick: () => void; danger?: boolean }[] =
    [
      {
        key: 'accounts',
        label: t('overview.accounts'),
        value: formatCount(total),
        note: t('overview.accountsNote', {
          revenue: formatMoneyShort(
            levels.reduce((s, l) => s + l.revenue, 0),
            i18n.language,
          ),
        }),
        onClick: () => open({}),
      },
      {
        key: 'strategic',
        label: t('enum.tier.strategic'),
        value: formatCount(strategic?.accounts ?? 0),
        note: t('overview.revenueShareNote', { share: formatPercent(strategic?.revenueShare ?? 0) }),
        onClick: () => open({ tier: 'strategic' }),
      },
      {
        key: 'a',
        label: t('overview.aAccounts'),
        value: formatCount(a?.accounts ?? 0),
        note: t('overview.revenueShareNote', { share: formatPercent(a?.revenueShare ?? 0) }),
        onClick: () => open({ abc: 'A' }),
      },
      {
        key: 'atRisk',
        label: t('overview.atRisk'),
        value: formatCount(portfolio.atRisk.accounts),
        note: (
          <Button
            type="link"
            size="small"
            danger={portfolio.atRisk.aAccounts > 0}
            style={{ padding: 0, height: 'auto', fontSize: 12 }}
            onClick={() => open({ ...atRisk, abc: 'A' })}
          >
            {t('overview.atRiskA', { count: portfolio.atRisk.aAccounts })}
          </Button>
        ),
        onClick: () => open(atRisk),
        danger: true,
      },
    ];

  return (
    <>
      <Row gutter={[16, 16]}>
        {kpis.map((k) => (
          <Col key={k.key} xs={12} xl={6}>
            <div className={styles.kpi}>
              <button type="button" className={styles.kpiMain} onClick={k.onClick}>
                <Typography.Text type="secondary">{k.label}</Typography.Text>
                <span className={styles.kpiValue} style={k.danger ? { color: '#cf1322' } : undefined}>
                  {k.value}
                </span>
              </button>
              <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                {k.note}
              </Typography.Text>
            </div>
          </Col>
        ))}
      </Row>

      <Row gutter={[16, 16]}>
        <Col xs={24} xl={10}>
          <Panel title={t('overview.pyramid')} hint={t('overview.clickToDrill')}>
            <TierPyramid levels={levels} onOpen={(level) => open({ tier: level.tier })} />
          </Panel>
        </Col>
        <Col xs={24} xl={14}>
          <Panel
            title={t('overview.pareto')}
            hint={at80 === null ? null : t('overview.paretoHint', { share: formatPercent(at80) })}
          >
            <ParetoChart portfolio={portfolio} onOpen={(abcClass) => open({ abc: abcClass })} />
          </Panel>
        </Col>
      </Row>

      <Row gutter={[16, 16]}>
        <Col xs={24} xl={14}>
          <Panel title={t('overview.abc')} hint={t('overview.clickToDrill')}>
            <Table<AbcRow>
              rowKey="abc"
              size="small"
              pagination={false}
              className="kamap-clickable-rows"
              dataSource={abc}
              onRow={(row) => ({ onClick: () => open({ abc: row.abc }) })}
              columns={[
                { title: t('overview.abcClass'), key: 'abc', width: 64, render: (_, row) => <AbcTag abc={row.abc} /> },
                {
                  title: t('overview.accountsCol'),
                  dataIndex: 'accounts',
                  key: 'accounts',
                  align: 'right',
                  render: (v: number) => <span className="kamap-num">{formatCount(v)}</span>,
                },
                {
                  title: t('overview.accountShare'),
                  dataIndex: 'accountShare',
                  key: 'accountShare',
                  align: 'right',
                  render: (v: number) => <span className="kamap-num">{formatPercent(v)}</span>,
                },
                {
                  title: t('overview.revenue'),
                  dataIndex: 'revenue',
                  key: 'revenue',
                  align: 'right',
                  render: (v: number) => <Money value={v} />,
                },
                {
                  title: t('overview.revenueShare'),
                  dataIndex: 'revenueShare',
                  key: 'revenueShare',
                  align: 'right',
                  render: (v: number) => <span className="kamap-num">{formatPercent(v)}</span>,
                },
                {
                  title: t('overview.margin'),
                  dataIndex: 'margin',
                  key: 'margin',
                  align: 'right',
                  render: (v: number) => <Money value={v} signed />,
                },
                {
                  title: t('overview.marginShare'),
                  dataIndex: 'marginShare',
                  key: 'marginShare',
                  align: 'right',
                  render: (v: number) => <span className="kamap-num">{formatPercent(v)}</span>,
                },
              ]}
            />
            <Typography.Paragraph type="secondary" style={{ margin: '8px 0 0', fontSize: 12 }}>
              {t('overview.abcNote')}
            </Typography.Paragraph>
          </Panel>
        </Col>
        <Col xs={24} xl={10}>
          <Panel title={t('overview.rfm')} hint={t('overview.clickToDrill')}>
            <RfmHeatmap portfolio={portfolio} onOpen={(r, f) => open({ r, f })} />
          </Panel>
        </Col>
      </Row>

      <Row gutter={[16, 16]}>
        <Col xs={24} xl={12}>
          <Panel title={t('overview.segments')} hint={t('overview.clickToDrill')}>
            <Flex vertical gap={2}>
              {segments.map((s) => (
                <button
                  key={s.segment}
                  type="button"
                  className={`${styles.drillRow} ${styles.segmentRow}`}
                  disabled={s.accounts === 0}
                  onClick={() => open({ segment: s.segment })}
                >
                  <span>
                    <SegmentTag segment={s.segment} />
                  </span>
                  <span className={styles.bar}>
                    <span style={{ width: `${(s.accounts / maxSegment) * 100}%` }} />
                  </span>
                  <span className="kamap-num" style={{ textAlign: 'right' }}>
                    {formatCount(s.accounts)}
                  </span>
                  <Typography.Text type="secondary" className="kamap-num" style={{ textAlign: 'right' }}>
                    {formatMoneyShort(s.revenue, i18n.language)}
                  </Typography.Text>
                </button>
              ))}
            </Flex>
          </Panel>
        </Col>
        <Col xs={24} xl={12}>
          <Panel title={t('overview.quadrants')} hint={t('overview.clickToDrill')}>
            <div className={styles.matrix}>
              <span className={styles.axisY}>↑ {t('overview.attractiveness')}</span>
              {quadrants.map((q) => (
                <button
                  key={q.quadrant}
                  type="button"
                  className={styles.quadrant}
                  style={{ borderTopColor: quadrantColor[q.quadrant] }}
                  onClick={() => open({ quadrant: q.quadrant })}
                >
                  <Typography.Text strong style={{ color: quadrantColor[q.quadrant] }}>
                    {t(`enum.quadrant.${q.quadrant}`)}
                  </Typography.Text>
                  <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                    {t(`overview.quadrantHint.${q.quadrant}`)}
                  </Typography.Text>
                  <Flex align="baseline" gap={8}>
                    <span className="kamap-num" style={{ fontSize: 20, fontWeight: 600 }}>
                      {formatCount(q.accounts)}
                    </span>
                    <Typography.Text type="secondary" className="kamap-num">
                      {formatMoneyShort(q.revenue, i18n.language)}
                    </Typography.Text>
                  </Flex>
                </button>
              ))}
              <span className={styles.axisX}>{t('overview.strength')} →</span>
            </div>
          </Panel>
        </Col>
      </Row>
    </>
  );
}
