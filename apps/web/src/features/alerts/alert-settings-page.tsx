import { DeleteOutlined, PlusOutlined, SendOutlined } from '@ant-design/icons';
import { WebhookKind } from '@kamap/contracts';
import {
  App,
  Button,
  Card,
  Checkbox,
  Flex,
  Form,
  Input,
  InputNumber,
  Modal,
  Popconfirm,
  Select,
  Switch,
  Table,
  Tabs,
  Tag,
  Typography,
} from 'antd';
import { type ReactNode, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type {
  AlertThresholdsData,
  AllowedHostData,
  CreateWebhookTargetBody,
  DeliveryData,
  SlaPolicyData,
  TierValue,
  WebhookTargetData,
} from '../../app/api/types';
import { useUrlParams } from '../../app/use-url-params';
import { formatDateTime } from '../../ui/format';
import { PageHeader } from '../../ui/page-header';
import { ProblemAlert, showFieldErrors } from '../../ui/problem-alert';
import {
  useAlertSettings,
  useAllowedHostMutations,
  useAllowedHosts,
  useDeliveries,
  useSaveAlertSettings,
  useSaveSlaMatrix,
  useSlaMatrix,
  useWebhookMutations,
  useWebhookTargets,
} from './api';

type RuleRow = { key: string; title: string; cell: (row: AlertThresholdsData) => ReactNode };
type NumberKey =
  | 'churnRisk'
  | 'revenueDropPct'
  | 'overdueDays'
  | 'contactCadenceDays'
  | 'careOverdueDays'
  | 'contractExpiryDays';

function ThresholdsTab() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const settings = useAlertSettings();
  const save = useSaveAlertSettings();
  const [draft, setDraft] = useState<AlertThresholdsData[]>([]);
  useEffect(() => {
    if (settings.data) setDraft(settings.data.items);
  }, [settings.data]);
  const set = (tier: string, patch: Partial<AlertThresholdsData>) =>
    setDraft((d) => d.map((row) => (row.tier === tier ? { ...row, ...patch } : row)));
  const numberCell = (key: NumberKey, max: number, suffix: string) => (_: unknown, row: AlertThresholdsData) => (
    <Flex gap={8} align="center">
      <Switch
        size="small"
        checked={(row[key] ?? null) !== null}
        onChange={(on) => set(row.tier, { [key]: on ? Math.min(max, 30) : null })}
      />
      <InputNumber
        min={1}
        max={max}
        value={row[key] ?? null}
        disabled={(row[key] ?? null) === null}
        onChange={(v) => set(row.tier, { [key]: v ?? null })}
        addonAfter={suffix}
        style={{ width: 130 }}
      />
    </Flex>
  );
  // a rule's minimum amount in yuan, usable while the rule is on for the tier
  const amountCell =
    (key: 'overdueMinAmount' | 'revenueDropMinAmount', rule: NumberKey, label: string) =>
    (_: unknown, row: AlertThresholdsData) => (
      <div style={{ paddingLeft: 36 }}>
        <InputNumber
          title={label}
          min={0}
          max={1_000_000_000}
          step={100_000}
          value={row[key]}
          disabled={row[rule] === null}
          onChange={(v) => set(row.tier, { [key]: v ?? 0 })}
          formatter={(v) => `${v}`.replace(/\B(?=(\d{3})+(?!\d))/g, ',')}
          parser={(v) => Number((v ?? '').replace(/,/g, ''))}
          addonBefore="≥ ¥"
          style={{ width: 170 }}
        />
      </div>
    );
  const rules: RuleRow[] = [
    {
      key: 'churn_risk',
      title: t('enum.alertRule.churn_risk'),
      cell: (row) => numberCell('churnRisk', 100, t('settings.points'))(null, row),
    },
    {
      key: 'revenue_drop',
      title: t('enum.alertRule.revenue_drop'),
      cell: (row) => (
        <Flex vertical gap={6}>
          {numberCell('revenueDropPct', 100, '%')(null, row)}
          {amountCell('revenueDropMinAmount', 'revenueDropPct', t('settings.revenueDropMinAmount'))(null, row)}
        </Flex>
      ),
    },
    {
      key: 'receivable_overdue',
      title: t('enum.alertRule.receivable_overdue'),
      cell: (row) => (
        <Flex vertical gap={6}>
          {numberCell('overdueDays', 3650, t('common.days'))(null, row)}
          {amountCell('overdueMinAmount', 'overdueDays', t('settings.overdueMinAmount'))(null, row)}
        </Flex>
      ),
    },
    {
      key: 'no_contact',
      title: t('enum.alertRule.no_contact'),
      cell: (row) => numberCell('contactCadenceDays', 3650, t('common.days'))(null, row),
    },
    {
      key: 'care_overdue',
      title: t('enum.alertRule.care_overdue'),
      cell: (row) => numberCell('careOverdueDays', 365, t('common.days'))(null, row),
    },
    {
      key: 'contract_expiring',
      title: t('enum.alertRule.contract_expiring'),
      cell: (row) => numberCell('contractExpiryDays', 730, t('common.days'))(null, row),
    },
    {
      key: 'sla_breached',
      title: t('enum.alertRule.sla_breached'),
      cell: (row) => <Switch checked={row.slaBreached} onChange={(on) => set(row.tier, { slaBreached: on })} />,
    },
  ];
  return (
    <Flex vertical gap={12}>
      <Typography.Text type="secondary">{t('settings.thresholdsHint')}</Typography.Text>
      <ProblemAlert error={save.error} />
      {/* rules down, tiers across: every rule's thresholds side by side for the three tiers */}
      <Table<RuleRow>
        rowKey="key"
        pagination={false}
        loading={settings.isPending}
        dataSource={rules}
        scroll={{ x: 860 }}
        columns={[
          { title: t('alert.rule'), dataIndex: 'title', width: 150, render: (v: string) => <strong>{v}</strong> },
          ...draft.map((row) => ({
            title: <Tag>{t(`enum.tier.${row.tier as TierValue}`)}</Tag>,
            key: row.tier,
            render: (_: unknown, rule: RuleRow) => rule.cell(row),
          })),
        ]}
      />
      <Flex justify="flex-end">
        <Button
          type="primary"
          loading={save.isPending}
          onClick={() => save.mutate(draft, { onSuccess: () => void message.success(t('settings.saved')) })}
        >
          {t('action.save')}
        </Button>
      </Flex>
    </Flex>
  );
}

function SlaTab() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const matrix = useSlaMatrix();
  const save = useSaveSlaMatrix();
  const [draft, setDraft] = useState<SlaPolicyData[]>([]);
  useEffect(() => {
    if (matrix.data) setDraft(matrix.data.items);
  }, [matrix.data]);
  const tiers = ['strategic', 'core', 'general'] as const;
  const severities = ['critical', 'high', 'medium', 'low'] as const;
  const cell = (tier: string, severity: string) => draft.find((p) => p.tier === tier && p.severity === severity);
  const set = (tier: string, severity: string, patch: Partial<SlaPolicyData>) =>
    setDraft((d) => d.map((p) => (p.tier === tier && p.severity === severity ? { ...p, ...patch } : p)));
  return (
    <Flex vertical gap={12}>
      <Typography.Text type="secondary">{t('settings.slaHint')}</Typography.Text>
      <ProblemAlert error={save.error} />
      <Table
        rowKey="tier"
        pagination={false}
        loading={matrix.isPending}
        dataSource={tiers.map((tier) => ({ tier }))}
        scroll={{ x: 900 }}
        columns={[
          {
            title: t('settings.tier'),
            dataIndex: 'tier',
            width: 110,
            render: (v: TierValue) => <Tag>{t(`enum.tier.${v}`)}</Tag>,
          },
          ...severities.map((severity) => ({
            title: t(`enum.complaintSeverity.${severity}`),
            key: severity,
            render: (_: unknown, row: { tier: string }) => {
              const p = cell(row.tier, severity);
              if (!p) return null;
              return (
                <Flex vertical gap={4}>
                  <InputNumber
                    size="small"
                    min={1}
                    value={p.responseHours}
                    onChange={(v) => set(row.tier, severity, { responseHours: v ?? 1 })}
                    addonBefore={t('settings.respond')}
                    addonAfter="h"
                    style={{ width: 170 }}
                  />
                  <InputNumber
                    size="small"
                    min={1}
                    value={p.resolutionHours}
                    onChange={(v) => set(row.tier, severity, { resolutionHours: v ?? 1 })}
                    addonBefore={t('settings.resolve')}
                    addonAfter="h"
                    style={{ width: 170 }}
                  />
                </Flex>
              );
            },
          })),
        ]}
      />
      <Flex justify="flex-end">
        <Button
          type="primary"
          loading={save.isPending}
          onClick={() => save.mutate(draft, { onSuccess: () => void message.success(t('settings.saved')) })}
        >
          {t('action.save')}
        </Button>
      </Flex>
    </Flex>
  );
}

function WebhooksTab() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const targets = useWebhookTargets();
  const hosts = useAllowedHosts();
  const m = useWebhookMutations();
  const h = useAllowedHostMutations();
  const [adding, setAdding] = useState(false);
  const [form] = Form.useForm<CreateWebhookTargetBody>();
  const [hostForm] = Form.useForm<{ host: string; allowPrivate: boolean }>();
  const kind = Form.useWatch('kind', form);

  return (
    <Flex vertical gap={24}>
      <Flex vertical gap={12}>
        <Flex justify="space-between" align="center">
          <Typography.Title level={5} style={{ margin: 0 }}>
            {t('settings.targets')}
          </Typography.Title>
          <Button icon={<PlusOutlined />} onClick={() => setAdding(true)}>
            {t('settings.addTarget')}
          </Button>
        </Flex>
        <ProblemAlert error={m.toggle.error ?? m.remove.error ?? m.test.error} />
        <Table<WebhookTargetData>
          rowKey="id"
          size="middle"
          pagination={false}
          loading={targets.isPending}
          dataSource={targets.data?.items ?? []}
          locale={{ emptyText: t('settings.noTargets') }}
          columns={[
            { title: t('settings.name'), dataIndex: 'name' },
            {
              title: t('settings.kind'),
              dataIndex: 'kind',
              width: 110,
              render: (k: WebhookTargetData['kind']) => <Tag>{t(`enum.webhookKind.${k}`)}</Tag>,
            },
            { title: 'URL', dataIndex: 'url', render: (u: string) => <Typography.Text code>{u}</Typography.Text> },
            {
              title: t('settings.minSeverity'),
              dataIndex: 'minSeverity',
              width: 120,
              render: (s: WebhookTargetData['minSeverity']) => t(`enum.alertSeverity.${s}`),
            },
            {
              title: t('settings.enabled'),
              key: 'enabled',
              width: 90,
              render: (_: unknown, row) => (
                <Switch size="small" checked={row.enabled} onChange={() => m.toggle.mutate(row)} />
              ),
            },
            {
              title: '',
              key: 'actions',
              width: 170,
              render: (_: unknown, row) => (
                <Flex gap={4}>
                  <Button
                    size="small"
                    icon={<SendOutlined />}
                    loading={m.test.isPending && m.test.variables === row.id}
                    onClick={() =>
                      m.test.mutate(row.id, {
                        onSuccess: ({ delivery }) =>
                          delivery.status === 'sent'
                            ? void message.success(t('settings.testSent'))
                            : void message.error(
                                `${t(`enum.deliveryStatus.${delivery.status}`)}: ${delivery.error ?? ''}`,
                              ),
                      })
                    }
                  >
                    {t('settings.test')}
                  </Button>
                  <Popconfirm title={t('settings.removeTarget')} onConfirm={() => m.remove.mutate(row)}>
                    <Button size="small" danger icon={<DeleteOutlined />} aria-label={t('action.delete')} />
                  </Popconfirm>
                </Flex>
              ),
            },
          ]}
        />
      </Flex>
      <Flex vertical gap={12}>
        <Typography.Title level={5} style={{ margin: 0 }}>
          {t('settings.allowList')}
        </Typography.Title>
        <Typography.Text type="secondary">{t('settings.allowListHint')}</Typography.Text>
        <ProblemAlert error={h.add.error ?? h.remove.error} />
        <Form
          form={hostForm}
          layout="inline"
          initialValues={{ allowPrivate: false }}
          onFinish={(v) =>
            h.add.mutate(v, { onSuccess: () => hostForm.resetFields(), onError: (e) => showFieldErrors(hostForm, e) })
          }
        >
          <Form.Item name="host" rules={[{ required: true, message: t('form.required') }]}>
            <Input placeholder="qyapi.weixin.qq.com" style={{ width: 260 }} />
          </Form.Item>
          <Form.Item name="allowPrivate" valuePropName="checked">
            <Checkbox>{t('settings.allowPrivate')}</Checkbox>
          </Form.Item>
          <Button htmlType="submit" loading={h.add.isPending}>
            {t('settings.allowHost')}
          </Button>
        </Form>
        <Table<AllowedHostData>
          rowKey="host"
          size="small"
          pagination={false}
          loading={hosts.isPending}
          dataSource={hosts.data?.items ?? []}
          columns={[
            {
              title: t('settings.host'),
              dataIndex: 'host',
              render: (v: string) => <Typography.Text code>{v}</Typography.Text>,
            },
            {
              title: t('settings.private'),
              dataIndex: 'allowPrivate',
              width: 160,
              render: (v: boolean) =>
                v ? <Tag color="orange">{t('settings.privateAllowed')}</Tag> : t('settings.publicOnly'),
            },
            {
              title: t('common.createdAt'),
              dataIndex: 'createdAt',
              width: 160,
              render: (v: string) => formatDateTime(v),
            },
            {
              title: '',
              key: 'x',
              width: 60,
              render: (_: unknown, row) => (
                <Button
                  size="small"
                  type="text"
                  danger
                  icon={<DeleteOutlined />}
                  onClick={() => h.remove.mutate(row.host)}
                />
              ),
            },
          ]}
        />
      </Flex>
      <Modal
        open={adding}
        title={t('settings.addTarget')}
        onCancel={() => setAdding(false)}
        confirmLoading={m.create.isPending}
        onOk={async () => {
          const v = await form.validateFields();
          m.create.mutate(
            { ...v, secret: v.secret?.trim() || null },
            {
              onSuccess: () => {
                setAdding(false);
                form.resetFields();
              },
              onError: (e) => showFieldErrors(form, e),
            },
          );
        }}
        destroyOnHidden
      >
        <ProblemAlert error={m.create.error} />
        <Form form={form} layout="vertical" initialValues={{ kind: 'wecom', minSeverity: 'warning', enabled: true }}>
          <Form.Item name="name" label={t('settings.name')} rules={[{ required: true, message: t('form.required') }]}>
            <Input placeholder={t('settings.namePlaceholder')} />
          </Form.Item>
          <Form.Item name="kind" label={t('settings.kind')}>
            <Select options={WebhookKind.options.map((k) => ({ value: k, label: t(`enum.webhookKind.${k}`) }))} />
          </Form.Item>
          <Form.Item name="url" label="Webhook URL" rules={[{ required: true, message: t('form.required') }]}>
            <Input placeholder={t(`settings.urlExample.${kind ?? 'wecom'}`)} />
          </Form.Item>
          {kind !== 'wecom' && (
            <Form.Item
              name="secret"
              label={t('settings.secret')}
              extra={t(`settings.secretHint.${kind ?? 'dingtalk'}`)}
              rules={kind === 'dingtalk' ? [{ required: true, message: t('form.required') }] : []}
            >
              <Input.Password autoComplete="off" />
            </Form.Item>
          )}
          <Form.Item name="minSeverity" label={t('settings.minSeverity')}>
            <Select
              options={(['warning', 'critical'] as const).map((s) => ({
                value: s,
                label: t(`enum.alertSeverity.${s}`),
              }))}
            />
          </Form.Item>
        </Form>
      </Modal>
    </Flex>
  );
}

function DeliveriesTab() {
  const { t } = useTranslation();
  const log = useDeliveries();
  const color = { sent: 'green', failed: 'red', refused: 'orange' } as const;
  return (
    <Table<DeliveryData>
      rowKey="id"
      size="small"
      loading={log.isPending}
      dataSource={log.data?.items ?? []}
      pagination={{ pageSize: 20 }}
      columns={[
        { title: t('settings.at'), dataIndex: 'at', width: 160, render: (v: string) => formatDateTime(v) },
        {
          title: t('settings.channel'),
          dataIndex: 'channel',
          width: 90,
          render: (c: DeliveryData['channel']) => t(`enum.deliveryChannel.${c}`),
        },
        { title: t('settings.target'), dataIndex: 'target' },
        {
          title: t('settings.status'),
          dataIndex: 'status',
          width: 100,
          render: (s: DeliveryData['status']) => <Tag color={color[s]}>{t(`enum.deliveryStatus.${s}`)}</Tag>,
        },
        { title: t('settings.attempts'), dataIndex: 'attempts', width: 80, align: 'right' },
        { title: t('settings.alertCount'), dataIndex: 'alerts', width: 80, align: 'right' },
        { title: t('settings.error'), dataIndex: 'error', render: (e: string | null) => e ?? '—' },
      ]}
    />
  );
}

const tabs = ['thresholds', 'sla', 'webhooks', 'deliveries'] as const;

/** Admin settings of step 3: alert thresholds per tier, the SLA matrix, group robots and their allow-list, the delivery log. */
export function AlertSettingsPage() {
  const { t } = useTranslation();
  const [url, setUrl] = useUrlParams(['tab'] as const);
  const tab = tabs.find((x) => x === url.tab) ?? 'thresholds';
  const components = { thresholds: ThresholdsTab, sla: SlaTab, webhooks: WebhooksTab, deliveries: DeliveriesTab };
  return (
    <>
      <PageHeader title={t('nav.page.alertSettings')} />
      <Card variant="borderless">
        <Tabs
          activeKey={tab}
          onChange={(k) => setUrl({ tab: k === 'thresholds' ? null : k })}
          items={tabs.map((k) => {
            const Tab = components[k];
            return { key: k, label: t(`settings.tab.${k}`), children: <Tab /> };
          })}
        />
      </Card>
    </>
  );
}
