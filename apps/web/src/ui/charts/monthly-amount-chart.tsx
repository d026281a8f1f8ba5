import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { formatMoney, formatMoneyShort } from '../format';
import { EChart } from './echart';

export type MonthAmount = { month: string; amount: number; margin: number };

/** Order amount (bars) and margin (line) per month; money in fen, the axis in 万/亿 (or K/M). */
export function MonthlyAmountChart({ data, height = 260 }: { data: MonthAmount[]; height?: number }) {
  const { t, i18n } = useTranslation();
  const option = useMemo(() => {
    const language = i18n.language;
    const amount = t('chart.orderAmount');
    const margin = t('chart.margin');
    return {
      color: ['#1d4ed8', '#f59e0b'],
      grid: { left: 8, right: 16, top: 36, bottom: 8, containLabel: true },
      legend: { top: 0, right: 0, data: [amount, margin] },
      tooltip: {
        trigger: 'axis',
        valueFormatter: (value: unknown) => formatMoney(typeof value === 'number' ? value : null),
      },
      xAxis: {
        type: 'category',
        data: data.map((d) => d.month),
        axisTick: { alignWithLabel: true },
        axisLabel: { color: '#64748b' },
      },
      yAxis: {
        type: 'value',
        axisLabel: { color: '#64748b', formatter: (value: number) => formatMoneyShort(value, language) },
        splitLine: { lineStyle: { color: '#eef2f7' } },
      },
      series: [
        { name: amount, type: 'bar', barMaxWidth: 22, data: data.map((d) => d.amount) },
        { name: margin, type: 'line', symbolSize: 5, data: data.map((d) => d.margin) },
      ],
    };
  }, [data, t, i18n.language]);

  return <EChart option={option} height={height} label={t('chart.orderAmount')} />;
}
