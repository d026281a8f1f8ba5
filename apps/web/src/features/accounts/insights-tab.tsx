import { InsightKind } from '@kamap/contracts';
import {
  App,
  Button,
  Card,
  Col,
  DatePicker,
  Flex,
  Form,
  Input,
  Row,
  Segmented,
  Select,
  Skeleton,
  Tag,
  Typography,
} from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Account, InsightData, InsightKindValue } from '../../app/api/types';
import { useCurrentUser } from '../../app/auth/current-user';
import { EmptyState } from '../../ui/empty-state';
import { formatDate } from '../../ui/format';
import { ProblemAlert, showFieldErrors } from '../../ui/problem-alert';
import { QueryError } from '../../ui/query-error';
import { useCreateInsight, useInsights } from './api';

const kindColor: Record<InsightKindValue, string> = {
  goals: 'blue',
  likes: 'green',
  dislikes: 'red',
  situation: 'orange',
  plans_affecting_us: 'purple',
  market_competitors: 'geekblue',
};

type Values = { kind: InsightKindValue; observedOn: Dayjs; body: string };

function InsightForm({ accountId }: { accountId: string }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const create = useCreateInsight(accountId);
  const kind = Form.useWatch('kind', form);
  return (
    <Card size="small" title={t('insight.add')} variant="borderless">
      <ProblemAlert error={create.error} />
      <Form<Values>
        name="insight"
        form={form}
        layout="vertical"
        initialValues={{ kind: 'goals', observedOn: dayjs() }}
        disabled={create.isPending}
        onFinish={(v) =>
          create.mutate(
            { kind: v.kind, observedOn: v.observedOn.format('YYYY-MM-DD'), body: v.body.trim() },
            {
              onSuccess: () => {
                form.resetFields(['body']);
                void message.success(t('insight.saved'));
              },
              onError: (error) => showFieldErrors(form, error),
            },
          )
        }
      >
        <Form.Item
          name="kind"
          label={t('insight.kind')}
          rules={[{ required: true }]}
          extra={kind ? t(`insight.kindHint.${kind}`) : null}
        >
          <Select options={InsightKind.options.map((k) => ({ value: k, label: t(`enum.insightKind.${k}`) }))} />
        </Form.Item>
        <Form.Item
          name="observedOn"
          label={t('insight.observedOn')}
          rules={[{ required: true, message: t('form.required') }]}
        >
          <DatePicker style={{ width: '100%' }} disabledDate={(d) => d.isAfter(dayjs(), 'day')} />
        </Form.Item>
        <Form.Item
          name="body"
          label={t('insight.body')}
          rules={[{ required: true, whitespace: true, message: t('form.required') }, { max: 4000 }]}
        >
          <Input.TextArea autoSize={{ minRows: 4, maxRows: 10 }} showCount maxLength={4000} />
        </Form.Item>
        <Button type="primary" htmlType="submit" loading={create.isPending} block>
          {t('action.save')}
        </Button>
      </Form>
    </Card>
  );
}

export function InsightsTab({ account }: { account: Account }) {
  const { t } = useTranslation();
  const user = useCurrentUser();
  const insights = useInsights(account.id);
  const [filter, setFilter] = useState<InsightKindValue | 'all'>('all');
  const sorted = useMemo(
    () =>
      [...(insights.data ?? [])]
        .filter((i) => filter === 'all' || i.kind === filter)
        .sort((a, b) => b.observedOn.localeCompare(a.observedOn) || b.createdAt.localeCompare(a.createdAt)),
    [insights.data, filter],
  );
  const counts = useMemo(() => {
    const map = new Map<InsightKindValue, number>();
    for (const i of insights.data ?? []) map.set(i.kind, (map.get(i.kind) ?? 0) + 1);
    return map;
  }, [insights.data]);

  const list = insights.isPending ? (
    <Skeleton active paragraph={{ rows: 6 }} />
  ) : insights.isError ? (
    <QueryError error={insights.error} onRetry={() => insights.refetch()} />
  ) : (
    <Flex vertical gap={12}>
      <Segmented
        value={filter}
        onChange={(v) => setFilter(v)}
        options={[
          { value: 'all' as const, label: `${t('insight.all')} ${insights.data.length}` },
          ...InsightKind.options.map((k) => ({
            value: k,
            label: `${t(`enum.insightKind.${k}`)} ${counts.get(k) ?? 0}`,
          })),
        ]}
        style={{ alignSelf: 'flex-start', maxWidth: '100%', overflowX: 'auto' }}
      />
      {sorted.length === 0 ? (
        <Card variant="borderless">
          <EmptyState description={t('insight.empty')} />
        </Card>
      ) : (
        sorted.map((insight: InsightData) => (
          <Card key={insight.id} size="small" variant="borderless">
            <Flex justify="space-between" align="center" style={{ marginBottom: 6 }}>
              <Tag color={kindColor[insight.kind]}>{t(`enum.insightKind.${insight.kind}`)}</Tag>
              <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                {formatDate(insight.observedOn)}
                {insight.author ? ` · ${insight.author.displayName}` : ''}
              </Typography.Text>
            </Flex>
            <Typography.Paragraph style={{ whiteSpace: 'pre-wrap', marginBottom: 0 }}>
              {insight.body}
            </Typography.Paragraph>
          </Card>
        ))
      )}
    </Flex>
  );

  if (!user.permissions.writeAccounts) return list;
  return (
    <Row gutter={16}>
      <Col xs={24} xl={16}>
        {list}
      </Col>
      <Col xs={24} xl={8}>
        <InsightForm accountId={account.id} />
      </Col>
    </Row>
  );
}
