import { MinusCircleOutlined, PlusOutlined } from '@ant-design/icons';
import { Attitude, CalendarKind, ConsentBasis, ContactChannel, DecisionRole, PhoneKind } from '@kamap/contracts';
import { useQueryClient } from '@tanstack/react-query';
import {
  Alert,
  App,
  Button,
  Col,
  DatePicker,
  Divider,
  Drawer,
  Flex,
  Form,
  Input,
  Rate,
  Row,
  Select,
  Space,
} from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Contact, CreateContact, UpdateContact } from '../../app/api/types';
import { useCurrentUser } from '../../app/auth/current-user';
import { blankToNull, changedFields } from '../../ui/form-values';
import { ProblemAlert, showFieldErrors } from '../../ui/problem-alert';
import { useOrgChart } from '../accounts/api';
import { UserPicker } from '../org/pickers';
import { contactKeys, useCreateContact, useUpdateContact } from './api';

const dossierText = [
  'nativePlace',
  'birthplace',
  'ageBand',
  'ethnicity',
  'hobbies',
  'dislikes',
  'education',
  'careerHistory',
  'familyNotes',
  'homeAddress',
] as const;
type DossierText = (typeof dossierText)[number];
const longDossier = new Set<DossierText>(['education', 'careerHistory', 'familyNotes']);

type Values = Omit<CreateContact, 'dossier'> & {
  dossier?: Partial<Record<DossierText, string | null>> & {
    birthday?: Dayjs | null;
    birthdayCalendar?: 'solar' | 'lunar' | null;
  };
};

function toValues(contact: Contact): Values {
  const d = contact.dossier;
  return {
    name: contact.name,
    title: contact.title,
    department: contact.department,
    reportsToId: contact.reportsToId,
    decisionRole: contact.decisionRole,
    attitude: contact.attitude,
    influence: contact.influence,
    relationshipStrength: contact.relationshipStrength,
    relationshipOwnerId: contact.relationshipOwner?.id ?? null,
    phones: contact.phones.map((p) => ({ kind: p.kind, number: p.display })),
    email: contact.email,
    wechatId: contact.wechatId,
    preferredChannel: contact.preferredChannel,
    preferredTime: contact.preferredTime,
    consentBasis: contact.consentBasis,
    dossier:
      contact.dossierAccess === 'full' && d
        ? {
            ...Object.fromEntries(dossierText.map((f) => [f, d[f]])),
            birthday: d.birthday ? dayjs(d.birthday) : null,
            birthdayCalendar:
              d.birthdayCalendar === 'lunar' || d.birthdayCalendar === 'solar' ? d.birthdayCalendar : null,
          }
        : undefined,
  };
}

/** Form values → API body: blank text is null, the birthday a YYYY-MM-DD date. */
function toBody(values: Values, withDossier: boolean, withPhones: boolean): Record<string, unknown> {
  const { dossier, phones, ...rest } = values;
  const body: Record<string, unknown> = Object.fromEntries(Object.entries(rest).map(([k, v]) => [k, blankToNull(v)]));
  if (withPhones)
    body.phones = (phones ?? [])
      .filter((p) => p.number?.trim())
      .map((p) => ({ kind: p.kind, number: p.number.trim() }));
  if (withDossier && dossier) {
    body.dossier = {
      ...Object.fromEntries(dossierText.map((f) => [f, blankToNull(dossier[f])])),
      birthday: dossier.birthday ? dossier.birthday.format('YYYY-MM-DD') : null,
      birthdayCalendar: dossier.birthday ? (dossier.birthdayCalendar ?? 'solar') : null,
    };
  }
  return body;
}

export function ContactFormDrawer({
  accountId,
  contact,
  onClose,
  onSaved,
}: {
  accountId: string;
  contact?: Contact;
  onClose: () => void;
  onSaved?: (contact: Contact) => void;
}) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const user = useCurrentUser();
  const queryClient = useQueryClient();
  const [form] = Form.useForm<Values>();
  const [base, setBase] = useState(contact);
  const create = useCreateContact(accountId);
  const update = useUpdateContact(contact?.id ?? '');
  const mutation = contact ? update : create;
  const chart = useOrgChart(accountId);

  // a masked phone cannot be edited without erasing it, so phones are then left alone
  const withPhones = !base || base.phones.every((p) => p.e164 !== null);
  const withDossier = base ? base.dossierAccess === 'full' : user.permissions.seePersonalDossier;

  const managerOptions = useMemo(() => {
    const people = chart.data ?? [];
    // nobody may report to themselves or to someone below them
    const below = new Set<string>(base ? [base.id] : []);
    let grew = true;
    while (grew) {
      grew = false;
      for (const p of people) {
        if (p.reportsToId && below.has(p.reportsToId) && !below.has(p.id)) {
          below.add(p.id);
          grew = true;
        }
      }
    }
    return people
      .filter((p) => !below.has(p.id))
      .map((p) => ({ value: p.id, label: p.title ? `${p.name} · ${p.title}` : p.name }));
  }, [chart.data, base]);

  const save = async () => {
    const values = await form.validateFields();
    const body = toBody(values, withDossier, withPhones);
    const onError = (error: unknown) => showFieldErrors(form, error);
    if (!base) {
      create.mutate(body as CreateContact, {
        onSuccess: (created) => {
          void message.success(t('contact.created'));
          onClose();
          onSaved?.(created);
        },
        onError,
      });
      return;
    }
    const diff = changedFields(toBody(toValues(base), withDossier, withPhones), body, ['dossier']);
    if (Object.keys(diff).length === 0) {
      onClose();
      return;
    }
    update.mutate({ ...diff, version: base.version } as UpdateContact, {
      onSuccess: (saved) => {
        void message.success(t('form.saved'));
        onClose();
        onSaved?.(saved);
      },
      onError,
    });
  };

  const reload = async () => {
    if (!base) return;
    await queryClient.refetchQueries({ queryKey: contactKeys.detail(base.id), exact: true });
    const fresh = queryClient.getQueryData<Contact>(contactKeys.detail(base.id));
    if (!fresh) return;
    setBase(fresh);
    form.resetFields();
    form.setFieldsValue(toValues(fresh));
    update.reset();
  };

  const required = { required: true, whitespace: true, message: t('form.required') };

  return (
    <Drawer
      open
      size={760}
      title={base ? t('contact.editTitle', { name: base.name }) : t('contact.create')}
      onClose={onClose}
      destroyOnHidden
      footer={
        <Flex justify="flex-end" gap={8}>
          <Button onClick={onClose}>{t('action.cancel')}</Button>
          <Button type="primary" loading={mutation.isPending} onClick={save}>
            {base ? t('action.save') : t('action.create')}
          </Button>
        </Flex>
      }
    >
      <ProblemAlert error={mutation.error} onReload={base ? reload : undefined} />
      <Form<Values>
        name="contact"
        form={form}
        layout="vertical"
        disabled={mutation.isPending}
        initialValues={
          base
            ? toValues(base)
            : { consentBasis: 'none', phones: [{ kind: 'mobile', number: '' }], relationshipOwnerId: user.id }
        }
        scrollToFirstError
      >
        <Divider titlePlacement="start" plain style={{ marginTop: 0 }}>
          {t('contact.section.business')}
        </Divider>
        <Row gutter={16}>
          <Col span={8}>
            <Form.Item name="name" label={t('contact.name')} rules={[required, { max: 60 }]}>
              <Input />
            </Form.Item>
          </Col>
          <Col span={8}>
            <Form.Item name="title" label={t('contact.title')} rules={[{ max: 60 }]}>
              <Input />
            </Form.Item>
          </Col>
          <Col span={8}>
            <Form.Item name="department" label={t('contact.department')} rules={[{ max: 60 }]}>
              <Input />
            </Form.Item>
          </Col>
          <Col span={12}>
            <Form.Item name="reportsToId" label={t('contact.reportsTo')}>
              <Select
                allowClear
                showSearch={{ optionFilterProp: 'label' }}
                options={managerOptions}
                loading={chart.isPending}
              />
            </Form.Item>
          </Col>
          <Col span={12}>
            <Form.Item name="relationshipOwnerId" label={t('contact.relationshipOwner')}>
              <UserPicker
                current={base?.relationshipOwner ?? (base ? null : { id: user.id, displayName: user.displayName })}
              />
            </Form.Item>
          </Col>
          <Col span={12}>
            <Form.Item name="decisionRole" label={t('contact.decisionRole')}>
              <Select
                allowClear
                options={DecisionRole.options.map((v) => ({ value: v, label: t(`enum.decisionRole.${v}`) }))}
              />
            </Form.Item>
          </Col>
          <Col span={12}>
            <Form.Item name="attitude" label={t('contact.attitude')}>
              <Select
                allowClear
                options={Attitude.options.map((v) => ({ value: v, label: t(`enum.attitude.${v}`) }))}
              />
            </Form.Item>
          </Col>
          <Col span={12}>
            <Form.Item name="influence" label={t('contact.influence')}>
              <Rate />
            </Form.Item>
          </Col>
          <Col span={12}>
            <Form.Item name="relationshipStrength" label={t('contact.relationshipStrength')}>
              <Rate />
            </Form.Item>
          </Col>
        </Row>

        <Divider titlePlacement="start" plain>
          {t('contact.section.reach')}
        </Divider>
        {withPhones ? (
          <Form.List name="phones">
            {(fields, { add, remove }) => (
              <Form.Item label={t('contact.phones')}>
                <Flex vertical gap={8}>
                  {fields.map((field) => (
                    <Space.Compact key={field.key} block>
                      <Form.Item name={[field.name, 'kind']} noStyle>
                        <Select
                          style={{ width: 110 }}
                          options={PhoneKind.options.map((v) => ({ value: v, label: t(`enum.phoneKind.${v}`) }))}
                        />
                      </Form.Item>
                      <Form.Item
                        name={[field.name, 'number']}
                        noStyle
                        rules={[{ min: 3, max: 40, message: t('contact.phoneInvalid') }]}
                      >
                        <Input placeholder={t('contact.phonePlaceholder')} inputMode="tel" />
                      </Form.Item>
                      <Button
                        icon={<MinusCircleOutlined />}
                        onClick={() => remove(field.name)}
                        aria-label={t('action.remove')}
                      />
                    </Space.Compact>
                  ))}
                  {fields.length < 5 && (
                    <Button type="dashed" icon={<PlusOutlined />} onClick={() => add({ kind: 'mobile', number: '' })}>
                      {t('contact.addPhone')}
                    </Button>
                  )}
                </Flex>
              </Form.Item>
            )}
          </Form.List>
        ) : (
          <Alert type="info" showIcon title={t('contact.phonesMaskedHint')} style={{ marginBottom: 16 }} />
        )}
        <Row gutter={16}>
          <Col span={12}>
            <Form.Item
              name="email"
              label={t('contact.email')}
              rules={[{ type: 'email', message: t('contact.emailInvalid') }]}
            >
              <Input />
            </Form.Item>
          </Col>
          <Col span={12}>
            <Form.Item name="wechatId" label={t('contact.wechatId')} rules={[{ max: 60 }]}>
              <Input />
            </Form.Item>
          </Col>
          <Col span={12}>
            <Form.Item name="preferredChannel" label={t('contact.preferredChannel')}>
              <Select
                allowClear
                options={ContactChannel.options.map((v) => ({ value: v, label: t(`enum.contactChannel.${v}`) }))}
              />
            </Form.Item>
          </Col>
          <Col span={12}>
            <Form.Item name="preferredTime" label={t('contact.preferredTime')} rules={[{ max: 60 }]}>
              <Input placeholder={t('contact.preferredTimePlaceholder')} />
            </Form.Item>
          </Col>
        </Row>

        <Divider titlePlacement="start" plain>
          {t('dossier.title')}
        </Divider>
        <Form.Item name="consentBasis" label={t('contact.consentBasis')} extra={t('contact.consentBasisHint')}>
          <Select options={ConsentBasis.options.map((v) => ({ value: v, label: t(`enum.consentBasis.${v}`) }))} />
        </Form.Item>
        {withDossier ? (
          <Row gutter={16}>
            <Col span={8}>
              <Form.Item name={['dossier', 'birthday']} label={t('dossier.field.birthday')}>
                <DatePicker style={{ width: '100%' }} />
              </Form.Item>
            </Col>
            <Col span={8}>
              <Form.Item name={['dossier', 'birthdayCalendar']} label={t('dossier.field.birthdayCalendar')}>
                <Select
                  allowClear
                  options={CalendarKind.options.map((v) => ({ value: v, label: t(`enum.calendar.${v}`) }))}
                />
              </Form.Item>
            </Col>
            {dossierText.map((f) => (
              <Col key={f} span={longDossier.has(f) || f === 'homeAddress' ? 24 : 8}>
                <Form.Item name={['dossier', f]} label={t(`dossier.field.${f}`)}>
                  {longDossier.has(f) ? <Input.TextArea autoSize={{ minRows: 2, maxRows: 6 }} /> : <Input />}
                </Form.Item>
              </Col>
            ))}
          </Row>
        ) : (
          <Alert type="warning" showIcon title={t('dossier.noEditAccess')} />
        )}
      </Form>
    </Drawer>
  );
}
