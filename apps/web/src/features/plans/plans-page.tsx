import { Flex, Progress, Segmented, Select, Table, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import { oneOf, useUrlParams } from '../../app/use-url-params';
import { EmptyState } from '../../ui/empty-state';
import { formatDate } from '../../ui/format';
import { ListFooter } from '../../ui/list-footer';
import { PageHeader } from '../../ui/page-header';
import { QueryError } from '../../ui/query-error';
import { usePlanActions, usePlanList } from './api';
import { ActionStatusTag, PlanStatusTag } from './tags';
import type { PlanActionRowData, PlanSummaryData } from './types';

const views = ['overdue', 'plans'] as const;
const urlKeys = ['view', 'status', 'accountId'] as const;

/** The late plan actions in scope, or one account's (from the map's attention list). */
function OverdueActions({ accountId, onAll }: { accountId: string | null; onAll: () => void }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const list = usePlanActions({ overdue: true, accountId, limit: 100 });
  if (list.isError && !list.data) return <QueryError error={list.error} onRetry={() => list.refetch()} />;
  return (
    <>
      {accountId && (
        <Flex>
          <Tag closable onClose={onAll} color="blue">
            {list.items[0] ? t('task.oneAccount', { name: list.items[0].accountName }) : t('task.thisAccount')}
          </Tag>
        </Flex>
      )}
      <Table<PlanActionRowData>
        rowKey="id"
        pagination={false}
        loading={list.isPending}
        dataSource={list.items}
        className="kamap-clickable-rows"
        onRow={(a) => ({ onClick: () => navigate(`/plans/${a.planId}`) })}
        locale={{ emptyText: <EmptyState description={t('plan.noOverdue')} /> }}
        columns={[
          { title: t('plan.action.title'), dataIndex: 'title' },
          { title: t('plan.strategy.label'), width: 100, render: (_, a) => t(`plan.strategy.${a.strategy}`) },
          {
            title: t('plan.account'),
            render: (_, a) => (
              <Link to={`/accounts/${a.accountId}?tab=plan`} onClick={(e) => e.stopPropagation()}>
                {a.accountName}
              </Link>
            ),
          },
          { title: t('plan.action.owner'), width: 100, render: (_, a) => a.owner.displayName },
          {
            title: t('plan.action.due'),
            width: 110,
            render: (_, a) => <span className="kamap-num">{formatDate(a.dueDate)}</span>,
          },
          {
            title: t('plan.daysOverdue'),
            width: 100,
            render: (_, a) => (
              <Typography.Text type="danger">{t('common.daysValue', { count: a.daysOverdue ?? 0 })}</Typography.Text>
            ),
          },
          { title: t('plan.action.status'), width: 110, render: (_, a) => <ActionStatusTag value={a.status} /> },
        ]}
      />
      <ListFooter list={list} />
    </>
  );
}

function Plans({ status }: { status?: string }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const list = usePlanList({ status, limit: 100 });
  if (list.isError && !list.data) return <QueryError error={list.error} onRetry={() => list.refetch()} />;
  return (
    <>
      <Table<PlanSummaryData>
        rowKey="id"
        pagination={false}
        loading={list.isPending}
        dataSource={list.items}
        className="kamap-clickable-rows"
        onRow={(p) => ({ onClick: () => navigate(`/plans/${p.id}`) })}
        locale={{ emptyText: <EmptyState description={t('plan.none')} /> }}
        columns={[
          { title: t('plan.account'), dataIndex: 'accountName' },
          { title: t('plan.year'), dataIndex: 'year', width: 80 },
          { title: t('plan.tier'), width: 90, render: (_, p) => <Tag>{t(`enum.tier.${p.tier}`)}</Tag> },
          { title: t('plan.statusLabel'), width: 100, render: (_, p) => <PlanStatusTag value={p.status} /> },
          { title: t('plan.revisionLabel'), width: 80, render: (_, p) => `v${p.revision}` },
          {
            title: t('plan.completion'),
            width: 180,
            render: (_, p) =>
              p.completion.rate === null ? (
                '—'
              ) : (
                <Progress percent={Math.round(p.completion.rate * 100)} size="small" />
              ),
          },
          {
            title: t('plan.overdueCount'),
            width: 90,
            render: (_, p) =>
              p.overdue ? <Tag color="error">{p.overdue}</Tag> : <Typography.Text type="secondary">0</Typography.Text>,
          },
        ]}
      />
      <ListFooter list={list} />
    </>
  );
}

/** Account plans in scope, and the plan actions that are late (what a KAM opens first). */
export function PlansPage() {
  const { t } = useTranslation();
  const [url, setUrl] = useUrlParams(urlKeys);
  const view = oneOf(views, url.view) ?? 'overdue';
  return (
    <>
      <PageHeader title={t('nav.page.plans')} subtitle={t('plan.pageHint')} />
      <Flex vertical gap={12}>
        <Flex gap={12} wrap>
          <Segmented
            value={view}
            onChange={(v) => setUrl({ view: v === 'overdue' ? null : v, accountId: null })}
            options={views.map((v) => ({ value: v, label: t(`plan.view.${v}`) }))}
          />
          {view === 'plans' && (
            <Select
              allowClear
              placeholder={t('plan.statusLabel')}
              value={url.status ?? undefined}
              onChange={(v) => setUrl({ status: v ?? null })}
              style={{ width: 140 }}
              options={(['draft', 'submitted', 'approved', 'closed'] as const).map((s) => ({
                value: s,
                label: t(`plan.status.${s}`),
              }))}
            />
          )}
        </Flex>
        {view === 'overdue' ? (
          <OverdueActions accountId={url.accountId ?? null} onAll={() => setUrl({ accountId: null })} />
        ) : (
          <Plans status={url.status ?? undefined} />
        )}
      </Flex>
    </>
  );
}
