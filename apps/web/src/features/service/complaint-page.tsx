import { ArrowUpOutlined } from '@ant-design/icons';
import { RootCause } from '@kamap/contracts';
import {
  Alert,
  App,
  Button,
  Card,
  Col,
  Descriptions,
  Flex,
  Form,
  Input,
  Rate,
  Row,
  Select,
  Tag,
  Timeline,
  Typography,
} from 'antd';
import type { TFunction } from 'i18next';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import type { ComplaintDetailData, ComplaintEventData, RootCauseValue } from '../../app/api/types';
import { formatDateTime } from '../../ui/format';
import { PageHeader } from '../../ui/page-header';
import { PageSkeleton } from '../../ui/page-skeleton';
import { ProblemAlert } from '../../ui/problem-alert';
import { QueryError } from '../../ui/query-error';
import { UserPicker } from '../org/pickers';
import { type ComplaintPatch, useComplaint, useComplaintMutations } from './api';
import { RaisedNeedsCard } from './raised-needs-card';
import { ComplaintStatusTag, SeverityTag } from './tags';

/** "3 h 20 min" / "2 d 4 h": how long until (or since) a due time. */
function useSpan() {
  const { t } = useTranslation();
  return (ms: number) => {
    const minutes = Math.round(Math.abs(ms) / 60_000);
    const days = Math.floor(minutes / 1440);
    const hours = Math.floor((minutes % 1440) / 60);
    if (days > 0) return t('complaint.span.dh', { days, hours });
    if (hours > 0) return t('complaint.span.hm', { hours, minutes: minutes % 60 });
    return t('complaint.span.m', { minutes });
  };
}

function ClockRow({
  label,
  due,
  doneAt,
  state,
}: {
  label: string;
  due: string;
  doneAt: string | null;
  state: 'met' | 'running' | 'breached';
}) {
  const { t } = useTranslation();
  const span = useSpan();
  const now = Date.now();
  const dueMs = Date.parse(due);
  const text = doneAt
    ? t(`complaint.clock.${state === 'met' ? 'doneEarly' : 'doneLate'}`, { span: span(Date.parse(doneAt) - dueMs) })
    : state === 'breached'
      ? t('complaint.clock.overdue', { span: span(now - dueMs) })
      : t('complaint.clock.left', { span: span(dueMs - now) });
  const color = state === 'met' ? 'success' : state === 'breached' ? 'danger' : undefined;
  return (
    <Flex justify="space-between" align="baseline" gap={12}>
      <Flex vertical>
        <Typography.Text strong>{label}</Typography.Text>
        <Typography.Text type="secondary" className="kamap-num">
          {t('complaint.clock.due')} {formatDateTime(due)}
        </Typography.Text>
      </Flex>
      <Typography.Text type={color} strong style={{ fontSize: 16 }}>
        {text}
      </Typography.Text>
    </Flex>
  );
}

function eventText(e: ComplaintEventData, t: TFunction) {
  switch (e.kind) {
    case 'need_raised':
      return t('complaint.event.need_raised', { title: e.note ?? '' });
    case 'status':
      return t('complaint.event.status', {
        from: e.fromStatus ? t(`enum.complaintStatus.${e.fromStatus}`) : '',
        to: e.toStatus ? t(`enum.complaintStatus.${e.toStatus}`) : '',
      });
    default:
      return t(`complaint.event.${e.kind}`);
  }
}

export function ComplaintPage() {
  const { id = '' } = useParams();
  const { t } = useTranslation();
  const { message } = App.useApp();
  const complaint = useComplaint(id);
  const { update, followUp } = useComplaintMutations(id);
  const [assignee, setAssignee] = useState<string | null>(null);
  const [rootCause, setRootCause] = useState<RootCauseValue | null>(null);
  const [resolution, setResolution] = useState('');
  const [satisfaction, setSatisfaction] = useState(0);
  const [notes, setNotes] = useState('');

  if (complaint.isPending) return <PageSkeleton />;
  if (complaint.isError) return <QueryError error={complaint.error} onRetry={() => complaint.refetch()} />;
  const c: ComplaintDetailData = complaint.data;
  const patch = (body: Omit<ComplaintPatch, 'version'>) =>
    update.mutate({ version: c.version, ...body }, { onSuccess: () => void message.success(t('complaint.saved')) });
  const open = c.status === 'open' || c.status === 'in_progress';

  return (
    <>
      <PageHeader
        title={c.title}
        breadcrumb={[{ title: t('nav.page.complaints'), to: '/complaints' }, { title: c.title }]}
        tags={
          <>
            <SeverityTag value={c.severity} />
            <ComplaintStatusTag value={c.status} />
            <Tag>{t(`enum.tier.${c.tier}`)}</Tag>
          </>
        }
        subtitle={<Link to={`/accounts/${c.accountId}`}>{c.accountName}</Link>}
      />
      <Flex vertical gap={16}>
        {c.escalatedAt && (
          <Alert
            type="error"
            showIcon
            icon={<ArrowUpOutlined />}
            message={t('complaint.escalatedBanner', {
              to: c.escalatedTo?.displayName ?? '—',
              at: formatDateTime(c.escalatedAt),
            })}
          />
        )}
        <ProblemAlert error={update.error ?? followUp.error} onReload={() => complaint.refetch()} />
        <Row gutter={[16, 16]}>
          <Col xs={24} lg={14}>
            <Card title={t('complaint.details')} variant="borderless">
              <Descriptions column={1} size="small" labelStyle={{ width: 120 }}>
                <Descriptions.Item label={t('complaint.contact')}>{c.contact?.name ?? '—'}</Descriptions.Item>
                <Descriptions.Item label={t('complaint.channel')}>
                  {t(`enum.complaintChannel.${c.channel}`)}
                </Descriptions.Item>
                <Descriptions.Item label={t('complaint.receivedAt')}>{formatDateTime(c.receivedAt)}</Descriptions.Item>
                <Descriptions.Item label={t('complaint.firstOwner')}>
                  {c.firstOwner.displayName}
                  <Typography.Text type="secondary"> · {t('complaint.firstOwnerHint')}</Typography.Text>
                </Descriptions.Item>
                <Descriptions.Item label={t('complaint.assignee')}>{c.assignee?.displayName ?? '—'}</Descriptions.Item>
                <Descriptions.Item label={t('complaint.description')}>
                  <span style={{ whiteSpace: 'pre-wrap' }}>{c.description ?? '—'}</span>
                </Descriptions.Item>
                <Descriptions.Item label={t('complaint.rootCause')}>
                  {c.rootCause ? t(`enum.rootCause.${c.rootCause}`) : '—'}
                </Descriptions.Item>
                <Descriptions.Item label={t('complaint.resolution')}>{c.resolution ?? '—'}</Descriptions.Item>
                <Descriptions.Item label={t('complaint.followUp')}>
                  {c.followUpAt ? (
                    <Flex gap={8} align="center" wrap>
                      <Rate disabled value={c.followUpSatisfaction ?? 0} style={{ fontSize: 14 }} />
                      <Typography.Text type="secondary">
                        {formatDateTime(c.followUpAt)} {c.followUpNotes}
                      </Typography.Text>
                    </Flex>
                  ) : (
                    '—'
                  )}
                </Descriptions.Item>
              </Descriptions>
            </Card>
          </Col>
          <Col xs={24} lg={10}>
            <Flex vertical gap={16}>
              <Card title={t('complaint.slaClock')} variant="borderless">
                <Flex vertical gap={16}>
                  <ClockRow
                    label={t('complaint.sla.responseDue')}
                    due={c.sla.responseDueAt}
                    doneAt={c.respondedAt}
                    state={c.sla.response}
                  />
                  <ClockRow
                    label={t('complaint.sla.resolutionDue')}
                    due={c.sla.resolutionDueAt}
                    doneAt={c.resolvedAt}
                    state={c.sla.resolution}
                  />
                </Flex>
              </Card>
              {c.status !== 'closed' && (
                <Card title={t('complaint.handle')} variant="borderless">
                  <Flex vertical gap={12}>
                    {c.status === 'open' && (
                      <Button
                        type="primary"
                        loading={update.isPending}
                        onClick={() => patch({ status: 'in_progress' })}
                      >
                        {t('complaint.startHandling')}
                      </Button>
                    )}
                    {open && (
                      <Flex gap={8}>
                        <UserPicker
                          value={assignee ?? c.assignee?.id}
                          current={c.assignee}
                          onChange={setAssignee}
                          style={{ flex: 1 }}
                        />
                        <Button
                          disabled={!assignee || assignee === c.assignee?.id}
                          onClick={() => patch({ assigneeId: assignee })}
                        >
                          {t('complaint.assign')}
                        </Button>
                      </Flex>
                    )}
                    {open && (
                      <Form layout="vertical" component="div">
                        <Form.Item label={t('complaint.rootCause')} style={{ marginBottom: 8 }}>
                          <Select
                            value={rootCause ?? c.rootCause ?? undefined}
                            onChange={setRootCause}
                            options={RootCause.options.map((v) => ({ value: v, label: t(`enum.rootCause.${v}`) }))}
                          />
                        </Form.Item>
                        <Form.Item label={t('complaint.resolution')} style={{ marginBottom: 8 }}>
                          <Input.TextArea rows={2} value={resolution} onChange={(e) => setResolution(e.target.value)} />
                        </Form.Item>
                        <Button
                          type="primary"
                          ghost
                          disabled={!(rootCause ?? c.rootCause) || !resolution.trim()}
                          onClick={() =>
                            patch({
                              status: 'resolved',
                              rootCause: rootCause ?? c.rootCause,
                              resolution: resolution.trim(),
                            })
                          }
                        >
                          {t('complaint.resolve')}
                        </Button>
                      </Form>
                    )}
                    {c.status === 'resolved' && !c.followUpAt && (
                      <Flex vertical gap={8}>
                        <Typography.Text strong>{t('complaint.followUp')}</Typography.Text>
                        <Rate value={satisfaction} onChange={setSatisfaction} />
                        <Input.TextArea
                          rows={2}
                          value={notes}
                          onChange={(e) => setNotes(e.target.value)}
                          placeholder={t('complaint.followUpNotes')}
                        />
                        <Button
                          disabled={!satisfaction}
                          loading={followUp.isPending}
                          onClick={() =>
                            followUp.mutate({ version: c.version, satisfaction, notes: notes.trim() || null })
                          }
                        >
                          {t('complaint.recordFollowUp')}
                        </Button>
                      </Flex>
                    )}
                    {c.status === 'resolved' && (
                      <Button onClick={() => patch({ status: 'closed' })}>{t('complaint.close')}</Button>
                    )}
                  </Flex>
                </Card>
              )}
            </Flex>
          </Col>
        </Row>
        <RaisedNeedsCard complaint={c} />
        <Card title={t('complaint.history')} variant="borderless">
          <Timeline
            items={c.history.map((e) => ({
              color:
                e.kind === 'escalated'
                  ? 'red'
                  : e.kind === 'follow_up'
                    ? 'green'
                    : e.kind === 'need_raised'
                      ? 'purple'
                      : 'blue',
              children: (
                <Flex vertical>
                  <Typography.Text strong={e.kind === 'escalated'}>
                    {eventText(e, t)}
                    {e.kind === 'escalated' && c.escalatedTo ? ` → ${c.escalatedTo.displayName}` : ''}
                  </Typography.Text>
                  <Typography.Text type="secondary" className="kamap-num">
                    {formatDateTime(e.at)}
                    {e.user ? ` · ${e.user.displayName}` : ` · ${t('complaint.system')}`}
                    {e.note && e.kind !== 'need_raised' ? ` · ${e.note}` : ''}
                  </Typography.Text>
                </Flex>
              ),
            }))}
          />
        </Card>
      </Flex>
    </>
  );
}
