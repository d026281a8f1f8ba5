import { NeedCategory, PriorityBand, Tier } from '@kamap/contracts';
import { Card, Col, Flex, Row, Segmented, Select, Skeleton, Table, Tag, Typography } from 'antd';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type {
  NeedCategoryValue,
  NeedStatsData,
  OverdueNeedTaskData,
  PriorityBandValue,
  TierValue,
} from '../../app/api/types';
import { oneOf, useUrlParams } from '../../app/use-url-params';
import { EmptyState } from '../../ui/empty-state';
import { formatDate } from '../../ui/format';
import { ListFooter } from '../../ui/list-footer';
import { PageHeader } from '../../ui/page-header';
import { QueryError } from '../../ui/query-error';
import { AccountPicker } from '../accounts/account-picker';
import { ExportButton } from '../exports/export-button';
import { useNeedList, useNeedStats, useOverdueNeedTasks } from './api';
import { NeedDrawer } from './need-drawer';
import { BandTag } from './need-tags';
import styles from './needs.module.css';
import { NeedsBoard } from './needs-board';

const views = ['board', 'matrix', 'overdue', 'portfolio'] as const;
const urlKeys = ['view', 'accountId', 'tier', 'category', 'need', 'band'] as const;

/** Open needs by importance (rows, 5 at the top) × urgency (columns): the top-right corner comes first. */
function Matrix({ stats }: { stats: NeedStatsData }) {
  const { t } = useTranslation();
  const count = new Map(stats.matrix.map((c) => [`${c.importance}:${c.urgency}`, c.count]));
  const max = Math.max(1, ...stats.matrix.map((c) => c.count));
  return (
    <Flex vertical gap={6}>
      <div className={styles.matrix}>
        {[5, 4, 3, 2, 1].map((imp) => [
          <div key={`l${imp}`} className={styles.axis}>
            {t('need.importance')} {imp}
          </div>,
          ...[1, 2, 3, 4, 5].map((urg) => {
            const n = count.get(`${imp}:${urg}`) ?? 0;
            const hot = imp >= 4 && urg >= 4;
            return (
              <div
                key={`${imp}:${urg}`}
                className={styles.cell}
                title={t('need.matrixCell', { importance: imp, urgency: urg, count: n })}
                style={{
                  background: n ? `rgba(${hot ? '207,19,34' : '29,78,216'}, ${0.12 + (0.75 * n) / max})` : '#f5f7fa',
                  color: n / max > 0.5 ? '#fff' : '#0f172a',
                }}
              >
                {n || ''}
              </div>
            );
          }),
        ])}
        <div />
        {[1, 2, 3, 4, 5].map((u) => (
          <div key={`u${u}`} className={styles.axis}>
            {t('need.urgency')} {u}
          </div>
        ))}
      </div>
      <Typography.Text type="secondary">{t('need.matrixHint')}</Typography.Text>
    </Flex>
  );
}

/** The open needs of one priority band (P1 unless the URL names another), highest priority first. */
function BandNeeds({
  params,
  band,
  onOpen,
}: {
  params: Record<string, string | undefined>;
  band: PriorityBandValue;
  onOpen: (id: string) => void;
}) {
  const { t } = useTranslation();
  const list = useNeedList({ ...params, open: 'true', band, sort: '-priority', limit: 10 });
  return (
    <Flex vertical gap={12}>
      <Table
        rowKey="id"
        size="small"
        pagination={false}
        loading={list.isPending}
        dataSource={list.items}
        className="kamap-clickable-rows"
        onRow={(n) => ({ onClick: () => onOpen(n.id) })}
        locale={{ emptyText: <EmptyState description={t('need.noneInBand', { band })} /> }}
        columns={[
          { title: t('need.priority'), width: 90, render: (_, n) => <BandTag band={n.band} priority={n.priority} /> },
          { title: t('need.title'), dataIndex: 'title', ellipsis: true },
          { title: t('need.account'), dataIndex: 'accountName', ellipsis: true },
        ]}
      />
      <ListFooter list={list} />
    </Flex>
  );
}

function Overdue({ params, onOpen }: { params: Record<string, string | undefined>; onOpen: (id: string) => void }) {
  const { t } = useTranslation();
  const list = useOverdueNeedTasks({ accountId: params.accountId, limit: 50 });
  if (list.isError && !list.data) return <QueryError error={list.error} onRetry={() => list.refetch()} />;
  return (
    <>
      <Table<OverdueNeedTaskData>
        rowKey="id"
        size="middle"
        pagination={false}
        loading={list.isPending}
        dataSource={list.items}
        className="kamap-clickable-rows"
        onRow={(r) => ({ onClick: () => onOpen(r.needId) })}
        locale={{ emptyText: <EmptyState description={t('need.noOverdue')} /> }}
        columns={[
          { title: t('need.measure'), dataIndex: 'measure' },
          { title: t('need.title'), dataIndex: 'needTitle', ellipsis: true },
          {
            title: t('need.account'),
            render: (_, r) => (
              <Link to={`/accounts/${r.accountId}?tab=needs`} onClick={(e) => e.stopPropagation()}>
                {r.accountName}
              </Link>
            ),
          },
          { title: t('need.owner'), width: 110, render: (_, r) => r.owner.displayName },
          {
            title: t('need.dueDate'),
            width: 120,
            render: (_, r) => <span className="kamap-num">{formatDate(r.dueDate)}</span>,
          },
          {
            title: t('need.daysOverdue'),
            width: 110,
            align: 'right',
            render: (_, r) => <Tag color="red">{t('common.daysValue', { count: r.daysOverdue })}</Tag>,
          },
        ]}
      />
      <ListFooter list={list} />
    </>
  );
}

/** Needs by category × tier of the latest analysis run: what strategic accounts keep asking for. */
function Portfolio({ stats }: { stats: NeedStatsData }) {
  const { t } = useTranslation();
  const tiers: (TierValue | 'none')[] = ['strategic', 'core', 'general', 'none'];
  const rows = NeedCategory.options
    .map((category) => {
      const cells = Object.fromEntries(
        tiers.map((tier) => [
          tier,
          stats.byCategoryTier.find((r) => r.category === category && (r.tier ?? 'none') === tier),
        ]),
      );
      const total = Object.values(cells).reduce((s, c) => s + (c?.count ?? 0), 0);
      return { category, cells, total };
    })
    .filter((r) => r.total > 0)
    .sort((a, b) => (b.cells.strategic?.count ?? 0) - (a.cells.strategic?.count ?? 0) || b.total - a.total);
  const max = Math.max(1, ...stats.byCategoryTier.map((r) => r.count));
  return (
    <Flex vertical gap={8}>
      <Typography.Text type="secondary">
        {stats.asOfRun ? t('need.portfolioHint', { date: formatDate(stats.asOfRun.asOf) }) : t('need.portfolioNoRun')}
      </Typography.Text>
      <Table
        rowKey="category"
        size="middle"
        pagination={false}
        dataSource={rows}
        locale={{ emptyText: <EmptyState description={t('need.empty')} /> }}
        columns={[
          { title: t('need.category'), render: (_, r) => t(`enum.needCategory.${r.category as NeedCategoryValue}`) },
          ...tiers.map((tier) => ({
            title: tier === 'none' ? t('need.noTier') : t(`enum.tier.${tier}`),
            align: 'center' as const,
            render: (_: unknown, r: (typeof rows)[number]) => {
              const c = r.cells[tier];
              if (!c) return <Typography.Text type="secondary">—</Typography.Text>;
              return (
                <div
                  style={{
                    background: `rgba(29,78,216,${0.08 + (0.5 * c.count) / max})`,
                    borderRadius: 4,
                    padding: '4px 8px',
                  }}
                  title={t('need.portfolioCell', { count: c.count, open: c.open, accounts: c.accounts })}
                >
                  <strong className="kamap-num">{c.count}</strong>
                  <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                    {' '}
                    · {t('need.openCount', { count: c.open })} · {t('need.accountCount', { count: c.accounts })}
                  </Typography.Text>
                </div>
              );
            },
          })),
          {
            title: t('need.total'),
            align: 'right' as const,
            render: (_, r) => <span className="kamap-num">{r.total}</span>,
          },
        ]}
      />
    </Flex>
  );
}

export function NeedsPage() {
  const { t } = useTranslation();
  const [url, setUrl] = useUrlParams(urlKeys);
  const view = oneOf(views, url.view) ?? 'board';
  const band = oneOf(PriorityBand.options, url.band) ?? 'P1';
  const [opened, setOpened] = useState<string | null>(url.need ?? null);
  const params = useMemo(
    () => ({
      accountId: url.accountId,
      tier: oneOf(Tier.options, url.tier),
      category: oneOf(NeedCategory.options, url.category),
    }),
    [url.accountId, url.tier, url.category],
  );
  const stats = useNeedStats(params);
  const open = (id: string) => setOpened(id);

  return (
    <>
      <PageHeader
        title={t('nav.page.needs')}
        subtitle={t('need.pageHint')}
        extra={<ExportButton kind="needs" filters={{ accountId: params.accountId, category: params.category }} />}
      />
      <Flex gap={8} wrap align="center" style={{ marginBottom: 16 }}>
        <Segmented
          value={view}
          onChange={(v) => setUrl({ view: v === 'board' ? null : v })}
          options={views.map((v) => ({ value: v, label: t(`need.view.${v}`) }))}
        />
        <AccountPicker
          value={url.accountId}
          onChange={(accountId) => setUrl({ accountId })}
          placeholder={t('need.account')}
          style={{ width: 240 }}
        />
        <Select
          value={url.tier}
          onChange={(tier) => setUrl({ tier })}
          allowClear
          placeholder={t('need.tier')}
          style={{ width: 130 }}
          options={Tier.options.map((v) => ({ value: v, label: t(`enum.tier.${v}`) }))}
        />
        <Select
          value={url.category}
          onChange={(category) => setUrl({ category })}
          allowClear
          placeholder={t('need.category')}
          style={{ width: 140 }}
          options={NeedCategory.options.map((v) => ({ value: v, label: t(`enum.needCategory.${v}`) }))}
        />
      </Flex>
      {view === 'board' && <NeedsBoard params={params} onOpen={open} />}
      {view === 'matrix' && (
        <Row gutter={16}>
          <Col xs={24} xl={12}>
            <Card variant="borderless" title={t('need.matrixTitle')}>
              {stats.isPending ? (
                <Skeleton active />
              ) : stats.isError ? (
                <QueryError error={stats.error} onRetry={() => stats.refetch()} />
              ) : (
                <Matrix stats={stats.data} />
              )}
            </Card>
          </Col>
          <Col xs={24} xl={12}>
            <Card variant="borderless" title={t('need.openInBand', { band })}>
              <BandNeeds params={params} band={band} onOpen={open} />
            </Card>
          </Col>
        </Row>
      )}
      {view === 'overdue' && (
        <Card variant="borderless">
          <Overdue params={params} onOpen={open} />
        </Card>
      )}
      {view === 'portfolio' && (
        <Card variant="borderless" title={t('need.portfolioTitle')}>
          {stats.isPending ? (
            <Skeleton active />
          ) : stats.isError ? (
            <QueryError error={stats.error} onRetry={() => stats.refetch()} />
          ) : (
            <Portfolio stats={stats.data} />
          )}
        </Card>
      )}
      {opened && <NeedDrawer id={opened} onClose={() => setOpened(null)} />}
    </>
  );
}
