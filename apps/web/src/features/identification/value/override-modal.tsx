import { Tier } from '@kamap/contracts';
import { App, DatePicker, Form, Input, Modal, Select } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useTranslation } from 'react-i18next';
import type { TierOverrideData, TierValue } from '../../../app/api/types';
import { ProblemAlert, showFieldErrors } from '../../../ui/problem-alert';
import { useTierOverride } from '../api';

type Values = { tier: TierValue; reason: string; expiresAt: Dayjs | null };

/** Sets the tier by hand, with the reason and (optionally) the last day it applies; audited by the server. */
export function OverrideModal({
  accountId,
  computedTier,
  override,
  onClose,
}: {
  accountId: string;
  computedTier: TierValue | null;
  override: TierOverrideData | null;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const { set } = useTierOverride(accountId);

  const save = async () => {
    const values = await form.validateFields();
    set.mutate(
      { tier: values.tier, reason: values.reason.trim(), expiresAt: values.expiresAt?.format('YYYY-MM-DD') ?? null },
      {
        onSuccess: () => {
          void message.success(t('value.overrideSaved'));
          onClose();
        },
        onError: (error) => showFieldErrors(form, error),
      },
    );
  };

  return (
    <Modal
      open
      title={t('value.overrideTitle')}
      okText={t('action.save')}
      cancelText={t('action.cancel')}
      onOk={save}
      confirmLoading={set.isPending}
      onCancel={onClose}
      destroyOnHidden
    >
      <ProblemAlert error={set.error} />
      <Form<Values>
        form={form}
        layout="vertical"
        initialValues={{
          tier: override?.tier ?? (computedTier === 'strategic' ? 'core' : 'strategic'),
          reason: override?.reason ?? '',
          expiresAt: override?.expiresAt ? dayjs(override.expiresAt) : dayjs().add(6, 'month').endOf('month'),
        }}
      >
        <Form.Item
          name="tier"
          label={t('value.overrideTier')}
          extra={computedTier ? t('value.overrideComputed', { tier: t(`enum.tier.${computedTier}`) }) : undefined}
          rules={[{ required: true, message: t('form.required') }]}
        >
          <Select options={Tier.options.map((v) => ({ value: v, label: t(`enum.tier.${v}`) }))} />
        </Form.Item>
        <Form.Item
          name="reason"
          label={t('value.overrideReason')}
          rules={[
            { required: true, whitespace: true, message: t('form.required') },
            { min: 2, max: 500, message: t('value.overrideReasonLength') },
          ]}
        >
          <Input.TextArea autoSize={{ minRows: 3, maxRows: 6 }} placeholder={t('value.overrideReasonPlaceholder')} />
        </Form.Item>
        <Form.Item name="expiresAt" label={t('value.overrideExpires')} extra={t('value.overrideExpiresHint')}>
          <DatePicker disabledDate={(day) => day.isBefore(dayjs(), 'day')} style={{ width: 200 }} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
