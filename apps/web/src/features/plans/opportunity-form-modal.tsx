import { DatePicker, Form, Input, InputNumber, Modal, Select } from 'antd';
import dayjs from 'dayjs';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { yuanToFen } from '../../ui/format';
import { ProblemAlert } from '../../ui/problem-alert';
import { useProductCategories } from '../products/api';
import { useCreateOpportunity } from './api';
import { STAGES } from './tags';

type Values = {
  title: string;
  amount: number;
  categoryIds: string[];
  expectedClose: dayjs.Dayjs;
  stage: (typeof STAGES)[number];
};

/**
 * A new opportunity for the account; from a recommendation of the Value tab it starts as a cross-sell (or
 * upsell) of that category and keeps the recommendation as its source.
 */
export function OpportunityFormModal({
  accountId,
  recommendation,
  onClose,
}: {
  accountId: string;
  /** a whitespace category; with `because` it is an analytics recommendation, kept as the source */
  recommendation?: { categoryId: string; categoryName: string; because: string | null };
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const [form] = Form.useForm<Values>();
  const create = useCreateOpportunity(accountId);
  const categories = useProductCategories();
  const submit = (v: Values) =>
    create.mutate(
      {
        title: v.title,
        amount: yuanToFen(v.amount),
        categoryIds: v.categoryIds ?? [],
        expectedClose: v.expectedClose.format('YYYY-MM-DD'),
        stage: v.stage,
        ...(recommendation?.because
          ? { fromRecommendation: recommendation.categoryId }
          : recommendation
            ? { kind: 'cross_sell' as const }
            : {}),
      },
      { onSuccess: (o) => navigate(`/opportunities/${o.id}`) },
    );
  return (
    <Modal
      open
      title={recommendation?.because ? t('opportunity.createFromRecommendation') : t('opportunity.create')}
      onCancel={onClose}
      onOk={() => form.submit()}
      okButtonProps={{ loading: create.isPending }}
      destroyOnHidden
    >
      <ProblemAlert error={create.error} />
      <Form<Values>
        form={form}
        layout="vertical"
        onFinish={submit}
        initialValues={{
          title: recommendation ? t('opportunity.crossSellTitle', { category: recommendation.categoryName }) : '',
          stage: 'awareness',
          categoryIds: recommendation ? [recommendation.categoryId] : [],
          expectedClose: dayjs().add(90, 'day'),
        }}
      >
        {recommendation?.because && (
          <p style={{ color: '#64748b' }}>
            {t('opportunity.recommendationBecause', { because: recommendation.because })}
          </p>
        )}
        <Form.Item name="title" label={t('opportunity.title')} rules={[{ required: true, max: 200 }]}>
          <Input />
        </Form.Item>
        <Form.Item name="amount" label={t('opportunity.amountYuan')} rules={[{ required: true }]}>
          <InputNumber min={0.01} style={{ width: '100%' }} />
        </Form.Item>
        <Form.Item name="categoryIds" label={t('opportunity.productLines')}>
          <Select
            mode="multiple"
            loading={categories.isPending}
            options={(categories.data ?? []).map((c) => ({ value: c.id, label: c.name }))}
            optionFilterProp="label"
          />
        </Form.Item>
        <Form.Item name="stage" label={t('opportunity.stageLabel')} rules={[{ required: true }]}>
          <Select options={STAGES.map((s) => ({ value: s, label: t(`opportunity.stage.${s}`) }))} />
        </Form.Item>
        <Form.Item name="expectedClose" label={t('opportunity.expectedClose')} rules={[{ required: true }]}>
          <DatePicker style={{ width: '100%' }} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
