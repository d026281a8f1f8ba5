import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import type { PortfolioData } from '../../../app/api/types';
import { EChart } from '../../../ui/charts/echart';
import { formatCount, formatMoneyShort } from '../../../ui/format';
import { rfmCells } from '../portfolio-view';

const scores = ['1', '2', '3', '4', '5'];

/** Accounts per R × F cell (5 = most recent / most frequent); a click opens the cell's accounts. */
export function RfmHeatmap({
  portfolio,
  onOpen,
}: {
  portfolio: PortfolioData;
  onOpen: (r: number, f: number) => void;
}) {
  const { t, i18n } = useTranslation();
  const cells = useMemo(() => rfmCells(portfolio), [portfolio]);

  const option = useMemo(() => {
    const max = Math.max(1, ...cells.map((c) => c.accounts));
    return {
      grid: { left: 30, right: 16, top: 8, bottom: 30, containLabel: true },
      tooltip: {
        formatter: (item: { dataIndex: number }) => {
          const cell = cells[item.dataIndex];
          if (!cell) return '';
          return t('overview.rfmTooltip', {
            r: cell.r,
            f: cell.f,
            accounts: formatCount(cell.accounts),
            revenue: formatMoneyShort(cell.revenue, i18n.language),
          });
        },
      },
      xAxis: {
        type: 'category',
        data: scores,
        name: t('overview.recency'),
        nameLocation: 'middle',
        nameGap: 26,
        nameTextStyle: { color: '#64748b' },
        axisLabel: { color: '#64748b' },
        splitArea: { show: true },
      },
      yAxis: {
        type: 'category',
        data: scores,
        name: t('overview.frequency'),
        nameLocation: 'middle',
        nameGap: 22,
        nameTextStyle: { color: '#64748b' },
        axisLabel: { color: '#64748b' },
        splitArea: { show: true },
      },
      // colour by the square root of the count, so one crowded cell does not wash out all the others
      visualMap: {
        show: false,
        dimension: 3,
        min: 0,
        max: Math.sqrt(max),
        inRange: { color: ['#f1f5fd', '#93b4f5', '#1d4ed8'] },
      },
      series: [
        {
          type: 'heatmap',
          // dark cells get white numbers
          data: cells.map((c) => ({
            value: [c.r - 1, c.f - 1, c.accounts, Math.sqrt(c.accounts)],
            label: { color: Math.sqrt(c.accounts) > Math.sqrt(max) * 0.6 ? '#fff' : '#0f172a' },
          })),
          label: {
            show: true,
            formatter: (item: { value: [number, number, number, number] }) =>
              item.value[2] > 0 ? formatCount(item.value[2]) : '',
          },
          itemStyle: { borderColor: '#fff', borderWidth: 2, borderRadius: 4 },
          emphasis: { itemStyle: { shadowBlur: 6, shadowColor: 'rgba(15, 23, 42, 0.25)' } },
        },
      ],
    };
  }, [cells, t, i18n.language]);

  return (
    <EChart
      option={option}
      height={272}
      label={t('overview.rfm')}
      onClick={(event) => {
        const cell = cells[event.dataIndex];
        if (cell && cell.accounts > 0) onOpen(cell.r, cell.f);
      }}
    />
  );
}
