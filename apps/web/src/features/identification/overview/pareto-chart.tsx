import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import type { AbcClassValue, PortfolioData } from '../../../app/api/types';
import { EChart } from '../../../ui/charts/echart';
import { abcRows, accountShareAt, paretoSeries, paretoZone } from '../portfolio-view';

/** Cumulative revenue share against cumulative account share, with the 80% line; a click opens that ABC class. */
export function ParetoChart({ portfolio, onOpen }: { portfolio: PortfolioData; onOpen: (abc: AbcClassValue) => void }) {
  const { t } = useTranslation();
  const series = useMemo(() => paretoSeries(portfolio), [portfolio]);
  const rows = useMemo(() => abcRows(portfolio), [portfolio]);
  const at80 = useMemo(() => accountShareAt(portfolio, 0.8), [portfolio]);

  const option = useMemo(() => {
    const xName = t('overview.paretoAccountShare');
    const yName = t('overview.paretoRevenueShare');
    const percent = (value: number) => `${value}%`;
    return {
      color: ['#1d4ed8'],
      grid: { left: 28, right: 72, top: 24, bottom: 30, containLabel: true },
      tooltip: {
        trigger: 'axis',
        axisPointer: { type: 'line' },
        formatter: (items: { value: [number, number] }[]) => {
          const point = items[0]?.value;
          if (!point) return '';
          return t('overview.paretoTooltip', { accounts: point[0].toFixed(1), revenue: point[1].toFixed(1) });
        },
      },
      xAxis: {
        type: 'value',
        min: 0,
        max: 100,
        name: xName,
        nameLocation: 'middle',
        nameGap: 26,
        nameTextStyle: { color: '#64748b' },
        axisLabel: { color: '#64748b', formatter: percent },
        splitLine: { show: false },
      },
      yAxis: {
        type: 'value',
        min: 0,
        max: 100,
        name: yName,
        nameLocation: 'middle',
        nameGap: 44,
        nameTextStyle: { color: '#64748b' },
        axisLabel: { color: '#64748b', formatter: percent },
        splitLine: { lineStyle: { color: '#eef2f7' } },
      },
      series: [
        {
          type: 'line',
          data: series,
          showSymbol: series.length <= 80,
          symbolSize: 5,
          lineStyle: { width: 2.5 },
          areaStyle: { color: 'rgba(29, 78, 216, 0.08)' },
          markLine: {
            silent: true,
            symbol: 'none',
            lineStyle: { color: '#dc2626', type: 'dashed' },
            label: { color: '#dc2626', formatter: '{b}' },
            data: [
              { name: t('overview.paretoLine'), yAxis: 80 },
              ...(at80 === null ? [] : [{ name: `${(at80 * 100).toFixed(1)}%`, xAxis: Math.round(at80 * 1000) / 10 }]),
            ],
          },
        },
      ],
    };
  }, [series, at80, t]);

  return (
    <EChart
      option={option}
      height={260}
      label={t('overview.pareto')}
      onClick={(event) => {
        const point = series[event.dataIndex];
        if (point) onOpen(paretoZone(point[1] / 100, rows));
      }}
    />
  );
}
