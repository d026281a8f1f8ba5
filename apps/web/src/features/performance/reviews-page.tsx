import { PlusOutlined } from '@ant-design/icons';
import { ReviewSubjectKind } from '@kamap/contracts';
import {
  Badge,
  Button,
  Card,
  DatePicker,
  Flex,
  Form,
  Input,
  Modal,
  Segmented,
  Select,
  Space,
  Table,
  Tag,
  Typography,
} from 'antd';
import dayjs from 'dayjs';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import { api } from '../../app/api/client';
import { useCurrentUser } from '../../app/auth/current-user';
import { oneOf, useUrlParams } from '../../app/use-url-params';
import { EmptyState } from '../../ui/empty-state';
import { formatDate } from '../../ui/format';
import { ListFooter } from '../../ui/list-footer';
import { PageHeader } from '../../ui/page-header';
import { ProblemAlert, showFieldErrors } from '../../ui/problem-alert';
import { QueryError } from '../../ui/query-error';
import { SearchInput } from '../../ui/search-input';
import { AccountPicker } from '../accounts/account-picker';
import { OrgUnitPicker, UserPicker } from '../org/pickers';
import { writesReviews } from './access';
import { useReviewList, useReviewWrite } from './api';
import { periodOptions, quarterOf } from './period';
import type { ReviewData, ReviewDetailData } from './types';

type Values = {
  subjectKind: 'account' | 'kam' | 'team';
  subjectId: string;
  period: string;
  heldOn: dayjs.Dayjs;
  summary?: string;
};

export function NewReviewModal({ accountId, onClose }: { accountId?: string; onClose: () => void }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const user = useCurrentUser();
  const [form] = Form.useForm<Values>();
  const create = useReviewWrite((body: Record<string, unknown>) => api.post<ReviewDetailData>('/reviews', body));
  const kind = Form.useWatch('subjectKind', form) ?? 'account';
  const submit = async () => {
    const v = await form.validateFields();
    create.mutate(
      { ...v, heldOn: v.heldOn.format('YYYY-MM-DD'), summary: v.summary || null },
      { onSuccess: (r) => navigate(`/reviews/${r.id}`), onError: (e) => showFieldErrors(form, e) },
    );
  };
  return (
    <Modal
      open
      title={t('review.create')}
      onCancel={onClose}
      onOk={submit}
      okText={t('review.hold')}
      confirmLoading={create.isPending}
      destroyOnHidden
    >
      <ProblemAlert error={create.error} />
      <Form<Values>
        form={form}
        layout="vertical"
        initialValues={{ subjectKind: 'account', subjectId: accountId, period: quarterOf(), heldOn: dayjs() }}
      >
        <Form.Item name="subjectKind" label={t('review.subjectKind')}>
          <Segmented
            onChange={() => form.setFieldValue('subjectId', undefined)}
            options={ReviewSubjectKind.options
              .filter((k) => k !== 'team' || user.role !== 'kam')
              .map((k) => ({ value: k, label: t(`perf.subject.${k}`) }))}
          />
        </Form.Item>
        <Form.Item
          name="subjectId"
          label={t(`perf.subject.${kind}`)}
          rules={[{ required: true, message: t('form.required') }]}
        >
          {kind === 'account' ? <AccountPicker /> : kind === 'kam' ? <UserPicker /> : <OrgUnitPicker />}
        </Form.Item>
        <Flex gap={12}>
          <Form.Item name="period" label={t('perf.period')} style={{ flex: 1 }}>
            <Select options={periodOptions().map((p) => ({ value: p, label: p }))} />
          </Form.Item>
          <Form.Item name="heldOn" label={t('review.heldOn')} style={{ flex: 1 }} rules={[{ required: true }]}>
            <DatePicker style={{ width: '100%' }} />
          </Form.Item>
        </Flex>
        <Form.Item name="summary" label={t('review.summary')}>
          <Input.TextArea rows={3} maxLength={5000} />
        </Form.Item>
        <Typography.Text type="secondary">{t('review.snapshotHint')}</Typography.Text>
      </Form>
    </Modal>
  );
}

const urlKeys = ['period', 'subjectKind', 'q'] as const;

/** Periodic reviews (step 5): each with its KPI gaps, problem analysis and improvement actions. */
export function ReviewsPage() {
  const { t } = useTranslation();
  const user = useCurrentUser();
  const [url, setUrl] = useUrlParams(urlKeys);
  const [creating, setCreating] = useState(false);
  const params = useMemo(
    () => ({ period: url.period, subjectKind: oneOf(ReviewSubjectKind.options, url.subjectKind), q: url.q, limit: 50 }),
    [url.period, url.subjectKind, url.q],
  );
  const list = useReviewList(params);
  return (
    <>
      <PageHeader
        title={t('nav.page.reviews')}
        subtitle={t('review.subtitle')}
        extra={
          <Space wrap>
            <SearchInput value={url.q} onCommit={(q) => setUrl({ q })} placeholder={t('review.search')} width={200} />
            <Segmented
              value={params.subjectKind ?? 'all'}
              onChange={(v) => setUrl({ subjectKind: v === 'all' ? null : String(v) })}
              options={[
                { value: 'all', label: t('perf.allSubjects') },
                ...ReviewSubjectKind.options.map((k) => ({ value: k, label: t(`perf.subject.${k}`) })),
              ]}
            />
            <Select
              allowClear
              placeholder={t('review.allPeriods')}
              value={url.period}
              onChange={(v) => setUrl({ period: v ?? null })}
              style={{ width: 140 }}
              options={periodOptions().map((p) => ({ value: p, label: p }))}
            />
            {writesReviews(user) && (
              <Button type="primary" icon={<PlusOutlined />} onClick={() => setCreating(true)}>
                {t('review.create')}
              </Button>
            )}
          </Space>
        }
      />
      {list.isError ? (
        <QueryError error={list.error} onRetry={() => list.refetch()} />
      ) : (
        <Card variant="borderless">
          <Table<ReviewData>
            rowKey="id"
            loading={list.isPending}
            dataSource={list.items}
            pagination={false}
            scroll={{ x: 900 }}
            locale={{ emptyText: <EmptyState description={t('review.empty')} /> }}
            columns={[
              { title: t('review.heldOn'), dataIndex: 'heldOn', width: 120, render: formatDate },
              { title: t('perf.period'), dataIndex: 'period', width: 100 },
              {
                title: t('review.subject'),
                key: 'subject',
                render: (_: unknown, r) => (
                  <Flex gap={8} align="center">
                    <Link to={`/reviews/${r.id}`}>{r.subject.name}</Link>
                    <Tag>{t(`perf.subject.${r.subject.kind}`)}</Tag>
                  </Flex>
                ),
              },
              {
                title: t('review.redGaps'),
                dataIndex: 'redGaps',
                width: 110,
                align: 'right',
                render: (n: number) =>
                  n ? <Badge count={n} color="#cf1322" /> : <Typography.Text type="secondary">0</Typography.Text>,
              },
              { title: t('review.causes'), dataIndex: 'causes', width: 100, align: 'right' },
              {
                title: t('review.actions'),
                key: 'actions',
                width: 140,
                align: 'right',
                render: (_: unknown, r) => t('review.actionsValue', { open: r.openActions, total: r.actions }),
              },
              {
                title: t('review.status'),
                dataIndex: 'status',
                width: 90,
                render: (s: ReviewData['status']) => (
                  <Tag color={s === 'closed' ? 'default' : 'processing'}>{t(`review.statusName.${s}`)}</Tag>
                ),
              },
            ]}
          />
          <ListFooter list={list} />
        </Card>
      )}
      {creating && <NewReviewModal onClose={() => setCreating(false)} />}
    </>
  );
}
