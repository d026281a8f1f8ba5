import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { EChart, type EChartOption } from '../../ui/charts/echart';
import { formatMoney, formatMoneyShort } from '../../ui/format';
import type { ForecastData } from './types';

/** Won (solid) and weighted open pipeline (light) stacked per month, the monthly target as a line. */
export function ForecastChart({ data, height = 300 }: { data: ForecastData; height?: number }) {
  const { t, i18n } = useTranslation();
  const option = useMemo<EChartOption>(() => {
    const won = t('opportunity.forecast.won');
    const weighted = t('opportunity.forecast.weighted');
    const target = t('opportunity.forecast.target');
    return {
      color: ['#16a34a', '#93c5fd', '#dc2626'],
      grid: { left: 8, right: 16, top: 36, bottom: 8, containLabel: true },
      legend: { top: 0, right: 0, data: [won, weighted, target] },
      tooltip: {
        trigger: 'axis',
        valueFormatter: (value: unknown) => formatMoney(typeof value === 'number' ? value : null),
      },
      xAxis: { type: 'category', data: data.months.map((m) => m.month), axisLabel: { color: '#64748b' } },
      yAxis: {
        type: 'value',
        axisLabel: { color: '#64748b', formatter: (v: number) => formatMoneyShort(v, i18n.language) },
        splitLine: { lineStyle: { color: '#eef2f7' } },
      },
      series: [
        { name: won, type: 'bar', stack: 'f', barMaxWidth: 28, data: data.months.map((m) => m.won) },
        { name: weighted, type: 'bar', stack: 'f', barMaxWidth: 28, data: data.months.map((m) => m.weighted) },
        {
          name: target,
          type: 'line',
          step: 'middle',
          symbol: 'none',
          lineStyle: { type: 'dashed', width: 2 },
          data: data.months.map((m) => m.target),
        },
      ],
    };
  }, [data, t, i18n.language]);
  return <EChart option={option} height={height} label={t('opportunity.forecast.title')} />;
}
