import type { MapPortfolio } from '@kamap/contracts';
import { Skeleton } from 'antd';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import type { PortfolioData, TierValue } from '../../app/api/types';
import { EChart } from '../../ui/charts/echart';
import { formatMoneyShort } from '../../ui/format';
import { resultsLink } from '../identification/drill';
import { ParetoChart } from '../identification/overview/pareto-chart';
import { tierColor } from '../identification/tags';
import styles from './map.module.css';

const TIERS = ['strategic', 'core', 'general'] as const;

/** The McDonald matrix: one bubble per large account (size revenue, colour tier); a click opens it. */
export function PortfolioMatrix({ data, loading }: { data: MapPortfolio | undefined; loading: boolean }) {
  const { t, i18n } = useTranslation();
  const navigate = useNavigate();
  const bubbles = data?.bubbles ?? [];
  const option = useMemo(() => {
    const top = Math.max(1, ...bubbles.map((b) => b.revenue));
    const size = (revenue: number) => 6 + 30 * Math.sqrt(Math.max(0, revenue) / top);
    const axis = (name: string) => ({
      type: 'value',
      min: 0,
      max: 1,
      name,
      nameLocation: 'middle',
      nameGap: 22,
      nameTextStyle: { color: '#64748b' },
      axisLabel: { show: false },
      splitLine: { show: false },
    });
    return {
      grid: { left: 30, right: 12, top: 12, bottom: 34 },
      legend: { bottom: 0, show: false },
      tooltip: {
        trigger: 'item',
        formatter: (p: { data: { name: string; revenue: number; churn: number; tier: TierValue } }) =>
          `<b>${p.data.name}</b><br/>${t(`enum.tier.${p.data.tier}`)} · ${formatMoneyShort(p.data.revenue, i18n.language)}<br/>${t('map.portfolio.churn', { risk: p.data.churn })}`,
      },
      xAxis: axis(t('map.portfolio.strength')),
      yAxis: axis(t('map.portfolio.attractiveness')),
      series: TIERS.map((tier) => ({
        type: 'scatter',
        name: t(`enum.tier.${tier}`),
        data: bubbles
          .filter((b) => b.tier === tier)
          .map((b) => ({
            value: [b.strength, b.attractiveness],
            name: b.name,
            id: b.accountId,
            revenue: b.revenue,
            churn: b.churnRisk,
            tier,
            symbolSize: size(b.revenue),
          })),
        itemStyle: {
          color: tierColor[tier],
          opacity: tier === 'general' ? 0.7 : 0.85,
          borderColor: '#fff',
          borderWidth: 1,
        },
        markLine:
          tier === 'strategic'
            ? {
                silent: true,
                symbol: 'none',
                label: { show: false },
                lineStyle: { color: '#cbd5e1', type: 'dashed' },
                data: [{ xAxis: 0.5 }, { yAxis: 0.5 }],
              }
            : undefined,
      })),
    };
  }, [bubbles, t, i18n.language]);
  if (loading && !data) return <Skeleton active paragraph={{ rows: 6 }} title={false} />;
  return (
    <div className={styles.matrix}>
      <div className={styles.quadrantLabels} aria-hidden>
        <span>{t('enum.quadrant.development')}</span>
        <span>{t('enum.quadrant.strategic')}</span>
        <span>{t('enum.quadrant.streamline')}</span>
        <span>{t('enum.quadrant.status')}</span>
      </div>
      <EChart
        option={option}
        height={280}
        label={t('map.portfolio.matrix')}
        onClick={(event) => {
          const id = (event.data as { id?: string } | undefined)?.id;
          if (id) navigate(`/accounts/${id}`);
        }}
      />
      <div className={styles.legend}>
        {TIERS.map((tier) => (
          <span key={tier}>
            <i style={{ background: tierColor[tier] }} />
            {t(`enum.tier.${tier}`)}
          </span>
        ))}
        <span className={styles.muted}>{t('map.portfolio.bubbleNote', { n: bubbles.length })}</span>
      </div>
    </div>
  );
}

/** The identification overview's Pareto curve over the map's filter; a click opens that ABC class. */
export function MapPareto({ data, loading }: { data: MapPortfolio | undefined; loading: boolean }) {
  const navigate = useNavigate();
  const portfolio = useMemo<PortfolioData | null>(
    () =>
      data
        ? {
            run: null,
            pyramid: [],
            abc: data.abc,
            pareto: data.pareto,
            rfm: [],
            segments: [],
            quadrants: [],
            atRisk: { accounts: 0, revenue: 0, aAccounts: 0 },
          }
        : null,
    [data],
  );
  if (loading && !portfolio) return <Skeleton active paragraph={{ rows: 6 }} title={false} />;
  if (!portfolio) return null;
  return <ParetoChart portfolio={portfolio} onOpen={(abc) => navigate(resultsLink({ abc }))} />;
}
