import { PlusOutlined } from '@ant-design/icons';
import { KpiAggregation, KpiMeasure } from '@kamap/contracts';
import {
  Button,
  Card,
  Flex,
  Form,
  Input,
  InputNumber,
  Modal,
  Select,
  Switch,
  Table,
  Tag,
  TreeSelect,
  Typography,
} from 'antd';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useCurrentUser } from '../../app/auth/current-user';
import { PageHeader } from '../../ui/page-header';
import { ProblemAlert, showFieldErrors } from '../../ui/problem-alert';
import { provinces } from '../../ui/provinces';
import { QueryError } from '../../ui/query-error';
import { toTreeOptions } from '../../ui/tree';
import { useProductCategories } from '../products/api';
import { configuresKpis } from './access';
import { useKpis, useSaveKpi } from './api';
import { useKpiName } from './parts';
import type { KpiDefinitionData } from './types';

type Values = {
  code: string;
  name: string;
  measure: string;
  aggregation: string;
  categoryId?: string | null;
  province?: string | null;
  higherIsBetter: boolean;
  greenAt: number;
  amberAt: number;
};

function KpiModal({ kpi, onClose }: { kpi?: KpiDefinitionData; onClose: () => void }) {
  const { t } = useTranslation();
  const [form] = Form.useForm<Values>();
  const save = useSaveKpi();
  const categories = useProductCategories();
  const tree = useMemo(() => toTreeOptions(categories.data ?? [], (c) => c.name), [categories.data]);
  const submit = async () => {
    const v = await form.validateFields();
    const thresholds = { greenAt: v.greenAt / 100, amberAt: v.amberAt / 100, higherIsBetter: v.higherIsBetter };
    const body = kpi
      ? { id: kpi.id, version: kpi.version, name: v.name, ...thresholds }
      : { ...v, ...thresholds, categoryId: v.categoryId ?? null, province: v.province ?? null };
    save.mutate(body, { onSuccess: onClose, onError: (e) => showFieldErrors(form, e) });
  };
  return (
    <Modal
      open
      title={kpi ? t('perf.editKpi') : t('perf.newKpi')}
      onCancel={onClose}
      onOk={submit}
      okText={t('action.save')}
      confirmLoading={save.isPending}
      destroyOnHidden
      width={560}
    >
      <ProblemAlert error={save.error} />
      <Form<Values>
        form={form}
        layout="vertical"
        initialValues={
          kpi
            ? {
                name: kpi.name,
                higherIsBetter: kpi.higherIsBetter,
                greenAt: kpi.greenAt * 100,
                amberAt: kpi.amberAt * 100,
              }
            : { measure: 'revenue', aggregation: 'total', higherIsBetter: true, greenAt: 100, amberAt: 90 }
        }
      >
        {!kpi && (
          <Form.Item
            name="code"
            label={t('perf.code')}
            extra={t('perf.codeHint')}
            rules={[{ required: true, message: t('form.required') }]}
          >
            <Input maxLength={40} />
          </Form.Item>
        )}
        <Form.Item name="name" label={t('perf.kpiName')} rules={[{ required: true, message: t('form.required') }]}>
          <Input maxLength={100} />
        </Form.Item>
        {!kpi && (
          <>
            <Flex gap={12}>
              <Form.Item name="measure" label={t('perf.measure')} style={{ flex: 1 }}>
                <Select options={KpiMeasure.options.map((m) => ({ value: m, label: t(`perf.measureName.${m}`) }))} />
              </Form.Item>
              <Form.Item name="aggregation" label={t('perf.aggregation')} style={{ flex: 1 }}>
                <Select
                  options={KpiAggregation.options.map((m) => ({ value: m, label: t(`perf.aggregationName.${m}`) }))}
                />
              </Form.Item>
            </Flex>
            <Flex gap={12}>
              <Form.Item
                name="categoryId"
                label={t('perf.category')}
                extra={t('perf.categoryHint')}
                style={{ flex: 1 }}
              >
                <TreeSelect
                  treeData={tree}
                  allowClear
                  treeDefaultExpandAll
                  showSearch={{ treeNodeFilterProp: 'title' }}
                />
              </Form.Item>
              <Form.Item name="province" label={t('perf.province')} style={{ flex: 1 }}>
                <Select allowClear showSearch options={provinces.map((p) => ({ value: p, label: p }))} />
              </Form.Item>
            </Flex>
          </>
        )}
        <Flex gap={12} align="end">
          <Form.Item name="higherIsBetter" label={t('perf.higherIsBetter')} valuePropName="checked" style={{ flex: 1 }}>
            <Switch />
          </Form.Item>
          <Form.Item name="greenAt" label={t('perf.greenAt')} style={{ flex: 1 }}>
            <InputNumber min={0} max={1000} suffix="%" style={{ width: '100%' }} />
          </Form.Item>
          <Form.Item name="amberAt" label={t('perf.amberAt')} style={{ flex: 1 }}>
            <InputNumber min={0} max={1000} suffix="%" style={{ width: '100%' }} />
          </Form.Item>
        </Flex>
      </Form>
    </Modal>
  );
}

/** KPI definitions: the built-in ones and custom aggregates over the same data, with their colour thresholds. */
export function KpiDefinitionsPage() {
  const { t } = useTranslation();
  const user = useCurrentUser();
  const kpis = useKpis();
  const name = useKpiName();
  const [editing, setEditing] = useState<KpiDefinitionData | 'new' | null>(null);
  const canConfigure = configuresKpis(user);
  return (
    <>
      <PageHeader
        title={t('nav.page.kpiDefinitions')}
        subtitle={t('perf.definitionsSubtitle')}
        extra={
          canConfigure && (
            <Button type="primary" icon={<PlusOutlined />} onClick={() => setEditing('new')}>
              {t('perf.newKpi')}
            </Button>
          )
        }
      />
      {kpis.isError ? (
        <QueryError error={kpis.error} onRetry={() => kpis.refetch()} />
      ) : (
        <Card variant="borderless">
          <Table<KpiDefinitionData>
            rowKey="id"
            loading={kpis.isPending}
            dataSource={kpis.data ?? []}
            pagination={false}
            scroll={{ x: 900 }}
            columns={[
              {
                title: t('perf.kpiName'),
                key: 'name',
                render: (_: unknown, r) => (
                  <Flex vertical gap={0}>
                    <Typography.Text strong>{name(r)}</Typography.Text>
                    <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                      {r.builtIn
                        ? t(`perf.kindHint.${r.kind}`)
                        : [
                            r.measure && t(`perf.measureName.${r.measure}`),
                            r.aggregation && t(`perf.aggregationName.${r.aggregation}`),
                            r.category?.name,
                            r.province,
                          ]
                            .filter(Boolean)
                            .join(' · ')}
                    </Typography.Text>
                  </Flex>
                ),
              },
              {
                title: t('perf.code'),
                dataIndex: 'code',
                width: 230,
                render: (c: string) => <Typography.Text code>{c}</Typography.Text>,
              },
              {
                title: t('perf.origin'),
                key: 'origin',
                width: 160,
                render: (_: unknown, r) => (
                  <Flex gap={4} wrap>
                    <Tag>{r.builtIn ? t('perf.builtIn') : t('perf.custom')}</Tag>
                  </Flex>
                ),
              },
              {
                title: t('perf.unit'),
                dataIndex: 'unit',
                width: 90,
                render: (u: KpiDefinitionData['unit']) => t(`perf.unitName.${u}`),
              },
              {
                title: t('perf.thresholds'),
                key: 'thresholds',
                width: 220,
                render: (_: unknown, r) =>
                  t('perf.thresholdsValue', {
                    green: Math.round(r.greenAt * 100),
                    amber: Math.round(r.amberAt * 100),
                    direction: r.higherIsBetter ? t('perf.higher') : t('perf.lower'),
                  }),
              },
              ...(canConfigure
                ? [
                    {
                      title: '',
                      key: 'edit',
                      width: 80,
                      render: (_: unknown, r: KpiDefinitionData) => (
                        <Button size="small" onClick={() => setEditing(r)}>
                          {t('perf.edit')}
                        </Button>
                      ),
                    },
                  ]
                : []),
            ]}
          />
          <Typography.Paragraph type="secondary" style={{ marginTop: 12, marginBottom: 0 }}>
            {t('perf.definitionsNote')}
          </Typography.Paragraph>
        </Card>
      )}
      {editing && <KpiModal kpi={editing === 'new' ? undefined : editing} onClose={() => setEditing(null)} />}
    </>
  );
}
