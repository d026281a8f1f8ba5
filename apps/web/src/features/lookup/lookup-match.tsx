import { Button, Card, Descriptions, Flex, Space, Table, Tag, Typography } from 'antd';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { LookupMatchData } from '../../app/api/types';
import { EmptyState } from '../../ui/empty-state';
import { AttitudeTag, DecisionRoleTag, InteractionKindTag, LifecycleTag, OrderStatusTag } from '../../ui/enum-tags';
import { formatDate, formatDateTime } from '../../ui/format';
import { ItemList } from '../../ui/item-list';
import { Money } from '../../ui/money';

type OpenItemKind = LookupMatchData['openItems'][number]['kind'];
/** The caller is on the line: the first few open items, the rest one click away. */
const openItemsShown = 5;

const openItemColor: Record<OpenItemKind, string> = {
  overdue_invoice: 'red',
  unpaid_invoice: 'orange',
  open_order: 'blue',
  next_step: 'purple',
};

export function LookupMatchView({ match, onNavigate }: { match: LookupMatchData; onNavigate: () => void }) {
  const { t } = useTranslation();
  const { account, contact } = match;
  const accountPath = `/accounts/${account.id}`;
  const [showAll, setShowAll] = useState(false);
  const overdue = useMemo(() => {
    const items = match.openItems.filter((i) => i.kind === 'overdue_invoice');
    return { count: items.length, amount: items.reduce((sum, i) => sum + (i.amount ?? 0), 0) };
  }, [match.openItems]);
  const link = (to: string, text: React.ReactNode) => (
    <Link to={to} onClick={onNavigate}>
      {text}
    </Link>
  );

  return (
    <Flex vertical gap={16}>
      <Card size="small">
        <Flex justify="space-between" align="flex-start" gap={12}>
          <Flex vertical gap={4}>
            <Typography.Title level={5} style={{ margin: 0 }}>
              {link(accountPath, account.name)}
            </Typography.Title>
            <Typography.Text type="secondary">
              {account.code}
              {account.province ? ` · ${account.province}${account.city ? ` ${account.city}` : ''}` : ''}
            </Typography.Text>
          </Flex>
          <Space size={4}>
            <LifecycleTag value={account.lifecycle} />
          </Space>
        </Flex>
        <Descriptions
          size="small"
          column={2}
          style={{ marginTop: 12 }}
          items={[
            { key: 'owner', label: t('account.owner'), children: account.owner?.displayName ?? '—' },
            { key: 'org', label: t('account.orgUnit'), children: account.orgUnitName },
          ]}
        />
      </Card>

      <Card size="small" title={t('lookup.caller')}>
        {contact ? (
          <Flex vertical gap={8}>
            <Flex align="center" gap={8} wrap>
              <Typography.Text strong style={{ fontSize: 15 }}>
                {link(`/contacts/${contact.id}`, contact.name)}
              </Typography.Text>
              <Typography.Text type="secondary">
                {[contact.title, contact.department].filter(Boolean).join(' · ')}
              </Typography.Text>
            </Flex>
            <Space size={4} wrap>
              <DecisionRoleTag value={contact.decisionRole} />
              <AttitudeTag value={contact.attitude} />
              {contact.influence !== null && <Tag>{t('contact.influenceValue', { value: contact.influence })}</Tag>}
            </Space>
            <Typography.Text type="secondary">
              {t('contact.lastContactAt')}
              {t('common.colon')}
              {formatDateTime(contact.lastContactAt)}
            </Typography.Text>
          </Flex>
        ) : (
          <Typography.Text type="secondary">{t('lookup.switchboard')}</Typography.Text>
        )}
      </Card>

      <Card
        size="small"
        title={t('lookup.openItemsCount', { count: match.openItems.length })}
        extra={
          overdue.count > 0 && (
            <Typography.Text type="danger">
              {t('lookup.overdueTotal', { count: overdue.count })} <Money value={overdue.amount} />
            </Typography.Text>
          )
        }
      >
        {match.openItems.length === 0 ? (
          <EmptyState description={t('lookup.noOpenItems')} />
        ) : (
          <ItemList
            items={showAll ? match.openItems : match.openItems.slice(0, openItemsShown)}
            itemKey={(item) => `${item.kind}:${item.id}`}
            extra={(item) => (item.amount !== null ? <Money value={item.amount} /> : null)}
            render={(item) => (
              <Flex gap={8} align="center" wrap>
                <Tag color={openItemColor[item.kind]}>{t(`lookup.openItemKind.${item.kind}`)}</Tag>
                {link(`${accountPath}?tab=${item.kind === 'next_step' ? 'timeline' : 'orders'}`, item.title)}
                {item.dueDate && (
                  <Typography.Text type="secondary">
                    {t('lookup.due')} {formatDate(item.dueDate)}
                  </Typography.Text>
                )}
              </Flex>
            )}
          />
        )}
        {!showAll && match.openItems.length > openItemsShown && (
          <Button type="link" size="small" style={{ paddingInline: 0 }} onClick={() => setShowAll(true)}>
            {t('lookup.showAllOpenItems', { count: match.openItems.length })}
          </Button>
        )}
      </Card>

      <Card
        size="small"
        title={t('lookup.recentInteractions')}
        extra={link(`/interactions?accountId=${account.id}`, t('action.viewAll'))}
      >
        {match.recentInteractions.length === 0 ? (
          <EmptyState description={t('interaction.empty')} />
        ) : (
          <ItemList
            items={match.recentInteractions}
            itemKey={(item) => item.id}
            render={(item) => (
              <Flex vertical gap={2} style={{ width: '100%' }}>
                <Flex gap={8} align="center">
                  <InteractionKindTag value={item.kind} />
                  <Typography.Text strong>{item.subject}</Typography.Text>
                  <Typography.Text type="secondary" style={{ marginLeft: 'auto' }}>
                    {formatDate(item.occurredAt)}
                  </Typography.Text>
                </Flex>
                {item.nextStep && (
                  <Typography.Text type="secondary">
                    {t('interaction.nextStep')}
                    {t('common.colon')}
                    {item.nextStep}
                  </Typography.Text>
                )}
              </Flex>
            )}
          />
        )}
      </Card>

      <Card
        size="small"
        title={t('lookup.recentOrders')}
        extra={link(`${accountPath}?tab=orders`, t('action.viewAll'))}
      >
        <Table
          size="small"
          rowKey="id"
          pagination={false}
          dataSource={match.recentOrders}
          locale={{ emptyText: <EmptyState description={t('order.empty')} /> }}
          columns={[
            {
              title: t('order.orderNo'),
              dataIndex: 'orderNo',
              render: (value: string) => link(`${accountPath}?tab=orders`, value),
            },
            { title: t('order.orderDate'), dataIndex: 'orderDate', render: formatDate },
            {
              title: t('order.amount'),
              dataIndex: 'amount',
              align: 'right',
              render: (value: number) => <Money value={value} />,
            },
            {
              title: t('order.outstanding'),
              dataIndex: 'outstanding',
              align: 'right',
              render: (value: number) => (value ? <Money value={value} /> : '—'),
            },
            {
              title: t('order.status'),
              dataIndex: 'status',
              render: (value: LookupMatchData['recentOrders'][number]['status']) => <OrderStatusTag value={value} />,
            },
          ]}
        />
      </Card>

      <Card size="small" title={t('lookup.purchasedProducts')}>
        <Table
          size="small"
          rowKey="productId"
          pagination={false}
          dataSource={match.purchasedProducts}
          locale={{ emptyText: <EmptyState description={t('lookup.noProducts')} /> }}
          columns={[
            {
              title: t('product.name'),
              dataIndex: 'name',
              render: (value: string, row) => link(`/products?q=${encodeURIComponent(row.code)}`, value),
            },
            { title: t('product.code'), dataIndex: 'code' },
            { title: t('lookup.lastOrderDate'), dataIndex: 'lastOrderDate', render: formatDate },
            {
              title: t('lookup.amount12m'),
              dataIndex: 'amount12m',
              align: 'right',
              render: (value: number) => <Money value={value} />,
            },
          ]}
        />
      </Card>
    </Flex>
  );
}
