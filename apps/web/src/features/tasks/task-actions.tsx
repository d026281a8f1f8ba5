import { CheckOutlined, ClockCircleOutlined, MoreOutlined, RollbackOutlined, StopOutlined } from '@ant-design/icons';
import { App, Button, DatePicker, Dropdown, Form, Input, Modal, Space } from 'antd';
import dayjs from 'dayjs';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { isStaleVersion } from '../../app/api/client';
import type { TaskData } from '../../app/api/types';
import { useCurrentUser } from '../../app/auth/current-user';
import { ProblemAlert } from '../../ui/problem-alert';
import { InteractionFormModal } from '../interactions/interaction-form-modal';
import { type TaskAction, useTaskAction } from './api';
import { taskTitle } from './task-text';

/** Done (optionally logging the interaction that did it), snooze to a later day, skip with a reason, reopen. */
export function TaskActions({ task }: { task: TaskData }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const act = useTaskAction(task);
  const [logging, setLogging] = useState(false);
  const [skipping, setSkipping] = useState(false);
  const [snoozing, setSnoozing] = useState(false);
  const [reason, setReason] = useState('');
  const [until, setUntil] = useState(dayjs().add(3, 'day'));
  const user = useCurrentUser();

  const run = (action: TaskAction, after?: () => void) =>
    act.mutate(action, {
      onSuccess: () => {
        void message.success(t(`task.did.${action.action}`));
        after?.();
      },
      onError: (e) => void message.error(isStaleVersion(e) ? t('error.staleReloaded') : (e as Error).message),
    });

  // the server allows the owner and managers over the task (admin, director); others only see it
  if (task.owner.id !== user.id && user.role !== 'admin' && user.role !== 'director') return null;

  if (task.status === 'done' || task.status === 'skipped')
    return (
      <Button size="small" icon={<RollbackOutlined />} onClick={() => run({ action: 'reopen', version: task.version })}>
        {t('task.reopen')}
      </Button>
    );

  return (
    <Space size={4}>
      <Dropdown.Button
        size="small"
        type="primary"
        loading={act.isPending}
        icon={<MoreOutlined />}
        onClick={() => run({ action: 'done', version: task.version })}
        menu={{
          items: [
            { key: 'log', icon: <CheckOutlined />, label: t('task.doneWithInteraction') },
            { key: 'snooze', icon: <ClockCircleOutlined />, label: t('task.snooze') },
            { key: 'skip', icon: <StopOutlined />, label: t('task.skip') },
          ],
          onClick: ({ key }) =>
            key === 'log' ? setLogging(true) : key === 'skip' ? setSkipping(true) : setSnoozing(true),
        }}
      >
        <CheckOutlined /> {t('task.done')}
      </Dropdown.Button>
      {logging && (
        <InteractionFormModal
          account={{ id: task.accountId, name: task.accountName }}
          initial={{ subject: taskTitle(task, t), contactIds: task.contact ? [task.contact.id] : [] }}
          onClose={() => setLogging(false)}
          onSaved={(i) => run({ action: 'done', version: task.version, interactionId: i.id })}
        />
      )}
      <Modal
        open={skipping}
        title={t('task.skipTitle', { title: taskTitle(task, t) })}
        okText={t('task.skip')}
        cancelText={t('action.cancel')}
        okButtonProps={{ disabled: !reason.trim() }}
        confirmLoading={act.isPending}
        onCancel={() => setSkipping(false)}
        onOk={() => run({ action: 'skip', version: task.version, reason: reason.trim() }, () => setSkipping(false))}
        destroyOnHidden
      >
        <ProblemAlert error={act.error} />
        <Form layout="vertical">
          <Form.Item label={t('task.skipReason')} required>
            <Input.TextArea
              value={reason}
              onChange={(e) => setReason(e.target.value)}
              maxLength={500}
              autoSize={{ minRows: 2 }}
            />
          </Form.Item>
        </Form>
      </Modal>
      <Modal
        open={snoozing}
        title={t('task.snoozeTitle', { title: taskTitle(task, t) })}
        okText={t('task.snooze')}
        cancelText={t('action.cancel')}
        confirmLoading={act.isPending}
        onCancel={() => setSnoozing(false)}
        onOk={() =>
          run({ action: 'snooze', version: task.version, until: until.format('YYYY-MM-DD') }, () => setSnoozing(false))
        }
        destroyOnHidden
      >
        <Space wrap>
          {[1, 3, 7].map((d) => (
            <Button key={d} onClick={() => setUntil(dayjs().add(d, 'day'))}>
              {t('task.snoozeDays', { count: d })}
            </Button>
          ))}
          <DatePicker
            value={until}
            onChange={(v) => v && setUntil(v)}
            disabledDate={(d) => !d.isAfter(dayjs(), 'day')}
            allowClear={false}
          />
        </Space>
      </Modal>
    </Space>
  );
}
