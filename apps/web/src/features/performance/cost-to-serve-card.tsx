import { Card, Col, Flex, Row, Statistic, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { formatCount, formatPercent } from '../../ui/format';
import { Money } from '../../ui/money';
import { QueryError } from '../../ui/query-error';
import { useAccountCostToServe } from './api';
import { PeriodSelect } from './parts';
import { quarterOf } from './period';
import type { CostToServeData } from './types';

/** One line of the cost-to-serve statement: a label, what it counts, and its amount (negative for costs). */
function Line({ label, note, value, strong }: { label: string; note?: string; value: number; strong?: boolean }) {
  return (
    <Flex
      justify="space-between"
      align="baseline"
      style={{ padding: '6px 0', borderTop: strong ? '1px solid rgba(5,5,5,0.12)' : undefined }}
    >
      <Typography.Text strong={strong}>
        {label}
        {note && (
          <Typography.Text type="secondary" style={{ marginLeft: 8, fontWeight: 400 }}>
            {note}
          </Typography.Text>
        )}
      </Typography.Text>
      <Typography.Text strong={strong}>
        <Money value={value} signed />
      </Typography.Text>
    </Flex>
  );
}

export function CostToServeStatement({ c }: { c: CostToServeData }) {
  const { t } = useTranslation();
  return (
    <div>
      <Line label={t('cts.grossRevenue')} value={c.grossRevenue} />
      <Line label={t('cts.discounts')} value={-c.discounts} />
      <Line label={t('cts.costOfGoods')} value={-c.costOfGoods} />
      <Line label={t('cts.grossMargin')} value={c.grossMargin} strong />
      <Line
        label={t('cts.complaintCost')}
        note={t('cts.complaintsN', { n: formatCount(c.complaints) })}
        value={-c.complaintCost}
      />
      <Line
        label={t('cts.eventCost')}
        note={t('cts.eventsN', { n: formatCount(c.eventsAttended) })}
        value={-c.eventCost}
      />
      <Line
        label={t('cts.vasCost')}
        note={t('cts.vasN', { n: formatCount(c.valueAddedServices) })}
        value={-c.valueAddedServiceCost}
      />
      <Line label={t('cts.visitCost')} note={t('cts.visitsN', { n: formatCount(c.visits) })} value={-c.visitCost} />
      <Line label={t('cts.contribution')} value={c.contribution} strong />
    </div>
  );
}

/** On the account's Value tab: contribution after cost to serve for a period, beside the CLV. */
export function CostToServeCard({ accountId }: { accountId: string }) {
  const { t } = useTranslation();
  const [period, setPeriod] = useState(quarterOf());
  const cts = useAccountCostToServe(accountId, period);
  const c = cts.data;
  return (
    <Card
      variant="borderless"
      title={t('cts.cardTitle')}
      extra={<PeriodSelect value={period} onChange={setPeriod} />}
      loading={cts.isPending}
    >
      {cts.isError ? (
        <QueryError error={cts.error} onRetry={() => cts.refetch()} />
      ) : c ? (
        <Row gutter={[24, 16]}>
          <Col xs={24} lg={14}>
            <CostToServeStatement c={c} />
          </Col>
          <Col xs={24} lg={10}>
            <Flex vertical gap={16}>
              <Statistic
                title={t('cts.contributionRate')}
                value={formatPercent(c.contributionRate)}
                valueStyle={{ color: c.contribution < 0 ? '#cf1322' : '#389e0d' }}
              />
              <Statistic title={t('cts.costToServe')} valueRender={() => <Money value={c.costToServe} />} />
              <Statistic title={t('cts.clv')} valueRender={() => <Money value={c.clv} />} />
              <Typography.Text type="secondary">{t('cts.note')}</Typography.Text>
            </Flex>
          </Col>
        </Row>
      ) : null}
    </Card>
  );
}
