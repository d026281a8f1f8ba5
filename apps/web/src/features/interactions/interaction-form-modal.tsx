import { InteractionKind } from '@kamap/contracts';
import { App, DatePicker, Flex, Form, Input, Modal, Segmented, Select } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import type { InteractionData, InteractionKindValue } from '../../app/api/types';
import { interactionIcon } from '../../ui/enum-tags';
import { blankToNull } from '../../ui/form-values';
import { ProblemAlert, showFieldErrors } from '../../ui/problem-alert';
import { AccountPicker } from '../accounts/account-picker';
import { useContactList } from '../contacts/api';
import { UserPicker, UsersPicker } from '../org/pickers';
import { useCreateInteraction } from './api';

type Values = {
  accountId: string;
  kind: InteractionKindValue;
  occurredAt: Dayjs;
  subject: string;
  notes?: string;
  nextStep?: string;
  nextStepDue?: Dayjs;
  nextStepOwnerId?: string;
  contactIds?: string[];
  colleagueIds?: string[];
  checkInPlace?: string;
};

/** Record a call, visit, meeting… with the people on both sides; it lands on the account timeline. */
export function InteractionFormModal({
  account,
  onClose,
  onSaved,
  initial,
}: {
  account?: { id: string; name: string };
  onClose: () => void;
  /** called with the new interaction (a task marks itself done with it) */
  onSaved?: (interaction: InteractionData) => void;
  initial?: { subject?: string; contactIds?: string[] };
}) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const create = useCreateInteraction();
  const accountId = Form.useWatch('accountId', form) ?? account?.id;
  const kind = Form.useWatch('kind', form);
  const nextStep = Form.useWatch('nextStep', form);
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
        kind: v.kind,
        occurredAt: v.occurredAt.toISOString(),
        subject: v.subject.trim(),
        notes: blankToNull(v.notes),
        nextStep: blankToNull(v.nextStep),
        nextStepDue: blankToNull(v.nextStep) && v.nextStepDue ? v.nextStepDue.format('YYYY-MM-DD') : null,
        nextStepOwnerId: blankToNull(v.nextStep) && v.nextStepDue ? (v.nextStepOwnerId ?? null) : null,
        contactIds: v.contactIds ?? [],
        colleagueIds: v.colleagueIds ?? [],
        checkInPlace: blankToNull(v.checkInPlace),
        checkInAt: v.kind === 'visit' && blankToNull(v.checkInPlace) ? v.occurredAt.toISOString() : null,
      },
      {
        onSuccess: (saved) => {
          void message.success(t(saved.nextStepTaskId ? 'interaction.savedWithTask' : 'interaction.saved'));
          onSaved?.(saved);
          onClose();
        },
        onError: (error) => showFieldErrors(form, error),
      },
    );
  };

  return (
    <Modal
      open
      title={account ? t('interaction.createFor', { name: account.name }) : t('interaction.create')}
      width={680}
      okText={t('action.save')}
      cancelText={t('action.cancel')}
      onOk={save}
      confirmLoading={create.isPending}
      onCancel={onClose}
      destroyOnHidden
    >
      <ProblemAlert error={create.error} />
      <Form<Values>
        name="interaction"
        form={form}
        layout="vertical"
        initialValues={{ accountId: account?.id, kind: 'visit', occurredAt: dayjs(), ...initial }}
        disabled={create.isPending}
      >
        <Form.Item
          name="accountId"
          label={t('interaction.account')}
          rules={[{ required: true, message: t('form.required') }]}
          hidden={Boolean(account)}
        >
          <AccountPicker />
        </Form.Item>
        <Form.Item name="kind" label={t('interaction.kind')} rules={[{ required: true }]}>
          <Segmented<InteractionKindValue>
            options={InteractionKind.options.map((k) => {
              const Icon = interactionIcon[k];
              return { value: k, label: t(`enum.interactionKind.${k}`), icon: <Icon /> };
            })}
          />
        </Form.Item>
        <Form.Item
          name="occurredAt"
          label={t('interaction.occurredAt')}
          rules={[{ required: true, message: t('form.required') }]}
        >
          <DatePicker showTime={{ format: 'HH:mm' }} format="YYYY-MM-DD HH:mm" style={{ width: 220 }} />
        </Form.Item>
        <Form.Item
          name="subject"
          label={t('interaction.subject')}
          rules={[{ required: true, whitespace: true, message: t('form.required') }, { max: 200 }]}
        >
          <Input />
        </Form.Item>
        <Form.Item name="contactIds" label={t('interaction.contacts')}>
          <Select
            mode="multiple"
            options={contactOptions}
            loading={contacts.isFetching}
            showSearch={{ optionFilterProp: 'label' }}
            disabled={!accountId}
            placeholder={t('interaction.contactsPlaceholder')}
          />
        </Form.Item>
        <Form.Item name="colleagueIds" label={t('interaction.colleagues')}>
          <UsersPicker />
        </Form.Item>
        {kind === 'visit' && (
          <Form.Item name="checkInPlace" label={t('interaction.checkInPlace')} rules={[{ max: 200 }]}>
            <Input />
          </Form.Item>
        )}
        <Form.Item name="notes" label={t('interaction.notes')} rules={[{ max: 10000 }]}>
          <Input.TextArea autoSize={{ minRows: 3, maxRows: 8 }} />
        </Form.Item>
        <Form.Item name="nextStep" label={t('interaction.nextStep')} rules={[{ max: 1000 }]}>
          <Input />
        </Form.Item>
        {blankToNull(nextStep) && (
          <Flex gap={16} wrap>
            <Form.Item name="nextStepDue" label={t('interaction.nextStepDue')} extra={t('interaction.nextStepHint')}>
              <DatePicker />
            </Form.Item>
            <Form.Item name="nextStepOwnerId" label={t('interaction.nextStepOwner')}>
              <UserPicker placeholder={t('interaction.nextStepOwnerDefault')} style={{ width: 180 }} />
            </Form.Item>
          </Flex>
        )}
      </Form>
    </Modal>
  );
}
