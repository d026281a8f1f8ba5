import {
  Button,
  Card,
  Col,
  Empty,
  Flex,
  Form,
  Input,
  InputNumber,
  Radio,
  Row,
  Select,
  Space,
  Tag,
  Typography,
} from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { formatDate } from '../../ui/format';
import { ListFooter } from '../../ui/list-footer';
import { PageHeader } from '../../ui/page-header';
import { ProblemAlert, showFieldErrors } from '../../ui/problem-alert';
import { QueryError } from '../../ui/query-error';
import { useAgentList, useDecideRegistration, useRegistrationList } from './api';
import { ClaimCard, ConflictList, RegistrationStatusTag, RuleLine } from './evidence';
import type { RegistrationData } from './types';

type DecisionValues = {
  decision: 'approve' | 'reject' | 'split' | 'transfer';
  reason: string;
  splitShare?: number;
  transferToAgentId?: string;
};

function DecisionForm({ registration, onDone }: { registration: RegistrationData; onDone: () => void }) {
  const { t } = useTranslation();
  const [form] = Form.useForm<DecisionValues>();
  const decision = Form.useWatch('decision', form);
  const agents = useAgentList({ limit: 100, sort: 'code' });
  const decide = useDecideRegistration();
  const save = async () => {
    const v = await form.validateFields();
    decide.mutate(
      {
        id: registration.id,
        version: registration.version,
        decision: v.decision,
        reason: v.reason,
        ...(v.decision === 'split' ? { splitShare: v.splitShare } : {}),
        ...(v.decision === 'transfer' ? { transferToAgentId: v.transferToAgentId } : {}),
      },
      { onSuccess: onDone, onError: (e) => showFieldErrors(form, e) },
    );
  };
  return (
    <Card size="small" title={t('channels.decide')}>
      <ProblemAlert error={decide.error} />
      <Form<DecisionValues> form={form} layout="vertical" initialValues={{ decision: 'approve', splitShare: 50 }}>
        <Form.Item name="decision" label={t('channels.field.decision')}>
          <Radio.Group
            optionType="button"
            options={(['approve', 'reject', 'split', 'transfer'] as const).map((d) => ({
              value: d,
              label: t(`channels.decision.${d}`),
            }))}
          />
        </Form.Item>
        {decision === 'split' && (
          <Form.Item
            name="splitShare"
            label={t('channels.field.splitShare')}
            rules={[{ required: true, message: t('form.required') }]}
          >
            <InputNumber min={1} max={99} addonAfter="%" />
          </Form.Item>
        )}
        {decision === 'transfer' && (
          <Form.Item
            name="transferToAgentId"
            label={t('channels.field.transferTo')}
            rules={[{ required: true, message: t('form.required') }]}
          >
            <Select
              options={agents.items
                .filter((a) => a.id !== registration.agent.id)
                .map((a) => ({ value: a.id, label: `${a.code} ${a.name}` }))}
            />
          </Form.Item>
        )}
        <Form.Item
          name="reason"
          label={t('channels.field.reason')}
          rules={[{ required: true, min: 2, message: t('channels.reasonRequired') }]}
        >
          <Input.TextArea rows={2} maxLength={500} />
        </Form.Item>
        <Space>
          <Button type="primary" onClick={save} loading={decide.isPending}>
            {t('channels.recordDecision')}
          </Button>
          <Typography.Text type="secondary">{t('channels.notifiesBoth')}</Typography.Text>
        </Space>
      </Form>
    </Card>
  );
}

/** The channel manager's queue: each undecided claim with its evidence side by side, and the decision. */
export function ChannelQueuePage() {
  const { t } = useTranslation();
  const [status, setStatus] = useState<'queued' | 'decided'>('queued');
  const queued = useRegistrationList({ status: 'queued', limit: 50 }, status === 'queued');
  const decided = useRegistrationList({ limit: 50 }, status === 'decided');
  const list = status === 'queued' ? queued : decided;
  const [selected, setSelected] = useState<string | null>(null);
  const items =
    status === 'queued' ? list.items : list.items.filter((r) => r.decision && !r.decision.startsWith('auto'));
  const current = items.find((r) => r.id === selected) ?? items[0];
  return (
    <Flex vertical gap={16}>
      <PageHeader
        title={t('nav.page.channelQueue')}
        subtitle={t('channels.queueSubtitle')}
        extra={
          <Radio.Group
            optionType="button"
            value={status}
            onChange={(e) => {
              setStatus(e.target.value);
              setSelected(null);
            }}
            options={[
              { value: 'queued', label: t('channels.queueTab.queued', { count: queued.total }) },
              { value: 'decided', label: t('channels.queueTab.decided') },
            ]}
          />
        }
      />
      {list.error && <QueryError error={list.error} onRetry={() => list.refetch()} />}
      {items.length === 0 && !list.isLoading ? (
        <Card>
          <Empty description={t('channels.queueEmpty')} />
        </Card>
      ) : (
        <Row gutter={[16, 16]}>
          <Col xs={24} lg={7}>
            <Card size="small" styles={{ body: { padding: 0 } }}>
              {items.map((r) => (
                <button
                  type="button"
                  key={r.id}
                  onClick={() => setSelected(r.id)}
                  style={{
                    display: 'block',
                    width: '100%',
                    textAlign: 'left',
                    padding: '10px 12px',
                    border: 0,
                    borderBottom: '1px solid #f0f0f0',
                    background: current?.id === r.id ? '#eff6ff' : 'transparent',
                    cursor: 'pointer',
                  }}
                >
                  <Flex justify="space-between" gap={8}>
                    <Typography.Text strong ellipsis>
                      {r.companyName}
                    </Typography.Text>
                    <RegistrationStatusTag status={r.status} />
                  </Flex>
                  <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                    {r.agent.name} · {formatDate(r.createdAt)} ·{' '}
                    {t('channels.conflictCount', { count: r.conflicts.length })}
                  </Typography.Text>
                </button>
              ))}
              <div style={{ padding: 8 }}>
                <ListFooter list={list} />
              </div>
            </Card>
          </Col>
          {current && (
            <Col xs={24} lg={17}>
              <Flex vertical gap={16}>
                <Card size="small">
                  <RuleLine rule={current.rule} explanation={current.explanation} />
                  {current.decision && !current.decision.startsWith('auto') && (
                    <Typography.Paragraph style={{ marginTop: 8, marginBottom: 0 }}>
                      <Tag color="blue">{t(`channels.decision.${current.decision}`)}</Tag>
                      {current.decidedBy?.displayName} · {formatDate(current.decidedAt)} · {current.decisionReason}
                      {current.splitShare ? ` (${current.splitShare}%)` : ''}
                      {current.transferredTo ? ` → ${current.transferredTo.name}` : ''}
                    </Typography.Paragraph>
                  )}
                </Card>
                <Row gutter={[16, 16]}>
                  <Col xs={24} md={10}>
                    <ClaimCard registration={current} />
                  </Col>
                  <Col xs={24} md={14}>
                    <Card size="small" title={t('channels.evidence', { count: current.conflicts.length })}>
                      <ConflictList conflicts={current.conflicts} />
                    </Card>
                  </Col>
                </Row>
                {current.status === 'queued' && (
                  <DecisionForm key={current.id} registration={current} onDone={() => setSelected(null)} />
                )}
              </Flex>
            </Col>
          )}
        </Row>
      )}
    </Flex>
  );
}
