import { MinusCircleOutlined, PlusOutlined, PrinterOutlined, ReloadOutlined } from '@ant-design/icons';
import { ActionStatus, CauseCategory, CauseMethod, EvidenceKind } from '@kamap/contracts';
import {
  Alert,
  Button,
  Card,
  DatePicker,
  Descriptions,
  Empty,
  Flex,
  Form,
  Input,
  Modal,
  Select,
  Skeleton,
  Space,
  Table,
  Tag,
  Typography,
} from 'antd';
import dayjs from 'dayjs';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { api } from '../../app/api/client';
import { useCurrentUser } from '../../app/auth/current-user';
import { formatDate, formatDateTime } from '../../ui/format';
import { PageHeader } from '../../ui/page-header';
import { ProblemAlert, showFieldErrors } from '../../ui/problem-alert';
import { QueryError } from '../../ui/query-error';
import { UserPicker } from '../org/pickers';
import { writesReviews } from './access';
import { useEvidenceCandidates, useReview, useReviewWrite } from './api';
import { formatKpiValue, StatusTag, useKpiName } from './parts';
import './review-print.css';
import type { ReviewActionData, ReviewCauseData, ReviewDetailData } from './types';

type Unit = 'money' | 'ratio' | 'score' | 'count';
type Evidence = { kind: 'order' | 'complaint' | 'interaction' | 'need'; id: string; label?: string };
const effectColour = {
  closed: 'success',
  narrowed: 'warning',
  not_closed: 'error',
  pending: 'default',
  no_kpi: 'default',
} as const;

function EffectTag({ effect }: { effect: ReviewActionData['effect'] }) {
  const { t } = useTranslation();
  return <Tag color={effectColour[effect.state]}>{t(`review.effect.${effect.state}`)}</Tag>;
}

function EvidencePicker({
  reviewId,
  value = [],
  onChange,
}: {
  reviewId: string;
  value?: Evidence[];
  onChange?: (v: Evidence[]) => void;
}) {
  const { t } = useTranslation();
  const [kind, setKind] = useState<Evidence['kind']>('order');
  const [q, setQ] = useState('');
  const candidates = useEvidenceCandidates(reviewId, kind, q);
  return (
    <Flex vertical gap={8}>
      <Space.Compact style={{ width: '100%' }}>
        <Select
          value={kind}
          onChange={setKind}
          style={{ width: 110 }}
          options={EvidenceKind.options.map((k) => ({ value: k, label: t(`review.evidenceKind.${k}`) }))}
        />
        <Select
          style={{ flex: 1 }}
          showSearch={{ filterOption: false, onSearch: setQ }}
          placeholder={t('review.pickEvidence')}
          value={null}
          loading={candidates.isFetching}
          onChange={(id: string) => {
            const c = candidates.data?.find((x) => x.id === id);
            if (c && !value.some((v) => v.id === id)) onChange?.([...value, { kind, id, label: c.label }]);
          }}
          options={(candidates.data ?? []).map((c) => ({ value: c.id, label: `${formatDate(c.date)} · ${c.label}` }))}
        />
      </Space.Compact>
      <Flex gap={4} wrap>
        {value.map((v) => (
          <Tag key={v.id} closable onClose={() => onChange?.(value.filter((x) => x.id !== v.id))}>
            {t(`review.evidenceKind.${v.kind}`)} · {v.label ?? v.id.slice(0, 8)}
          </Tag>
        ))}
      </Flex>
    </Flex>
  );
}

function CauseModal({ review, onClose }: { review: ReviewDetailData; onClose: () => void }) {
  const { t } = useTranslation();
  const name = useKpiName();
  const [form] = Form.useForm();
  const add = useReviewWrite((body: Record<string, unknown>) =>
    api.post<ReviewDetailData>(`/reviews/${review.id}/causes`, body),
  );
  const method = Form.useWatch('method', form) ?? 'five_whys';
  const submit = async () => {
    const v = await form.validateFields();
    add.mutate(
      {
        kpiId: v.kpiId ?? null,
        category: v.category,
        method: v.method,
        statement: v.statement,
        whys: method === 'five_whys' ? (v.whys ?? []).filter(Boolean) : [],
        notes: v.notes || null,
        evidence: (v.evidence ?? []).map((e: { kind: string; id: string }) => ({ kind: e.kind, id: e.id })),
      },
      { onSuccess: onClose, onError: (e) => showFieldErrors(form, e) },
    );
  };
  return (
    <Modal
      open
      width={640}
      title={t('review.addCause')}
      onCancel={onClose}
      onOk={submit}
      okText={t('action.save')}
      confirmLoading={add.isPending}
      destroyOnHidden
    >
      <ProblemAlert error={add.error} />
      <Form
        form={form}
        layout="vertical"
        initialValues={{ method: 'five_whys', category: 'competition', whys: ['', ''], evidence: [] }}
      >
        <Flex gap={12}>
          <Form.Item name="kpiId" label={t('review.forKpi')} style={{ flex: 1 }}>
            <Select allowClear options={review.gaps.map((g) => ({ value: g.kpi.id, label: name(g.kpi) }))} />
          </Form.Item>
          <Form.Item name="category" label={t('review.category')} style={{ flex: 1 }}>
            <Select options={CauseCategory.options.map((c) => ({ value: c, label: t(`review.categoryName.${c}`) }))} />
          </Form.Item>
          <Form.Item name="method" label={t('review.method')} style={{ flex: 1 }}>
            <Select options={CauseMethod.options.map((c) => ({ value: c, label: t(`review.methodName.${c}`) }))} />
          </Form.Item>
        </Flex>
        <Form.Item
          name="statement"
          label={t('review.statement')}
          rules={[{ required: true, message: t('form.required') }]}
        >
          <Input maxLength={500} />
        </Form.Item>
        {method === 'five_whys' && (
          <Form.List name="whys">
            {(fields, { add: addWhy, remove }) => (
              <Flex vertical gap={4} style={{ marginBottom: 16 }}>
                <Typography.Text>{t('review.whys')}</Typography.Text>
                {fields.map((field, i) => (
                  <Flex key={field.key} gap={8} align="center">
                    <Typography.Text type="secondary" style={{ width: 64 }}>
                      {t('review.why', { n: i + 1 })}
                    </Typography.Text>
                    <Form.Item name={field.name} noStyle>
                      <Input maxLength={500} />
                    </Form.Item>
                    <MinusCircleOutlined onClick={() => remove(field.name)} />
                  </Flex>
                ))}
                {fields.length < 7 && (
                  <Button type="dashed" size="small" icon={<PlusOutlined />} onClick={() => addWhy('')}>
                    {t('review.addWhy')}
                  </Button>
                )}
              </Flex>
            )}
          </Form.List>
        )}
        <Form.Item
          name="notes"
          label={method === 'fishbone' ? t('review.fishbone') : t('review.notes')}
          extra={method === 'fishbone' ? t('review.fishboneHint') : undefined}
        >
          <Input.TextArea rows={3} maxLength={5000} />
        </Form.Item>
        <Form.Item name="evidence" label={t('review.evidence')}>
          <EvidencePicker reviewId={review.id} />
        </Form.Item>
      </Form>
    </Modal>
  );
}

function ActionModal({ review, onClose }: { review: ReviewDetailData; onClose: () => void }) {
  const { t } = useTranslation();
  const name = useKpiName();
  const user = useCurrentUser();
  const [form] = Form.useForm();
  const add = useReviewWrite((body: Record<string, unknown>) =>
    api.post<ReviewDetailData>(`/reviews/${review.id}/actions`, body),
  );
  const submit = async () => {
    const v = await form.validateFields();
    add.mutate(
      { ...v, causeId: v.causeId ?? null, kpiId: v.kpiId ?? null, dueDate: v.dueDate.format('YYYY-MM-DD') },
      { onSuccess: onClose, onError: (e) => showFieldErrors(form, e) },
    );
  };
  return (
    <Modal
      open
      title={t('review.addAction')}
      onCancel={onClose}
      onOk={submit}
      okText={t('action.save')}
      confirmLoading={add.isPending}
      destroyOnHidden
    >
      <ProblemAlert error={add.error} />
      <Form form={form} layout="vertical" initialValues={{ ownerId: user.id, dueDate: dayjs().add(30, 'day') }}>
        <Form.Item name="measure" label={t('review.measure')} rules={[{ required: true, message: t('form.required') }]}>
          <Input.TextArea rows={2} maxLength={500} />
        </Form.Item>
        <Flex gap={12}>
          <Form.Item name="kpiId" label={t('review.forKpi')} extra={t('review.forKpiHint')} style={{ flex: 1 }}>
            <Select allowClear options={review.gaps.map((g) => ({ value: g.kpi.id, label: name(g.kpi) }))} />
          </Form.Item>
          <Form.Item name="causeId" label={t('review.forCause')} style={{ flex: 1 }}>
            <Select allowClear options={review.problemAnalysis.map((c) => ({ value: c.id, label: c.statement }))} />
          </Form.Item>
        </Flex>
        <Flex gap={12}>
          <Form.Item name="ownerId" label={t('review.owner')} style={{ flex: 1 }} rules={[{ required: true }]}>
            <UserPicker allowClear={false} current={{ id: user.id, displayName: user.displayName }} />
          </Form.Item>
          <Form.Item name="dueDate" label={t('review.due')} style={{ flex: 1 }} rules={[{ required: true }]}>
            <DatePicker style={{ width: '100%' }} />
          </Form.Item>
        </Flex>
      </Form>
    </Modal>
  );
}

function CauseCard({ cause, kpiLabel }: { cause: ReviewCauseData; kpiLabel: string | null }) {
  const { t } = useTranslation();
  return (
    <Card size="small" style={{ breakInside: 'avoid' }}>
      <Flex vertical gap={6}>
        <Flex gap={6} wrap align="center">
          <Tag color="volcano">{t(`review.categoryName.${cause.category}`)}</Tag>
          <Tag>{t(`review.methodName.${cause.method}`)}</Tag>
          {kpiLabel && <Tag color="blue">{kpiLabel}</Tag>}
          <Typography.Text strong>{cause.statement}</Typography.Text>
        </Flex>
        {cause.whys.length > 0 && (
          <Flex vertical gap={2}>
            {cause.whys.map((w, i) => (
              <div key={w}>
                <Typography.Text type="secondary">{t('review.whyLabel', { n: i + 1 })}</Typography.Text>
                {w}
              </div>
            ))}
          </Flex>
        )}
        {cause.notes && <Typography.Paragraph style={{ margin: 0 }}>{cause.notes}</Typography.Paragraph>}
        {cause.evidence.length > 0 && (
          <Flex gap={4} wrap align="center">
            <Typography.Text type="secondary">{t('review.evidenceLabel')}</Typography.Text>
            {cause.evidence.map((e) => (
              <Tag key={e.id}>
                <Link
                  to={
                    e.kind === 'complaint'
                      ? `/complaints/${e.id}`
                      : e.kind === 'need'
                        ? `/needs?need=${e.id}`
                        : e.kind === 'order'
                          ? `/orders?q=${encodeURIComponent(e.label.split(' ')[0] ?? '')}`
                          : '/interactions'
                  }
                >
                  {t(`review.evidenceKind.${e.kind}`)} · {formatDate(e.date)} · {e.label}
                </Link>
              </Tag>
            ))}
          </Flex>
        )}
      </Flex>
    </Card>
  );
}

function ActionsTable({
  review,
  actions,
  editable,
  units,
  showEffect,
}: {
  review: ReviewDetailData;
  actions: ReviewActionData[];
  editable: boolean;
  units: Map<string, { unit: Unit; label: string }>;
  showEffect: boolean;
}) {
  const { t } = useTranslation();
  const update = useReviewWrite(
    ({ actionId, reviewId, ...body }: { actionId: string; reviewId: string; version: number; status: string }) =>
      api.patch<ReviewDetailData>(`/reviews/${reviewId}/actions/${actionId}`, body),
  );
  const fmt = (kpiId: string | null, v: number | null) =>
    kpiId ? formatKpiValue(units.get(kpiId)?.unit ?? 'count', v) : '—';
  return (
    <>
      <ProblemAlert error={update.error} />
      <Table<ReviewActionData>
        rowKey="id"
        size="small"
        pagination={false}
        dataSource={actions}
        locale={{ emptyText: <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('review.noActions')} /> }}
        columns={[
          { title: t('review.measure'), dataIndex: 'measure' },
          {
            title: t('review.forKpi'),
            key: 'kpi',
            width: 120,
            render: (_: unknown, r) => (r.kpiId ? (units.get(r.kpiId)?.label ?? '—') : '—'),
          },
          { title: t('review.owner'), key: 'owner', width: 90, render: (_: unknown, r) => r.owner.displayName },
          {
            title: t('review.due'),
            dataIndex: 'dueDate',
            width: 110,
            render: (d: string, r) => (
              <Typography.Text type={r.overdue ? 'danger' : undefined}>{formatDate(d)}</Typography.Text>
            ),
          },
          {
            title: t('review.actionStatus'),
            key: 'status',
            width: 130,
            render: (_: unknown, r) =>
              editable ? (
                <Select
                  size="small"
                  value={r.status}
                  style={{ width: 110 }}
                  onChange={(status) =>
                    update.mutate({
                      actionId: r.id,
                      reviewId: review.id === r.reviewId ? review.id : r.reviewId,
                      version: r.version,
                      status,
                    })
                  }
                  options={ActionStatus.options.map((s) => ({ value: s, label: t(`review.actionStatusName.${s}`) }))}
                />
              ) : (
                <Flex vertical gap={0}>
                  <span>{t(`review.actionStatusName.${r.status}`)}</span>
                  {r.doneOn && (
                    <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                      {formatDate(r.doneOn)}
                    </Typography.Text>
                  )}
                </Flex>
              ),
          },
          ...(showEffect
            ? [
                {
                  title: t('review.gapThen'),
                  key: 'before',
                  width: 130,
                  align: 'right' as const,
                  render: (_: unknown, r: ReviewActionData) => (
                    <Flex vertical gap={0} align="end">
                      <span>{fmt(r.kpiId, r.effect.gapBefore)}</span>
                      {r.effect.statusBefore && <StatusTag status={r.effect.statusBefore} />}
                    </Flex>
                  ),
                },
                {
                  title: t('review.gapNow'),
                  key: 'after',
                  width: 130,
                  align: 'right' as const,
                  render: (_: unknown, r: ReviewActionData) => (
                    <Flex vertical gap={0} align="end">
                      <span>{fmt(r.kpiId, r.effect.gapAfter)}</span>
                      {r.effect.statusAfter && <StatusTag status={r.effect.statusAfter} />}
                    </Flex>
                  ),
                },
                {
                  title: t('review.effectCol'),
                  key: 'effect',
                  width: 120,
                  render: (_: unknown, r: ReviewActionData) => <EffectTag effect={r.effect} />,
                },
              ]
            : []),
        ]}
      />
    </>
  );
}

/** One review, printable: the loop check of last period's actions, the gaps, the analysis, the actions. */
export function ReviewPage() {
  const { id = '' } = useParams();
  const { t } = useTranslation();
  const user = useCurrentUser();
  const name = useKpiName();
  const review = useReview(id);
  const [adding, setAdding] = useState<'cause' | 'action' | null>(null);
  const resnapshot = useReviewWrite(() => api.post<ReviewDetailData>(`/reviews/${id}/snapshot`));
  const close = useReviewWrite((version: number) =>
    api.patch<ReviewDetailData>(`/reviews/${id}`, { version, status: 'closed' }),
  );
  if (review.isError) return <QueryError error={review.error} onRetry={() => review.refetch()} />;
  const r = review.data;
  if (!r) return <Skeleton active />;
  const editable = writesReviews(user) && r.status === 'draft';
  const units = new Map(r.gaps.map((g) => [g.kpi.id, { unit: g.kpi.unit as Unit, label: name(g.kpi) }]));
  const kpiLabel = (kpiId: string | null) => (kpiId ? (units.get(kpiId)?.label ?? null) : null);
  const previous = r.previous;
  const closedCount = previous?.actions.filter((a) => a.effect.state === 'closed').length ?? 0;
  return (
    <div className="kamap-review">
      <PageHeader
        title={t('review.title', { subject: r.subject.name, period: r.period })}
        breadcrumb={[{ title: t('nav.page.reviews'), to: '/reviews' }, { title: r.period }]}
        tags={<Tag color={r.status === 'closed' ? 'default' : 'processing'}>{t(`review.statusName.${r.status}`)}</Tag>}
        extra={
          <Space className="kamap-no-print">
            {editable && (
              <Button
                icon={<ReloadOutlined />}
                loading={resnapshot.isPending}
                onClick={() => resnapshot.mutate(undefined)}
              >
                {t('review.resnapshot')}
              </Button>
            )}
            {editable && (
              <Button loading={close.isPending} onClick={() => close.mutate(r.version)}>
                {t('review.close')}
              </Button>
            )}
            <Button type="primary" icon={<PrinterOutlined />} onClick={() => window.print()}>
              {t('review.print')}
            </Button>
          </Space>
        }
      />
      <Flex vertical gap={16}>
        <Card variant="borderless">
          <Descriptions size="small" column={{ xs: 1, md: 4 }}>
            <Descriptions.Item label={t(`perf.subject.${r.subject.kind}`)}>
              {r.subject.kind === 'account' ? (
                <Link to={`/accounts/${r.subject.id}`}>{r.subject.name}</Link>
              ) : (
                r.subject.name
              )}
            </Descriptions.Item>
            <Descriptions.Item label={t('perf.period')}>{r.period}</Descriptions.Item>
            <Descriptions.Item label={t('review.heldOn')}>{formatDate(r.heldOn)}</Descriptions.Item>
            <Descriptions.Item label={t('review.snapshotAt')}>
              {formatDateTime(r.gaps[0]?.snapshotAt)}
            </Descriptions.Item>
          </Descriptions>
          {r.summary && (
            <Typography.Paragraph style={{ marginTop: 8, marginBottom: 0 }}>{r.summary}</Typography.Paragraph>
          )}
        </Card>

        {previous && (
          <Card
            variant="borderless"
            title={t('review.previousTitle', { period: previous.period })}
            extra={
              <Link to={`/reviews/${previous.id}`} className="kamap-no-print">
                {t('review.openPrevious')}
              </Link>
            }
          >
            <Alert
              type={closedCount === previous.actions.length && closedCount > 0 ? 'success' : 'info'}
              showIcon
              style={{ marginBottom: 12 }}
              title={t('review.previousSummary', { closed: closedCount, total: previous.actions.length })}
            />
            <ActionsTable review={r} actions={previous.actions} editable={false} units={units} showEffect />
          </Card>
        )}

        <Card variant="borderless" title={t('review.gaps')}>
          <Table
            rowKey={(g) => g.kpi.id}
            size="small"
            pagination={false}
            dataSource={r.gaps}
            locale={{ emptyText: <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('review.noGaps')} /> }}
            columns={[
              { title: t('perf.kpi'), key: 'kpi', render: (_: unknown, g) => name(g.kpi) },
              {
                title: t('perf.target'),
                key: 'target',
                align: 'right',
                render: (_: unknown, g) => formatKpiValue(g.kpi.unit, g.target),
              },
              {
                title: t('perf.actual'),
                key: 'actual',
                align: 'right',
                render: (_: unknown, g) => formatKpiValue(g.kpi.unit, g.actual),
              },
              {
                title: t('perf.gap'),
                key: 'gap',
                align: 'right',
                render: (_: unknown, g) => (g.gap === null ? '—' : formatKpiValue(g.kpi.unit, g.gap)),
              },
              {
                title: t('perf.attainment'),
                key: 'att',
                align: 'right',
                render: (_: unknown, g) => (g.attainment === null ? '—' : `${Math.round(g.attainment * 100)}%`),
              },
              {
                title: t('perf.statusCol'),
                key: 'status',
                width: 90,
                render: (_: unknown, g) => <StatusTag status={g.status} />,
              },
            ]}
          />
        </Card>

        <Card
          variant="borderless"
          title={t('review.problemAnalysis')}
          extra={
            editable && (
              <Button className="kamap-no-print" icon={<PlusOutlined />} onClick={() => setAdding('cause')}>
                {t('review.addCause')}
              </Button>
            )
          }
        >
          {r.problemAnalysis.length ? (
            <Flex vertical gap={8}>
              {r.problemAnalysis.map((c) => (
                <CauseCard key={c.id} cause={c} kpiLabel={kpiLabel(c.kpiId)} />
              ))}
            </Flex>
          ) : (
            <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('review.noCauses')} />
          )}
        </Card>

        <Card
          variant="borderless"
          title={t('review.improvementActions')}
          extra={
            editable && (
              <Button className="kamap-no-print" icon={<PlusOutlined />} onClick={() => setAdding('action')}>
                {t('review.addAction')}
              </Button>
            )
          }
        >
          <ActionsTable
            review={r}
            actions={r.improvementActions}
            editable={writesReviews(user)}
            units={units}
            showEffect={r.improvementActions.some((a) => a.effect.nextReview)}
          />
          <Typography.Paragraph type="secondary" style={{ marginTop: 12, marginBottom: 0 }}>
            {t('review.effectNote')}
          </Typography.Paragraph>
        </Card>
        <Typography.Text type="secondary" className="kamap-print-only">
          {t('review.printedOn', { date: dayjs().format('YYYY-MM-DD HH:mm'), user: user.displayName })}
        </Typography.Text>
      </Flex>
      {adding === 'cause' && <CauseModal review={r} onClose={() => setAdding(null)} />}
      {adding === 'action' && <ActionModal review={r} onClose={() => setAdding(null)} />}
    </div>
  );
}
