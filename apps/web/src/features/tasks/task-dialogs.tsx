import { Button, DatePicker, Form, Input, Modal, Space } from 'antd';
import dayjs from 'dayjs';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { TaskData } from '../../app/api/types';
import { ProblemAlert } from '../../ui/problem-alert';
import { InteractionFormModal } from '../interactions/interaction-form-modal';
import type { TaskAction } from './api';
import { taskTitle } from './task-text';

export type TaskDialogKind = 'log' | 'skip' | 'snooze';

/**
 * The dialogs behind a task's menu: done with the interaction that did it, skip with a reason, snooze to
 * a later day. Their code loads the first time one is opened (see `TaskActions`).
 */
export function TaskDialogs({
  task,
  open,
  onClose,
  run,
  pending,
  error,
}: {
  task: TaskData;
  open: TaskDialogKind | null;
  onClose: () => void;
  run: (action: TaskAction, after?: () => void) => void;
  pending: boolean;
  error: unknown;
}) {
  const { t } = useTranslation();
  const [reason, setReason] = useState('');
  const [until, setUntil] = useState(dayjs().add(3, 'day'));
  return (
    <>
      {open === 'log' && (
        <InteractionFormModal
          account={{ id: task.accountId, name: task.accountName }}
          initial={{ subject: taskTitle(task, t), contactIds: task.contact ? [task.contact.id] : [] }}
          onClose={onClose}
          onSaved={(i) => run({ action: 'done', version: task.version, interactionId: i.id })}
        />
      )}
      <Modal
        open={open === 'skip'}
        title={t('task.skipTitle', { title: taskTitle(task, t) })}
        okText={t('task.skip')}
        cancelText={t('action.cancel')}
        okButtonProps={{ disabled: !reason.trim() }}
        confirmLoading={pending}
        onCancel={onClose}
        onOk={() => run({ action: 'skip', version: task.version, reason: reason.trim() }, onClose)}
        destroyOnHidden
      >
        <ProblemAlert error={error} />
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
        open={open === 'snooze'}
        title={t('task.snoozeTitle', { title: taskTitle(task, t) })}
        okText={t('task.snooze')}
        cancelText={t('action.cancel')}
        confirmLoading={pending}
        onCancel={onClose}
        onOk={() => run({ action: 'snooze', version: task.version, until: until.format('YYYY-MM-DD') }, onClose)}
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
    </>
  );
}
