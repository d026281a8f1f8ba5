import { Card, Col, Flex, Progress, Row, Tag, Typography } from 'antd';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { Account, AccountValueData, AccountValueResult } from '../../../app/api/types';
import { formatCount, formatMoney, formatPercent, todayInChina } from '../../../ui/format';
import { AbcTag, churnColor, TierTag } from '../../identification/tags';
import { churnReasonParams, currentTier, formatScore } from '../../identification/value-view';
import styles from './brief.module.css';

function Figure({ label, children }: { label: string; children: ReactNode }) {
  return (
    <Flex vertical gap={6} style={{ minWidth: 0 }}>
      <Typography.Text type="secondary" style={{ fontSize: 12 }}>
        {label}
      </Typography.Text>
      {children}
    </Flex>
  );
}

type Reason = AccountValueResult['churn']['reasons'][number];

function ReasonLine({ reason }: { reason: Reason }) {
  const { t, i18n } = useTranslation();
  const params = churnReasonParams(reason, i18n.language);
  return (
    <Flex gap={8} align="baseline" style={{ minWidth: 0 }}>
      <span className={`kamap-num ${styles.points}`}>+{Math.round(reason.points)}</span>
      <Typography.Text style={{ fontSize: 13 }}>
        <strong>{t(`enum.churnReason.${reason.code}`)}</strong>
        {params && (
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {' · '}
            {t(`value.churnText.${reason.code}`, params)}
          </Typography.Text>
        )}
      </Typography.Text>
    </Flex>
  );
}

/** Churn risk as a gauge beside its three heaviest reasons. */
function ChurnGauge({ churn, threshold }: { churn: AccountValueResult['churn']; threshold: number }) {
  const { t } = useTranslation();
  const color = churnColor(churn.score, threshold);
  const top = [...churn.reasons].sort((a, b) => b.points - a.points).slice(0, 3);
  return (
    <Flex gap={16} align="center" style={{ minWidth: 0 }}>
      <Flex vertical align="center" gap={2} style={{ flex: 'none' }}>
        <Progress
          type="dashboard"
          percent={churn.score}
          strokeColor={color}
          size={92}
          format={() => <span style={{ color, fontWeight: 600, fontSize: 22 }}>{churn.score}</span>}
        />
        <Typography.Text type={churn.score >= threshold ? 'danger' : 'secondary'} style={{ fontSize: 12 }}>
          {churn.score >= threshold ? t('value.churnAlert', { threshold }) : t('value.churnBelow', { threshold })}
        </Typography.Text>
      </Flex>
      <Flex vertical gap={6} style={{ minWidth: 0, flex: 1 }}>
        <Typography.Text type="secondary" style={{ fontSize: 12 }}>
          {t('brief.churnTop')}
        </Typography.Text>
        {top.length === 0 ? (
          <Typography.Text type="secondary">{t('value.churnNone')}</Typography.Text>
        ) : (
          top.map((reason) => <ReasonLine key={reason.code} reason={reason} />)
        )}
      </Flex>
    </Flex>
  );
}

/** Owner and account team: who to call inside the company about this account. */
function Team({ account }: { account: Account }) {
  const { t } = useTranslation();
  const others = account.team.filter((m) => m.user.id !== account.owner?.id);
  return (
    <Figure label={t('brief.ownerTeam')}>
      <Typography.Text strong>{account.owner?.displayName ?? t('brief.noOwner')}</Typography.Text>
      {others.length > 0 && (
        <Flex gap={4} wrap>
          {others.map((m) => (
            <Tag key={m.user.id} style={{ marginInlineEnd: 0 }}>
              {m.user.displayName} · {t(`enum.teamRole.${m.role}`)}
            </Tag>
          ))}
        </Flex>
      )}
    </Figure>
  );
}

/** The header figures: tier, class, score, churn risk with its reasons, CLV, share of wallet, owner and team. */
export function BriefHeadline({
  account,
  value,
  threshold,
}: {
  account: Account;
  value: AccountValueData | null;
  threshold: number;
}) {
  const { t } = useTranslation();
  const result = value?.result ?? null;
  const now = result && value ? currentTier(result, value.override, todayInChina()) : null;
  return (
    <Card
      size="small"
      variant="borderless"
      className={styles.section}
      styles={{ body: { padding: '16px 20px' } }}
      data-testid="brief-headline"
    >
      <Row gutter={[24, 16]} align="middle">
        {result && now ? (
          <>
            <Col xs={12} sm={8} xl={3}>
              <Figure label={t('value.score')}>
                <Flex align="baseline" gap={6}>
                  <span className="kamap-num" style={{ fontSize: 26, fontWeight: 600, lineHeight: 1.1 }}>
                    {formatScore(result.score)}
                  </span>
                  <Typography.Text type="secondary" className="kamap-num">
                    {t('value.rankShort', { rank: formatCount(result.rank) })}
                  </Typography.Text>
                </Flex>
              </Figure>
            </Col>
            <Col xs={12} sm={8} xl={3}>
              <Figure label={t('brief.tierAbc')}>
                <Flex gap={6} align="center" wrap>
                  <TierTag tier={now.tier} computed={result.computedTier} />
                  <AbcTag abc={result.abc.abc} />
                </Flex>
                {now.tier !== result.computedTier && (
                  <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                    {t('brief.computedTier', { tier: t(`enum.tier.${result.computedTier}`) })}
                  </Typography.Text>
                )}
              </Figure>
            </Col>
            <Col xs={24} sm={8} xl={3}>
              <Figure label={t('value.clv', { months: result.clv.horizonMonths })}>
                <span className="kamap-num" style={{ fontSize: 17, fontWeight: 600 }}>
                  {formatMoney(result.clv.clv)}
                </span>
              </Figure>
            </Col>
            <Col xs={24} md={14} xl={8}>
              <ChurnGauge churn={result.churn} threshold={threshold} />
            </Col>
            <Col xs={12} md={5} xl={3}>
              <Figure label={t('brief.wallet')}>
                <span className="kamap-num" style={{ fontSize: 17, fontWeight: 600 }}>
                  {result.shareOfWallet.share === null ? '—' : formatPercent(result.shareOfWallet.share, 0)}
                </span>
                <Typography.Text type="secondary" className="kamap-num" style={{ fontSize: 12 }}>
                  {result.shareOfWallet.wallet === null
                    ? t('brief.walletUnknown')
                    : t('brief.walletOf', { amount: formatMoney(result.shareOfWallet.wallet) })}
                </Typography.Text>
              </Figure>
            </Col>
            <Col xs={12} md={5} xl={4}>
              <Team account={account} />
            </Col>
          </>
        ) : (
          <>
            <Col xs={24} md={8}>
              <Team account={account} />
            </Col>
            <Col xs={24} md={16}>
              <Typography.Text type="secondary">
                {value ? t('value.noResult') : t('brief.analyticsHidden')}
              </Typography.Text>
            </Col>
          </>
        )}
      </Row>
    </Card>
  );
}
