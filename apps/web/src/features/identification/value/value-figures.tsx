import { ArrowDownOutlined, ArrowUpOutlined, InfoCircleOutlined } from '@ant-design/icons';
import { Card, Col, Flex, Progress, Row, Statistic, Tooltip, Typography } from 'antd';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { AccountValueResult } from '../../../app/api/types';
import { formatMoney, formatPercent } from '../../../ui/format';
import { AbcTag, SegmentTag } from '../tags';

export function Figure({
  title,
  value,
  note,
  hint,
  danger,
}: {
  title: ReactNode;
  value: string;
  note?: ReactNode;
  hint?: string;
  danger?: boolean;
}) {
  return (
    <Statistic
      title={
        hint ? (
          <Flex gap={4} align="center">
            {title}
            <Tooltip title={hint}>
              <InfoCircleOutlined style={{ color: '#94a3b8' }} />
            </Tooltip>
          </Flex>
        ) : (
          title
        )
      }
      value={value}
      styles={{ content: { fontSize: 18, fontVariantNumeric: 'tabular-nums', color: danger ? '#cf1322' : undefined } }}
      suffix={note ? <span style={{ fontSize: 12, marginInlineStart: 6 }}>{note}</span> : undefined}
    />
  );
}

/** Historical margin, the BG/NBD and Gamma-Gamma expectations over the horizon, and the discounted CLV. */
export function ClvCard({ clv }: { clv: AccountValueResult['clv'] }) {
  const { t } = useTranslation();
  return (
    <Card
      size="small"
      variant="borderless"
      title={t('value.clvTitle')}
      extra={
        <Typography.Text type="secondary" style={{ fontSize: 12 }}>
          {t('value.clvHorizon', { months: clv.horizonMonths })}
        </Typography.Text>
      }
      style={{ height: '100%' }}
    >
      <Row gutter={[24, 16]}>
        <Col span={12}>
          <Figure
            title={t('value.clv', { months: clv.horizonMonths })}
            value={formatMoney(clv.clv)}
            hint={t('value.clvHint')}
          />
        </Col>
        <Col span={12}>
          <Figure title={t('value.historicalMargin')} value={formatMoney(clv.historicalMargin)} />
        </Col>
        <Col span={8}>
          <Figure
            title={t('value.expectedOrders')}
            value={clv.expectedOrders === null ? '—' : clv.expectedOrders.toFixed(1)}
          />
        </Col>
        <Col span={8}>
          <Figure
            title={t('value.pAlive')}
            value={formatPercent(clv.pAlive)}
            hint={t('value.pAliveHint')}
            danger={clv.pAlive !== null && clv.pAlive < 0.5}
          />
        </Col>
        <Col span={8}>
          <Figure
            title={t('value.expectedOrderValue')}
            value={clv.expectedOrderValue === null ? '—' : formatMoney(Math.round(clv.expectedOrderValue))}
          />
        </Col>
      </Row>
    </Card>
  );
}

/** How the account pays: days sales outstanding, on-time share against the half-year before, lateness, overdue. */
export function PaymentCard({ payment }: { payment: AccountValueResult['payment'] }) {
  const { t } = useTranslation();
  const trend =
    payment.onTimeShare !== null && payment.onTimeSharePrev !== null
      ? payment.onTimeShare - payment.onTimeSharePrev
      : null;
  return (
    <Card size="small" variant="borderless" title={t('value.paymentTitle')} style={{ height: '100%' }}>
      <Row gutter={[24, 16]}>
        <Col span={8}>
          <Figure
            title={t('value.dso')}
            value={payment.dso === null ? '—' : t('common.daysValue', { count: Math.round(payment.dso) })}
            hint={t('value.dsoHint')}
          />
        </Col>
        <Col span={8}>
          <Figure
            title={t('value.onTimeShare')}
            value={formatPercent(payment.onTimeShare)}
            note={
              trend === null || Math.abs(trend) < 0.0005 ? null : (
                <Tooltip title={t('value.onTimePrev', { share: formatPercent(payment.onTimeSharePrev) })}>
                  <Typography.Text type={trend >= 0 ? 'success' : 'danger'}>
                    {trend >= 0 ? <ArrowUpOutlined /> : <ArrowDownOutlined />} {formatPercent(Math.abs(trend))}
                  </Typography.Text>
                </Tooltip>
              )
            }
          />
        </Col>
        <Col span={8}>
          <Figure
            title={t('value.meanDaysLate')}
            value={payment.meanDaysLate === null ? '—' : t('common.daysValue', { count: payment.meanDaysLate })}
          />
        </Col>
        <Col span={12}>
          <Figure title={t('value.receivables')} value={formatMoney(payment.receivables)} />
        </Col>
        <Col span={12}>
          <Figure
            title={t('value.overdue')}
            value={formatMoney(payment.overdueAmount)}
            danger={payment.overdueAmount > 0}
          />
        </Col>
      </Row>
    </Card>
  );
}

const scoreBar = (score: number) => (
  <Flex gap={2}>
    {[1, 2, 3, 4, 5].map((i) => (
      <span
        key={i}
        style={{ width: 12, height: 12, borderRadius: 2, background: i <= score ? '#1d4ed8' : '#e2e8f0' }}
      />
    ))}
  </Flex>
);

/** ABC class with the account's share, and its RFM cells with the raw recency, frequency and money. */
export function ClassCard({ result }: { result: AccountValueResult }) {
  const { t } = useTranslation();
  const { abc, rfm } = result;
  const cells = [
    {
      key: 'r',
      label: t('value.rfmR'),
      score: rfm.r,
      raw: rfm.recencyDays === null ? '—' : t('value.recencyDays', { count: rfm.recencyDays }),
    },
    { key: 'f', label: t('value.rfmF'), score: rfm.f, raw: t('value.frequency', { count: rfm.frequency }) },
    { key: 'm', label: t('value.rfmM'), score: rfm.m, raw: formatMoney(rfm.monetary) },
  ];
  return (
    <Card size="small" variant="borderless" title={t('value.classTitle')} style={{ height: '100%' }}>
      <Flex vertical gap={14}>
        <Flex align="center" gap={10} wrap>
          <Typography.Text type="secondary">{t('value.abcClass')}</Typography.Text>
          <AbcTag abc={abc.abc} />
          <Typography.Text>
            {t('value.abcShare', {
              metric: t(`enum.abcMetric.${abc.metric}`),
              share: formatPercent(abc.share, 2),
              cumulative: formatPercent(abc.cumulativeShare),
            })}
          </Typography.Text>
        </Flex>
        <Flex align="center" gap={10} wrap>
          <Typography.Text type="secondary">{t('value.segment')}</Typography.Text>
          <SegmentTag segment={rfm.segment} />
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {t(`value.segmentHint.${rfm.segment}`)}
          </Typography.Text>
        </Flex>
        <Row gutter={[12, 12]}>
          {cells.map((c) => (
            <Col span={8} key={c.key}>
              <Flex vertical gap={4}>
                <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                  {c.label}
                </Typography.Text>
                <Flex align="center" gap={8}>
                  {scoreBar(c.score)}
                  <Typography.Text strong className="kamap-num">
                    {c.score}
                  </Typography.Text>
                </Flex>
                <Typography.Text className="kamap-num" style={{ fontSize: 12 }}>
                  {c.raw}
                </Typography.Text>
              </Flex>
            </Col>
          ))}
        </Row>
        <Typography.Text type="secondary" style={{ fontSize: 12 }}>
          {t('value.revenueLine', {
            revenue: formatMoney(result.revenue12m),
            margin: formatMoney(result.margin12m),
            previous: formatMoney(result.revenuePrev12m),
          })}
        </Typography.Text>
      </Flex>
    </Card>
  );
}

/** Our revenue against the account's estimated spend in our categories. */
export function WalletCard({ wallet }: { wallet: AccountValueResult['shareOfWallet'] }) {
  const { t } = useTranslation();
  return (
    <Card size="small" variant="borderless" title={t('value.walletTitle')} style={{ height: '100%' }}>
      {wallet.share === null ? (
        <Flex vertical gap={6}>
          <Typography.Text type="secondary">{t('value.walletUnknown')}</Typography.Text>
          <Typography.Text className="kamap-num">
            {t('value.walletOurs', { revenue: formatMoney(wallet.revenue) })}
          </Typography.Text>
        </Flex>
      ) : (
        <Flex vertical gap={8}>
          <Progress
            percent={Math.min(100, Math.round(wallet.share * 1000) / 10)}
            strokeColor="#1d4ed8"
            format={() => formatPercent(wallet.share)}
          />
          <Typography.Text className="kamap-num">
            {t('value.walletOurs', { revenue: formatMoney(wallet.revenue) })}
          </Typography.Text>
          <Typography.Text type="secondary" className="kamap-num">
            {t('value.walletTotal', { wallet: formatMoney(wallet.wallet) })}
          </Typography.Text>
          <Typography.Text type="secondary" className="kamap-num" style={{ fontSize: 12 }}>
            {t('value.walletGap', { gap: formatMoney(Math.max(0, (wallet.wallet ?? 0) - wallet.revenue)) })}
          </Typography.Text>
        </Flex>
      )}
    </Card>
  );
}
