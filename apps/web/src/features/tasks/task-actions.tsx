import { CheckOutlined, ClockCircleOutlined, MoreOutlined, RollbackOutlined, StopOutlined } from '@ant-design/icons';
import { App, Button, Dropdown, Space } from 'antd';
import { Suspense, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { isStaleVersion } from '../../app/api/client';
import type { TaskData } from '../../app/api/types';
import { useCurrentUser } from '../../app/auth/current-user';
import { lazyNamed } from '../../ui/lazy-named';
import { type TaskAction, useTaskAction } from './api';
import type { TaskDialogKind } from './task-dialogs';

const TaskDialogs = lazyNamed(() => import('./task-dialogs'), 'TaskDialogs');

/** Done (optionally logging the interaction that did it), snooze to a later day, skip with a reason, reopen. */
export function TaskActions({ task }: { task: TaskData }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const act = useTaskAction(task);
  const [dialog, setDialog] = useState<TaskDialogKind | null>(null);
  // once opened, the dialogs stay mounted so that closing one animates
  const [opened, setOpened] = useState(false);
  const user = useCurrentUser();
  const open = (kind: TaskDialogKind) => {
    setOpened(true);
    setDialog(kind);
  };

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
          onClick: ({ key }) => open(key === 'log' ? 'log' : key === 'skip' ? 'skip' : 'snooze'),
        }}
      >
        <CheckOutlined /> {t('task.done')}
      </Dropdown.Button>
      {opened && (
        <Suspense fallback={null}>
          <TaskDialogs
            task={task}
            open={dialog}
            onClose={() => setDialog(null)}
            run={run}
            pending={act.isPending}
            error={act.error}
          />
        </Suspense>
      )}
    </Space>
  );
}
