import { PlusOutlined } from '@ant-design/icons';
import { ValueAddedServiceKind } from '@kamap/contracts';
import {
  Button,
  Card,
  DatePicker,
  Flex,
  Form,
  Input,
  InputNumber,
  Modal,
  Rate,
  Select,
  Space,
  Table,
  Typography,
} from 'antd';
import dayjs from 'dayjs';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useCurrentUser } from '../../app/auth/current-user';
import { oneOf, useUrlParams } from '../../app/use-url-params';
import { EmptyState } from '../../ui/empty-state';
import { fenToYuan, formatDate, yuanToFen } from '../../ui/format';
import { ListFooter } from '../../ui/list-footer';
import { Money } from '../../ui/money';
import { PageHeader } from '../../ui/page-header';
import { ProblemAlert, showFieldErrors } from '../../ui/problem-alert';
import { QueryError } from '../../ui/query-error';
import { AccountPicker } from '../accounts/account-picker';
import { UserPicker } from '../org/pickers';
import { writesEvents } from './access';
import { useSaveValueAddedService, useValueAddedServices } from './api';
import type { ValueAddedServiceData } from './types';

type Values = {
  accountId: string;
  kind: string;
  title: string;
  deliveredOn: dayjs.Dayjs;
  deliveredById?: string | null;
  cost: number;
  feedbackScore?: number | null;
  feedback?: string;
};

function ServiceModal({
  service,
  accountId,
  onClose,
}: {
  service?: ValueAddedServiceData;
  accountId?: string;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const [form] = Form.useForm<Values>();
  const save = useSaveValueAddedService();
  const submit = async () => {
    const v = await form.validateFields();
    const body = {
      kind: v.kind,
      title: v.title,
      deliveredOn: v.deliveredOn.format('YYYY-MM-DD'),
      deliveredById: v.deliveredById ?? null,
      cost: yuanToFen(v.cost ?? 0),
      feedbackScore: v.feedbackScore || null,
      feedback: v.feedback || null,
    };
    save.mutate(service ? { id: service.id, version: service.version, ...body } : { accountId: v.accountId, ...body }, {
      onSuccess: onClose,
      onError: (e) => showFieldErrors(form, e),
    });
  };
  return (
    <Modal
      open
      title={service ? t('vas.edit') : t('vas.create')}
      onCancel={onClose}
      onOk={submit}
      okText={t('action.save')}
      confirmLoading={save.isPending}
      destroyOnHidden
    >
      <ProblemAlert error={save.error} />
      <Form<Values>
        form={form}
        layout="vertical"
        initialValues={
          service
            ? {
                ...service,
                deliveredOn: dayjs(service.deliveredOn),
                cost: fenToYuan(service.cost),
                deliveredById: service.deliveredBy?.id ?? null,
                feedback: service.feedback ?? undefined,
              }
            : { accountId, kind: 'consulting', deliveredOn: dayjs(), cost: 0 }
        }
      >
        {!service && (
          <Form.Item
            name="accountId"
            label={t('vas.account')}
            rules={[{ required: true, message: t('form.required') }]}
          >
            <AccountPicker />
          </Form.Item>
        )}
        <Flex gap={12}>
          <Form.Item name="kind" label={t('vas.kind')} style={{ flex: 1 }}>
            <Select options={ValueAddedServiceKind.options.map((k) => ({ value: k, label: t(`vas.kindName.${k}`) }))} />
          </Form.Item>
          <Form.Item name="deliveredOn" label={t('vas.deliveredOn')} style={{ flex: 1 }} rules={[{ required: true }]}>
            <DatePicker style={{ width: '100%' }} />
          </Form.Item>
        </Flex>
        <Form.Item name="title" label={t('vas.title')} rules={[{ required: true, message: t('form.required') }]}>
          <Input maxLength={200} />
        </Form.Item>
        <Flex gap={12}>
          <Form.Item name="cost" label={t('vas.cost')} style={{ flex: 1 }}>
            <InputNumber min={0} precision={2} prefix="¥" style={{ width: '100%' }} />
          </Form.Item>
          <Form.Item name="deliveredById" label={t('vas.deliveredBy')} style={{ flex: 1 }}>
            <UserPicker current={service?.deliveredBy ?? null} />
          </Form.Item>
        </Flex>
        <Form.Item name="feedbackScore" label={t('vas.feedbackScore')}>
          <Rate />
        </Form.Item>
        <Form.Item name="feedback" label={t('vas.feedback')}>
          <Input.TextArea rows={2} maxLength={2000} />
        </Form.Item>
      </Form>
    </Modal>
  );
}

const urlKeys = ['kind', 'accountId'] as const;

/** Value-added services (增值服务) given to accounts: consulting, training, market reports, with cost and feedback. */
export function ValueAddedServicesPage() {
  const { t } = useTranslation();
  const user = useCurrentUser();
  const [url, setUrl] = useUrlParams(urlKeys);
  const [editing, setEditing] = useState<ValueAddedServiceData | 'new' | null>(null);
  const params = useMemo(
    () => ({ kind: oneOf(ValueAddedServiceKind.options, url.kind), accountId: url.accountId, limit: 50 }),
    [url.kind, url.accountId],
  );
  const list = useValueAddedServices(params);
  const canWrite = writesEvents(user);
  return (
    <>
      <PageHeader
        title={t('nav.page.valueAddedServices')}
        subtitle={t('vas.subtitle')}
        extra={
          <Space wrap>
            <AccountPicker
              value={url.accountId ?? null}
              onChange={(v) => setUrl({ accountId: v })}
              style={{ width: 240 }}
              placeholder={t('vas.allAccounts')}
            />
            <Select
              allowClear
              placeholder={t('vas.kind')}
              value={params.kind}
              onChange={(v) => setUrl({ kind: v ?? null })}
              style={{ width: 140 }}
              options={ValueAddedServiceKind.options.map((k) => ({ value: k, label: t(`vas.kindName.${k}`) }))}
            />
            {canWrite && (
              <Button type="primary" icon={<PlusOutlined />} onClick={() => setEditing('new')}>
                {t('vas.create')}
              </Button>
            )}
          </Space>
        }
      />
      {list.isError ? (
        <QueryError error={list.error} onRetry={() => list.refetch()} />
      ) : (
        <Card variant="borderless">
          <Table<ValueAddedServiceData>
            rowKey="id"
            loading={list.isPending}
            dataSource={list.items}
            pagination={false}
            scroll={{ x: 1000 }}
            locale={{ emptyText: <EmptyState description={t('vas.empty')} /> }}
            columns={[
              { title: t('vas.deliveredOn'), dataIndex: 'deliveredOn', width: 120, render: formatDate },
              {
                title: t('vas.account'),
                key: 'account',
                render: (_: unknown, r) => <Link to={`/accounts/${r.accountId}`}>{r.accountName}</Link>,
              },
              {
                title: t('vas.kind'),
                dataIndex: 'kind',
                width: 110,
                render: (k: ValueAddedServiceData['kind']) => t(`vas.kindName.${k}`),
              },
              { title: t('vas.title'), dataIndex: 'title' },
              {
                title: t('vas.cost'),
                dataIndex: 'cost',
                width: 130,
                align: 'right',
                render: (v: number) => <Money value={v} />,
              },
              {
                title: t('vas.feedback'),
                key: 'feedback',
                width: 260,
                render: (_: unknown, r) =>
                  r.feedbackScore ? (
                    <Flex vertical gap={0}>
                      <Rate disabled value={r.feedbackScore} style={{ fontSize: 12 }} />
                      {r.feedback && <Typography.Text type="secondary">{r.feedback}</Typography.Text>}
                    </Flex>
                  ) : (
                    <Typography.Text type="secondary">{t('vas.noFeedback')}</Typography.Text>
                  ),
              },
              ...(canWrite
                ? [
                    {
                      title: '',
                      key: 'edit',
                      width: 80,
                      render: (_: unknown, r: ValueAddedServiceData) => (
                        <Button size="small" onClick={() => setEditing(r)}>
                          {t('perf.edit')}
                        </Button>
                      ),
                    },
                  ]
                : []),
            ]}
          />
          <ListFooter list={list} />
        </Card>
      )}
      {editing && (
        <ServiceModal
          service={editing === 'new' ? undefined : editing}
          accountId={url.accountId}
          onClose={() => setEditing(null)}
        />
      )}
    </>
  );
}
