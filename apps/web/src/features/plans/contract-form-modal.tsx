import { Checkbox, DatePicker, Form, Input, InputNumber, Modal, Select } from 'antd';
import type dayjs from 'dayjs';
import { useTranslation } from 'react-i18next';
import { yuanToFen } from '../../ui/format';
import { ProblemAlert } from '../../ui/problem-alert';
import { useCreateContract, usePlanList } from './api';
import type { ContractData } from './types';

const KINDS = ['framework', 'long_term_agreement', 'maintenance', 'project'] as const;

type Values = {
  code: string;
  title: string;
  kind: (typeof KINDS)[number];
  value: number;
  period: [dayjs.Dayjs, dayjs.Dayjs];
  renewalTerms?: string;
  autoRenew: boolean;
  renews?: string;
};

/** A contract for the account, optionally renewing one that is expiring (that one then stops alerting). */
export function ContractFormModal({
  accountId,
  renewable,
  onClose,
}: {
  accountId: string;
  renewable: ContractData[];
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const [form] = Form.useForm<Values>();
  const create = useCreateContract(accountId);
  const plans = usePlanList({ accountId, limit: 5 });
  return (
    <Modal
      open
      title={t('contract.create')}
      onCancel={onClose}
      onOk={() => form.submit()}
      okButtonProps={{ loading: create.isPending }}
      destroyOnHidden
    >
      <ProblemAlert error={create.error} />
      <Form<Values>
        form={form}
        layout="vertical"
        initialValues={{ kind: 'framework', autoRenew: false }}
        onFinish={(v) =>
          create.mutate(
            {
              code: v.code,
              title: v.title,
              kind: v.kind,
              value: yuanToFen(v.value),
              startDate: v.period[0].format('YYYY-MM-DD'),
              endDate: v.period[1].format('YYYY-MM-DD'),
              renewalTerms: v.renewalTerms || null,
              autoRenew: v.autoRenew,
              ...(v.renews ? { renews: v.renews } : {}),
            },
            { onSuccess: onClose },
          )
        }
      >
        <Form.Item name="code" label={t('contract.code')} rules={[{ required: true, max: 50 }]}>
          <Input />
        </Form.Item>
        <Form.Item name="title" label={t('contract.title')} rules={[{ required: true, max: 200 }]}>
          <Input />
        </Form.Item>
        <Form.Item name="kind" label={t('contract.kindLabel')} rules={[{ required: true }]}>
          <Select options={KINDS.map((k) => ({ value: k, label: t(`contract.kind.${k}`) }))} />
        </Form.Item>
        <Form.Item name="value" label={t('contract.valueYuan')} rules={[{ required: true }]}>
          <InputNumber min={0} style={{ width: '100%' }} />
        </Form.Item>
        <Form.Item name="period" label={t('contract.period')} rules={[{ required: true }]}>
          <DatePicker.RangePicker style={{ width: '100%' }} />
        </Form.Item>
        <Form.Item name="renewalTerms" label={t('contract.renewalTerms')}>
          <Input.TextArea rows={2} maxLength={2000} />
        </Form.Item>
        <Form.Item name="autoRenew" valuePropName="checked">
          <Checkbox>{t('contract.autoRenew')}</Checkbox>
        </Form.Item>
        {renewable.length > 0 && (
          <Form.Item name="renews" label={t('contract.renews')}>
            <Select allowClear options={renewable.map((c) => ({ value: c.id, label: `${c.code} ${c.title}` }))} />
          </Form.Item>
        )}
        {plans.items.length === 0 && <p style={{ color: '#64748b' }}>{t('contract.noPlanHint')}</p>}
      </Form>
    </Modal>
  );
}
