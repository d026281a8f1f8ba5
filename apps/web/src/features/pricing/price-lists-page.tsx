import { Card, Col, Flex, Row, Table, Tabs, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { formatDate, formatPercent } from '../../ui/format';
import { ListFooter } from '../../ui/list-footer';
import { Money } from '../../ui/money';
import { PageHeader } from '../../ui/page-header';
import { QueryError } from '../../ui/query-error';
import { usePriceAgreements, usePriceLists, usePricingRules } from './api';
import type { PriceAgreementData, PriceListData } from './types';

function Lists() {
  const { t } = useTranslation();
  const lists = usePriceLists();
  const [openId, setOpenId] = useState<string | null>(null);
  const open = lists.items.find((l) => l.id === openId) ?? lists.items.find((l) => l.current) ?? lists.items[0];
  return (
    <Row gutter={[16, 16]}>
      <Col xs={24} lg={8}>
        {lists.error && <QueryError error={lists.error} onRetry={() => lists.refetch()} />}
        <Table<PriceListData>
          rowKey="id"
          size="small"
          loading={lists.isLoading}
          dataSource={lists.items}
          pagination={false}
          onRow={(l) => ({
            onClick: () => setOpenId(l.id),
            style: { cursor: 'pointer', background: l.id === open?.id ? '#eff6ff' : undefined },
          })}
          columns={[
            {
              title: t('pricing.listName'),
              dataIndex: 'name',
              render: (n, l) => (
                <span>
                  {n} {l.current && <Tag color="green">{t('pricing.current')}</Tag>}
                </span>
              ),
            },
            {
              title: t('pricing.period'),
              key: 'period',
              render: (_, l) => `${formatDate(l.validFrom)} ~ ${formatDate(l.validTo)}`,
            },
          ]}
        />
      </Col>
      <Col xs={24} lg={16}>
        {open && (
          <Card
            size="small"
            title={open.name}
            extra={open.note && <Typography.Text type="secondary">{open.note}</Typography.Text>}
          >
            <Table
              rowKey="productId"
              size="small"
              dataSource={open.items}
              pagination={{ pageSize: 15, showSizeChanger: false }}
              columns={[
                { title: t('pricing.productCode'), dataIndex: 'productCode', width: 120 },
                { title: t('pricing.product'), dataIndex: 'productName' },
                {
                  title: t('pricing.listPrice'),
                  dataIndex: 'listPrice',
                  align: 'right',
                  render: (v) => <Money value={v} />,
                },
                {
                  title: t('pricing.unitCost'),
                  dataIndex: 'standardCost',
                  align: 'right',
                  render: (v) => <Money value={v} />,
                },
                {
                  title: t('pricing.listMargin'),
                  key: 'margin',
                  align: 'right',
                  render: (_, i) => formatPercent((i.listPrice - i.standardCost) / i.listPrice),
                },
              ]}
            />
          </Card>
        )}
      </Col>
    </Row>
  );
}

function Agreements() {
  const { t } = useTranslation();
  const list = usePriceAgreements({ limit: 50 });
  return (
    <Flex vertical gap={12}>
      {list.error && <QueryError error={list.error} onRetry={() => list.refetch()} />}
      <Table<PriceAgreementData>
        rowKey="id"
        size="small"
        loading={list.isLoading}
        dataSource={list.items}
        pagination={false}
        columns={[
          {
            title: t('pricing.account'),
            dataIndex: 'accountName',
            render: (n, a) => <Link to={`/accounts/${a.accountId}`}>{n}</Link>,
          },
          { title: t('pricing.product'), dataIndex: 'productName' },
          { title: t('pricing.agreedPrice'), dataIndex: 'price', align: 'right', render: (v) => <Money value={v} /> },
          { title: t('pricing.listPrice'), dataIndex: 'listPrice', align: 'right', render: (v) => <Money value={v} /> },
          {
            title: t('pricing.belowList'),
            key: 'below',
            align: 'right',
            render: (_, a) => formatPercent(1 - a.price / a.listPrice),
          },
          {
            title: t('pricing.period'),
            key: 'period',
            render: (_, a) => `${formatDate(a.validFrom)} ~ ${formatDate(a.validTo)}`,
          },
          {
            title: '',
            dataIndex: 'active',
            width: 80,
            render: (v) => (v ? <Tag color="green">{t('pricing.active')}</Tag> : <Tag>{t('pricing.inactive')}</Tag>),
          },
        ]}
      />
      <ListFooter list={list} />
    </Flex>
  );
}

function Chain() {
  const { t } = useTranslation();
  const rules = usePricingRules();
  if (!rules.data) return null;
  return (
    <Flex vertical gap={8}>
      <Typography.Paragraph type="secondary">
        {t('pricing.chainHint', { risk: rules.data.atRiskChurn })}
      </Typography.Paragraph>
      <Table
        rowKey="tier"
        size="small"
        pagination={false}
        dataSource={(['strategic', 'core', 'general'] as const).map((tier) => ({
          tier,
          steps: rules.data.approvalChain[tier] ?? [],
        }))}
        columns={[
          {
            title: t('pricing.tier'),
            dataIndex: 'tier',
            render: (v: 'strategic' | 'core' | 'general') => t(`enum.tier.${v}`),
          },
          {
            title: t('pricing.chain'),
            dataIndex: 'steps',
            render: (steps: { upToPct: number; level: string }[]) =>
              [
                ...steps.map((s) =>
                  t('pricing.chainStep', {
                    pct: s.upToPct,
                    level: t(`pricing.level.${s.level as 'kam' | 'director' | 'admin'}`),
                  }),
                ),
                t('pricing.chainBeyond'),
              ].join(' → '),
          },
        ]}
      />
    </Flex>
  );
}

export function PriceListsPage() {
  const { t } = useTranslation();
  return (
    <Flex vertical gap={16}>
      <PageHeader title={t('nav.page.priceLists')} subtitle={t('pricing.listsSubtitle')} />
      <Card size="small">
        <Tabs
          items={[
            { key: 'lists', label: t('pricing.tab.lists'), children: <Lists /> },
            { key: 'agreements', label: t('pricing.tab.agreements'), children: <Agreements /> },
            { key: 'chain', label: t('pricing.tab.chain'), children: <Chain /> },
          ]}
        />
      </Card>
    </Flex>
  );
}
