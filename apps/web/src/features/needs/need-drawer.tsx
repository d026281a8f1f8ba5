import { EditOutlined, PlusOutlined } from '@ant-design/icons';
import { needTransitions } from '@kamap/contracts';
import {
  App,
  Button,
  Checkbox,
  DatePicker,
  Descriptions,
  Drawer,
  Flex,
  Form,
  Input,
  List,
  Skeleton,
  Space,
  Tag,
  Typography,
} from 'antd';
import type { Dayjs } from 'dayjs';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { isStaleVersion } from '../../app/api/client';
import type { NeedData } from '../../app/api/types';
import { useCurrentUser } from '../../app/auth/current-user';
import { formatDate } from '../../ui/format';
import { ProblemAlert, showFieldErrors } from '../../ui/problem-alert';
import { QueryError } from '../../ui/query-error';
import { UserPicker } from '../org/pickers';
import { useAddNeedTask, useNeed, useUpdateNeed, useUpdateNeedTask } from './api';
import { NeedFormModal } from './need-form-modal';
import { BandTag, NeedStatusTag } from './need-tags';

function PlanForm({ need }: { need: NeedData }) {
  const { t } = useTranslation();
  const user = useCurrentUser();
  const [form] = Form.useForm<{ measure: string; ownerId: string; dueDate: Dayjs }>();
  const add = useAddNeedTask(need.id);
  const save = async () => {
    const v = await form.validateFields();
    add.mutate(
      { measure: v.measure.trim(), ownerId: v.ownerId, dueDate: v.dueDate.format('YYYY-MM-DD') },
      { onSuccess: () => form.resetFields(), onError: (e) => showFieldErrors(form, e) },
    );
  };
  return (
    <Form
      form={form}
      layout="inline"
      initialValues={{ ownerId: user.id }}
      disabled={add.isPending}
      style={{ rowGap: 8 }}
    >
      <Form.Item
        name="measure"
        rules={[{ required: true, whitespace: true, message: t('form.required') }, { max: 500 }]}
        style={{ flex: 1, minWidth: 220 }}
      >
        <Input placeholder={t('need.measurePlaceholder')} />
      </Form.Item>
      <Form.Item name="ownerId" rules={[{ required: true, message: t('form.required') }]}>
        <UserPicker
          allowClear={false}
          style={{ width: 130 }}
          current={{ id: user.id, displayName: user.displayName }}
        />
      </Form.Item>
      <Form.Item name="dueDate" rules={[{ required: true, message: t('form.required') }]}>
        <DatePicker placeholder={t('need.dueDate')} />
      </Form.Item>
      <Button icon={<PlusOutlined />} onClick={save} loading={add.isPending}>
        {t('need.addMeasure')}
      </Button>
    </Form>
  );
}

/** A need with its ratings, the status moves allowed from here, and its fulfilment plan. */
export function NeedDrawer({ id, onClose }: { id: string; onClose: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const user = useCurrentUser();
  const need = useNeed(id);
  const update = useUpdateNeed(id);
  const updateTask = useUpdateNeedTask(id);
  const [editing, setEditing] = useState(false);
  const n = need.data;
  const canWrite = user.role !== 'agent' && user.role !== 'analyst';

  const onStale = (error: unknown) => {
    if (isStaleVersion(error)) void message.warning(t('error.staleReloaded'));
    void need.refetch();
  };

  return (
    <Drawer
      open
      onClose={onClose}
      width={720}
      title={n ? n.title : t('common.loading')}
      destroyOnHidden
      extra={
        n &&
        canWrite && (
          <Button icon={<EditOutlined />} onClick={() => setEditing(true)}>
            {t('need.edit')}
          </Button>
        )
      }
    >
      {need.isPending ? (
        <Skeleton active />
      ) : need.isError ? (
        <QueryError error={need.error} onRetry={() => need.refetch()} />
      ) : n ? (
        <Flex vertical gap={20}>
          <ProblemAlert error={update.error ?? updateTask.error} />
          <Flex gap={8} wrap align="center">
            <BandTag band={n.band} priority={n.priority} />
            <NeedStatusTag status={n.status} />
            <Tag>{t(`enum.needKind.${n.kind}`)}</Tag>
            <Tag>{t(`enum.needCategory.${n.category}`)}</Tag>
            {n.tier && <Tag color="purple">{t(`enum.tier.${n.tier}`)}</Tag>}
          </Flex>
          <Descriptions
            size="small"
            column={2}
            bordered
            items={[
              {
                label: t('need.account'),
                children: <Link to={`/accounts/${n.accountId}?tab=needs`}>{n.accountName}</Link>,
                span: 2,
              },
              { label: t('need.importance'), children: t('common.ratingValue', { value: n.importance }) },
              { label: t('need.urgency'), children: t('common.ratingValue', { value: n.urgency }) },
              { label: t('need.feasibility'), children: t('common.ratingValue', { value: n.feasibility }) },
              {
                label: t('need.source'),
                children:
                  n.sourceKind === 'complaint' && n.sourceId ? (
                    <Link to={`/complaints/${n.sourceId}`}>{t('enum.needSource.complaint')}</Link>
                  ) : n.sourceKind ? (
                    t(`enum.needSource.${n.sourceKind}`)
                  ) : (
                    '—'
                  ),
              },
              {
                label: t('need.recordedBy'),
                children: `${n.createdBy?.displayName ?? '—'} · ${formatDate(n.createdAt)}`,
                span: 2,
              },
              {
                label: t('need.description'),
                children: <span style={{ whiteSpace: 'pre-wrap' }}>{n.description ?? '—'}</span>,
                span: 2,
              },
            ]}
          />
          {canWrite && needTransitions[n.status].length > 0 && (
            <Flex gap={8} align="center" wrap>
              <Typography.Text type="secondary">{t('need.moveTo')}</Typography.Text>
              {needTransitions[n.status].map((s) => (
                <Button
                  key={s}
                  size="small"
                  loading={update.isPending && update.variables?.status === s}
                  onClick={() => update.mutate({ version: n.version, status: s }, { onError: onStale })}
                >
                  {t(`enum.needStatus.${s}`)}
                </Button>
              ))}
            </Flex>
          )}
          <div>
            <Typography.Title level={5}>{t('need.plan')}</Typography.Title>
            <List
              size="small"
              locale={{ emptyText: t('need.planEmpty') }}
              dataSource={n.tasks}
              renderItem={(task) => (
                <List.Item>
                  <Flex gap={12} align="center" style={{ width: '100%' }}>
                    <Checkbox
                      checked={task.status === 'done'}
                      // only the measure's owner or a manager over it (admin, director) may tick it off
                      disabled={
                        !canWrite ||
                        updateTask.isPending ||
                        (task.owner.id !== user.id && user.role !== 'admin' && user.role !== 'director')
                      }
                      onChange={(e) =>
                        updateTask.mutate(
                          { taskId: task.id, version: task.version, status: e.target.checked ? 'done' : 'open' },
                          { onError: onStale },
                        )
                      }
                    />
                    <Typography.Text delete={task.status === 'done'} style={{ flex: 1 }}>
                      {task.measure}
                    </Typography.Text>
                    <Typography.Text type="secondary">{task.owner.displayName}</Typography.Text>
                    <Typography.Text type={task.overdue ? 'danger' : 'secondary'} className="kamap-num">
                      {formatDate(task.dueDate)}
                    </Typography.Text>
                    {task.overdue && <Tag color="red">{t('task.overdue')}</Tag>}
                    {task.status === 'skipped' && <Tag>{t('enum.taskStatus.skipped')}</Tag>}
                  </Flex>
                </List.Item>
              )}
            />
            {canWrite && !['met', 'rejected'].includes(n.status) && (
              <Space style={{ marginTop: 12, width: '100%' }} direction="vertical">
                <PlanForm need={n} />
              </Space>
            )}
          </div>
        </Flex>
      ) : null}
      {editing && n && <NeedFormModal accountId={n.accountId} need={n} onClose={() => setEditing(false)} />}
    </Drawer>
  );
}
