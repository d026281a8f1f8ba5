import { PlusOutlined } from '@ant-design/icons';
import { Alert, Button, Flex, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import type { Account } from '../../app/api/types';
import { useCurrentUser } from '../../app/auth/current-user';
import { EmptyState } from '../../ui/empty-state';
import { formatDate, formatMoney } from '../../ui/format';
import { ProblemAlert } from '../../ui/problem-alert';
import { QueryError } from '../../ui/query-error';
import { planWriters } from './access';
import { useContractList, useCreatePlan, useOpportunityList, usePlanList } from './api';
import { ContractFormModal } from './contract-form-modal';
import { ContractsTable } from './contracts-table';
import { OpportunityFormModal } from './opportunity-form-modal';
import { PlanStatusTag, StageTag } from './tags';
import type { OpportunityData } from './types';

/** The account's plans by year; the current year's opens directly, or can be started from the tier template. */
export function AccountPlanTab({ account }: { account: Account }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const user = useCurrentUser();
  const plans = usePlanList({ accountId: account.id, limit: 20 });
  const create = useCreatePlan(account.id);
  const year = new Date().getFullYear();
  if (plans.isError && !plans.data) return <QueryError error={plans.error} onRetry={() => plans.refetch()} />;
  const current = plans.items.find((p) => p.year === year);
  return (
    <Flex vertical gap={12}>
      <ProblemAlert error={create.error} />
      {!plans.isPending && !current && (
        <Alert
          type="info"
          showIcon
          message={t('plan.noCurrent', { year })}
          action={
            planWriters.includes(user.role) && (
              <Button
                type="primary"
                icon={<PlusOutlined />}
                loading={create.isPending}
                onClick={() => create.mutate({ year }, { onSuccess: (p) => navigate(`/plans/${p.id}`) })}
              >
                {t('plan.createFromTemplate')}
              </Button>
            )
          }
        />
      )}
      <Table
        rowKey="id"
        size="middle"
        pagination={false}
        loading={plans.isPending}
        dataSource={plans.items}
        className="kamap-clickable-rows"
        onRow={(p) => ({ onClick: () => navigate(`/plans/${p.id}`) })}
        locale={{ emptyText: <EmptyState description={t('plan.none')} /> }}
        columns={[
          { title: t('plan.year'), dataIndex: 'year', width: 80 },
          { title: t('plan.titleLabel'), dataIndex: 'title' },
          { title: t('plan.statusLabel'), width: 100, render: (_, p) => <PlanStatusTag value={p.status} /> },
          { title: t('plan.revisionLabel'), width: 80, render: (_, p) => `v${p.revision}` },
          {
            title: t('plan.completion'),
            width: 140,
            render: (_, p) => `${p.completion.done} / ${p.completion.due}`,
          },
          {
            title: t('plan.overdueCount'),
            width: 90,
            render: (_, p) => (p.overdue ? <Tag color="error">{p.overdue}</Tag> : '0'),
          },
        ]}
      />
    </Flex>
  );
}

export function AccountOpportunitiesTab({ account }: { account: Account }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const user = useCurrentUser();
  const [creating, setCreating] = useState(false);
  const list = useOpportunityList({ accountId: account.id, sort: '-updatedAt', limit: 100 });
  if (list.isError && !list.data) return <QueryError error={list.error} onRetry={() => list.refetch()} />;
  return (
    <Flex vertical gap={12}>
      <Flex justify="space-between" align="center">
        <Typography.Text type="secondary">{t('opportunity.tabHint')}</Typography.Text>
        {planWriters.includes(user.role) && (
          <Button icon={<PlusOutlined />} onClick={() => setCreating(true)}>
            {t('opportunity.create')}
          </Button>
        )}
      </Flex>
      <Table<OpportunityData>
        rowKey="id"
        pagination={false}
        loading={list.isPending}
        dataSource={list.items}
        className="kamap-clickable-rows"
        onRow={(o) => ({ onClick: () => navigate(`/opportunities/${o.id}`) })}
        locale={{ emptyText: <EmptyState description={t('opportunity.none')} /> }}
        columns={[
          {
            title: t('opportunity.title'),
            render: (_, o) => (
              <>
                <Link to={`/opportunities/${o.id}`}>{o.title}</Link>
                {o.source.kind === 'recommendation' && (
                  <Tag color="green" style={{ marginLeft: 6 }}>
                    {t('opportunity.fromRecommendation')}
                  </Tag>
                )}
              </>
            ),
          },
          { title: t('opportunity.kindLabel'), width: 100, render: (_, o) => t(`opportunity.kind.${o.kind}`) },
          {
            title: t('opportunity.stageLabel'),
            width: 160,
            render: (_, o) =>
              o.status === 'open' ? (
                <StageTag value={o.stage} />
              ) : (
                <Tag color={o.status === 'won' ? 'success' : 'error'}>{t(`opportunity.status.${o.status}`)}</Tag>
              ),
          },
          {
            title: t('opportunity.amount'),
            width: 140,
            align: 'right',
            render: (_, o) => <span className="kamap-num">{formatMoney(o.amount)}</span>,
          },
          { title: t('opportunity.probability'), width: 70, render: (_, o) => `${o.probability}%` },
          {
            title: t('opportunity.expectedClose'),
            width: 110,
            render: (_, o) => formatDate(o.closedOn ?? o.expectedClose),
          },
          { title: t('opportunity.reasonShort'), ellipsis: true, render: (_, o) => o.closeReason ?? '' },
        ]}
      />
      {creating && <OpportunityFormModal accountId={account.id} onClose={() => setCreating(false)} />}
    </Flex>
  );
}

export function AccountContractsTab({ account }: { account: Account }) {
  const { t } = useTranslation();
  const user = useCurrentUser();
  const [creating, setCreating] = useState(false);
  const renewable = useContractList({ accountId: account.id, state: 'expiring', limit: 50 });
  return (
    <Flex vertical gap={12}>
      <Flex justify="space-between" align="center">
        <Typography.Text type="secondary">{t('contract.tabHint')}</Typography.Text>
        {planWriters.includes(user.role) && (
          <Button icon={<PlusOutlined />} onClick={() => setCreating(true)}>
            {t('contract.create')}
          </Button>
        )}
      </Flex>
      <ContractsTable params={{ accountId: account.id }} showAccount={false} />
      {creating && (
        <ContractFormModal accountId={account.id} renewable={renewable.items} onClose={() => setCreating(false)} />
      )}
    </Flex>
  );
}
