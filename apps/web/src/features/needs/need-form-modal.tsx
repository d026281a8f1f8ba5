import { NeedCategory, NeedKind, NeedSourceKind } from '@kamap/contracts';
import { App, Flex, Form, Input, Modal, Rate, Segmented, Select, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { NeedData } from '../../app/api/types';
import { blankToNull } from '../../ui/form-values';
import { ProblemAlert, showFieldErrors } from '../../ui/problem-alert';
import { useInteractionList } from '../interactions/api';
import { type NeedBody, useCreateNeed, useUpdateNeed } from './api';
import { BandTag } from './need-tags';

type Values = Omit<NeedBody, 'description' | 'sourceKind' | 'sourceId'> & {
  description?: string;
  sourceKind?: NeedBody['sourceKind'];
  sourceId?: string;
};

function bandOf(priority: number) {
  return priority >= 60 ? 'P1' : priority >= 27 ? 'P2' : 'P3';
}

/** Record or edit a need: what, which kind and category, where it came from, and its three ratings. */
export function NeedFormModal({
  accountId,
  need,
  onClose,
  onSaved,
}: {
  accountId: string;
  need?: NeedData;
  onClose: () => void;
  onSaved?: (need: NeedData) => void;
}) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const create = useCreateNeed(accountId);
  const update = useUpdateNeed(need?.id ?? '');
  const write = need ? update : create;
  const sourceKind = Form.useWatch('sourceKind', form);
  const ratings = [
    Form.useWatch('importance', form),
    Form.useWatch('urgency', form),
    Form.useWatch('feasibility', form),
  ];
  const priority = ratings.every((r) => r) ? (ratings as number[]).reduce((a, b) => a * b, 1) : null;
  const interactions = useInteractionList({ accountId, limit: 30 }, { enabled: sourceKind === 'interaction' });

  const save = async () => {
    const v = await form.validateFields();
    const body = {
      title: v.title.trim(),
      description: blankToNull(v.description),
      kind: v.kind,
      category: v.category,
      sourceKind: v.sourceKind ?? null,
      // an interaction is picked here; a complaint or survey source it was raised from is kept as it was
      sourceId:
        v.sourceKind === 'interaction'
          ? (v.sourceId ?? null)
          : need && v.sourceKind === need.sourceKind
            ? need.sourceId
            : null,
      importance: v.importance,
      urgency: v.urgency,
      feasibility: v.feasibility,
    };
    const done = {
      onSuccess: (saved: NeedData) => {
        void message.success(t('need.saved'));
        onSaved?.(saved);
        onClose();
      },
      onError: (error: unknown) => showFieldErrors(form, error),
    };
    if (need) update.mutate({ ...body, version: need.version }, done);
    else create.mutate(body, done);
  };

  return (
    <Modal
      open
      title={need ? t('need.edit') : t('need.create')}
      width={640}
      okText={t('action.save')}
      cancelText={t('action.cancel')}
      onOk={save}
      confirmLoading={write.isPending}
      onCancel={onClose}
      destroyOnHidden
    >
      <ProblemAlert error={write.error} />
      <Form<Values>
        name="need"
        form={form}
        layout="vertical"
        disabled={write.isPending}
        initialValues={
          need
            ? {
                ...need,
                description: need.description ?? undefined,
                sourceKind: need.sourceKind ?? undefined,
                sourceId: need.sourceId ?? undefined,
              }
            : { kind: 'explicit', category: 'product', importance: 3, urgency: 3, feasibility: 3 }
        }
      >
        <Form.Item
          name="title"
          label={t('need.title')}
          rules={[{ required: true, whitespace: true, message: t('form.required') }, { max: 200 }]}
        >
          <Input />
        </Form.Item>
        <Flex gap={16} wrap>
          <Form.Item name="kind" label={t('need.kind')} rules={[{ required: true }]}>
            <Segmented options={NeedKind.options.map((k) => ({ value: k, label: t(`enum.needKind.${k}`) }))} />
          </Form.Item>
          <Form.Item name="category" label={t('need.category')} rules={[{ required: true }]} style={{ minWidth: 180 }}>
            <Select options={NeedCategory.options.map((c) => ({ value: c, label: t(`enum.needCategory.${c}`) }))} />
          </Form.Item>
        </Flex>
        <Form.Item name="description" label={t('need.description')} rules={[{ max: 5000 }]}>
          <Input.TextArea autoSize={{ minRows: 2, maxRows: 6 }} />
        </Form.Item>
        <Flex gap={16} wrap>
          <Form.Item name="sourceKind" label={t('need.source')} style={{ minWidth: 160 }}>
            <Select
              allowClear
              options={NeedSourceKind.options.map((s) => ({ value: s, label: t(`enum.needSource.${s}`) }))}
            />
          </Form.Item>
          {sourceKind === 'interaction' && (
            <Form.Item name="sourceId" label={t('need.sourceInteraction')} style={{ flex: 1, minWidth: 240 }}>
              <Select
                allowClear
                loading={interactions.isFetching}
                options={interactions.items.map((i) => ({
                  value: i.id,
                  label: `${i.occurredAt.slice(0, 10)} ${t(`enum.interactionKind.${i.kind}`)} · ${i.subject}`,
                }))}
              />
            </Form.Item>
          )}
        </Flex>
        <Flex gap={24} wrap align="end">
          {(['importance', 'urgency', 'feasibility'] as const).map((k) => (
            <Form.Item
              key={k}
              name={k}
              label={t(`need.${k}`)}
              rules={[{ required: true, message: t('form.required') }]}
            >
              <Rate count={5} allowClear={false} />
            </Form.Item>
          ))}
          <Form.Item label={t('need.priority')}>
            {priority ? (
              <BandTag band={bandOf(priority)} priority={priority} />
            ) : (
              <Typography.Text type="secondary">—</Typography.Text>
            )}
          </Form.Item>
        </Flex>
      </Form>
    </Modal>
  );
}
