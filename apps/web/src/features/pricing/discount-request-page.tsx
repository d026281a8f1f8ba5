import { useQuery } from '@tanstack/react-query';
import {
  Alert,
  Button,
  Card,
  Col,
  Descriptions,
  Flex,
  Form,
  Input,
  InputNumber,
  Row,
  Select,
  Space,
  Spin,
  Tag,
  Typography,
} from 'antd';
import { useDeferredValue, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { api } from '../../app/api/client';
import type { Page, ProductData } from '../../app/api/types';
import { fenToYuan, yuanToFen } from '../../ui/format';
import { Money } from '../../ui/money';
import { PageHeader } from '../../ui/page-header';
import { ProblemAlert, showFieldErrors } from '../../ui/problem-alert';
import { useDebouncedValue } from '../../ui/use-debounced-value';
import { AccountPicker } from '../accounts/account-picker';
import { TierTag } from '../identification/tags';
import { useCreateDiscountRequest, useDiscountPreview, useEffectivePrice } from './api';
import { GuidancePanel } from './guidance-panel';
import type { DiscountRequestData } from './types';

type Values = {
  accountId?: string;
  productId?: string;
  quantity?: number;
  price?: number;
  reason?: string;
  belowCostJustification?: string;
};

function ProductPicker({ value, onChange }: { value?: string; onChange?: (v: string) => void }) {
  const { t } = useTranslation();
  const [search, setSearch] = useState('');
  const q = useDeferredValue(search.trim());
  const products = useQuery({
    queryKey: ['products', 'picker', q],
    queryFn: ({ signal }) => api.get<Page<ProductData>>('/products', { q: q || undefined, limit: 50 }, signal),
    staleTime: 60_000,
  });
  return (
    <Select
      value={value}
      onChange={onChange}
      showSearch={{ filterOption: false, onSearch: setSearch }}
      placeholder={t('pricing.pickProduct')}
      loading={products.isFetching}
      options={(products.data?.items ?? []).map((p) => ({ value: p.id, label: `${p.code} ${p.name}` }))}
    />
  );
}

const levelColor = { kam: 'green', director: 'blue', admin: 'purple' } as const;

/** A discount request: the price asked for, who must approve it, and the guidance computed as it is typed. */
export function DiscountRequestPage() {
  const { t } = useTranslation();
  const [params] = useSearchParams();
  const [form] = Form.useForm<Values>();
  const v = Form.useWatch([], form) ?? {};
  const effective = useEffectivePrice(v.accountId, v.productId);
  const body = useMemo(
    () =>
      v.accountId && v.productId && v.quantity && v.price && v.price > 0
        ? { accountId: v.accountId, productId: v.productId, quantity: v.quantity, requestedPrice: yuanToFen(v.price) }
        : null,
    [v.accountId, v.productId, v.quantity, v.price],
  );
  const preview = useDiscountPreview(useDebouncedValue(body, 400));
  const create = useCreateDiscountRequest();
  const [saved, setSaved] = useState<DiscountRequestData | null>(null);
  const belowCost = preview.data?.guidance.margin.belowCost ?? false;

  const save = async () => {
    const values = await form.validateFields();
    create.mutate(
      {
        accountId: values.accountId as string,
        productId: values.productId as string,
        quantity: values.quantity as number,
        requestedPrice: yuanToFen(values.price as number),
        reason: (values.reason as string).trim(),
        ...(values.belowCostJustification?.trim()
          ? { belowCostJustification: values.belowCostJustification.trim() }
          : {}),
      },
      { onSuccess: setSaved, onError: (e) => showFieldErrors(form, e) },
    );
  };

  return (
    <Flex vertical gap={16}>
      <PageHeader title={t('nav.page.discountRequest')} subtitle={t('pricing.requestSubtitle')} />
      <Row gutter={[16, 16]}>
        <Col xs={24} xl={9}>
          <Card size="small" title={t('pricing.request')}>
            <ProblemAlert error={create.error} />
            {saved && (
              <Alert
                type="success"
                showIcon
                style={{ marginBottom: 12 }}
                title={t('pricing.saved', { level: t(`pricing.level.${saved.requiredLevel}`) })}
                action={<Link to="/pricing/discounts">{t('pricing.toInbox')}</Link>}
              />
            )}
            <Form<Values>
              form={form}
              layout="vertical"
              initialValues={{ accountId: params.get('accountId') ?? undefined, quantity: 10 }}
              onValuesChange={() => setSaved(null)}
            >
              <Form.Item
                name="accountId"
                label={t('pricing.account')}
                rules={[{ required: true, message: t('form.required') }]}
              >
                <AccountPicker />
              </Form.Item>
              <Form.Item
                name="productId"
                label={t('pricing.product')}
                rules={[{ required: true, message: t('form.required') }]}
              >
                <ProductPicker />
              </Form.Item>
              {effective.data && (
                <Descriptions size="small" column={1} colon={false} style={{ marginBottom: 12 }}>
                  <Descriptions.Item label={t('pricing.effectivePrice')}>
                    <Space>
                      <Money value={effective.data.effectivePrice} />
                      <Tag>{t(`pricing.source.${effective.data.source}`)}</Tag>
                    </Space>
                  </Descriptions.Item>
                  <Descriptions.Item label={t('pricing.listPrice')}>
                    <Money value={effective.data.listPrice} />
                    {effective.data.priceList && (
                      <Typography.Text type="secondary"> · {effective.data.priceList.name}</Typography.Text>
                    )}
                  </Descriptions.Item>
                </Descriptions>
              )}
              <Row gutter={12}>
                <Col span={10}>
                  <Form.Item
                    name="quantity"
                    label={t('pricing.quantity')}
                    rules={[{ required: true, message: t('form.required') }]}
                  >
                    <InputNumber min={1} style={{ width: '100%' }} />
                  </Form.Item>
                </Col>
                <Col span={14}>
                  <Form.Item
                    name="price"
                    label={t('pricing.requestedPriceYuan')}
                    rules={[{ required: true, message: t('form.required') }]}
                    extra={
                      effective.data &&
                      t('pricing.priceHint', { price: fenToYuan(effective.data.effectivePrice).toLocaleString() })
                    }
                  >
                    <InputNumber min={0.01} step={100} style={{ width: '100%' }} />
                  </Form.Item>
                </Col>
              </Row>
              <Form.Item
                name="reason"
                label={t('pricing.reasonLabel')}
                rules={[{ required: true, min: 2, message: t('form.required') }]}
              >
                <Input.TextArea rows={2} maxLength={500} />
              </Form.Item>
              {belowCost && (
                <Form.Item
                  name="belowCostJustification"
                  label={t('pricing.justification')}
                  rules={[{ required: true, min: 10, message: t('pricing.justificationRequired') }]}
                >
                  <Input.TextArea rows={3} maxLength={500} />
                </Form.Item>
              )}
              <Button type="primary" onClick={save} loading={create.isPending} disabled={!preview.data}>
                {t('pricing.submit')}
              </Button>
            </Form>
          </Card>
        </Col>
        <Col xs={24} xl={15}>
          <Card
            size="small"
            title={
              <Space>
                {t('pricing.guidance')}
                {preview.isFetching && <Spin size="small" />}
              </Space>
            }
            extra={
              preview.data && (
                <Space>
                  <TierTag tier={preview.data.tier} short />
                  <Tag>{t('pricing.depth', { pct: preview.data.discountPct })}</Tag>
                  <Tag color={levelColor[preview.data.requiredLevel]}>
                    {t('pricing.approver', { level: t(`pricing.level.${preview.data.requiredLevel}`) })}
                  </Tag>
                </Space>
              )
            }
          >
            {preview.error ? (
              <ProblemAlert error={preview.error} />
            ) : preview.data ? (
              <GuidancePanel guidance={preview.data.guidance} discountPct={preview.data.discountPct} />
            ) : (
              <Typography.Text type="secondary">{t('pricing.guidanceHint')}</Typography.Text>
            )}
          </Card>
        </Col>
      </Row>
    </Flex>
  );
}
