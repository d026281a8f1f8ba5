import { Alert, Card, Col, Descriptions, Flex, List, Progress, Row, Space, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { formatPercent } from '../../ui/format';
import { Money } from '../../ui/money';
import type { DiscountGuidanceData } from './types';

const actionType = { approve: 'success', counter_offer: 'warning', decline: 'error' } as const;
const bandColor = { low: 'green', medium: 'gold', high: 'red' } as const;

export function RecommendationTag({ action }: { action: 'approve' | 'counter_offer' | 'decline' }) {
  const { t } = useTranslation();
  const color = { approve: 'green', counter_offer: 'gold', decline: 'red' }[action];
  return <Tag color={color}>{t(`pricing.recommendation.${action}`)}</Tag>;
}

/** Everything the approver should weigh, computed from the account's data: never typed in. */
export function GuidancePanel({ guidance: g, discountPct }: { guidance: DiscountGuidanceData; discountPct: number }) {
  const { t } = useTranslation();
  const ps = g.priceSensitivity;
  const pct = (v: number | null) => (v === null ? '—' : formatPercent(v));
  return (
    <Flex vertical gap={12}>
      <Alert
        type={actionType[g.recommendation.action]}
        showIcon
        title={t('pricing.recommendationTitle', {
          action: t(`pricing.recommendation.${g.recommendation.action}`),
          pct: discountPct,
        })}
        description={
          <ul style={{ margin: 0, paddingInlineStart: 18 }}>
            {g.recommendation.reasons.map((r) => (
              <li key={r.code}>
                {t(`pricing.reason.${r.code}`, {
                  ...r.values,
                  defaultValue: r.code,
                  reason:
                    typeof r.values.reason === 'string'
                      ? t(`enum.churnReason.${r.values.reason}`, { defaultValue: r.values.reason })
                      : undefined,
                })}
              </li>
            ))}
          </ul>
        }
      />
      <Row gutter={[12, 12]}>
        <Col xs={24} md={12}>
          <Card size="small" title={t('pricing.sensitivity')}>
            <Space align="center" size={16}>
              <Progress
                type="dashboard"
                size={80}
                percent={Math.round(ps.computed.score)}
                // an index of 0–100, not a share: the number alone
                format={(score) => <span className="kamap-num">{score}</span>}
                strokeColor={
                  ps.computed.band === 'high' ? '#dc2626' : ps.computed.band === 'medium' ? '#d97706' : '#16a34a'
                }
              />
              <Flex vertical gap={4}>
                <span>
                  {t('pricing.computed')}{' '}
                  <Tag color={bandColor[ps.computed.band]}>{t(`enum.priceSensitivity.${ps.computed.band}`)}</Tag>
                </span>
                <span>
                  {t('pricing.manual')}{' '}
                  {ps.manual ? <Tag color={bandColor[ps.manual]}>{t(`enum.priceSensitivity.${ps.manual}`)}</Tag> : '—'}
                </span>
              </Flex>
            </Space>
            <Descriptions size="small" column={1} colon={false} style={{ marginTop: 8 }}>
              <Descriptions.Item label={t('pricing.discountedShare', { count: ps.computed.orders })}>
                {pct(ps.computed.discountedShare)}
              </Descriptions.Item>
              <Descriptions.Item label={t('pricing.meanDiscount')}>{pct(ps.computed.meanDiscount)}</Descriptions.Item>
              <Descriptions.Item label={t('pricing.response')}>
                {ps.computed.response === null ? '—' : formatPercent(ps.computed.response)}
              </Descriptions.Item>
              <Descriptions.Item label={t('pricing.competitorShare')}>
                {pct(ps.computed.competitorShare)}
              </Descriptions.Item>
            </Descriptions>
          </Card>
        </Col>
        <Col xs={24} md={12}>
          <Card size="small" title={t('pricing.churn')}>
            <Space align="center" size={16}>
              <Progress
                type="dashboard"
                size={80}
                percent={g.churn.risk ?? 0}
                format={() => g.churn.risk ?? '—'}
                strokeColor={g.churn.atRisk ? '#dc2626' : '#16a34a'}
              />
              <Flex vertical gap={4}>
                <Tag color={g.churn.atRisk ? 'red' : 'green'}>
                  {g.churn.atRisk ? t('pricing.atRisk') : t('pricing.notAtRisk')}
                </Tag>
                <Typography.Text type="secondary">{t('pricing.asOf', { date: g.churn.asOf ?? '—' })}</Typography.Text>
              </Flex>
            </Space>
            <List
              size="small"
              dataSource={g.churn.reasons}
              locale={{ emptyText: t('pricing.noChurnReasons') }}
              renderItem={(r) => (
                <List.Item key={r.code}>
                  {t(`enum.churnReason.${r.code}`, { defaultValue: r.code })} <Tag>+{Math.round(r.points)}</Tag>
                </List.Item>
              )}
            />
          </Card>
        </Col>
        <Col xs={24} md={12}>
          <Card size="small" title={t('pricing.margin')}>
            <Descriptions size="small" column={1} colon={false}>
              <Descriptions.Item label={t('pricing.basePrice')}>
                <Money value={g.margin.basePrice} />
              </Descriptions.Item>
              <Descriptions.Item label={t('pricing.requestedPrice')}>
                <Money value={g.margin.requestedPrice} />
              </Descriptions.Item>
              <Descriptions.Item label={t('pricing.unitCost')}>
                <Money value={g.margin.unitCost} />
              </Descriptions.Item>
              <Descriptions.Item label={t('pricing.unitMargin')}>
                <Money value={g.margin.unitMarginBefore} /> → <Money value={g.margin.unitMarginAfter} />
              </Descriptions.Item>
              <Descriptions.Item label={t('pricing.marginRateAfter')}>
                <Typography.Text type={g.margin.belowCost ? 'danger' : undefined}>
                  {pct(g.margin.marginRateAfter)}
                </Typography.Text>
              </Descriptions.Item>
              <Descriptions.Item label={t('pricing.totalMarginAfter')}>
                <Money value={g.margin.totalMarginAfter} />
              </Descriptions.Item>
            </Descriptions>
            {g.margin.belowCost && <Alert type="error" showIcon title={t('pricing.belowCost')} />}
          </Card>
        </Col>
        <Col xs={24} md={12}>
          <Card size="small" title={t('pricing.value')}>
            <Descriptions size="small" column={1} colon={false}>
              <Descriptions.Item label={t('pricing.clv')}>
                <Money value={g.clv} />
              </Descriptions.Item>
              <Descriptions.Item label={t('pricing.contribution')}>
                <Money value={g.contributionAfterCostToServe} />
              </Descriptions.Item>
            </Descriptions>
          </Card>
          <Card size="small" title={t('pricing.competitors')} style={{ marginTop: 12 }}>
            <List
              size="small"
              dataSource={g.competitors.presences}
              locale={{ emptyText: t('pricing.noCompetitors') }}
              renderItem={(p, i) => (
                <List.Item key={`${p.competitor}-${p.category}-${i}`}>
                  <Flex justify="space-between" style={{ width: '100%' }}>
                    <span>
                      {p.competitor} · {p.category}
                    </span>
                    <Typography.Text type="secondary">
                      {t('pricing.ourShare', { share: p.ourShare === null ? '—' : formatPercent(p.ourShare, 0) })}
                    </Typography.Text>
                  </Flex>
                </List.Item>
              )}
            />
          </Card>
        </Col>
        <Col span={24}>
          <Card size="small" title={t('pricing.peers', { count: g.peers.accounts })}>
            <Descriptions size="small" column={{ xs: 1, md: 3 }} colon={false}>
              <Descriptions.Item label={t('pricing.peerGroup')}>
                {g.peers.industry ? t(`enum.industry.${g.peers.industry}`, { defaultValue: g.peers.industry }) : '—'} ·{' '}
                {g.peers.sizeBand ? t(`enum.sizeBand.${g.peers.sizeBand}`, { defaultValue: g.peers.sizeBand }) : '—'}
              </Descriptions.Item>
              <Descriptions.Item label={t('pricing.peerOrderDiscount')}>
                {pct(g.peers.meanOrderDiscount)}
              </Descriptions.Item>
              <Descriptions.Item label={t('pricing.peerGranted', { count: g.peers.grantedRequests })}>
                {g.peers.medianGrantedPct === null
                  ? t('pricing.tooFewPeers')
                  : t('pricing.peerPcts', { median: g.peers.medianGrantedPct, p75: g.peers.p75GrantedPct })}
              </Descriptions.Item>
            </Descriptions>
          </Card>
        </Col>
      </Row>
    </Flex>
  );
}
