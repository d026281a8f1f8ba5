import { Card, Col, Flex, Row, Skeleton, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { AccountValueData, AccountValueResult } from '../../../app/api/types';
import { useCurrentUser } from '../../../app/auth/current-user';
import { EmptyState } from '../../../ui/empty-state';
import { formatCount, formatDate, formatMoney, formatPercent, todayInChina } from '../../../ui/format';
import { QueryError } from '../../../ui/query-error';
import { CostToServeCard } from '../../performance/cost-to-serve-card';
import { managesAnalytics } from '../access';
import { useAccountValue, useRunConfig } from '../api';
import { RunNowButton } from '../run-now-button';
import { AbcTag, ChurnRisk, SegmentTag, TierTag } from '../tags';
import { currentTier, formatScore } from '../value-view';
import { ChurnCard } from './churn-card';
import { CoverageCard } from './coverage-card';
import { QuadrantCard } from './quadrant-card';
import { ScoreCard } from './score-card';
import { SevenPCard } from './seven-p-card';
import { TierCard } from './tier-card';
import { ClassCard, ClvCard, PaymentCard, WalletCard } from './value-figures';
import { WhitespaceCard } from './whitespace-card';

/** The account's results at a glance: score, tier, class, segment, churn risk and CLV. */
function Headline({
  value,
  result,
  threshold,
}: {
  value: AccountValueData;
  result: AccountValueResult;
  threshold: number;
}) {
  const { t } = useTranslation();
  const now = currentTier(result, value.override, todayInChina());
  const items = [
    {
      key: 'score',
      title: t('value.score'),
      body: (
        <Flex align="baseline" gap={8}>
          <span className="kamap-num" style={{ fontSize: 28, fontWeight: 600, lineHeight: 1.1 }}>
            {formatScore(result.score)}
          </span>
          <Typography.Text type="secondary" className="kamap-num">
            {t('value.rankShort', { rank: formatCount(result.rank) })}
          </Typography.Text>
        </Flex>
      ),
    },
    { key: 'tier', title: t('value.tier'), body: <TierTag tier={now.tier} computed={result.computedTier} /> },
    {
      key: 'abc',
      title: t('value.abcClass'),
      body: (
        <Flex align="center" gap={6}>
          <AbcTag abc={result.abc.abc} />
          <Typography.Text type="secondary" className="kamap-num">
            {formatPercent(result.abc.share, 2)}
          </Typography.Text>
        </Flex>
      ),
    },
    { key: 'segment', title: t('value.segment'), body: <SegmentTag segment={result.rfm.segment} /> },
    { key: 'churn', title: t('value.churn'), body: <ChurnRisk score={result.churn.score} threshold={threshold} /> },
    {
      key: 'clv',
      title: t('value.clv', { months: result.clv.horizonMonths }),
      body: (
        <span className="kamap-num" style={{ fontSize: 16, fontWeight: 600 }}>
          {formatMoney(result.clv.clv)}
        </span>
      ),
    },
  ];
  return (
    <Card size="small" variant="borderless" styles={{ body: { padding: '14px 20px' } }}>
      <Row gutter={[24, 12]} align="middle">
        {items.map((item) => (
          <Col key={item.key} xs={12} md={8} xl={4}>
            <Flex vertical align="flex-start" gap={6}>
              <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                {item.title}
              </Typography.Text>
              {item.body}
            </Flex>
          </Col>
        ))}
      </Row>
    </Card>
  );
}

/** The account's value as the latest analysis run found it, plus its live relationship coverage and whitespace. */
export function ValueTab({ accountId }: { accountId: string }) {
  const { t } = useTranslation();
  const user = useCurrentUser();
  const value = useAccountValue(accountId);
  const config = useRunConfig(value.data?.run?.configVersion);
  const threshold = config?.churn.alertThreshold ?? 50;
  const manages = managesAnalytics(user);

  if (value.isError) return <QueryError error={value.error} onRetry={() => value.refetch()} />;
  if (value.isPending) return <Skeleton active paragraph={{ rows: 12 }} />;
  const { run, result } = value.data;

  return (
    <Flex vertical gap={16}>
      {run && result && (
        <Typography.Text type="secondary" style={{ fontSize: 12 }}>
          {t('value.basis', { asOf: formatDate(run.asOf), version: run.configVersion })}{' '}
          <Link to="/identification?tab=runs">{t('value.basisLink')}</Link>
        </Typography.Text>
      )}
      {result ? (
        <>
          <Headline value={value.data} result={result} threshold={threshold} />
          <Row gutter={[16, 16]}>
            <Col xs={24} xl={16}>
              <ScoreCard result={result} />
            </Col>
            <Col xs={24} xl={8}>
              <Flex vertical gap={16} style={{ height: '100%' }}>
                <TierCard accountId={accountId} value={value.data} canOverride={manages} />
                <div style={{ flex: 1 }}>
                  <ClassCard result={result} />
                </div>
              </Flex>
            </Col>
          </Row>
          <Row gutter={[16, 16]}>
            <Col xs={24} xl={12}>
              <ChurnCard churn={result.churn} threshold={threshold} />
            </Col>
            <Col xs={24} xl={12}>
              <PaymentCard payment={result.payment} />
            </Col>
          </Row>
          <CostToServeCard accountId={accountId} />
          <Row gutter={[16, 16]}>
            <Col xs={24} xl={10}>
              <ClvCard clv={result.clv} />
            </Col>
            <Col xs={24} md={12} xl={7}>
              <WalletCard wallet={result.shareOfWallet} />
            </Col>
            <Col xs={24} md={12} xl={7}>
              <QuadrantCard quadrant={result.quadrant} />
            </Col>
          </Row>
          <Row gutter={[16, 16]}>
            <Col xs={24} xl={8}>
              <CoverageCard accountId={accountId} coverage={value.data.coverage} />
            </Col>
            <Col xs={24} xl={16}>
              <SevenPCard sevenP={result.sevenP} />
            </Col>
          </Row>
        </>
      ) : (
        <>
          <Card variant="borderless">
            <EmptyState
              description={
                <Flex vertical gap={4}>
                  <Typography.Text strong>{t('value.noResult')}</Typography.Text>
                  <Typography.Text type="secondary">
                    {run ? t('value.noResultHint', { asOf: formatDate(run.asOf) }) : t('identification.noRunHint')}
                  </Typography.Text>
                </Flex>
              }
              action={manages ? <RunNowButton /> : null}
            />
          </Card>
          <CoverageCard accountId={accountId} coverage={value.data.coverage} />
        </>
      )}
      <WhitespaceCard accountId={accountId} cells={value.data.whitespace} />
    </Flex>
  );
}
