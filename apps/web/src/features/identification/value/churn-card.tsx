import { Card, Flex, Progress, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { AccountValueResult } from '../../../app/api/types';
import { EmptyState } from '../../../ui/empty-state';
import { churnColor } from '../tags';
import { churnReasonParams, rawData } from '../value-view';

type Reason = AccountValueResult['churn']['reasons'][number];

function ReasonText({ reason }: { reason: Reason }) {
  const { t, i18n } = useTranslation();
  const params = churnReasonParams(reason, i18n.language);
  return (
    <Typography.Text type="secondary">
      {params ? t(`value.churnText.${reason.code}`, params) : rawData(reason.data)}
    </Typography.Text>
  );
}

/** Churn risk 0–100 and every reason behind it: its points and the data that earned them. */
export function ChurnCard({ churn, threshold }: { churn: AccountValueResult['churn']; threshold: number }) {
  const { t } = useTranslation();
  const color = churnColor(churn.score, threshold);
  const reasons = [...churn.reasons].sort((a, b) => b.points - a.points);
  return (
    <Card size="small" variant="borderless" title={t('value.churnTitle')} style={{ height: '100%' }}>
      <Flex gap={20} align="flex-start">
        <Flex vertical align="center" gap={4} style={{ flex: 'none' }}>
          <Progress
            type="dashboard"
            percent={churn.score}
            strokeColor={color}
            size={108}
            format={() => <span style={{ color, fontWeight: 600 }}>{churn.score}</span>}
          />
          <Typography.Text type={churn.score >= threshold ? 'danger' : 'secondary'} style={{ fontSize: 12 }}>
            {churn.score >= threshold ? t('value.churnAlert', { threshold }) : t('value.churnBelow', { threshold })}
          </Typography.Text>
        </Flex>
        <Flex vertical gap={10} style={{ flex: 1, minWidth: 0 }}>
          {reasons.length === 0 ? (
            <EmptyState description={t('value.churnNone')} />
          ) : (
            reasons.map((reason) => (
              <Flex key={reason.code} gap={10} align="flex-start">
                <span
                  className="kamap-num"
                  style={{
                    flex: 'none',
                    minWidth: 44,
                    padding: '1px 6px',
                    borderRadius: 4,
                    background: '#fef2f2',
                    color: '#b91c1c',
                    fontWeight: 600,
                    textAlign: 'center',
                  }}
                >
                  +{Math.round(reason.points)}
                </span>
                <Flex vertical style={{ minWidth: 0 }}>
                  <Typography.Text strong>{t(`enum.churnReason.${reason.code}`)}</Typography.Text>
                  <ReasonText reason={reason} />
                </Flex>
              </Flex>
            ))
          )}
        </Flex>
      </Flex>
    </Card>
  );
}
