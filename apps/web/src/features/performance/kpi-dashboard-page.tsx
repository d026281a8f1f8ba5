import { PlusOutlined } from '@ant-design/icons';
import { KpiSubjectKind } from '@kamap/contracts';
import {
  Button,
  Card,
  Col,
  Drawer,
  Flex,
  Form,
  InputNumber,
  Modal,
  Popconfirm,
  Progress,
  Row,
  Segmented,
  Select,
  Space,
  Statistic,
  Table,
  Typography,
} from 'antd';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useCurrentUser } from '../../app/auth/current-user';
import { oneOf, useUrlParams } from '../../app/use-url-params';
import { EmptyState } from '../../ui/empty-state';
import { formatDate, formatMoney, formatPercent } from '../../ui/format';
import { ListFooter } from '../../ui/list-footer';
import { PageHeader } from '../../ui/page-header';
import { ProblemAlert, showFieldErrors } from '../../ui/problem-alert';
import { QueryError } from '../../ui/query-error';
import { AccountPicker } from '../accounts/account-picker';
import { OrgUnitPicker, UserPicker } from '../org/pickers';
import { configuresKpis } from './access';
import { useArchiveTarget, useDrill, useKpis, useSaveTarget, useTargetList } from './api';
import { formatKpiValue, PeriodSelect, StatusTag, useKpiName } from './parts';
import { quarterOf } from './period';
import type { KpiRecordData, KpiTargetData } from './types';

type SubjectKind = 'account' | 'kam' | 'team' | 'org_unit';

/** A typed-in target in the unit people think in: yuan for money, % for ratios. */
const toInput = (unit: string, v: number) => (unit === 'money' ? v / 100 : unit === 'ratio' ? v * 100 : v);
const fromInput = (unit: string, v: number) =>
  unit === 'money' ? Math.round(v * 100) : unit === 'ratio' ? v / 100 : v;

function TargetModal({ target, period, onClose }: { target?: KpiTargetData; period: string; onClose: () => void }) {
  const { t } = useTranslation();
  const [form] = Form.useForm<{
    kpiId: string;
    subjectKind: SubjectKind;
    subjectId: string;
    period: string;
    target: number;
  }>();
  const kpis = useKpis();
  const name = useKpiName();
  const save = useSaveTarget();
  const kind = Form.useWatch('subjectKind', form) ?? target?.subject.kind ?? 'account';
  const kpiId = Form.useWatch('kpiId', form) ?? target?.kpi.id;
  const unit = kpis.data?.find((k) => k.id === kpiId)?.unit ?? target?.kpi.unit ?? 'count';
  const submit = async () => {
    const v = await form.validateFields();
    const value = fromInput(unit, v.target);
    save.mutate(target ? { id: target.id, version: target.version, target: value } : { ...v, target: value }, {
      onSuccess: onClose,
      onError: (e) => showFieldErrors(form, e),
    });
  };
  return (
    <Modal
      open
      title={target ? t('perf.editTarget') : t('perf.newTarget')}
      onCancel={onClose}
      onOk={submit}
      okText={t('action.save')}
      confirmLoading={save.isPending}
      destroyOnHidden
    >
      <ProblemAlert error={save.error} />
      <Form
        form={form}
        layout="vertical"
        initialValues={
          target ? { target: toInput(target.kpi.unit, target.target) } : { subjectKind: 'account', period }
        }
      >
        {!target && (
          <>
            <Form.Item name="kpiId" label={t('perf.kpi')} rules={[{ required: true, message: t('form.required') }]}>
              <Select
                options={(kpis.data ?? []).map((k) => ({ value: k.id, label: name(k) }))}
                showSearch={{ optionFilterProp: 'label' }}
              />
            </Form.Item>
            <Flex gap={12}>
              <Form.Item name="subjectKind" label={t('perf.subjectKind')} style={{ flex: 1 }}>
                <Select
                  onChange={() => form.setFieldValue('subjectId', undefined)}
                  options={KpiSubjectKind.options.map((k) => ({ value: k, label: t(`perf.subject.${k}`) }))}
                />
              </Form.Item>
              <Form.Item name="period" label={t('perf.period')} style={{ flex: 1 }}>
                <PeriodSelect value={period} onChange={() => undefined} />
              </Form.Item>
            </Flex>
            <Form.Item
              name="subjectId"
              label={t(`perf.subject.${kind}`)}
              rules={[{ required: true, message: t('form.required') }]}
            >
              {kind === 'account' ? <AccountPicker /> : kind === 'kam' ? <UserPicker /> : <OrgUnitPicker />}
            </Form.Item>
          </>
        )}
        <Form.Item name="target" label={t('perf.target')} rules={[{ required: true, message: t('form.required') }]}>
          <InputNumber
            style={{ width: '100%' }}
            prefix={unit === 'money' ? '¥' : undefined}
            suffix={unit === 'ratio' ? '%' : undefined}
            precision={unit === 'money' ? 2 : unit === 'count' ? 0 : 2}
          />
        </Form.Item>
      </Form>
    </Modal>
  );
}

const recordLink = (r: KpiRecordData) =>
  r.kind === 'order'
    ? `/orders?q=${encodeURIComponent(r.label)}`
    : r.kind === 'complaint'
      ? `/complaints/${r.id}`
      : r.kind === 'survey'
        ? `/surveys?accountId=${r.accountId}`
        : r.kind === 'visit'
          ? `/accounts/${r.accountId}?tab=timeline`
          : r.kind === 'action'
            ? `/accounts/${r.accountId}?tab=plan`
            : `/accounts/${r.accountId}`;

/** The records behind an actual: the orders summed, the complaints counted, the accounts averaged. */
function DrillDrawer({ target, onClose }: { target: KpiTargetData; onClose: () => void }) {
  const { t } = useTranslation();
  const name = useKpiName();
  const drill = useDrill({
    kpiId: target.kpi.id,
    subjectKind: target.subject.kind,
    subjectId: target.subject.id,
    period: target.period,
  });
  const d = drill.data;
  const unit = target.kpi.unit;
  const valueTitle =
    target.kpi.kind === 'satisfaction'
      ? t('perf.drill.score')
      : target.kpi.kind === 'relationship_coverage'
        ? t('perf.drill.coverage')
        : target.kpi.kind === 'visit_coverage'
          ? t('perf.drill.visits')
          : t('perf.drill.value');
  const renderValue = (v: number | null) =>
    target.kpi.kind === 'relationship_coverage'
      ? formatPercent(v)
      : target.kpi.kind === 'satisfaction' || target.kpi.kind === 'visit_coverage'
        ? (v ?? '—')
        : formatMoney(v === null ? null : Math.round(v));
  return (
    <Drawer
      open
      onClose={onClose}
      size="large"
      title={`${name(target.kpi)} · ${target.subject.name} · ${target.period}`}
      destroyOnHidden
    >
      {drill.isError ? (
        <QueryError error={drill.error} onRetry={() => drill.refetch()} />
      ) : (
        <Flex vertical gap={16}>
          <Row gutter={16}>
            <Col span={8}>
              <Statistic title={t('perf.actual')} value={formatKpiValue(unit, target.actual.value)} />
            </Col>
            <Col span={8}>
              <Statistic title={t('perf.target')} value={formatKpiValue(unit, target.target)} />
            </Col>
            <Col span={8}>
              <Statistic title={t('perf.records')} value={d?.total ?? 0} />
            </Col>
          </Row>
          <Typography.Text type="secondary">
            {t('perf.basis', {
              basis: t(`perf.basisCode.${target.actual.basis.code}`, target.actual.basis.counts),
              from: target.from,
              to: target.to,
            })}
          </Typography.Text>
          <Table<KpiRecordData>
            rowKey={(r) => `${r.kind}:${r.id}`}
            size="small"
            loading={drill.isPending}
            dataSource={d?.items ?? []}
            pagination={{ pageSize: 50, hideOnSinglePage: true, showSizeChanger: false }}
            columns={[
              { title: t('perf.drill.date'), dataIndex: 'date', width: 110, render: formatDate },
              {
                title: t('perf.drill.account'),
                key: 'account',
                render: (_: unknown, r) => <Link to={`/accounts/${r.accountId}`}>{r.accountName}</Link>,
              },
              {
                title: t('perf.drill.record'),
                key: 'label',
                render: (_: unknown, r) => <Link to={recordLink(r)}>{r.label || t(`perf.recordKind.${r.kind}`)}</Link>,
              },
              ...(target.kpi.kind === 'complaint_sla_rate' || target.kpi.kind === 'plan_action_completion'
                ? [
                    {
                      title: t(target.kpi.kind === 'plan_action_completion' ? 'perf.drill.done' : 'perf.drill.met'),
                      dataIndex: 'counts',
                      width: 90,
                      render: (v: boolean | null) => (v ? t('perf.drill.yes') : t('perf.drill.no')),
                    },
                  ]
                : [
                    {
                      title: valueTitle,
                      dataIndex: 'value',
                      align: 'right' as const,
                      width: 150,
                      render: renderValue,
                    },
                  ]),
              ...(target.kpi.kind === 'share_of_wallet'
                ? [
                    {
                      title: t('perf.drill.wallet'),
                      dataIndex: 'secondary',
                      align: 'right' as const,
                      width: 150,
                      render: (v: number | null) => formatMoney(v === null ? null : Math.round(v)),
                    },
                  ]
                : []),
            ]}
          />
        </Flex>
      )}
    </Drawer>
  );
}

const urlKeys = ['period', 'subjectKind', 'status', 'kpiId'] as const;

/** KPI targets against actuals computed from the records, with gap, status colour and drill-down. */
export function KpiDashboardPage() {
  const { t, i18n } = useTranslation();
  const user = useCurrentUser();
  const name = useKpiName();
  const kpis = useKpis();
  const [url, setUrl] = useUrlParams(urlKeys);
  const period = url.period ?? quarterOf();
  const params = useMemo(
    () => ({
      period,
      subjectKind: oneOf(KpiSubjectKind.options, url.subjectKind),
      status: oneOf(['green', 'amber', 'red', 'none'] as const, url.status),
      kpiId: url.kpiId,
      limit: 100,
    }),
    [period, url.subjectKind, url.status, url.kpiId],
  );
  const list = useTargetList(params);
  const archive = useArchiveTarget();
  const [drill, setDrill] = useState<KpiTargetData | null>(null);
  const [editing, setEditing] = useState<KpiTargetData | 'new' | null>(null);
  const canConfigure = configuresKpis(user);
  const counts = useMemo(() => {
    const c = { green: 0, amber: 0, red: 0, none: 0 };
    for (const item of list.items) c[item.status] += 1;
    return c;
  }, [list.items]);
  return (
    <>
      <PageHeader
        title={t('nav.page.kpiDashboard')}
        subtitle={t('perf.dashboardSubtitle')}
        extra={
          <Space wrap>
            <Select
              allowClear
              placeholder={t('perf.allKpis')}
              value={url.kpiId}
              onChange={(v) => setUrl({ kpiId: v ?? null })}
              style={{ width: 170 }}
              options={(kpis.data ?? []).map((k) => ({ value: k.id, label: name(k) }))}
            />
            <Segmented
              value={params.subjectKind ?? 'all'}
              onChange={(v) => setUrl({ subjectKind: v === 'all' ? null : String(v) })}
              options={[
                { value: 'all', label: t('perf.allSubjects') },
                ...KpiSubjectKind.options.map((k) => ({ value: k, label: t(`perf.subject.${k}`) })),
              ]}
            />
            <PeriodSelect value={period} onChange={(p) => setUrl({ period: p })} />
            {canConfigure && (
              <Button type="primary" icon={<PlusOutlined />} onClick={() => setEditing('new')}>
                {t('perf.newTarget')}
              </Button>
            )}
          </Space>
        }
      />
      {list.isError ? (
        <QueryError error={list.error} onRetry={() => list.refetch()} />
      ) : (
        <Flex vertical gap={16}>
          <Row gutter={[16, 16]}>
            {(['green', 'amber', 'red', 'none'] as const).map((s) => (
              <Col key={s} xs={12} md={6}>
                <Card
                  variant="borderless"
                  hoverable
                  onClick={() => setUrl({ status: params.status === s ? null : s })}
                  style={params.status === s ? { outline: '2px solid #1677ff' } : undefined}
                >
                  <Statistic title={<StatusTag status={s} />} value={counts[s]} suffix={t('perf.targetsShown')} />
                </Card>
              </Col>
            ))}
          </Row>
          <Card variant="borderless">
            <Table<KpiTargetData>
              rowKey="id"
              loading={list.isPending}
              dataSource={list.items}
              pagination={false}
              scroll={{ x: 1060 }}
              onRow={(r) => ({ onClick: () => setDrill(r), style: { cursor: 'pointer' } })}
              locale={{ emptyText: <EmptyState description={t('perf.noTargets')} /> }}
              columns={[
                {
                  title: t('perf.subjectCol'),
                  key: 'subject',
                  width: 210,
                  render: (_: unknown, r) => (
                    <Flex vertical gap={0}>
                      <Typography.Text strong>{r.subject.name}</Typography.Text>
                      <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                        {t(`perf.subject.${r.subject.kind}`)}
                      </Typography.Text>
                    </Flex>
                  ),
                },
                { title: t('perf.kpi'), key: 'kpi', width: 130, render: (_: unknown, r) => name(r.kpi) },
                {
                  title: t('perf.target'),
                  key: 'target',
                  align: 'right',
                  width: 125,
                  render: (_: unknown, r) => formatKpiValue(r.kpi.unit, r.target, i18n.language),
                },
                {
                  title: t('perf.actual'),
                  key: 'actual',
                  align: 'right',
                  width: 125,
                  render: (_: unknown, r) => (
                    <Typography.Link>{formatKpiValue(r.kpi.unit, r.actual.value, i18n.language)}</Typography.Link>
                  ),
                },
                {
                  title: t('perf.gap'),
                  key: 'gap',
                  align: 'right',
                  width: 125,
                  render: (_: unknown, r) =>
                    r.gap === null ? '—' : `${r.gap > 0 ? '+' : ''}${formatKpiValue(r.kpi.unit, r.gap, i18n.language)}`,
                },
                {
                  title: t('perf.attainment'),
                  key: 'attainment',
                  width: 140,
                  render: (_: unknown, r) =>
                    r.attainment === null ? (
                      '—'
                    ) : (
                      <Progress
                        percent={Math.max(0, Math.round(r.attainment * 100))}
                        size="small"
                        status={r.status === 'red' ? 'exception' : r.status === 'green' ? 'success' : 'normal'}
                        strokeColor={r.status === 'amber' ? '#faad14' : undefined}
                      />
                    ),
                },
                {
                  title: t('perf.statusCol'),
                  dataIndex: 'status',
                  width: 90,
                  render: (s: KpiTargetData['status']) => <StatusTag status={s} />,
                },
                ...(canConfigure
                  ? [
                      {
                        title: '',
                        key: 'actions',
                        width: 110,
                        fixed: 'right' as const,
                        render: (_: unknown, r: KpiTargetData) => (
                          <Space size={4} onClick={(e) => e.stopPropagation()}>
                            <Button size="small" type="link" onClick={() => setEditing(r)}>
                              {t('perf.edit')}
                            </Button>
                            <Popconfirm
                              title={t('perf.archiveTarget')}
                              onConfirm={() => archive.mutate({ id: r.id, version: r.version })}
                            >
                              <Button size="small" type="link" danger>
                                {t('action.delete')}
                              </Button>
                            </Popconfirm>
                          </Space>
                        ),
                      },
                    ]
                  : []),
              ]}
            />
            <ListFooter list={list} />
            <Typography.Paragraph type="secondary" style={{ marginTop: 12, marginBottom: 0 }}>
              {t('perf.dashboardNote')}
            </Typography.Paragraph>
          </Card>
        </Flex>
      )}
      {drill && <DrillDrawer target={drill} onClose={() => setDrill(null)} />}
      {editing && (
        <TargetModal
          target={editing === 'new' ? undefined : editing}
          period={period}
          onClose={() => setEditing(null)}
        />
      )}
    </>
  );
}
