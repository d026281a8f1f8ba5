import { ComplaintChannel, ComplaintSeverity } from '@kamap/contracts';
import { App, Form, Input, Modal, Segmented, Select } from 'antd';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import type { ComplaintChannelValue, ComplaintSeverityValue } from '../../app/api/types';
import { blankToNull } from '../../ui/form-values';
import { ProblemAlert, showFieldErrors } from '../../ui/problem-alert';
import { AccountPicker } from '../accounts/account-picker';
import { useContactList } from '../contacts/api';
import { UserPicker } from '../org/pickers';
import { useCreateComplaint } from './api';

type Values = {
  accountId: string;
  contactId?: string;
  title: string;
  description?: string;
  severity: ComplaintSeverityValue;
  channel: ComplaintChannelValue;
  assigneeId?: string;
};

/** Receive a complaint: whoever records it is its first owner (首问负责制) until it is closed. */
export function ComplaintFormModal({ open, onClose }: { open: boolean; onClose: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const navigate = useNavigate();
  const [form] = Form.useForm<Values>();
  const create = useCreateComplaint();
  const accountId = Form.useWatch('accountId', form);
  const contacts = useContactList({ accountId, sort: 'name', limit: 200 }, { enabled: Boolean(accountId) });
  const contactOptions = useMemo(
    () => contacts.items.map((c) => ({ value: c.id, label: c.title ? `${c.name}（${c.title}）` : c.name })),
    [contacts.items],
  );

  const save = async () => {
    const v = await form.validateFields();
    create.mutate(
      {
        accountId: v.accountId,
        contactId: v.contactId ?? null,
        title: v.title.trim(),
        description: blankToNull(v.description),
        severity: v.severity,
        channel: v.channel,
        assigneeId: v.assigneeId ?? null,
      },
      {
        onSuccess: (c) => {
          void message.success(t('complaint.saved'));
          form.resetFields();
          onClose();
          void navigate(`/complaints/${c.id}`);
        },
        onError: (error) => showFieldErrors(form, error),
      },
    );
  };

  return (
    <Modal
      open={open}
      title={t('complaint.create')}
      width={640}
      okText={t('action.save')}
      cancelText={t('action.cancel')}
      onOk={save}
      confirmLoading={create.isPending}
      onCancel={onClose}
      destroyOnHidden
    >
      <ProblemAlert error={create.error} />
      <Form<Values>
        name="complaint"
        form={form}
        layout="vertical"
        initialValues={{ severity: 'medium', channel: 'phone' }}
        disabled={create.isPending}
      >
        <Form.Item
          name="accountId"
          label={t('complaint.account')}
          rules={[{ required: true, message: t('form.required') }]}
        >
          <AccountPicker />
        </Form.Item>
        <Form.Item name="contactId" label={t('complaint.contact')}>
          <Select
            allowClear
            options={contactOptions}
            loading={contacts.isFetching}
            showSearch={{ optionFilterProp: 'label' }}
            disabled={!accountId}
          />
        </Form.Item>
        <Form.Item
          name="title"
          label={t('complaint.title')}
          rules={[{ required: true, whitespace: true, message: t('form.required') }, { max: 200 }]}
        >
          <Input />
        </Form.Item>
        <Form.Item name="severity" label={t('complaint.severity')} rules={[{ required: true }]}>
          <Segmented<ComplaintSeverityValue>
            options={ComplaintSeverity.options.map((v) => ({ value: v, label: t(`enum.complaintSeverity.${v}`) }))}
          />
        </Form.Item>
        <Form.Item name="channel" label={t('complaint.channel')} rules={[{ required: true }]}>
          <Segmented<ComplaintChannelValue>
            options={ComplaintChannel.options.map((v) => ({ value: v, label: t(`enum.complaintChannel.${v}`) }))}
          />
        </Form.Item>
        <Form.Item name="description" label={t('complaint.description')} rules={[{ max: 10000 }]}>
          <Input.TextArea rows={3} />
        </Form.Item>
        <Form.Item name="assigneeId" label={t('complaint.assignee')} extra={t('complaint.firstOwnerHint')}>
          <UserPicker />
        </Form.Item>
      </Form>
    </Modal>
  );
}
