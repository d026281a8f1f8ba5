import { Button, Card, Col, Empty, Flex, Row, Skeleton, Statistic, Tooltip, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useCurrentUser } from '../../app/auth/current-user';
import { formatDate, formatMoney, formatMoneyShort, formatPercent } from '../../ui/format';
import { PageHeader } from '../../ui/page-header';
import { QueryError } from '../../ui/query-error';
import { planApprovers } from './access';
import { useForecast, useOpportunityList, usePipeline } from './api';
import { ForecastChart } from './forecast-chart';
import styles from './plans.module.css';
import { STAGES, stageColor } from './tags';
import { TargetsModal } from './targets-modal';
import type { OpportunityData } from './types';

function Deal({ o }: { o: OpportunityData }) {
  const { t, i18n } = useTranslation();
  return (
    <Link to={`/opportunities/${o.id}`} className={styles.deal}>
      <Typography.Text strong ellipsis style={{ display: 'block' }}>
        {o.title}
      </Typography.Text>
      <Typography.Text type="secondary" ellipsis style={{ display: 'block', fontSize: 12 }}>
        {o.accountName}
      </Typography.Text>
      <Flex justify="space-between" style={{ fontSize: 12, marginTop: 4 }}>
        <Tooltip title={t('opportunity.weightedValue', { value: formatMoney(o.weighted) })}>
          <span className="kamap-num">{formatMoneyShort(o.amount, i18n.language)}</span>
        </Tooltip>
        <span className="kamap-num">
          {o.probability}% · {formatDate(o.expectedClose)}
        </span>
      </Flex>
      {o.source.kind === 'recommendation' && (
        <Typography.Text type="success" style={{ fontSize: 12 }}>
          {t('opportunity.fromRecommendation')}
        </Typography.Text>
      )}
    </Link>
  );
}

/** The pipeline by buying stage (open deals as cards), the year's won and lost, and the forecast against target. */
export function PipelinePage() {
  const { t, i18n } = useTranslation();
  const pipeline = usePipeline({});
  const forecast = useForecast({ months: 12 });
  const open = useOpportunityList({ status: 'open', sort: 'expectedClose', limit: 300 });
  const user = useCurrentUser();
  const [settingTargets, setSettingTargets] = useState(false);
  if (pipeline.isError) return <QueryError error={pipeline.error} onRetry={() => pipeline.refetch()} />;
  const p = pipeline.data;
  const openTotal = p?.stages.reduce((s, x) => s + x.amount, 0) ?? 0;
  const weightedTotal = p?.stages.reduce((s, x) => s + x.weighted, 0) ?? 0;
  return (
    <>
      <PageHeader
        title={t('nav.page.pipeline')}
        subtitle={t('opportunity.pipelineHint')}
        extra={
          planApprovers.includes(user.role) && (
            <Button onClick={() => setSettingTargets(true)}>{t('opportunity.targets.button')}</Button>
          )
        }
      />
      <Flex vertical gap={16}>
        <Row gutter={[16, 16]}>
          <Col xs={12} md={6}>
            <Card size="small">
              <Statistic title={t('opportunity.openAmount')} value={formatMoneyShort(openTotal, i18n.language)} />
            </Card>
          </Col>
          <Col xs={12} md={6}>
            <Card size="small">
              <Statistic
                title={t('opportunity.weightedAmount')}
                value={formatMoneyShort(weightedTotal, i18n.language)}
              />
            </Card>
          </Col>
          <Col xs={12} md={6}>
            <Card size="small">
              <Statistic
                title={t('opportunity.wonThisYear', { count: p?.won.count ?? 0 })}
                value={formatMoneyShort(p?.won.amount ?? 0, i18n.language)}
                valueStyle={{ color: '#16a34a' }}
              />
            </Card>
          </Col>
          <Col xs={12} md={6}>
            <Card size="small">
              <Statistic
                title={t('opportunity.winRate', { lost: p?.lost.count ?? 0 })}
                value={p?.winRate === null || p === undefined ? '—' : formatPercent(p.winRate)}
              />
            </Card>
          </Col>
        </Row>
        <Card
          title={t('opportunity.forecast.title')}
          extra={
            forecast.data?.target && (
              <Typography.Text type="secondary">
                {t('opportunity.forecast.against', { name: forecast.data.target.name })}
              </Typography.Text>
            )
          }
        >
          {forecast.data ? <ForecastChart data={forecast.data} /> : <Skeleton active />}
          <Typography.Text type="secondary">{t('opportunity.forecast.hint')}</Typography.Text>
        </Card>
        <Card title={t('opportunity.board')}>
          {open.isPending ? (
            <Skeleton active />
          ) : (
            <div className={styles.board}>
              {STAGES.map((stage) => {
                const deals = open.items.filter((o) => o.stage === stage);
                const s = p?.stages.find((x) => x.stage === stage);
                return (
                  <div key={stage} className={styles.column} style={{ borderTop: `3px solid ${stageColor[stage]}` }}>
                    <div className={styles.columnHead}>
                      <span>
                        {t(`opportunity.stage.${stage}`)} · {s?.count ?? 0}
                      </span>
                      <Typography.Text type="secondary" className="kamap-num" style={{ fontSize: 12 }}>
                        {formatMoneyShort(s?.amount ?? 0, i18n.language)}
                      </Typography.Text>
                    </div>
                    {deals.length === 0 ? (
                      <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('opportunity.noneAtStage')} />
                    ) : (
                      deals.slice(0, 12).map((o) => <Deal key={o.id} o={o} />)
                    )}
                    {deals.length > 12 && (
                      <Typography.Text type="secondary">
                        {t('opportunity.more', { count: deals.length - 12 })}
                      </Typography.Text>
                    )}
                  </div>
                );
              })}
            </div>
          )}
        </Card>
      </Flex>
      {settingTargets && <TargetsModal onClose={() => setSettingTargets(false)} />}
    </>
  );
}
