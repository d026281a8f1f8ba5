import { PlusOutlined } from '@ant-design/icons';
import { EventKind, EventStatus, InvitationStatus } from '@kamap/contracts';
import {
  Button,
  Card,
  DatePicker,
  Descriptions,
  Drawer,
  Flex,
  Form,
  Input,
  InputNumber,
  Modal,
  Popover,
  Select,
  Space,
  Table,
  Tag,
  Typography,
} from 'antd';
import dayjs from 'dayjs';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useCurrentUser } from '../../app/auth/current-user';
import { oneOf, useUrlParams } from '../../app/use-url-params';
import { EmptyState } from '../../ui/empty-state';
import { fenToYuan, formatDate, yuanToFen } from '../../ui/format';
import { ListFooter } from '../../ui/list-footer';
import { Money } from '../../ui/money';
import { PageHeader } from '../../ui/page-header';
import { ProblemAlert, showFieldErrors } from '../../ui/problem-alert';
import { QueryError } from '../../ui/query-error';
import { AccountPicker } from '../accounts/account-picker';
import { useContactList } from '../contacts/api';
import { OrgUnitPicker } from '../org/pickers';
import { writesEvents } from './access';
import {
  useCreateEvent,
  useEvent,
  useEventList,
  useFollowUp,
  useInvite,
  useUpdateEvent,
  useUpdateInvitation,
} from './api';
import type { ClubEventData, InvitationData } from './types';

type EventValues = {
  title: string;
  kind: string;
  heldOn: dayjs.Dayjs;
  location?: string;
  orgUnitId?: string;
  cost: number;
  status: string;
  description?: string;
};

function EventModal({ event, onClose }: { event?: ClubEventData; onClose: () => void }) {
  const { t } = useTranslation();
  const [form] = Form.useForm<EventValues>();
  const create = useCreateEvent();
  const update = useUpdateEvent(event?.id ?? '');
  const save = event ? update : create;
  const submit = async () => {
    const v = await form.validateFields();
    const body = {
      ...v,
      heldOn: v.heldOn.format('YYYY-MM-DD'),
      cost: yuanToFen(v.cost ?? 0),
      location: v.location || null,
      description: v.description || null,
      ...(event ? { version: event.version } : {}),
    };
    save.mutate(body, { onSuccess: onClose, onError: (e) => showFieldErrors(form, e) });
  };
  return (
    <Modal
      open
      title={event ? t('club.edit') : t('club.create')}
      onCancel={onClose}
      onOk={submit}
      okText={t('action.save')}
      confirmLoading={save.isPending}
      destroyOnHidden
    >
      <ProblemAlert error={save.error} />
      <Form<EventValues>
        form={form}
        layout="vertical"
        initialValues={
          event
            ? { ...event, heldOn: dayjs(event.heldOn), cost: fenToYuan(event.cost), orgUnitId: event.orgUnit.id }
            : { kind: 'salon', status: 'planned', cost: 0, heldOn: dayjs().add(14, 'day') }
        }
      >
        <Form.Item name="title" label={t('club.title')} rules={[{ required: true, message: t('form.required') }]}>
          <Input maxLength={200} />
        </Form.Item>
        <Flex gap={12}>
          <Form.Item name="kind" label={t('club.kind')} style={{ flex: 1 }}>
            <Select options={EventKind.options.map((k) => ({ value: k, label: t(`club.kindName.${k}`) }))} />
          </Form.Item>
          <Form.Item name="heldOn" label={t('club.heldOn')} style={{ flex: 1 }} rules={[{ required: true }]}>
            <DatePicker style={{ width: '100%' }} />
          </Form.Item>
        </Flex>
        <Flex gap={12}>
          <Form.Item name="status" label={t('club.status')} style={{ flex: 1 }}>
            <Select options={EventStatus.options.map((k) => ({ value: k, label: t(`club.statusName.${k}`) }))} />
          </Form.Item>
          <Form.Item name="cost" label={t('club.cost')} style={{ flex: 1 }}>
            <InputNumber min={0} precision={2} prefix="¥" style={{ width: '100%' }} />
          </Form.Item>
        </Flex>
        <Form.Item name="location" label={t('club.location')}>
          <Input maxLength={200} />
        </Form.Item>
        <Form.Item name="orgUnitId" label={t('club.orgUnit')} extra={t('club.orgUnitHint')}>
          <OrgUnitPicker />
        </Form.Item>
        <Form.Item name="description" label={t('club.description')}>
          <Input.TextArea rows={3} maxLength={5000} />
        </Form.Item>
      </Form>
    </Modal>
  );
}

function InviteModal({ eventId, onClose }: { eventId: string; onClose: () => void }) {
  const { t } = useTranslation();
  const [accountId, setAccountId] = useState<string | null>(null);
  const [contactIds, setContactIds] = useState<string[]>([]);
  const contacts = useContactList(
    { accountId: accountId ?? undefined, sort: 'name', limit: 200 },
    { enabled: Boolean(accountId) },
  );
  const invite = useInvite(eventId);
  return (
    <Modal
      open
      title={t('club.invite')}
      onCancel={onClose}
      onOk={() => invite.mutate(contactIds, { onSuccess: onClose })}
      okButtonProps={{ disabled: !contactIds.length }}
      confirmLoading={invite.isPending}
      destroyOnHidden
    >
      <ProblemAlert error={invite.error} />
      <Flex vertical gap={12}>
        <AccountPicker
          value={accountId}
          onChange={(v) => {
            setAccountId(v);
            setContactIds([]);
          }}
          style={{ width: '100%' }}
        />
        <Select
          mode="multiple"
          value={contactIds}
          onChange={setContactIds}
          disabled={!accountId}
          loading={contacts.isFetching}
          placeholder={t('club.pickContacts')}
          showSearch={{ optionFilterProp: 'label' }}
          options={contacts.items.map((c) => ({ value: c.id, label: c.title ? `${c.name}（${c.title}）` : c.name }))}
        />
      </Flex>
    </Modal>
  );
}

function FollowUpForm({
  eventId,
  invitation,
  eventTitle,
}: {
  eventId: string;
  invitation: InvitationData;
  eventTitle: string;
}) {
  const { t } = useTranslation();
  const [open, setOpen] = useState(false);
  const [form] = Form.useForm<{ title: string; dueDate: dayjs.Dayjs }>();
  const followUp = useFollowUp(eventId);
  if (invitation.followUpTask)
    return (
      <Link to={`/tasks?accountId=${invitation.accountId}`}>
        <Tag color={invitation.followUpTask.status === 'done' ? 'success' : 'processing'}>
          {t(`enum.taskStatus.${invitation.followUpTask.status}`, { defaultValue: invitation.followUpTask.status })} ·{' '}
          {formatDate(invitation.followUpTask.dueDate)}
        </Tag>
      </Link>
    );
  return (
    <Popover
      open={open}
      onOpenChange={setOpen}
      trigger="click"
      title={t('club.followUp')}
      content={
        <Form
          form={form}
          layout="vertical"
          style={{ width: 280 }}
          initialValues={{
            title: t('club.followUpTitle', { event: eventTitle, name: invitation.contact.name }),
            dueDate: dayjs().add(7, 'day'),
          }}
          onFinish={(v) =>
            followUp.mutate(
              { invitationId: invitation.id, title: v.title, dueDate: v.dueDate.format('YYYY-MM-DD') },
              { onSuccess: () => setOpen(false) },
            )
          }
        >
          <ProblemAlert error={followUp.error} />
          <Form.Item name="title" label={t('club.followUpTask')} rules={[{ required: true }]}>
            <Input maxLength={200} />
          </Form.Item>
          <Form.Item name="dueDate" label={t('club.followUpDue')} rules={[{ required: true }]}>
            <DatePicker style={{ width: '100%' }} />
          </Form.Item>
          <Button type="primary" htmlType="submit" loading={followUp.isPending} block>
            {t('club.createFollowUp')}
          </Button>
        </Form>
      }
    >
      <Button size="small">{t('club.followUp')}</Button>
    </Popover>
  );
}

function EventDrawer({ id, onClose }: { id: string; onClose: () => void }) {
  const { t } = useTranslation();
  const user = useCurrentUser();
  const event = useEvent(id);
  const updateInvitation = useUpdateInvitation(id);
  const [inviting, setInviting] = useState(false);
  const [editing, setEditing] = useState(false);
  const e = event.data;
  const canWrite = writesEvents(user);
  return (
    <Drawer
      open
      onClose={onClose}
      size="large"
      title={e?.title ?? t('common.loading')}
      destroyOnHidden
      extra={canWrite && e ? <Button onClick={() => setEditing(true)}>{t('perf.edit')}</Button> : null}
    >
      {event.isError ? (
        <QueryError error={event.error} onRetry={() => event.refetch()} />
      ) : e ? (
        <Flex vertical gap={16}>
          <Descriptions size="small" column={2} bordered>
            <Descriptions.Item label={t('club.kind')}>{t(`club.kindName.${e.kind}`)}</Descriptions.Item>
            <Descriptions.Item label={t('club.heldOn')}>{formatDate(e.heldOn)}</Descriptions.Item>
            <Descriptions.Item label={t('club.status')}>{t(`club.statusName.${e.status}`)}</Descriptions.Item>
            <Descriptions.Item label={t('club.orgUnit')}>{e.orgUnit.name}</Descriptions.Item>
            <Descriptions.Item label={t('club.location')}>{e.location ?? '—'}</Descriptions.Item>
            <Descriptions.Item label={t('club.cost')}>
              <Money value={e.cost} />
            </Descriptions.Item>
            <Descriptions.Item label={t('club.attendance')}>
              {t('club.attendanceValue', { attended: e.attended, invited: e.invited })}
            </Descriptions.Item>
            <Descriptions.Item label={t('club.costPerAccount')}>
              <Money value={e.costPerAttendingAccount} />
            </Descriptions.Item>
          </Descriptions>
          {e.description && <Typography.Paragraph type="secondary">{e.description}</Typography.Paragraph>}
          <Flex justify="space-between" align="center">
            <Typography.Title level={5} style={{ margin: 0 }}>
              {t('club.invitations')}
            </Typography.Title>
            {canWrite && (
              <Button icon={<PlusOutlined />} onClick={() => setInviting(true)}>
                {t('club.invite')}
              </Button>
            )}
          </Flex>
          <ProblemAlert error={updateInvitation.error} />
          <Table<InvitationData>
            rowKey="id"
            size="small"
            pagination={false}
            dataSource={e.invitations}
            locale={{ emptyText: <EmptyState description={t('club.noInvitations')} /> }}
            columns={[
              {
                title: t('club.account'),
                key: 'account',
                render: (_: unknown, r) => <Link to={`/accounts/${r.accountId}`}>{r.accountName}</Link>,
              },
              {
                title: t('club.contact'),
                key: 'contact',
                render: (_: unknown, r) => (
                  <Link to={`/contacts/${r.contact.id}`}>
                    {r.contact.name}
                    {r.contact.title ? <Typography.Text type="secondary">（{r.contact.title}）</Typography.Text> : null}
                  </Link>
                ),
              },
              {
                title: t('club.reply'),
                key: 'status',
                width: 130,
                render: (_: unknown, r) =>
                  canWrite ? (
                    <Select
                      size="small"
                      value={r.status}
                      style={{ width: 110 }}
                      onChange={(status) => updateInvitation.mutate({ invitationId: r.id, version: r.version, status })}
                      options={InvitationStatus.options.map((s) => ({
                        value: s,
                        label: t(`club.invitationStatus.${s}`),
                      }))}
                    />
                  ) : (
                    t(`club.invitationStatus.${r.status}`)
                  ),
              },
              {
                title: t('club.followUp'),
                key: 'followUp',
                width: 150,
                render: (_: unknown, r) =>
                  r.status === 'attended' || r.followUpTask ? (
                    canWrite || r.followUpTask ? (
                      <FollowUpForm eventId={e.id} invitation={r} eventTitle={e.title} />
                    ) : null
                  ) : null,
              },
            ]}
          />
        </Flex>
      ) : null}
      {inviting && <InviteModal eventId={id} onClose={() => setInviting(false)} />}
      {editing && e && <EventModal event={e} onClose={() => setEditing(false)} />}
    </Drawer>
  );
}

const urlKeys = ['kind', 'status', 'event'] as const;

/** The customer club (大客户俱乐部): salons, summits, training days and factory visits, who came, and the follow-ups. */
export function EventsPage() {
  const { t } = useTranslation();
  const user = useCurrentUser();
  const [url, setUrl] = useUrlParams(urlKeys);
  const [creating, setCreating] = useState(false);
  const params = useMemo(
    () => ({ kind: oneOf(EventKind.options, url.kind), status: oneOf(EventStatus.options, url.status), limit: 50 }),
    [url.kind, url.status],
  );
  const list = useEventList(params);
  return (
    <>
      <PageHeader
        title={t('nav.page.events')}
        subtitle={t('club.subtitle')}
        extra={
          <Space wrap>
            <Select
              allowClear
              placeholder={t('club.kind')}
              value={params.kind}
              onChange={(v) => setUrl({ kind: v ?? null })}
              style={{ width: 130 }}
              options={EventKind.options.map((k) => ({ value: k, label: t(`club.kindName.${k}`) }))}
            />
            <Select
              allowClear
              placeholder={t('club.status')}
              value={params.status}
              onChange={(v) => setUrl({ status: v ?? null })}
              style={{ width: 120 }}
              options={EventStatus.options.map((k) => ({ value: k, label: t(`club.statusName.${k}`) }))}
            />
            {writesEvents(user) && (
              <Button type="primary" icon={<PlusOutlined />} onClick={() => setCreating(true)}>
                {t('club.create')}
              </Button>
            )}
          </Space>
        }
      />
      {list.isError ? (
        <QueryError error={list.error} onRetry={() => list.refetch()} />
      ) : (
        <Card variant="borderless">
          <Table<ClubEventData>
            rowKey="id"
            size="middle"
            loading={list.isPending}
            dataSource={list.items}
            pagination={false}
            scroll={{ x: 900 }}
            onRow={(r) => ({ onClick: () => setUrl({ event: r.id }), style: { cursor: 'pointer' } })}
            locale={{ emptyText: <EmptyState description={t('club.empty')} /> }}
            columns={[
              { title: t('club.heldOn'), dataIndex: 'heldOn', width: 120, render: formatDate },
              {
                title: t('club.title'),
                dataIndex: 'title',
                render: (v: string) => <Typography.Link>{v}</Typography.Link>,
              },
              {
                title: t('club.kind'),
                dataIndex: 'kind',
                width: 110,
                render: (k: ClubEventData['kind']) => t(`club.kindName.${k}`),
              },
              {
                title: t('club.status'),
                dataIndex: 'status',
                width: 100,
                render: (s: ClubEventData['status']) => (
                  <Tag color={s === 'held' ? 'success' : s === 'planned' ? 'processing' : 'default'}>
                    {t(`club.statusName.${s}`)}
                  </Tag>
                ),
              },
              { title: t('club.orgUnit'), key: 'unit', width: 110, render: (_: unknown, r) => r.orgUnit.name },
              {
                title: t('club.attendance'),
                key: 'attendance',
                width: 110,
                align: 'right',
                render: (_: unknown, r) => `${r.attended} / ${r.invited}`,
              },
              {
                title: t('club.cost'),
                dataIndex: 'cost',
                width: 140,
                align: 'right',
                render: (v: number) => <Money value={v} />,
              },
            ]}
          />
          <ListFooter list={list} />
        </Card>
      )}
      {creating && <EventModal onClose={() => setCreating(false)} />}
      {url.event && <EventDrawer id={url.event} onClose={() => setUrl({ event: null })} />}
    </>
  );
}
