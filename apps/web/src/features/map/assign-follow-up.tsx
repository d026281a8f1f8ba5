import type { AttentionItem } from '@kamap/contracts';
import { App, DatePicker, Form, Input, Modal } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useTranslation } from 'react-i18next';
import { todayInChina } from '../../ui/format';
import { ProblemAlert } from '../../ui/problem-alert';
import { useAssignFollowUp } from './api';
import { useReasonTags } from './reason-text';

type Values = { title: string; suggestedAction?: string; dueDate: Dayjs };

/** Hands an account that needs attention to its KAM: a follow-up task on the existing tasks API. */
export function AssignFollowUp({ item, onClose }: { item: AttentionItem; onClose: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const reasonTags = useReasonTags();
  const assign = useAssignFollowUp();
  const [form] = Form.useForm<Values>();
  const why = reasonTags(item.reasons)
    .map((tag) => tag.text)
    .join(t('map.assign.separator'));
  return (
    <Modal
      open
      title={t('map.assign.title', { account: item.accountName })}
      okText={t('map.assign.ok')}
      onCancel={onClose}
      confirmLoading={assign.isPending}
      onOk={() => form.submit()}
      destroyOnHidden
    >
      <p>{t('map.assign.to', { name: item.ownerName ?? '' })}</p>
      <Form
        form={form}
        layout="vertical"
        initialValues={{
          title: t('map.assign.defaultTitle', { account: item.accountName }),
          suggestedAction: why,
          dueDate: dayjs(todayInChina()).add(2, 'day'),
        }}
        onFinish={(v) =>
          assign.mutate(
            {
              accountId: item.accountId,
              ownerId: item.ownerId as string,
              kind: 'follow_up',
              title: v.title,
              suggestedAction: v.suggestedAction?.trim() || null,
              dueDate: v.dueDate.format('YYYY-MM-DD'),
            },
            {
              onSuccess: () => {
                void message.success(t('map.assign.done', { name: item.ownerName ?? '' }));
                onClose();
              },
            },
          )
        }
      >
        <Form.Item name="title" label={t('map.assign.taskTitle')} rules={[{ required: true, max: 200 }]}>
          <Input />
        </Form.Item>
        <Form.Item name="suggestedAction" label={t('map.assign.suggested')} rules={[{ max: 1000 }]}>
          <Input.TextArea autoSize={{ minRows: 2, maxRows: 5 }} />
        </Form.Item>
        <Form.Item name="dueDate" label={t('map.assign.due')} rules={[{ required: true }]}>
          <DatePicker format="YYYY-MM-DD" disabledDate={(d) => d.isBefore(dayjs(todayInChina()), 'day')} />
        </Form.Item>
      </Form>
      {assign.error && <ProblemAlert error={assign.error} />}
    </Modal>
  );
}
