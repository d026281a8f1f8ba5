import { CreditCode, Industry, Lifecycle, PriceSensitivity, SizeBand } from '@kamap/contracts';
import type { FormInstance } from 'antd';
import { Col, Divider, Form, Input, InputNumber, Rate, Row, Select } from 'antd';
import { useTranslation } from 'react-i18next';
import type { Account, CreateAccount, UserRefData } from '../../app/api/types';
import { blankToNull } from '../../ui/form-values';
import { fenToYuan, yuanToFen } from '../../ui/format';
import { provinces } from '../../ui/provinces';
import { OrgUnitPicker, UserPicker } from '../org/pickers';
import { AccountPicker } from './account-picker';

type AccountFields = Omit<CreateAccount, 'lifecycle' | 'tags'> & Pick<Account, 'lifecycle' | 'tags'>;

/** What the form holds: money in yuan (people type yuan), everything else as the API has it. */
export type AccountFormValues = {
  [K in keyof AccountFields]?: AccountFields[K] | null;
};

const moneyFields = ['annualRevenueEstimate', 'walletEstimate', 'creditLimit'] as const;

export function toFormValues(account: Account): AccountFormValues {
  const values: AccountFormValues = {
    code: account.code,
    name: account.name,
    shortName: account.shortName,
    creditCode: account.creditCode,
    parentId: account.parentId,
    industry: account.industry,
    province: account.province,
    city: account.city,
    sizeBand: account.sizeBand,
    employeeCount: account.employeeCount,
    website: account.website,
    address: account.address,
    phone: account.phone,
    ownerId: account.ownerId,
    orgUnitId: account.orgUnitId,
    lifecycle: account.lifecycle,
    priceSensitivity: account.priceSensitivity,
    marketInfluence: account.marketInfluence,
    strategicFit: account.strategicFit,
    paymentTermsDays: account.paymentTermsDays,
    tags: account.tags,
  };
  for (const field of moneyFields) {
    const fen = account[field];
    values[field] = fen === null ? null : fenToYuan(fen);
  }
  return values;
}

/** Form values → the API's fields: empty text becomes null, yuan become fen. */
export function toAccountFields(values: AccountFormValues): AccountFormValues {
  const out: AccountFormValues = {};
  for (const [key, raw] of Object.entries(values)) (out as Record<string, unknown>)[key] = blankToNull(raw);
  for (const field of moneyFields) {
    const yuan = out[field];
    out[field] = typeof yuan === 'number' ? yuanToFen(yuan) : null;
  }
  out.tags = values.tags ?? [];
  return out;
}

const yuanInput = { min: 0, precision: 2, style: { width: '100%' }, prefix: '¥' } as const;

export function AccountForm({
  form,
  account,
  defaults,
  disabled,
}: {
  form: FormInstance<AccountFormValues>;
  account?: Account;
  /** a new account's starting values, with the people they name */
  defaults?: { values: AccountFormValues; owner: UserRefData | null };
  disabled?: boolean;
}) {
  const { t } = useTranslation();
  const required = { required: true, message: t('form.required') };
  return (
    <Form<AccountFormValues>
      name="account"
      form={form}
      layout="vertical"
      disabled={disabled}
      initialValues={account ? toFormValues(account) : { lifecycle: 'prospect', tags: [], ...defaults?.values }}
      requiredMark
      scrollToFirstError
    >
      <Divider titlePlacement="start" plain style={{ marginTop: 0 }}>
        {t('account.section.basic')}
      </Divider>
      <Row gutter={16}>
        <Col span={16}>
          <Form.Item name="name" label={t('account.name')} rules={[required, { max: 200 }]}>
            <Input />
          </Form.Item>
        </Col>
        <Col span={8}>
          <Form.Item name="shortName" label={t('account.shortName')} rules={[{ max: 60 }]}>
            <Input />
          </Form.Item>
        </Col>
        <Col span={8}>
          <Form.Item name="code" label={t('account.code')} rules={[required, { max: 40 }]}>
            <Input />
          </Form.Item>
        </Col>
        <Col span={16}>
          <Form.Item
            name="creditCode"
            label={t('account.creditCode')}
            rules={[
              {
                validator: (_, value: string | null | undefined) =>
                  !value || CreditCode.safeParse(value).success
                    ? Promise.resolve()
                    : Promise.reject(new Error(t('account.creditCodeInvalid'))),
              },
            ]}
          >
            <Input maxLength={18} style={{ textTransform: 'uppercase' }} />
          </Form.Item>
        </Col>
        <Col span={16}>
          <Form.Item name="parentId" label={t('account.parent')}>
            <AccountPicker excludeId={account?.id} current={account?.parent ?? null} />
          </Form.Item>
        </Col>
        <Col span={8}>
          <Form.Item name="lifecycle" label={t('account.lifecycle')} rules={[required]}>
            <Select options={Lifecycle.options.map((v) => ({ value: v, label: t(`enum.lifecycle.${v}`) }))} />
          </Form.Item>
        </Col>
      </Row>

      <Divider titlePlacement="start" plain>
        {t('account.section.profile')}
      </Divider>
      <Row gutter={16}>
        <Col span={12}>
          <Form.Item name="industry" label={t('account.industry')}>
            <Select
              allowClear
              showSearch={{ optionFilterProp: 'label' }}
              options={Industry.options.map((v) => ({ value: v, label: `${v} ${t(`enum.industry.${v}`)}` }))}
            />
          </Form.Item>
        </Col>
        <Col span={6}>
          <Form.Item name="sizeBand" label={t('account.sizeBand')}>
            <Select allowClear options={SizeBand.options.map((v) => ({ value: v, label: t(`enum.sizeBand.${v}`) }))} />
          </Form.Item>
        </Col>
        <Col span={6}>
          <Form.Item name="employeeCount" label={t('account.employeeCount')}>
            <InputNumber min={0} precision={0} style={{ width: '100%' }} />
          </Form.Item>
        </Col>
        <Col span={6}>
          <Form.Item name="province" label={t('account.province')}>
            <Select
              allowClear
              showSearch={{ optionFilterProp: 'value' }}
              options={provinces.map((p) => ({ value: p }))}
            />
          </Form.Item>
        </Col>
        <Col span={6}>
          <Form.Item name="city" label={t('account.city')} rules={[{ max: 40 }]}>
            <Input />
          </Form.Item>
        </Col>
        <Col span={12}>
          <Form.Item name="address" label={t('account.address')} rules={[{ max: 300 }]}>
            <Input />
          </Form.Item>
        </Col>
        <Col span={12}>
          <Form.Item name="website" label={t('account.website')} rules={[{ max: 200 }]}>
            <Input />
          </Form.Item>
        </Col>
        <Col span={12}>
          <Form.Item name="phone" label={t('account.phone')} rules={[{ max: 40 }]}>
            <Input />
          </Form.Item>
        </Col>
        <Col span={12}>
          <Form.Item name="annualRevenueEstimate" label={t('account.annualRevenueEstimate')}>
            <InputNumber {...yuanInput} />
          </Form.Item>
        </Col>
        <Col span={12}>
          <Form.Item
            name="walletEstimate"
            label={t('account.walletEstimate')}
            tooltip={t('account.walletEstimateHint')}
          >
            <InputNumber {...yuanInput} />
          </Form.Item>
        </Col>
      </Row>

      <Divider titlePlacement="start" plain>
        {t('account.section.management')}
      </Divider>
      <Row gutter={16}>
        <Col span={12}>
          <Form.Item name="ownerId" label={t('account.owner')}>
            <UserPicker current={account?.owner ?? defaults?.owner ?? null} />
          </Form.Item>
        </Col>
        <Col span={12}>
          <Form.Item name="orgUnitId" label={t('account.orgUnit')} rules={[required]}>
            <OrgUnitPicker allowClear={false} />
          </Form.Item>
        </Col>
        <Col span={8}>
          <Form.Item name="priceSensitivity" label={t('account.priceSensitivity')}>
            <Select
              allowClear
              options={PriceSensitivity.options.map((v) => ({ value: v, label: t(`enum.priceSensitivity.${v}`) }))}
            />
          </Form.Item>
        </Col>
        <Col span={8}>
          <Form.Item name="marketInfluence" label={t('account.marketInfluence')}>
            <Rate />
          </Form.Item>
        </Col>
        <Col span={8}>
          <Form.Item name="strategicFit" label={t('account.strategicFit')}>
            <Rate />
          </Form.Item>
        </Col>
        <Col span={12}>
          <Form.Item name="creditLimit" label={t('account.creditLimit')}>
            <InputNumber {...yuanInput} />
          </Form.Item>
        </Col>
        <Col span={12}>
          <Form.Item name="paymentTermsDays" label={t('account.paymentTermsDays')}>
            <InputNumber min={0} max={365} precision={0} style={{ width: '100%' }} suffix={t('common.days')} />
          </Form.Item>
        </Col>
        <Col span={24}>
          <Form.Item
            name="tags"
            label={t('account.tags')}
            rules={[
              {
                validator: (_, tags: string[] | undefined) =>
                  (tags ?? []).length <= 20 && (tags ?? []).every((tag) => tag.length <= 30)
                    ? Promise.resolve()
                    : Promise.reject(new Error(t('account.tagsInvalid'))),
              },
            ]}
          >
            <Select mode="tags" tokenSeparators={[',', '，']} open={false} suffixIcon={null} />
          </Form.Item>
        </Col>
      </Row>
    </Form>
  );
}
