import {
  Alert,
  Button,
  Card,
  Col,
  DatePicker,
  Flex,
  Form,
  Input,
  InputNumber,
  Row,
  Select,
  Space,
  Spin,
  Typography,
} from 'antd';
import type { Dayjs } from 'dayjs';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useCurrentUser } from '../../app/auth/current-user';
import { yuanToFen } from '../../ui/format';
import { PageHeader } from '../../ui/page-header';
import { ProblemAlert, showFieldErrors } from '../../ui/problem-alert';
import { provinces } from '../../ui/provinces';
import { useDebouncedValue } from '../../ui/use-debounced-value';
import { useAgentList, useRegistrationCheck, useSubmitRegistration } from './api';
import { ConflictList, OutcomeTag, RegistrationStatusTag, VerdictExplained } from './evidence';
import type { RegistrationCheckBody, RegistrationData } from './types';

type Values = {
  agentId?: string;
  companyName?: string;
  creditCode?: string;
  groupName?: string;
  province?: string;
  city?: string;
  contactName?: string;
  contactPhone?: string;
  contactEmail?: string;
  productLine?: string;
  expectedValue?: number;
  expectedClose?: Dayjs;
  note?: string;
};

const PRODUCT_LINES = ['PLC', 'SERVO', 'VFD', 'HMI', 'SENSOR', 'MOTION', 'SOFT', 'SVC'];

const trimmed = (v: string | undefined) => (v?.trim() ? v.trim() : undefined);

/** What the live check sends: the fields that can conflict, once the name is long enough to compare. */
function checkBody(v: Values, agentId: string | undefined): RegistrationCheckBody | null {
  const companyName = trimmed(v.companyName);
  if (!companyName || companyName.length < 2) return null;
  const creditCode = trimmed(v.creditCode);
  const email = trimmed(v.contactEmail);
  return {
    companyName,
    ...(agentId ? { agentId } : {}),
    ...(creditCode && creditCode.length === 18 ? { creditCode } : {}),
    ...(trimmed(v.groupName) && (v.groupName as string).trim().length >= 2 ? { groupName: trimmed(v.groupName) } : {}),
    ...(v.province ? { province: v.province } : {}),
    ...(trimmed(v.contactPhone) ? { contactPhone: trimmed(v.contactPhone) } : {}),
    ...(email && /^[^@\s]+@[^@\s]+\.[^@\s]+$/.test(email) ? { contactEmail: email } : {}),
    ...(v.productLine ? { productLine: v.productLine } : {}),
  };
}

export function RegistrationPage() {
  const { t } = useTranslation();
  const me = useCurrentUser();
  const isAgent = me.role === 'agent';
  const [form] = Form.useForm<Values>();
  const values = Form.useWatch([], form) ?? {};
  const agents = useAgentList({ limit: 100, sort: 'code' });
  const body = useMemo(() => checkBody(values, isAgent ? undefined : values.agentId), [values, isAgent]);
  // the check runs as the user types, 400 ms after the last key
  const debounced = useDebouncedValue(body, 400);
  const ready = isAgent || Boolean(values.agentId);
  const check = useRegistrationCheck(ready ? debounced : null);
  const submit = useSubmitRegistration();
  const [saved, setSaved] = useState<RegistrationData | null>(null);

  const save = async () => {
    const v = await form.validateFields();
    submit.mutate(
      {
        ...(checkBody(v, isAgent ? undefined : v.agentId) as RegistrationCheckBody),
        companyName: (v.companyName as string).trim(),
        productLine: v.productLine as string,
        ...(trimmed(v.city) ? { city: trimmed(v.city) } : {}),
        ...(trimmed(v.contactName) ? { contactName: trimmed(v.contactName) } : {}),
        ...(trimmed(v.creditCode) ? { creditCode: trimmed(v.creditCode) } : {}),
        ...(trimmed(v.contactEmail) ? { contactEmail: trimmed(v.contactEmail) } : {}),
        ...(v.expectedValue ? { expectedValue: yuanToFen(v.expectedValue) } : {}),
        ...(v.expectedClose ? { expectedClose: v.expectedClose.format('YYYY-MM-DD') } : {}),
        ...(trimmed(v.note) ? { note: trimmed(v.note) } : {}),
      },
      { onSuccess: setSaved, onError: (e) => showFieldErrors(form, e) },
    );
  };

  return (
    <Flex vertical gap={16}>
      <PageHeader title={t('nav.page.register')} subtitle={t('channels.registerSubtitle')} />
      <Row gutter={[16, 16]}>
        <Col xs={24} xl={12}>
          <Card size="small" title={t('channels.claim')}>
            <ProblemAlert error={submit.error} />
            <Form<Values> form={form} layout="vertical" requiredMark="optional" onValuesChange={() => setSaved(null)}>
              {!isAgent && (
                <Form.Item
                  name="agentId"
                  label={t('channels.field.agent')}
                  rules={[{ required: true, message: t('form.required') }]}
                >
                  <Select
                    showSearch={{ optionFilterProp: 'label' }}
                    options={agents.items.map((a) => ({ value: a.id, label: `${a.code} ${a.name}` }))}
                  />
                </Form.Item>
              )}
              <Form.Item
                name="companyName"
                label={t('channels.field.companyName')}
                rules={[{ required: true, min: 2, message: t('form.required') }]}
                extra={check.data ? t('channels.nameKey', { key: check.data.nameKey }) : t('channels.nameHint')}
              >
                <Input maxLength={100} placeholder={t('channels.companyPlaceholder')} />
              </Form.Item>
              <Row gutter={12}>
                <Col span={12}>
                  <Form.Item name="creditCode" label={t('channels.field.creditCode')}>
                    <Input maxLength={18} style={{ fontFamily: 'monospace' }} />
                  </Form.Item>
                </Col>
                <Col span={12}>
                  <Form.Item name="groupName" label={t('channels.field.groupName')}>
                    <Input maxLength={100} />
                  </Form.Item>
                </Col>
                <Col span={12}>
                  <Form.Item name="province" label={t('channels.field.province')}>
                    <Select allowClear showSearch options={provinces.map((p) => ({ value: p, label: p }))} />
                  </Form.Item>
                </Col>
                <Col span={12}>
                  <Form.Item name="city" label={t('channels.field.city')}>
                    <Input maxLength={20} />
                  </Form.Item>
                </Col>
                <Col span={8}>
                  <Form.Item name="contactName" label={t('channels.field.contactName')}>
                    <Input maxLength={40} />
                  </Form.Item>
                </Col>
                <Col span={8}>
                  <Form.Item name="contactPhone" label={t('channels.field.contactPhone')}>
                    <Input maxLength={40} />
                  </Form.Item>
                </Col>
                <Col span={8}>
                  <Form.Item name="contactEmail" label={t('channels.field.contactEmail')}>
                    <Input maxLength={100} />
                  </Form.Item>
                </Col>
                <Col span={8}>
                  <Form.Item
                    name="productLine"
                    label={t('channels.field.productLine')}
                    rules={[{ required: true, message: t('form.required') }]}
                  >
                    <Select options={PRODUCT_LINES.map((l) => ({ value: l, label: l }))} />
                  </Form.Item>
                </Col>
                <Col span={8}>
                  <Form.Item name="expectedValue" label={t('channels.field.expectedValueYuan')}>
                    <InputNumber min={0} style={{ width: '100%' }} />
                  </Form.Item>
                </Col>
                <Col span={8}>
                  <Form.Item name="expectedClose" label={t('channels.field.expectedClose')}>
                    <DatePicker style={{ width: '100%' }} />
                  </Form.Item>
                </Col>
              </Row>
              <Form.Item name="note" label={t('channels.field.note')}>
                <Input.TextArea rows={2} maxLength={500} />
              </Form.Item>
              <Button type="primary" onClick={save} loading={submit.isPending}>
                {t('channels.submit')}
              </Button>
            </Form>
          </Card>
        </Col>
        <Col xs={24} xl={12}>
          <Card
            size="small"
            title={
              <Space>
                {t('channels.liveCheck')}
                {check.isFetching && <Spin size="small" />}
              </Space>
            }
            extra={check.data && !saved && <OutcomeTag outcome={check.data.outcome} />}
          >
            {saved ? (
              <Flex vertical gap={12}>
                <Alert
                  type={saved.status === 'approved' ? 'success' : saved.status === 'rejected' ? 'error' : 'warning'}
                  showIcon
                  title={
                    <Space>
                      {t('channels.saved', { name: saved.companyName })}
                      <RegistrationStatusTag status={saved.status} />
                    </Space>
                  }
                  description={<VerdictExplained verdict={saved} />}
                />
                <ConflictList conflicts={saved.conflicts} />
                <Link to={isAgent ? '/channels/portal' : '/channels/queue'}>{t('channels.toList')}</Link>
              </Flex>
            ) : !body || !ready ? (
              <Typography.Text type="secondary">{t('channels.checkHint')}</Typography.Text>
            ) : check.error ? (
              <ProblemAlert error={check.error} />
            ) : check.data ? (
              <Flex vertical gap={12}>
                <Alert
                  type={
                    check.data.outcome === 'approve' ? 'success' : check.data.outcome === 'reject' ? 'error' : 'warning'
                  }
                  showIcon
                  title={t(`channels.outcome.${check.data.outcome}`)}
                  description={<VerdictExplained verdict={check.data} />}
                />
                <ConflictList conflicts={check.data.conflicts} />
              </Flex>
            ) : (
              <Spin />
            )}
          </Card>
        </Col>
      </Row>
    </Flex>
  );
}
