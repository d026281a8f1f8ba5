import { Button, Card, Flex, Table, Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { useCurrentUser } from '../../app/auth/current-user';
import { formatDate } from '../../ui/format';
import { ListFooter } from '../../ui/list-footer';
import { PageHeader } from '../../ui/page-header';
import { QueryError } from '../../ui/query-error';
import { AgentView } from './agent-view';
import { useAgent, useAgentList, useOwnAgent } from './api';
import type { AgentData } from './types';

/** The agent's own view: its agency, registrations, accounts, orders and the notices about its claims. */
export function AgentPortalPage() {
  const { t } = useTranslation();
  const me = useCurrentUser();
  const own = useOwnAgent(me.role === 'agent');
  const agent = own.data?.items[0];
  return (
    <Flex vertical gap={16}>
      <PageHeader
        title={agent ? agent.name : t('nav.page.agentPortal')}
        subtitle={t('channels.portalSubtitle')}
        extra={
          <Link to="/channels/register">
            <Button type="primary">{t('channels.newRegistration')}</Button>
          </Link>
        }
      />
      {own.error && <QueryError error={own.error} onRetry={() => own.refetch()} />}
      {agent && <AgentView agentId={agent.id} own />}
    </Flex>
  );
}

export function AgentsPage() {
  const { t } = useTranslation();
  const list = useAgentList({ limit: 50, sort: 'code' });
  return (
    <Flex vertical gap={16}>
      <PageHeader title={t('nav.page.agents')} subtitle={t('channels.agentsSubtitle')} />
      {list.error && <QueryError error={list.error} onRetry={() => list.refetch()} />}
      <Card size="small">
        <Table<AgentData>
          rowKey="id"
          size="small"
          loading={list.isLoading}
          dataSource={list.items}
          pagination={false}
          columns={[
            { title: t('channels.field.code'), dataIndex: 'code', width: 100 },
            {
              title: t('channels.field.name'),
              dataIndex: 'name',
              render: (name, a) => <Link to={`/channels/agents/${a.id}`}>{name}</Link>,
            },
            {
              title: t('channels.field.tier'),
              dataIndex: 'agentTier',
              width: 80,
              render: (v: AgentData['agentTier']) => t(`channels.agentTier.${v}`),
            },
            { title: t('channels.field.regions'), dataIndex: 'regions', render: (v: string[]) => v.join('、') },
            {
              title: t('channels.field.productLines'),
              dataIndex: 'productLines',
              render: (v: string[]) => v.map((l) => <Tag key={l}>{l}</Tag>),
            },
            { title: t('channels.field.contractEnd'), dataIndex: 'contractEnd', width: 110, render: formatDate },
            { title: t('channels.field.accounts'), dataIndex: 'accounts', width: 90, align: 'right' },
          ]}
        />
        <ListFooter list={list} />
      </Card>
    </Flex>
  );
}

export function AgentDetailPage() {
  const { t } = useTranslation();
  const { id } = useParams();
  const agent = useAgent(id);
  return (
    <Flex vertical gap={16}>
      <PageHeader
        title={agent.data?.name ?? t('nav.page.agents')}
        breadcrumb={[{ title: t('nav.page.agents'), to: '/channels/agents' }, { title: agent.data?.code ?? '' }]}
      />
      {id && <AgentView agentId={id} own={false} />}
    </Flex>
  );
}
