import { Button, Card, Drawer, Flex, Form, Input, Radio, Segmented, Space, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { formatDate, formatDateTime } from '../../ui/format';
import { ListFooter } from '../../ui/list-footer';
import { Money } from '../../ui/money';
import { PageHeader } from '../../ui/page-header';
import { ProblemAlert, showFieldErrors } from '../../ui/problem-alert';
import { QueryError } from '../../ui/query-error';
import { TierTag } from '../identification/tags';
import { useDecideDiscount, useDiscountRequests } from './api';
import { GuidancePanel, RecommendationTag } from './guidance-panel';
import type { DiscountRequestData } from './types';

const statusColor: Record<string, string> = {
  pending: 'gold',
  approved: 'green',
  rejected: 'red',
  countered: 'blue',
  withdrawn: 'default',
};
const levelColor = { kam: 'green', director: 'blue', admin: 'purple' } as const;

type DecisionValues = { decision: 'approve' | 'reject' | 'counter'; note: string; counterOffer?: string };

function DecisionDrawer({ request: r, onClose }: { request: DiscountRequestData; onClose: () => void }) {
  const { t } = useTranslation();
  const [form] = Form.useForm<DecisionValues>();
  const decision = Form.useWatch('decision', form);
  const decide = useDecideDiscount();
  const save = async () => {
    const v = await form.validateFields();
    decide.mutate(
      { id: r.id, version: r.version, ...v },
      { onSuccess: onClose, onError: (e) => showFieldErrors(form, e) },
    );
  };
  return (
    <Drawer open width={980} onClose={onClose} title={`${r.accountName} · ${r.productName}`} destroyOnHidden>
      <Flex vertical gap={16}>
        <Card size="small">
          <Space wrap>
            <TierTag tier={r.tier} short />
            <Tag>{t('pricing.depth', { pct: r.discountPct })}</Tag>
            <span>
              <Money value={r.basePrice} /> → <Money value={r.requestedPrice} /> × {r.quantity}
            </span>
            <Tag color={levelColor[r.requiredLevel]}>
              {t('pricing.approver', { level: t(`pricing.level.${r.requiredLevel}`) })}
            </Tag>
            <Tag color={statusColor[r.status]}>{t(`pricing.status.${r.status}`)}</Tag>
          </Space>
          <Typography.Paragraph style={{ marginTop: 8, marginBottom: 0 }}>
            {t('pricing.requestedBy', { name: r.requestedBy.displayName, date: formatDateTime(r.createdAt) })}：
            {r.reason}
          </Typography.Paragraph>
          {r.belowCostJustification && (
            <Typography.Paragraph type="danger" style={{ marginBottom: 0 }}>
              {t('pricing.justification')}：{r.belowCostJustification}
            </Typography.Paragraph>
          )}
          {r.decidedBy && (
            <Typography.Paragraph style={{ marginTop: 8, marginBottom: 0 }}>
              {t('pricing.decidedBy', { name: r.decidedBy.displayName, date: formatDateTime(r.decidedAt) })}：
              {r.decisionNote}
              {r.counterOffer ? ` · ${t('pricing.counterOffer')}：${r.counterOffer}` : ''}
            </Typography.Paragraph>
          )}
        </Card>
        <GuidancePanel guidance={r.guidance} discountPct={r.discountPct} />
        {r.canDecide && (
          <Card size="small" title={t('pricing.decide')}>
            <ProblemAlert error={decide.error} />
            <Form<DecisionValues>
              form={form}
              layout="vertical"
              initialValues={{
                decision:
                  r.recommendation === 'decline'
                    ? 'reject'
                    : r.recommendation === 'counter_offer'
                      ? 'counter'
                      : 'approve',
              }}
            >
              <Form.Item name="decision">
                <Radio.Group
                  optionType="button"
                  options={(['approve', 'counter', 'reject'] as const).map((d) => ({
                    value: d,
                    label: t(`pricing.decision.${d}`),
                  }))}
                />
              </Form.Item>
              {decision === 'counter' && (
                <Form.Item
                  name="counterOffer"
                  label={t('pricing.counterOffer')}
                  rules={[{ required: true, min: 2, message: t('form.required') }]}
                >
                  <Input.TextArea rows={2} placeholder={t('pricing.counterPlaceholder')} />
                </Form.Item>
              )}
              <Form.Item
                name="note"
                label={t('pricing.note')}
                rules={[{ required: true, min: 2, message: t('form.required') }]}
              >
                <Input.TextArea rows={2} maxLength={500} />
              </Form.Item>
              <Button type="primary" onClick={save} loading={decide.isPending}>
                {t('pricing.recordDecision')}
              </Button>
            </Form>
          </Card>
        )}
      </Flex>
    </Drawer>
  );
}

/** The approval inbox: requests the caller may decide, then every request in scope. */
export function DiscountInboxPage() {
  const { t } = useTranslation();
  const [view, setView] = useState<'inbox' | 'all'>('inbox');
  const list = useDiscountRequests(view === 'inbox' ? { inbox: true, limit: 50 } : { limit: 50 });
  const [open, setOpen] = useState<DiscountRequestData | null>(null);
  return (
    <Flex vertical gap={16}>
      <PageHeader
        title={t('nav.page.discountInbox')}
        subtitle={t('pricing.inboxSubtitle')}
        extra={
          <Space>
            <Segmented
              value={view}
              onChange={(v) => setView(v as 'inbox' | 'all')}
              options={[
                { value: 'inbox', label: t('pricing.inbox') },
                { value: 'all', label: t('pricing.all') },
              ]}
            />
            <Link to="/pricing/discounts/new">
              <Button type="primary">{t('pricing.newRequest')}</Button>
            </Link>
          </Space>
        }
      />
      {list.error && <QueryError error={list.error} onRetry={() => list.refetch()} />}
      <Card size="small">
        <Table<DiscountRequestData>
          rowKey="id"
          size="small"
          loading={list.isLoading}
          dataSource={list.items}
          pagination={false}
          onRow={(r) => ({ onClick: () => setOpen(r), style: { cursor: 'pointer' } })}
          locale={{ emptyText: t('pricing.inboxEmpty') }}
          columns={[
            { title: t('pricing.account'), dataIndex: 'accountName' },
            { title: t('pricing.tier'), dataIndex: 'tier', width: 80, render: (v) => <TierTag tier={v} short /> },
            { title: t('pricing.product'), dataIndex: 'productName' },
            {
              title: t('pricing.depthShort'),
              dataIndex: 'discountPct',
              width: 80,
              align: 'right',
              render: (v) => `${v}%`,
            },
            {
              title: t('pricing.amount'),
              dataIndex: 'discountAmount',
              align: 'right',
              render: (v) => <Money value={v} />,
            },
            {
              title: t('pricing.churnShort'),
              dataIndex: 'churnRisk',
              width: 90,
              align: 'right',
              render: (v, r) => (
                <Typography.Text type={r.guidance.churn.atRisk ? 'danger' : undefined}>{v ?? '—'}</Typography.Text>
              ),
            },
            {
              title: t('pricing.approverShort'),
              dataIndex: 'requiredLevel',
              width: 90,
              render: (v: 'kam' | 'director' | 'admin') => <Tag color={levelColor[v]}>{t(`pricing.level.${v}`)}</Tag>,
            },
            {
              title: t('pricing.recommendationShort'),
              dataIndex: 'recommendation',
              width: 110,
              render: (v) => <RecommendationTag action={v} />,
            },
            {
              title: t('pricing.statusShort'),
              dataIndex: 'status',
              width: 90,
              render: (v: DiscountRequestData['status']) => (
                <Tag color={statusColor[v]}>{t(`pricing.status.${v}`)}</Tag>
              ),
            },
            { title: t('pricing.created'), dataIndex: 'createdAt', width: 110, render: formatDate },
          ]}
        />
        <ListFooter list={list} />
      </Card>
      {open && <DecisionDrawer request={open} onClose={() => setOpen(null)} />}
    </Flex>
  );
}
