import { CheckOutlined, EditOutlined, PrinterOutlined, RollbackOutlined, SendOutlined } from '@ant-design/icons';
import {
  Alert,
  Button,
  Card,
  Col,
  Descriptions,
  Flex,
  Input,
  Modal,
  Row,
  Select,
  Space,
  Table,
  Tag,
  Typography,
} from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { useCurrentUser } from '../../app/auth/current-user';
import { formatDate, formatDateTime, formatMoney, formatPercent, todayInChina } from '../../ui/format';
import { PageHeader } from '../../ui/page-header';
import { PageSkeleton } from '../../ui/page-skeleton';
import { ProblemAlert } from '../../ui/problem-alert';
import { QueryError } from '../../ui/query-error';
import { planApprovers, planWriters } from './access';
import { usePlan, usePlanDecision, useUpdatePlanAction } from './api';
import { PlanEditModal, STRATEGIES } from './plan-edit-modal';
import { PlanVersions } from './plan-versions';
import styles from './plans.module.css';
import { ActionStatusTag, PlanStatusTag } from './tags';
import type { PlanActionData, PlanActionStatusValue, PlanData } from './types';

const QUADRANT_COLOR = {
  strengths: '#ecfdf5',
  weaknesses: '#fef2f2',
  opportunities: '#eff6ff',
  threats: '#fffbeb',
} as const;
const ACTION_STATUSES: PlanActionStatusValue[] = ['not_started', 'in_progress', 'done', 'cancelled'];

function GoalValue({ kind, value }: { kind: string; value: number | null }) {
  const { t } = useTranslation();
  if (value === null) return <>—</>;
  if (kind === 'revenue' || kind === 'margin') return <span className="kamap-num">{formatMoney(value)}</span>;
  if (kind === 'share_of_wallet') return <span className="kamap-num">{value}%</span>;
  if (kind === 'relationship') return <>{value === 1 ? t('plan.goal.covered') : t('plan.goal.notCovered')}</>;
  return <>{value}</>;
}

function Decision({ plan, step, onClose }: { plan: PlanData; step: 'approve' | 'return'; onClose: () => void }) {
  const { t } = useTranslation();
  const decide = usePlanDecision(plan.id, step);
  const [note, setNote] = useState('');
  return (
    <Modal
      open
      title={t(`plan.decision.${step}`)}
      onCancel={onClose}
      okButtonProps={{
        loading: decide.isPending,
        disabled: step === 'return' && !note.trim(),
        danger: step === 'return',
      }}
      onOk={() =>
        decide.mutate({ version: plan.version, ...(note.trim() ? { note: note.trim() } : {}) }, { onSuccess: onClose })
      }
    >
      <ProblemAlert error={decide.error} />
      <Typography.Paragraph type="secondary">{t(`plan.decision.${step}Hint`)}</Typography.Paragraph>
      <Input.TextArea
        rows={3}
        value={note}
        onChange={(e) => setNote(e.target.value)}
        placeholder={t('plan.decision.note')}
      />
    </Modal>
  );
}

function ActionsTable({ plan, actions, canRun }: { plan: PlanData; actions: PlanActionData[]; canRun: boolean }) {
  const { t } = useTranslation();
  const update = useUpdatePlanAction(plan.id);
  return (
    <>
      <ProblemAlert error={update.error} />
      <Table<PlanActionData>
        rowKey="id"
        size="small"
        pagination={false}
        dataSource={actions}
        rowClassName={(a) => (a.status === 'cancelled' ? (styles.removed ?? '') : '')}
        locale={{ emptyText: t('plan.noActions') }}
        columns={[
          { title: t('plan.action.title'), dataIndex: 'title' },
          { title: t('plan.action.owner'), width: 90, render: (_, a) => a.owner.displayName },
          {
            title: t('plan.action.due'),
            width: 104,
            render: (_, a) => (
              <Typography.Text type={a.overdue ? 'danger' : undefined} className="kamap-num">
                {formatDate(a.dueDate)}
              </Typography.Text>
            ),
          },
          {
            title: t('plan.action.resources'),
            width: 150,
            render: (_, a) => (
              <>
                {a.resources ?? ''}
                {a.budget !== null && (
                  <Typography.Text type="secondary" className="kamap-num" style={{ display: 'block', fontSize: 12 }}>
                    {t('plan.action.budget')} {formatMoney(a.budget)}
                  </Typography.Text>
                )}
              </>
            ),
          },
          {
            title: t('plan.action.status'),
            width: 196,
            render: (_, a) =>
              canRun && a.status !== 'cancelled' ? (
                <Flex gap={4} align="center">
                  <Select
                    size="small"
                    value={a.status}
                    style={{ width: 124 }}
                    options={ACTION_STATUSES.map((s) => ({ value: s, label: t(`plan.actionStatus.${s}`) }))}
                    onChange={(status) => update.mutate({ actionId: a.id, version: a.version, status })}
                  />
                  {a.overdue && <Tag color="error">{t('plan.overdue')}</Tag>}
                </Flex>
              ) : (
                <ActionStatusTag value={a.status} overdue={a.overdue} />
              ),
          },
        ]}
      />
    </>
  );
}

/** An account plan: goals against actuals, SWOT, the four strategies and their actions, versions, approval. */
export function PlanPage() {
  const { t } = useTranslation();
  const { id = '' } = useParams();
  const user = useCurrentUser();
  const query = usePlan(id);
  const submit = usePlanDecision(id, 'submit');
  const [editing, setEditing] = useState(false);
  const [deciding, setDeciding] = useState<'approve' | 'return' | null>(null);
  if (query.isPending) return <PageSkeleton />;
  if (query.isError) return <QueryError error={query.error} onRetry={() => query.refetch()} />;
  const plan = query.data;
  const writer = planWriters.includes(user.role);
  const approver = planApprovers.includes(user.role);
  const overdue = plan.actions.filter((a) => a.overdue);

  return (
    <>
      <PageHeader
        breadcrumb={[
          { title: t('nav.page.plans'), to: '/plans' },
          { title: plan.accountName, to: `/accounts/${plan.accountId}?tab=plan` },
          { title: plan.year },
        ]}
        title={plan.title}
        tags={
          <>
            <PlanStatusTag value={plan.status} />
            <Tag>{t('plan.versions.revision', { n: plan.revision })}</Tag>
            <Tag color={plan.tier === 'strategic' ? 'gold' : undefined}>{t(`enum.tier.${plan.tier}`)}</Tag>
          </>
        }
        extra={
          <Space className={styles.noPrint} wrap>
            <Button icon={<PrinterOutlined />} onClick={() => window.print()}>
              {t('plan.print')}
            </Button>
            {writer && (plan.status === 'draft' || plan.status === 'approved') && (
              <Button
                icon={<EditOutlined />}
                onClick={() => setEditing(true)}
                type={plan.status === 'approved' ? 'primary' : 'default'}
              >
                {plan.status === 'approved' ? t('plan.adjust.button') : t('plan.edit')}
              </Button>
            )}
            {writer && plan.status === 'draft' && (
              <Button
                type="primary"
                icon={<SendOutlined />}
                loading={submit.isPending}
                onClick={() => submit.mutate({ version: plan.version })}
              >
                {plan.needsApproval ? t('plan.submitForApproval') : t('plan.submit')}
              </Button>
            )}
            {approver && plan.status === 'submitted' && (
              <>
                <Button icon={<RollbackOutlined />} onClick={() => setDeciding('return')}>
                  {t('plan.decision.return')}
                </Button>
                <Button type="primary" icon={<CheckOutlined />} onClick={() => setDeciding('approve')}>
                  {t('plan.decision.approve')}
                </Button>
              </>
            )}
          </Space>
        }
      >
        <div className={styles.printOnly}>
          {plan.accountName} · {t('plan.printedOn', { date: formatDate(todayInChina()) })}
        </div>
      </PageHeader>
      <Flex vertical gap={16}>
        <ProblemAlert error={submit.error} />
        {plan.status === 'submitted' && <Alert type="info" showIcon message={t('plan.awaitingApproval')} />}
        {plan.status === 'draft' && plan.approvalNote && (
          <Alert type="warning" showIcon message={t('plan.returned', { note: plan.approvalNote })} />
        )}
        {overdue.length > 0 && (
          <Alert
            type="error"
            showIcon
            message={t('plan.overdueBanner', { count: overdue.length })}
            description={overdue.map((a) => `${a.title}（${formatDate(a.dueDate)}）`).join('；')}
          />
        )}
        <Card size="small">
          <Descriptions size="small" column={{ xs: 1, md: 3 }}>
            <Descriptions.Item label={t('plan.account')}>
              <Link to={`/accounts/${plan.accountId}`}>{plan.accountName}</Link>
            </Descriptions.Item>
            <Descriptions.Item label={t('plan.completion')}>
              {t('plan.completionValue', {
                done: plan.completion.done,
                due: plan.completion.due,
                rate: plan.completion.rate === null ? '—' : formatPercent(plan.completion.rate),
              })}
            </Descriptions.Item>
            <Descriptions.Item label={t('plan.reviews')}>
              {plan.reviews.map((r) => `Q${r.quarter} ${formatDate(r.date)}`).join(' · ')}
            </Descriptions.Item>
            <Descriptions.Item label={t('plan.approval')}>
              {plan.needsApproval
                ? plan.approvedAt
                  ? t('plan.approvedBy', {
                      name: plan.approvedBy?.displayName ?? '—',
                      at: formatDateTime(plan.approvedAt),
                    })
                  : t('plan.needsApproval')
                : t('plan.noApprovalNeeded')}
            </Descriptions.Item>
            {plan.approvalNote && plan.status !== 'draft' && (
              <Descriptions.Item label={t('plan.decision.note')}>{plan.approvalNote}</Descriptions.Item>
            )}
          </Descriptions>
        </Card>
        <Row gutter={[16, 16]}>
          <Col xs={24} lg={12}>
            <Card title={t('plan.goals')} style={{ height: '100%' }}>
              <Table
                rowKey={(g) => `${g.kind}:${g.label}`}
                size="small"
                pagination={false}
                dataSource={plan.goals}
                columns={[
                  { title: t('plan.goal.label'), dataIndex: 'label' },
                  {
                    title: t('plan.goal.target'),
                    render: (_, g) =>
                      g.kind === 'relationship' ? (
                        g.role ? (
                          t(`enum.decisionRole.${g.role}`)
                        ) : (
                          '—'
                        )
                      ) : (
                        <GoalValue kind={g.kind} value={g.target} />
                      ),
                  },
                  { title: t('plan.goal.actual'), render: (_, g) => <GoalValue kind={g.kind} value={g.actual} /> },
                  {
                    title: '',
                    width: 70,
                    render: (_, g) =>
                      g.met === null ? null : (
                        <Tag color={g.met ? 'success' : 'warning'}>
                          {g.met ? t('plan.goal.met') : t('plan.goal.gap')}
                        </Tag>
                      ),
                  },
                ]}
              />
              <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                {t('plan.goal.hint', { year: plan.year })}
              </Typography.Text>
            </Card>
          </Col>
          <Col xs={24} lg={12}>
            <Card title={t('plan.swot.title')} style={{ height: '100%' }}>
              <div className={styles.swot}>
                {(['strengths', 'weaknesses', 'opportunities', 'threats'] as const).map((q) => (
                  <div key={q} className={styles.quadrant} style={{ background: QUADRANT_COLOR[q] }}>
                    <Typography.Text strong>{t(`plan.swot.${q}`)}</Typography.Text>
                    {plan.swot[q].length ? (
                      <ul>
                        {plan.swot[q].map((s) => (
                          <li key={s}>{s}</li>
                        ))}
                      </ul>
                    ) : (
                      <Typography.Text type="secondary" style={{ display: 'block' }}>
                        —
                      </Typography.Text>
                    )}
                  </div>
                ))}
              </div>
            </Card>
          </Col>
        </Row>
        {STRATEGIES.map((s) => (
          <Card key={s} title={t(`plan.strategy.${s}Title`)} size="small">
            <Typography.Paragraph>{plan.strategies[s] || '—'}</Typography.Paragraph>
            <ActionsTable
              plan={plan}
              actions={plan.actions.filter((a) => a.strategy === s)}
              canRun={writer && plan.status === 'approved'}
            />
          </Card>
        ))}
        <Card title={t('plan.items.title')} size="small">
          <Table
            rowKey="id"
            size="small"
            pagination={false}
            dataSource={plan.items}
            locale={{ emptyText: t('plan.items.empty') }}
            columns={[
              { title: t('plan.items.kind'), width: 120, render: (_, i) => <Tag>{t(`plan.itemKind.${i.kind}`)}</Tag> },
              { title: t('plan.items.name'), dataIndex: 'title', width: 200 },
              { title: t('plan.items.terms'), dataIndex: 'terms' },
              {
                title: t('plan.items.period'),
                width: 200,
                render: (_, i) =>
                  `${formatDate(i.startDate)} ~ ${i.endDate ? formatDate(i.endDate) : t('plan.items.open')}`,
              },
              {
                title: t('plan.items.contracts'),
                width: 160,
                render: (_, i) => i.contracts.map((c) => c.code).join('、') || '—',
              },
            ]}
          />
        </Card>
        <PlanVersions plan={plan} />
      </Flex>
      {editing && <PlanEditModal plan={plan} onClose={() => setEditing(false)} />}
      {deciding && <Decision plan={plan} step={deciding} onClose={() => setDeciding(null)} />}
    </>
  );
}
