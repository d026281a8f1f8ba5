import {
  Badge,
  Button,
  Card,
  Col,
  Descriptions,
  Flex,
  List,
  Row,
  Space,
  Statistic,
  Table,
  Tabs,
  Tag,
  Typography,
} from 'antd';
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { formatDate, formatDateTime, formatPercent } from '../../ui/format';
import { ListFooter } from '../../ui/list-footer';
import { Money } from '../../ui/money';
import { QueryError } from '../../ui/query-error';
import { TierTag } from '../identification/tags';
import {
  useAgent,
  useAgentAccounts,
  useAgentOrders,
  useChannelRules,
  useMarkNoticesRead,
  useNotices,
  useRegistrationAction,
  useRegistrationList,
} from './api';
import { ConflictList, RegistrationStatusTag, VerdictExplained } from './evidence';
import type { AgentDetailData, ChannelNoticeData, RegistrationData } from './types';

const contractColor = { active: 'green', expiring: 'orange', expired: 'red', none: 'default' } as const;

function Profile({ agent }: { agent: AgentDetailData }) {
  const { t } = useTranslation();
  const p = agent.performance;
  return (
    <Row gutter={[16, 16]}>
      <Col xs={24} lg={12}>
        <Card size="small" title={t('channels.profile')}>
          <Descriptions size="small" column={1} colon={false}>
            <Descriptions.Item label={t('channels.field.code')}>{agent.code}</Descriptions.Item>
            <Descriptions.Item label={t('channels.field.tier')}>
              <Tag color={agent.agentTier === 'gold' ? 'gold' : agent.agentTier === 'silver' ? 'default' : 'orange'}>
                {t(`channels.agentTier.${agent.agentTier}`)}
              </Tag>
            </Descriptions.Item>
            <Descriptions.Item label={t('channels.field.contract')}>
              <Space wrap>
                {agent.contractNo ?? '—'}
                <span>
                  {formatDate(agent.contractStart)} ~ {formatDate(agent.contractEnd)}
                </span>
                <Tag color={contractColor[agent.contractStatus]}>
                  {t(`channels.contractStatus.${agent.contractStatus}`)}
                </Tag>
              </Space>
            </Descriptions.Item>
            <Descriptions.Item label={t('channels.field.regions')}>{agent.regions.join('、') || '—'}</Descriptions.Item>
            <Descriptions.Item label={t('channels.field.productLines')}>
              <Space wrap size={4}>
                {agent.productLines.map((l) => (
                  <Tag key={l}>{l}</Tag>
                ))}
              </Space>
            </Descriptions.Item>
            <Descriptions.Item label={t('channels.field.contact')}>
              {[agent.contactName, agent.contactPhone, agent.email].filter(Boolean).join(' · ') || '—'}
            </Descriptions.Item>
            <Descriptions.Item label={t('channels.field.users')}>
              {agent.users.map((u) => `${u.displayName}（${u.username}）`).join('、') || '—'}
            </Descriptions.Item>
          </Descriptions>
        </Card>
      </Col>
      <Col xs={24} lg={12}>
        <Card size="small" title={t('channels.performance')}>
          <Row gutter={[16, 16]}>
            <Col span={12}>
              <Statistic title={t('channels.revenue12m')} value={p.revenue12m / 100} precision={0} prefix="¥" />
            </Col>
            <Col span={12}>
              <Statistic
                title={t('channels.growth')}
                value={p.growth === null ? '—' : formatPercent(p.growth)}
                valueStyle={{ color: p.growth === null ? undefined : p.growth >= 0 ? '#16a34a' : '#dc2626' }}
              />
            </Col>
            <Col span={8}>
              <Statistic title={t('channels.orders12m')} value={p.orders12m} />
            </Col>
            <Col span={8}>
              <Statistic title={t('channels.won')} value={p.registrations.won} valueStyle={{ color: '#16a34a' }} />
            </Col>
            <Col span={8}>
              <Statistic title={t('channels.lost')} value={p.registrations.lost} valueStyle={{ color: '#dc2626' }} />
            </Col>
          </Row>
          <Typography.Paragraph type="secondary" style={{ marginTop: 12, marginBottom: 0 }}>
            {t('channels.registrationCounts', p.registrations)}
          </Typography.Paragraph>
        </Card>
        <Card size="small" title={t('channels.territories')} style={{ marginTop: 16 }}>
          <Space wrap size={[4, 8]}>
            {agent.territories.map((tr) => (
              <Tag key={tr.id} color={tr.exclusive ? 'purple' : undefined}>
                {tr.province} × {tr.productLine}
                {tr.exclusive ? ` · ${t('channels.exclusive')}` : ''}
              </Tag>
            ))}
          </Space>
        </Card>
      </Col>
    </Row>
  );
}

function Registrations({ agentId, own }: { agentId: string; own: boolean }) {
  const { t } = useTranslation();
  const list = useRegistrationList({ agentId, limit: 20 });
  const act = useRegistrationAction();
  const rules = useChannelRules();
  // renewal opens a set number of days before expiry; the button shows only then
  const renewable = (r: RegistrationData) =>
    r.status === 'approved' &&
    r.expiresOn !== null &&
    rules.data !== undefined &&
    r.renewals < rules.data.maxRenewals &&
    (Date.parse(r.expiresOn) - Date.now()) / 86_400_000 <= rules.data.renewWithinDays;
  return (
    <Flex vertical gap={12}>
      {list.error && <QueryError error={list.error} onRetry={() => list.refetch()} />}
      <Table<RegistrationData>
        rowKey="id"
        size="small"
        loading={list.isLoading}
        dataSource={list.items}
        pagination={false}
        expandable={{
          expandedRowRender: (r) => (
            <Flex vertical gap={8}>
              <VerdictExplained verdict={r} />
              {r.decisionReason && r.decision && !r.decision.startsWith('auto') && (
                <Typography.Text>
                  {t('channels.decisionBy', {
                    name: r.decidedBy?.displayName ?? '',
                    decision: t(`channels.decision.${r.decision}`),
                  })}
                  {r.decisionReason}
                </Typography.Text>
              )}
              <ConflictList conflicts={r.conflicts} />
            </Flex>
          ),
        }}
        columns={[
          { title: t('channels.field.companyName'), dataIndex: 'companyName' },
          { title: t('channels.field.productLine'), dataIndex: 'productLine', width: 90 },
          {
            title: t('channels.field.status'),
            dataIndex: 'status',
            width: 90,
            render: (s) => <RegistrationStatusTag status={s} />,
          },
          {
            title: t('channels.field.rule'),
            dataIndex: 'rule',
            render: (rule: RegistrationData['rule']) => t(`channels.rule.${rule}`),
          },
          { title: t('channels.field.submittedAt'), dataIndex: 'createdAt', width: 110, render: formatDate },
          { title: t('channels.field.expiresOn'), dataIndex: 'expiresOn', width: 110, render: formatDate },
          ...(own
            ? [
                {
                  title: '',
                  key: 'act',
                  width: 150,
                  render: (_: unknown, r: RegistrationData) =>
                    r.status === 'approved' || r.status === 'queued' ? (
                      <Space size={4}>
                        {renewable(r) && (
                          <Button
                            size="small"
                            onClick={() => act.mutate({ id: r.id, version: r.version, action: 'renew' })}
                          >
                            {t('channels.renew')}
                          </Button>
                        )}
                        <Button
                          size="small"
                          danger
                          onClick={() => act.mutate({ id: r.id, version: r.version, action: 'withdraw' })}
                        >
                          {t('channels.withdraw')}
                        </Button>
                      </Space>
                    ) : null,
                },
              ]
            : []),
        ]}
      />
      {act.error && <QueryError error={act.error} />}
      <ListFooter list={list} />
    </Flex>
  );
}

function Accounts({ agentId }: { agentId: string }) {
  const { t } = useTranslation();
  const list = useAgentAccounts(agentId);
  return (
    <Flex vertical gap={12}>
      <Table
        rowKey="accountId"
        size="small"
        loading={list.isLoading}
        dataSource={list.items}
        pagination={false}
        columns={[
          {
            title: t('channels.field.account'),
            dataIndex: 'name',
            render: (name, a) => <Link to={`/accounts/${a.accountId}`}>{name}</Link>,
          },
          {
            title: t('channels.field.tier'),
            dataIndex: 'tier',
            width: 100,
            render: (tier) => <TierTag tier={tier} short />,
          },
          {
            title: t('channels.field.region'),
            key: 'region',
            render: (_, a) => [a.province, a.city].filter(Boolean).join(' '),
          },
          { title: t('channels.field.since'), dataIndex: 'since', width: 110, render: formatDate },
          {
            title: t('channels.revenue12m'),
            dataIndex: 'revenue12m',
            align: 'right',
            render: (v) => <Money value={v} />,
          },
        ]}
      />
      <ListFooter list={list} />
    </Flex>
  );
}

function Orders({ agentId }: { agentId: string }) {
  const { t } = useTranslation();
  const list = useAgentOrders(agentId);
  return (
    <Flex vertical gap={12}>
      <Table
        rowKey="id"
        size="small"
        loading={list.isLoading}
        dataSource={list.items}
        pagination={false}
        columns={[
          { title: t('channels.field.orderNo'), dataIndex: 'orderNo' },
          { title: t('channels.field.orderDate'), dataIndex: 'orderDate', width: 110, render: formatDate },
          { title: t('channels.field.account'), dataIndex: 'accountName' },
          {
            title: t('channels.field.amount'),
            dataIndex: 'amount',
            align: 'right',
            render: (v) => <Money value={v} />,
          },
          {
            title: t('channels.field.discount'),
            dataIndex: 'discount',
            align: 'right',
            render: (v) => <Money value={v} />,
          },
        ]}
      />
      <ListFooter list={list} />
    </Flex>
  );
}

/** The rules' own decisions say which rule; the channel manager's say his reason and any split. */
function noticeBody(n: ChannelNoticeData, t: TFunction): string {
  if (n.reason === null) return t(`channels.ruleExplain.${n.rule}`);
  return n.splitShare === null ? n.reason : `${n.reason}${t('channels.notice.share', { share: n.splitShare })}`;
}

function Notices() {
  const { t } = useTranslation();
  const notices = useNotices();
  const read = useMarkNoticesRead();
  const unread = (notices.data ?? []).filter((n) => !n.readAt).length;
  return (
    <Card
      size="small"
      title={
        <Space>
          {t('channels.notices')}
          <Badge count={unread} />
        </Space>
      }
      extra={
        unread > 0 && (
          <Button size="small" type="link" onClick={() => read.mutate()}>
            {t('channels.markRead')}
          </Button>
        )
      }
    >
      <List
        size="small"
        style={{ maxHeight: 220, overflowY: 'auto' }}
        dataSource={notices.data ?? []}
        locale={{ emptyText: t('channels.noNotices') }}
        renderItem={(n) => (
          <List.Item key={n.id}>
            <List.Item.Meta
              title={
                <Typography.Text strong={!n.readAt}>
                  {t(`channels.notice.${n.kind}`, { name: n.companyName })}
                </Typography.Text>
              }
              description={`${formatDateTime(n.createdAt)} · ${noticeBody(n, t)}`}
            />
          </List.Item>
        )}
      />
    </Card>
  );
}

/** An agent's profile, performance, territories and its accounts, orders and registrations. */
export function AgentView({ agentId, own }: { agentId: string; own: boolean }) {
  const { t } = useTranslation();
  const agent = useAgent(agentId);
  if (agent.error) return <QueryError error={agent.error} onRetry={() => agent.refetch()} />;
  if (!agent.data) return null;
  return (
    <Flex vertical gap={16}>
      <Profile agent={agent.data} />
      {own && <Notices />}
      <Card size="small">
        <Tabs
          items={[
            {
              key: 'registrations',
              label: t('channels.tab.registrations'),
              children: <Registrations agentId={agentId} own={own} />,
            },
            {
              key: 'accounts',
              label: t('channels.tab.accounts', { count: agent.data.accounts }),
              children: <Accounts agentId={agentId} />,
            },
            { key: 'orders', label: t('channels.tab.orders'), children: <Orders agentId={agentId} /> },
          ]}
        />
      </Card>
    </Flex>
  );
}
