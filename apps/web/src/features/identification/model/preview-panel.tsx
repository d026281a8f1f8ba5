import { ArrowRightOutlined, LoadingOutlined } from '@ant-design/icons';
import { Tier } from '@kamap/contracts';
import { Alert, Card, Flex, Table, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { errorMessage } from '../../../app/api/error-message';
import type { PreviewResultData } from '../../../app/api/types';
import { formatCount, formatDate } from '../../../ui/format';
import type { usePreview } from '../api';
import { TierTag } from '../tags';
import { formatScore } from '../value-view';
import styles from './model.module.css';

type Move = PreviewResultData['moves'][number];

function Delta({ value }: { value: number }) {
  if (value === 0) return <Typography.Text type="secondary">±0</Typography.Text>;
  return (
    <Typography.Text strong className="kamap-num" style={{ color: value > 0 ? '#15803d' : '#cf1322' }}>
      {value > 0 ? `+${formatCount(value)}` : `−${formatCount(-value)}`}
    </Typography.Text>
  );
}

/** What the draft would do on the latest run's data: tier counts before and after, and who moves. */
export function PreviewPanel({
  preview,
  state,
  waiting,
}: {
  preview: ReturnType<typeof usePreview>;
  /** why there is nothing to preview: the draft is unchanged or cannot be sent as it is */
  state: 'unchanged' | 'invalid' | 'ready';
  /** the user is still typing: the figures shown are for an earlier draft */
  waiting: boolean;
}) {
  const { t } = useTranslation();
  const data = state === 'ready' ? preview.data : undefined;
  const busy = state === 'ready' && (preview.isFetching || waiting);

  return (
    <Card
      size="small"
      variant="borderless"
      title={
        <Flex align="center" gap={8}>
          {t('model.previewTitle')}
          {busy && <LoadingOutlined style={{ color: '#1d4ed8' }} />}
        </Flex>
      }
      extra={
        data?.basedOnRun && (
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {t('model.previewBasis', { asOf: formatDate(data.basedOnRun.asOf) })}
          </Typography.Text>
        )
      }
    >
      {state === 'unchanged' ? (
        <Typography.Text type="secondary">{t('model.previewUnchanged')}</Typography.Text>
      ) : state === 'invalid' ? (
        <Typography.Text type="secondary">{t('model.previewInvalid')}</Typography.Text>
      ) : preview.isError ? (
        <Alert type="error" showIcon title={errorMessage(preview.error, t)} />
      ) : !data ? (
        <Typography.Text type="secondary">{t('common.loading')}</Typography.Text>
      ) : !data.basedOnRun ? (
        <Typography.Text type="secondary">{t('model.previewNoRun')}</Typography.Text>
      ) : (
        <Flex vertical gap={12} style={{ opacity: busy ? 0.6 : 1, transition: 'opacity 0.2s' }}>
          <div className={styles.tierDelta}>
            <span />
            <Typography.Text type="secondary">{t('model.previewBefore')}</Typography.Text>
            <Typography.Text type="secondary">{t('model.previewAfter')}</Typography.Text>
            <Typography.Text type="secondary">{t('model.previewChange')}</Typography.Text>
            {Tier.options.map((tier) => {
              const before = data.before[tier] ?? 0;
              const after = data.after[tier] ?? 0;
              return [
                <span key={`${tier}-tag`}>
                  <TierTag tier={tier} />
                </span>,
                <span key={`${tier}-before`} className="kamap-num">
                  {formatCount(before)}
                </span>,
                <Typography.Text key={`${tier}-after`} strong className="kamap-num">
                  {formatCount(after)}
                </Typography.Text>,
                <Delta key={`${tier}-delta`} value={after - before} />,
              ];
            })}
          </div>
          <Typography.Text strong>
            {data.changed === 0 ? t('model.previewNoMoves') : t('model.previewMoves', { count: data.changed })}
          </Typography.Text>
          {data.moves.length > 0 && (
            <Table<Move>
              rowKey="accountId"
              size="small"
              pagination={false}
              dataSource={data.moves}
              scroll={{ y: 320 }}
              columns={[
                {
                  title: t('results.account'),
                  key: 'name',
                  ellipsis: true,
                  render: (_, m) => (
                    <Link to={`/accounts/${m.accountId}?tab=value`} target="_blank">
                      {m.name}
                    </Link>
                  ),
                },
                {
                  title: t('model.previewTier'),
                  key: 'tier',
                  width: 124,
                  render: (_, m) => (
                    <Flex align="center" gap={4}>
                      <TierTag tier={m.from} short />
                      <ArrowRightOutlined style={{ color: '#94a3b8', fontSize: 11 }} />
                      <TierTag tier={m.to} short />
                    </Flex>
                  ),
                },
                {
                  title: t('model.previewScore'),
                  key: 'score',
                  width: 110,
                  align: 'right',
                  render: (_, m) => (
                    <span className="kamap-num">
                      {formatScore(m.scoreBefore)} → <strong>{formatScore(m.scoreAfter)}</strong>
                    </span>
                  ),
                },
              ]}
            />
          )}
          {data.changed > data.moves.length && (
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>
              {t('model.previewTruncated', { shown: data.moves.length })}
            </Typography.Text>
          )}
        </Flex>
      )}
    </Card>
  );
}
