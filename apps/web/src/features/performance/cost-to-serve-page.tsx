import { Card, Col, Row, Segmented, Space, Statistic, Table, Typography } from 'antd';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useUrlParams } from '../../app/use-url-params';
import { EmptyState } from '../../ui/empty-state';
import { formatCount, formatMoney, formatMoneyShort, formatPercent } from '../../ui/format';
import { Money } from '../../ui/money';
import { PageHeader } from '../../ui/page-header';
import { QueryError } from '../../ui/query-error';
import { SearchInput } from '../../ui/search-input';
import { usePortfolioCostToServe } from './api';
import { PeriodSelect } from './parts';
import { quarterOf } from './period';
import type { CostToServeData } from './types';

const urlKeys = ['period', 'profitable', 'q', 'sort'] as const;

/** Who is profitable after cost to serve: every account in scope with activity in the period. */
export function CostToServePage() {
  const { t, i18n } = useTranslation();
  const [url, setUrl] = useUrlParams(urlKeys);
  const period = url.period ?? quarterOf();
  const params = useMemo(
    () => ({
      period,
      profitable: url.profitable === 'true' ? true : url.profitable === 'false' ? false : undefined,
      q: url.q,
      sort: url.sort ?? 'contribution',
      limit: 200,
    }),
    [period, url.profitable, url.q, url.sort],
  );
  const cts = usePortfolioCostToServe(params);
  const d = cts.data;
  const sortOrder = (key: string) => (params.sort === key ? 'ascend' : params.sort === `-${key}` ? 'descend' : null);
  return (
    <>
      <PageHeader
        title={t('nav.page.costToServe')}
        subtitle={t('cts.subtitle')}
        extra={
          <Space wrap>
            <SearchInput value={url.q} onCommit={(q) => setUrl({ q })} placeholder={t('cts.search')} />
            <Segmented
              value={url.profitable ?? 'all'}
              onChange={(v) => setUrl({ profitable: v === 'all' ? null : String(v) })}
              options={[
                { value: 'all', label: t('cts.all') },
                { value: 'false', label: t('cts.unprofitable') },
                { value: 'true', label: t('cts.profitable') },
              ]}
            />
            <PeriodSelect value={period} onChange={(p) => setUrl({ period: p })} />
          </Space>
        }
      />
      {cts.isError ? (
        <QueryError error={cts.error} onRetry={() => cts.refetch()} />
      ) : (
        <>
          <Row gutter={[16, 16]} style={{ marginBottom: 16 }}>
            {[
              { title: t('cts.accounts'), value: formatCount(d?.total ?? 0) },
              { title: t('cts.unprofitableCount'), value: formatCount(d?.unprofitable ?? 0), red: true },
              { title: t('cts.revenue'), money: d?.totals.revenue },
              { title: t('cts.grossMargin'), money: d?.totals.grossMargin },
              { title: t('cts.costToServe'), money: d?.totals.costToServe },
              { title: t('cts.contribution'), money: d?.totals.contribution },
            ].map((s) => (
              <Col key={s.title} xs={12} md={8} xl={4}>
                <Card variant="borderless" loading={cts.isPending}>
                  <Statistic
                    title={s.title}
                    value={s.value}
                    valueStyle={s.red && (d?.unprofitable ?? 0) > 0 ? { color: '#cf1322' } : undefined}
                    valueRender={
                      s.money !== undefined
                        ? () => (
                            <span
                              className="kamap-num"
                              title={formatMoney(s.money)}
                              style={s.money !== undefined && s.money < 0 ? { color: '#cf1322' } : undefined}
                            >
                              {formatMoneyShort(s.money ?? 0, i18n.language)}
                            </span>
                          )
                        : undefined
                    }
                  />
                </Card>
              </Col>
            ))}
          </Row>
          <Card variant="borderless">
            <Table<CostToServeData>
              rowKey="accountId"
              size="middle"
              loading={cts.isFetching}
              dataSource={d?.items ?? []}
              pagination={{ pageSize: 50, showSizeChanger: false, hideOnSinglePage: true }}
              scroll={{ x: 1200 }}
              onChange={(_, __, sorter) => {
                const s = Array.isArray(sorter) ? sorter[0] : sorter;
                const key = s?.columnKey ? String(s.columnKey) : 'contribution';
                setUrl({ sort: s?.order === 'descend' ? `-${key}` : key });
              }}
              locale={{ emptyText: <EmptyState description={t('cts.empty')} /> }}
              columns={[
                {
                  title: t('cts.account'),
                  key: 'account',
                  fixed: 'left',
                  width: 240,
                  render: (_: unknown, r) => <Link to={`/accounts/${r.accountId}?tab=value`}>{r.accountName}</Link>,
                },
                {
                  title: t('cts.owner'),
                  key: 'owner',
                  width: 100,
                  render: (_: unknown, r) => r.owner?.displayName ?? '—',
                },
                {
                  title: t('cts.revenue'),
                  key: 'revenue',
                  dataIndex: 'revenue',
                  align: 'right',
                  sorter: true,
                  sortOrder: sortOrder('revenue'),
                  render: (v: number) => <Money value={v} />,
                },
                {
                  title: t('cts.grossMargin'),
                  dataIndex: 'grossMargin',
                  align: 'right',
                  render: (v: number) => <Money value={v} signed />,
                },
                {
                  title: t('cts.costToServe'),
                  key: 'costToServe',
                  dataIndex: 'costToServe',
                  align: 'right',
                  sorter: true,
                  sortOrder: sortOrder('costToServe'),
                  render: (v: number) => <Money value={v} />,
                },
                {
                  title: t('cts.contribution'),
                  key: 'contribution',
                  dataIndex: 'contribution',
                  align: 'right',
                  sorter: true,
                  sortOrder: sortOrder('contribution'),
                  render: (v: number) => (
                    <Typography.Text strong>
                      <Money value={v} signed />
                    </Typography.Text>
                  ),
                },
                {
                  title: t('cts.contributionRate'),
                  dataIndex: 'contributionRate',
                  align: 'right',
                  width: 110,
                  render: (v: number | null) => formatPercent(v),
                },
                {
                  title: t('cts.clv'),
                  dataIndex: 'clv',
                  align: 'right',
                  render: (v: number | null) => <Money value={v} />,
                },
              ]}
            />
          </Card>
        </>
      )}
    </>
  );
}
