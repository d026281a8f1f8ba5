import { ThunderboltOutlined } from '@ant-design/icons';
import { App, Button, DatePicker, Flex, Modal, Typography } from 'antd';
import dayjs from 'dayjs';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ProblemAlert } from '../../ui/problem-alert';
import { useStartRun } from './api';

/** Starts an analysis run (synchronous, a few seconds) as of a chosen day, today unless changed. */
export function RunNowButton({ type = 'primary' }: { type?: 'primary' | 'default' }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [open, setOpen] = useState(false);
  const [asOf, setAsOf] = useState(() => dayjs());
  const start = useStartRun();

  const run = () =>
    start.mutate(
      { asOf: asOf.isSame(dayjs(), 'day') ? undefined : asOf.format('YYYY-MM-DD') },
      {
        onSuccess: (done) => {
          setOpen(false);
          if (done.status === 'failed') {
            void message.error(t('identification.runFailed', { error: done.error ?? '' }));
            return;
          }
          void message.success(
            t('identification.runDone', {
              accounts: done.summary?.accounts ?? 0,
              seconds: ((done.summary?.durationMs ?? 0) / 1000).toFixed(1),
            }),
          );
        },
      },
    );

  return (
    <>
      <Button type={type} icon={<ThunderboltOutlined />} onClick={() => setOpen(true)}>
        {t('identification.runNow')}
      </Button>
      <Modal
        open={open}
        title={t('identification.runNow')}
        okText={t('identification.runStart')}
        cancelText={t('action.cancel')}
        onOk={run}
        confirmLoading={start.isPending}
        onCancel={() => !start.isPending && setOpen(false)}
        destroyOnHidden
      >
        <ProblemAlert error={start.error} />
        <Flex vertical gap={12}>
          <Typography.Paragraph type="secondary" style={{ margin: 0 }}>
            {t('identification.runHint')}
          </Typography.Paragraph>
          <Flex align="center" gap={8}>
            <Typography.Text>{t('identification.runAsOf')}</Typography.Text>
            <DatePicker
              value={asOf}
              onChange={(value) => setAsOf(value ?? dayjs())}
              allowClear={false}
              disabledDate={(day) => day.isAfter(dayjs(), 'day')}
            />
          </Flex>
        </Flex>
      </Modal>
    </>
  );
}
