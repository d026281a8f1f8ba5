import { Card, Col, DatePicker, Flex, Row, Segmented, Space, Statistic, Table, Tag, Typography } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { EChart } from '../../ui/charts/echart';
import { formatDate, formatPercent } from '../../ui/format';
import { Money } from '../../ui/money';
import { PageHeader } from '../../ui/page-header';
import { QueryError } from '../../ui/query-error';
import { TierTag } from '../identification/tags';
import { useDiscountReport } from './api';
import type { DiscountReportData } from './types';

type Item = DiscountReportData['items'][number];

/** For the director: last quarter's granted discounts by tier, to whom, and whether the accounts were at risk. */
export function DiscountReportPage() {
  const { t } = useTranslation();
  const [range, setRange] = useState<[Dayjs, Dayjs] | null>(null);
  const [filter, setFilter] = useState<'all' | 'atRisk' | 'notAtRisk'>('all');
  const report = useDiscountReport(
    range ? { from: range[0].format('YYYY-MM-DD'), to: range[1].format('YYYY-MM-DD') } : {},
  );
  const r = report.data;
  const items = (r?.items ?? []).filter((i) => filter === 'all' || (filter === 'atRisk' ? i.atRisk : !i.atRisk));
  const tiers = r?.byTier ?? [];
  return (
    <Flex vertical gap={16}>
      <PageHeader
        title={t('nav.page.discountReport')}
        subtitle={r ? t('pricing.reportPeriod', { from: r.from, to: r.to, risk: r.atRiskChurn }) : undefined}
        extra={
          <DatePicker.RangePicker
            value={range ?? (r ? [dayjs(r.from), dayjs(r.to)] : null)}
            onChange={(v) => setRange(v?.[0] && v[1] ? [v[0], v[1]] : null)}
            allowClear
          />
        }
      />
      {report.error && <QueryError error={report.error} onRetry={() => report.refetch()} />}
      {r && (
        <>
          <Row gutter={[16, 16]}>
            <Col xs={12} lg={6}>
              <Card size="small">
                <Statistic title={t('pricing.granted')} value={r.totals.granted} />
              </Card>
            </Col>
            <Col xs={12} lg={6}>
              <Card size="small">
                <Statistic
                  title={t('pricing.discountTotal')}
                  value={r.totals.discountAmount / 100}
                  precision={0}
                  prefix="¥"
                />
              </Card>
            </Col>
            <Col xs={12} lg={6}>
              <Card size="small">
                <Statistic
                  title={t('pricing.atRiskShare')}
                  value={r.totals.atRiskShare === null ? '—' : formatPercent(r.totals.atRiskShare)}
                  valueStyle={{ color: (r.totals.atRiskShare ?? 0) >= 0.5 ? '#16a34a' : '#d97706' }}
                />
                <Typography.Text type="secondary">{t('pricing.atRiskShareHint')}</Typography.Text>
              </Card>
            </Col>
            <Col xs={12} lg={6}>
              <Card size="small">
                <Statistic title={t('pricing.declined')} value={r.totals.declined} />
              </Card>
            </Col>
          </Row>
          <Row gutter={[16, 16]}>
            <Col xs={24} lg={12}>
              <Card size="small" title={t('pricing.byTier')}>
                <Table
                  rowKey="tier"
                  size="small"
                  pagination={false}
                  dataSource={tiers}
                  columns={[
                    { title: t('pricing.tier'), dataIndex: 'tier', render: (v) => <TierTag tier={v} /> },
                    { title: t('pricing.granted'), dataIndex: 'granted', align: 'right' },
                    {
                      title: t('pricing.meanDepth'),
                      dataIndex: 'meanPct',
                      align: 'right',
                      render: (v) => (v === null ? '—' : `${v}%`),
                    },
                    {
                      title: t('pricing.discountTotal'),
                      dataIndex: 'discountAmount',
                      align: 'right',
                      render: (v) => <Money value={v} />,
                    },
                    {
                      title: t('pricing.toAtRisk'),
                      key: 'risk',
                      align: 'right',
                      render: (_, x) => `${x.atRisk} / ${x.granted}`,
                    },
                  ]}
                />
              </Card>
            </Col>
            <Col xs={24} lg={12}>
              <Card size="small" title={t('pricing.riskChart')}>
                <EChart
                  label={t('pricing.riskChart')}
                  height={220}
                  option={{
                    tooltip: { trigger: 'axis' },
                    legend: { bottom: 0 },
                    grid: { left: 8, right: 16, top: 16, bottom: 32, containLabel: true },
                    xAxis: { type: 'category', data: tiers.map((x) => t(`enum.tier.${x.tier}`)) },
                    yAxis: {
                      type: 'value',
                      axisLabel: { formatter: (v: number) => `¥${(v / 100 / 10_000).toFixed(0)}万` },
                    },
                    series: [
                      {
                        name: t('pricing.atRisk'),
                        type: 'bar',
                        stack: 'a',
                        color: '#dc2626',
                        data: tiers.map((x) => x.atRiskAmount),
                      },
                      {
                        name: t('pricing.notAtRisk'),
                        type: 'bar',
                        stack: 'a',
                        color: '#94a3b8',
                        data: tiers.map((x) => x.discountAmount - x.atRiskAmount),
                      },
                    ],
                  }}
                />
              </Card>
            </Col>
          </Row>
          <Card
            size="small"
            title={t('pricing.grantedList')}
            extra={
              <Segmented
                value={filter}
                onChange={(v) => setFilter(v as typeof filter)}
                options={[
                  { value: 'all', label: t('pricing.all') },
                  { value: 'atRisk', label: t('pricing.atRisk') },
                  { value: 'notAtRisk', label: t('pricing.notAtRisk') },
                ]}
              />
            }
          >
            <Table<Item>
              rowKey="id"
              size="small"
              dataSource={items}
              pagination={{ pageSize: 20, showSizeChanger: false }}
              columns={[
                { title: t('pricing.decidedOn'), dataIndex: 'decidedAt', width: 110, render: formatDate },
                {
                  title: t('pricing.account'),
                  dataIndex: 'accountName',
                  render: (n, i) => <Link to={`/accounts/${i.accountId}`}>{n}</Link>,
                },
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
                  title: t('pricing.churnAtGrant'),
                  dataIndex: 'churnRisk',
                  width: 130,
                  render: (v, i) => (
                    <Space size={4}>
                      {v ?? '—'}
                      <Tag color={i.atRisk ? 'red' : 'default'}>
                        {i.atRisk ? t('pricing.atRisk') : t('pricing.notAtRisk')}
                      </Tag>
                    </Space>
                  ),
                },
                { title: t('pricing.approvedBy'), dataIndex: 'decidedBy', width: 100 },
                {
                  title: t('pricing.approverShort'),
                  dataIndex: 'requiredLevel',
                  width: 90,
                  render: (v: Item['requiredLevel']) => t(`pricing.level.${v}`),
                },
              ]}
            />
          </Card>
        </>
      )}
    </Flex>
  );
}
