import {
  CheckOutlined,
  ClockCircleOutlined,
  DownOutlined,
  ExportOutlined,
  IssuesCloseOutlined,
} from '@ant-design/icons';
import { AlertRule } from '@kamap/contracts';
import { App, Badge, Button, Card, Dropdown, Flex, List, Segmented, Select, Space, Tag, Typography } from 'antd';
import dayjs from 'dayjs';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { AlertData, AlertRuleValue } from '../../app/api/types';
import { oneOf, useUrlParams } from '../../app/use-url-params';
import { EmptyState } from '../../ui/empty-state';
import { formatCount, formatDateTime } from '../../ui/format';
import { ListFooter } from '../../ui/list-footer';
import { PageHeader } from '../../ui/page-header';
import { ProblemAlert } from '../../ui/problem-alert';
import { QueryError } from '../../ui/query-error';
import { AccountPicker } from '../accounts/account-picker';
import { ExportButton } from '../exports/export-button';
import { useAlertAction, useAlertCounts, useAlertList, useMarkRead } from './api';
import { alertDetails, explainAlert } from './explain';

const urlKeys = ['view', 'rule', 'accountId', 'unread'] as const;
const views = ['active', 'snoozed', 'resolved', 'all'] as const;

const ruleColor: Record<AlertRuleValue, string> = {
  churn_risk: 'magenta',
  revenue_drop: 'orange',
  receivable_overdue: 'gold',
  sla_breached: 'red',
  no_contact: 'purple',
  care_overdue: 'cyan',
  contract_expiring: 'geekblue',
  channel_conflict: 'magenta',
};

export function RuleTag({ rule }: { rule: AlertRuleValue }) {
  const { t } = useTranslation();
  return <Tag color={ruleColor[rule]}>{t(`enum.alertRule.${rule}`)}</Tag>;
}

function AlertItem({ alert }: { alert: AlertData }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const act = useAlertAction();
  const read = useMarkRead();
  const details = alertDetails(alert, t);
  const run = (action: 'acknowledge' | 'resolve' | 'reopen', snoozeDays?: number) =>
    act.mutate(
      {
        id: alert.id,
        version: alert.version,
        action: snoozeDays ? 'snooze' : action,
        snoozeUntil: snoozeDays ? dayjs().add(snoozeDays, 'day').toISOString() : undefined,
      },
      { onSuccess: () => void message.success(t(`alert.done.${snoozeDays ? 'snooze' : action}`)) },
    );
  const live = alert.status === 'open' || alert.status === 'acknowledged';
  return (
    <List.Item
      style={{
        alignItems: 'flex-start',
        background: alert.read ? undefined : 'rgba(22,119,255,0.04)',
        paddingInline: 12,
      }}
      onClick={() => !alert.read && read.mutate(alert.id)}
      actions={[
        <Link key="act" to={alert.link}>
          <Button size="small" type="link" icon={<ExportOutlined />}>
            {t('alert.act')}
          </Button>
        </Link>,
        alert.status === 'open' && (
          <Button
            key="ack"
            size="small"
            icon={<CheckOutlined />}
            loading={act.isPending}
            onClick={() => run('acknowledge')}
          >
            {t('alert.acknowledge')}
          </Button>
        ),
        live || alert.status === 'snoozed' ? (
          <Dropdown
            key="more"
            menu={{
              items: [
                { key: 'resolve', icon: <IssuesCloseOutlined />, label: t('alert.resolve') },
                { type: 'divider' },
                ...[1, 3, 7, 30].map((d) => ({
                  key: `snooze-${d}`,
                  icon: <ClockCircleOutlined />,
                  label: t('alert.snoozeDays', { count: d }),
                })),
                ...(alert.status !== 'open' ? [{ key: 'reopen', label: t('alert.reopen') }] : []),
              ],
              onClick: ({ key }) =>
                key.startsWith('snooze-') ? run('acknowledge', Number(key.slice(7))) : run(key as 'resolve' | 'reopen'),
            }}
          >
            <Button size="small">
              {t('alert.more')} <DownOutlined />
            </Button>
          </Dropdown>
        ) : null,
      ].filter(Boolean)}
    >
      <Flex vertical gap={4} style={{ minWidth: 0 }}>
        <Space size={6} wrap>
          {!alert.read && <Badge status="processing" />}
          {alert.severity === 'critical' && <Tag color="red">{t('alert.critical')}</Tag>}
          <RuleTag rule={alert.rule} />
          <Link to={`/accounts/${alert.accountId}`}>
            <Typography.Text strong>{alert.accountName}</Typography.Text>
          </Link>
          <Tag>{t(`enum.tier.${alert.tier}`)}</Tag>
          {alert.status !== 'open' && <Tag color="default">{t(`enum.alertStatus.${alert.status}`)}</Tag>}
        </Space>
        <Typography.Text>{explainAlert(alert, t)}</Typography.Text>
        {details.length > 0 && (
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {details.slice(0, 4).join('　')}
          </Typography.Text>
        )}
        <Typography.Text type="secondary" style={{ fontSize: 12 }} className="kamap-num">
          {t('alert.firstSeen')} {formatDateTime(alert.firstSeenAt)} · {t('alert.owner')}{' '}
          {alert.owner?.displayName ?? '—'}
          {alert.snoozedUntil ? ` · ${t('alert.snoozedUntil', { at: formatDateTime(alert.snoozedUntil) })}` : ''}
        </Typography.Text>
      </Flex>
    </List.Item>
  );
}

export function AlertsPage() {
  const { t } = useTranslation();
  const [url, setUrl] = useUrlParams(urlKeys);
  const view = oneOf(views, url.view) ?? 'active';
  const rule = oneOf(AlertRule.options, url.rule);
  const params = useMemo(
    () => ({
      active: view === 'active' ? true : undefined,
      status: view === 'snoozed' || view === 'resolved' ? view : undefined,
      rule,
      accountId: url.accountId,
      unread: url.unread ? true : undefined,
      limit: 50,
    }),
    [view, rule, url.accountId, url.unread],
  );
  const list = useAlertList(params);
  const counts = useAlertCounts(true);
  const readAll = useMarkRead();

  return (
    <>
      <PageHeader
        title={t('nav.page.alerts')}
        subtitle={
          counts.data
            ? t('alert.summary', { active: formatCount(counts.data.active), unread: formatCount(counts.data.unread) })
            : null
        }
        extra={
          <>
            <ExportButton
              kind="alerts"
              filters={{ status: params.status, rule: params.rule, accountId: params.accountId }}
            />
            <Button onClick={() => readAll.mutate('all')} loading={readAll.isPending} disabled={!counts.data?.unread}>
              {t('alert.readAll')}
            </Button>
          </>
        }
      />
      <Card variant="borderless" styles={{ body: { padding: 16 } }}>
        <Flex vertical gap={16}>
          <Flex gap={8} wrap align="center">
            <Segmented
              value={view}
              onChange={(v) => setUrl({ view: v === 'active' ? null : v })}
              options={views.map((v) => ({ value: v, label: t(`alert.view.${v}`) }))}
            />
            <Select
              value={rule}
              onChange={(r) => setUrl({ rule: r })}
              allowClear
              placeholder={t('alert.rule')}
              style={{ width: 220 }}
              options={AlertRule.options.map((r) => ({
                value: r,
                label: `${t(`enum.alertRule.${r}`)}${counts.data?.byRule[r] ? ` (${counts.data.byRule[r]})` : ''}`,
              }))}
            />
            <AccountPicker
              value={url.accountId}
              onChange={(accountId) => setUrl({ accountId })}
              placeholder={t('alert.account')}
              style={{ width: 220 }}
            />
            <Segmented
              value={url.unread ? 'unread' : 'any'}
              onChange={(v) => setUrl({ unread: v === 'unread' ? '1' : null })}
              options={[
                { value: 'any', label: t('alert.anyRead') },
                { value: 'unread', label: t('alert.unreadOnly') },
              ]}
            />
          </Flex>
          <ProblemAlert error={readAll.error} />
          {list.isError && !list.data ? (
            <QueryError error={list.error} onRetry={() => list.refetch()} />
          ) : (
            <List
              itemLayout="horizontal"
              loading={list.isPending}
              dataSource={list.items}
              locale={{ emptyText: <EmptyState description={t('alert.empty')} /> }}
              renderItem={(a) => <AlertItem key={a.id} alert={a} />}
            />
          )}
          <ListFooter list={list} />
        </Flex>
      </Card>
    </>
  );
}
