import { BarChart, LineChart } from 'echarts/charts';
import { GridComponent, LegendComponent, TooltipComponent } from 'echarts/components';
import * as echarts from 'echarts/core';
import { CanvasRenderer } from 'echarts/renderers';
import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { formatMoney, formatMoneyShort } from '../format';

echarts.use([BarChart, LineChart, GridComponent, LegendComponent, TooltipComponent, CanvasRenderer]);

export type MonthAmount = { month: string; amount: number; margin: number };

/** Order amount (bars) and margin (line) per month; money in fen, the axis in 万/亿 (or K/M). */
export function MonthlyAmountChart({ data, height = 260 }: { data: MonthAmount[]; height?: number }) {
  const { t, i18n } = useTranslation();
  const element = useRef<HTMLDivElement>(null);
  const chart = useRef<echarts.ECharts | null>(null);

  useEffect(() => {
    if (!element.current) return;
    const instance = echarts.init(element.current, undefined, { renderer: 'canvas' });
    chart.current = instance;
    const observer = new ResizeObserver(() => instance.resize());
    observer.observe(element.current);
    return () => {
      observer.disconnect();
      instance.dispose();
      chart.current = null;
    };
  }, []);

  useEffect(() => {
    const language = i18n.language;
    const amount = t('chart.orderAmount');
    const margin = t('chart.margin');
    chart.current?.setOption(
      {
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
      },
      true,
    );
  }, [data, t, i18n.language]);

  return <div ref={element} style={{ width: '100%', height }} />;
}
