import {
  Button,
  Card,
  Col,
  DatePicker,
  Descriptions,
  Flex,
  Form,
  Input,
  InputNumber,
  Modal,
  Radio,
  Row,
  Select,
  Space,
  Steps,
  Table,
  Tag,
  Typography,
} from 'antd';
import dayjs from 'dayjs';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import type { AttitudeValue, DecisionRoleValue } from '../../app/api/types';
import { useCurrentUser } from '../../app/auth/current-user';
import { AttitudeTag, DecisionRoleTag } from '../../ui/enum-tags';
import { fenToYuan, formatDate, formatMoney, yuanToFen } from '../../ui/format';
import { PageHeader } from '../../ui/page-header';
import { PageSkeleton } from '../../ui/page-skeleton';
import { ProblemAlert } from '../../ui/problem-alert';
import { QueryError } from '../../ui/query-error';
import { useContactList } from '../contacts/api';
import { planWriters } from './access';
import {
  useCloseOpportunity,
  useOpportunity,
  useRemoveBuyingCentre,
  useSetBuyingCentre,
  useUpdateOpportunity,
} from './api';
import { STAGES, StageTag } from './tags';
import type { OpportunityData } from './types';

const ROLES: DecisionRoleValue[] = [
  'decision_maker',
  'economic_buyer',
  'technical_evaluator',
  'user',
  'influencer',
  'coach',
  'gatekeeper',
];
const STANCES: AttitudeValue[] = ['champion', 'supporter', 'neutral', 'sceptic', 'opponent'];

function MemberModal({ o, contactId, onClose }: { o: OpportunityData; contactId?: string; onClose: () => void }) {
  const { t } = useTranslation();
  const set = useSetBuyingCentre(o.id);
  const contacts = useContactList({ accountId: o.accountId, limit: 200 });
  const current = o.buyingCentre.find((m) => m.contactId === contactId);
  const [form] = Form.useForm();
  return (
    <Modal
      open
      title={t('opportunity.centre.edit', { stage: t(`opportunity.stage.${o.stage}`) })}
      onCancel={onClose}
      onOk={() => form.submit()}
      okButtonProps={{ loading: set.isPending }}
    >
      <ProblemAlert error={set.error} />
      <Form
        form={form}
        layout="vertical"
        initialValues={{ contactId, role: current?.role, stance: current?.stance ?? undefined, note: current?.note }}
        onFinish={(v) => set.mutate({ ...v, note: v.note || null }, { onSuccess: onClose })}
      >
        <Form.Item name="contactId" label={t('opportunity.centre.contact')} rules={[{ required: true }]}>
          <Select
            disabled={Boolean(contactId)}
            loading={contacts.isPending}
            showSearch={{ optionFilterProp: 'label' }}
            options={contacts.items.map((c) => ({ value: c.id, label: `${c.name}${c.title ? ` · ${c.title}` : ''}` }))}
            onChange={(id) => {
              const c = contacts.items.find((x) => x.id === id);
              if (c?.decisionRole) form.setFieldValue('role', c.decisionRole);
            }}
          />
        </Form.Item>
        <Form.Item name="role" label={t('opportunity.centre.role')} rules={[{ required: true }]}>
          <Select options={ROLES.map((r) => ({ value: r, label: t(`enum.decisionRole.${r}`) }))} />
        </Form.Item>
        <Form.Item name="stance" label={t('opportunity.centre.stance')} rules={[{ required: true }]}>
          <Radio.Group
            optionType="button"
            options={STANCES.map((s) => ({ value: s, label: t(`enum.attitude.${s}`) }))}
          />
        </Form.Item>
        <Form.Item name="note" label={t('opportunity.centre.note')}>
          <Input.TextArea rows={2} maxLength={1000} />
        </Form.Item>
      </Form>
    </Modal>
  );
}

function EditModal({ o, onClose }: { o: OpportunityData; onClose: () => void }) {
  const { t } = useTranslation();
  const update = useUpdateOpportunity(o.id);
  const [form] = Form.useForm();
  return (
    <Modal
      open
      title={t('opportunity.edit')}
      onCancel={onClose}
      onOk={() => form.submit()}
      okButtonProps={{ loading: update.isPending }}
    >
      <ProblemAlert error={update.error} />
      <Form
        form={form}
        layout="vertical"
        initialValues={{
          title: o.title,
          amount: fenToYuan(o.amount),
          probability: o.probability,
          expectedClose: dayjs(o.expectedClose),
        }}
        onFinish={(v) =>
          update.mutate(
            {
              version: o.version,
              title: v.title,
              amount: yuanToFen(v.amount),
              probability: v.probability,
              expectedClose: v.expectedClose.format('YYYY-MM-DD'),
            },
            { onSuccess: onClose },
          )
        }
      >
        <Form.Item name="title" label={t('opportunity.title')} rules={[{ required: true, max: 200 }]}>
          <Input />
        </Form.Item>
        <Form.Item name="amount" label={t('opportunity.amountYuan')} rules={[{ required: true }]}>
          <InputNumber min={0.01} style={{ width: '100%' }} />
        </Form.Item>
        <Form.Item name="probability" label={t('opportunity.probability')} rules={[{ required: true }]}>
          <InputNumber min={0} max={100} addonAfter="%" style={{ width: '100%' }} />
        </Form.Item>
        <Form.Item name="expectedClose" label={t('opportunity.expectedClose')} rules={[{ required: true }]}>
          <DatePicker style={{ width: '100%' }} />
        </Form.Item>
      </Form>
    </Modal>
  );
}

function CloseModal({ o, outcome, onClose }: { o: OpportunityData; outcome: 'won' | 'lost'; onClose: () => void }) {
  const { t } = useTranslation();
  const close = useCloseOpportunity(o.id);
  const [reason, setReason] = useState('');
  return (
    <Modal
      open
      title={t(`opportunity.close.${outcome}`)}
      onCancel={onClose}
      okButtonProps={{ disabled: !reason.trim(), loading: close.isPending, danger: outcome === 'lost' }}
      onOk={() => close.mutate({ version: o.version, outcome, reason: reason.trim() }, { onSuccess: onClose })}
    >
      <ProblemAlert error={close.error} />
      <Typography.Paragraph type="secondary">{t('opportunity.close.reasonHint')}</Typography.Paragraph>
      <Input.TextArea rows={3} value={reason} onChange={(e) => setReason(e.target.value)} maxLength={1000} />
    </Modal>
  );
}

/** One opportunity: its figures, where it stands in the customer's buying stages, and the buying centre. */
export function OpportunityPage() {
  const { t } = useTranslation();
  const { id = '' } = useParams();
  const user = useCurrentUser();
  const query = useOpportunity(id);
  const update = useUpdateOpportunity(id);
  const remove = useRemoveBuyingCentre(id);
  const [member, setMember] = useState<{ contactId?: string } | null>(null);
  const [closing, setClosing] = useState<'won' | 'lost' | null>(null);
  const [editing, setEditing] = useState(false);
  if (query.isPending) return <PageSkeleton />;
  if (query.isError) return <QueryError error={query.error} onRetry={() => query.refetch()} />;
  const o = query.data;
  const canWrite = planWriters.includes(user.role) && o.status === 'open';
  const evidence = o.source.evidence as { because?: string; lift?: number; confidence?: number; peers?: number } | null;
  return (
    <>
      <PageHeader
        breadcrumb={[
          { title: t('nav.page.pipeline'), to: '/pipeline' },
          { title: o.accountName, to: `/accounts/${o.accountId}?tab=opportunities` },
          { title: o.title },
        ]}
        title={o.title}
        tags={
          <>
            <StageTag value={o.stage} />
            {o.status !== 'open' && (
              <Tag color={o.status === 'won' ? 'success' : 'error'}>{t(`opportunity.status.${o.status}`)}</Tag>
            )}
            <Tag>{t(`opportunity.kind.${o.kind}`)}</Tag>
          </>
        }
        extra={
          canWrite && (
            <Space>
              <Button onClick={() => setEditing(true)}>{t('opportunity.edit')}</Button>
              <Button type="primary" onClick={() => setClosing('won')}>
                {t('opportunity.close.won')}
              </Button>
              <Button danger onClick={() => setClosing('lost')}>
                {t('opportunity.close.lost')}
              </Button>
            </Space>
          )
        }
      />
      <Flex vertical gap={16}>
        <ProblemAlert error={update.error ?? remove.error} />
        <Card>
          <Steps
            current={STAGES.indexOf(o.stage)}
            status={o.status === 'lost' ? 'error' : o.status === 'won' ? 'finish' : 'process'}
            onChange={canWrite ? (i) => update.mutate({ version: o.version, stage: STAGES[i] }) : undefined}
            items={STAGES.map((s) => ({ title: t(`opportunity.stage.${s}`) }))}
          />
          {canWrite && (
            <Typography.Text type="secondary" style={{ display: 'block', marginTop: 8 }}>
              {t('opportunity.stageHint')}
            </Typography.Text>
          )}
        </Card>
        <Row gutter={[16, 16]}>
          <Col xs={24} lg={10}>
            <Card title={t('opportunity.details')}>
              <Descriptions column={1} size="small">
                <Descriptions.Item label={t('opportunity.account')}>
                  <Link to={`/accounts/${o.accountId}`}>{o.accountName}</Link>
                </Descriptions.Item>
                <Descriptions.Item label={t('opportunity.amount')}>
                  <span className="kamap-num">{formatMoney(o.amount)}</span>
                </Descriptions.Item>
                <Descriptions.Item label={t('opportunity.probability')}>{o.probability}%</Descriptions.Item>
                <Descriptions.Item label={t('opportunity.weighted')}>
                  <span className="kamap-num">{formatMoney(o.weighted)}</span>
                </Descriptions.Item>
                <Descriptions.Item label={t('opportunity.expectedClose')}>
                  {formatDate(o.expectedClose)}
                </Descriptions.Item>
                <Descriptions.Item label={t('opportunity.productLines')}>
                  {o.categories.map((c) => c.name).join('、') || '—'}
                </Descriptions.Item>
                <Descriptions.Item label={t('opportunity.owner')}>{o.owner.displayName}</Descriptions.Item>
                <Descriptions.Item label={t('opportunity.competitor')}>{o.competitor?.name ?? '—'}</Descriptions.Item>
                <Descriptions.Item label={t('opportunity.source')}>
                  {o.source.kind === 'recommendation' && evidence
                    ? t('opportunity.sourceRecommendation', {
                        because: evidence.because,
                        lift: evidence.lift?.toFixed(1),
                        peers: evidence.peers,
                      })
                    : t('opportunity.sourceManual')}
                </Descriptions.Item>
                {o.closeReason && (
                  <Descriptions.Item label={t(`opportunity.reason.${o.status}`)}>
                    {o.closeReason}（{formatDate(o.closedOn)}）
                  </Descriptions.Item>
                )}
              </Descriptions>
            </Card>
          </Col>
          <Col xs={24} lg={14}>
            <Card
              title={t('opportunity.centre.title')}
              extra={
                canWrite && (
                  <Button size="small" onClick={() => setMember({})}>
                    {t('opportunity.centre.add')}
                  </Button>
                )
              }
            >
              <Table
                rowKey="contactId"
                size="small"
                pagination={false}
                dataSource={o.buyingCentre}
                locale={{ emptyText: t('opportunity.centre.empty') }}
                columns={[
                  {
                    title: t('opportunity.centre.contact'),
                    render: (_, m) => (
                      <Link to={`/contacts/${m.contactId}`}>
                        {m.name}
                        {m.title ? <Typography.Text type="secondary"> · {m.title}</Typography.Text> : null}
                      </Link>
                    ),
                  },
                  { title: t('opportunity.centre.role'), render: (_, m) => <DecisionRoleTag value={m.role} /> },
                  {
                    title: t('opportunity.centre.stanceNow', { stage: t(`opportunity.stage.${o.stage}`) }),
                    render: (_, m) =>
                      m.stance ? <AttitudeTag value={m.stance} /> : <Tag>{t('opportunity.centre.unknown')}</Tag>,
                  },
                  {
                    title: t('opportunity.centre.history'),
                    render: (_, m) => (
                      <Space size={4} wrap>
                        {m.stances.map((s) => (
                          <Typography.Text key={s.stage} type="secondary" style={{ fontSize: 12 }}>
                            {t(`opportunity.stage.${s.stage}`)}：{t(`enum.attitude.${s.stance}`)}
                          </Typography.Text>
                        ))}
                      </Space>
                    ),
                  },
                  ...(canWrite
                    ? [
                        {
                          title: t('common.actions'),
                          width: 120,
                          render: (_: unknown, m: OpportunityData['buyingCentre'][number]) => (
                            <Space size={4}>
                              <Button size="small" type="link" onClick={() => setMember({ contactId: m.contactId })}>
                                {t('opportunity.centre.update')}
                              </Button>
                              <Button size="small" type="link" danger onClick={() => remove.mutate(m.contactId)}>
                                {t('opportunity.centre.remove')}
                              </Button>
                            </Space>
                          ),
                        },
                      ]
                    : []),
                ]}
              />
            </Card>
          </Col>
        </Row>
      </Flex>
      {member && <MemberModal o={o} contactId={member.contactId} onClose={() => setMember(null)} />}
      {closing && <CloseModal o={o} outcome={closing} onClose={() => setClosing(null)} />}
      {editing && <EditModal o={o} onClose={() => setEditing(false)} />}
    </>
  );
}
