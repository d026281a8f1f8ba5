import { Card, Col, Row, Table, Typography } from 'antd';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import type { AccountValueResult } from '../../../app/api/types';
import { EChart } from '../../../ui/charts/echart';
import { formatPercent } from '../../../ui/format';
import { criterionColor } from '../tags';
import { formatCriterionValue, formatScore, scoreWaterfall } from '../value-view';

type Contribution = AccountValueResult['contributions'][number];

/** The score as a waterfall of its criteria's points, with the values and weights behind each. */
export function ScoreCard({ result }: { result: AccountValueResult }) {
  const { t, i18n } = useTranslation();
  const steps = useMemo(() => scoreWaterfall(result.contributions), [result.contributions]);
  const contributions = result.contributions.filter((c) => c.weight > 0);

  const option = useMemo(() => {
    const names = [...steps.map((s) => t(`enum.criterion.${s.key}`)), t('value.scoreTotal')];
    return {
      grid: { left: 8, right: 8, top: 24, bottom: 8, containLabel: true },
      tooltip: {
        trigger: 'axis',
        axisPointer: { type: 'shadow' },
        formatter: (items: { dataIndex: number }[]) => {
          const index = items[0]?.dataIndex ?? 0;
          const step = steps[index];
          if (!step) return t('value.scoreTooltipTotal', { score: formatScore(result.score) });
          const c = contributions[index] as Contribution;
          return t('value.scoreTooltip', {
            criterion: t(`enum.criterion.${c.key}`),
            value: formatCriterionValue(c.key, c.value, i18n.language),
            normalised: formatPercent(c.normalised),
            weight: c.weight,
            points: c.points.toFixed(1),
          });
        },
      },
      xAxis: {
        type: 'category',
        data: names,
        axisLabel: { color: '#475569', interval: 0, fontSize: 11, width: 84, overflow: 'break' },
        axisTick: { show: false },
      },
      yAxis: {
        type: 'value',
        max: 100,
        axisLabel: { color: '#64748b' },
        splitLine: { lineStyle: { color: '#eef2f7' } },
      },
      series: [
        {
          type: 'bar',
          stack: 'score',
          silent: true,
          itemStyle: { color: 'transparent' },
          data: [...steps.map((s) => s.base), 0],
        },
        {
          type: 'bar',
          stack: 'score',
          barMaxWidth: 44,
          label: {
            show: true,
            position: 'top',
            color: '#0f172a',
            formatter: (item: { value: number; dataIndex: number }) =>
              item.dataIndex === steps.length ? formatScore(result.score) : item.value.toFixed(1),
          },
          data: [
            ...steps.map((s) => ({ value: s.points, itemStyle: { color: criterionColor[s.key] } })),
            { value: result.score, itemStyle: { color: '#0f172a' } },
          ],
        },
      ],
    };
  }, [steps, contributions, result.score, t, i18n.language]);

  return (
    <Card size="small" variant="borderless" title={t('value.scoreTitle')} style={{ height: '100%' }}>
      <Row gutter={[16, 8]}>
        <Col xs={24} xxl={13}>
          <EChart option={option} height={260} label={t('value.scoreTitle')} />
        </Col>
        <Col xs={24} xxl={11}>
          <Table<Contribution>
            rowKey="key"
            size="small"
            pagination={false}
            dataSource={contributions}
            columns={[
              {
                title: t('model.criterion'),
                key: 'criterion',
                render: (_, c) => t(`enum.criterion.${c.key}`),
              },
              {
                title: t('value.criterionValue'),
                key: 'value',
                align: 'right',
                render: (_, c) => (
                  <span className="kamap-num">{formatCriterionValue(c.key, c.value, i18n.language)}</span>
                ),
              },
              {
                title: t('value.normalised'),
                key: 'normalised',
                align: 'right',
                render: (_, c) => <span className="kamap-num">{formatPercent(c.normalised, 0)}</span>,
              },
              {
                title: t('value.points'),
                key: 'points',
                align: 'right',
                render: (_, c) => (
                  <Typography.Text className="kamap-num">
                    <strong>{c.points.toFixed(1)}</strong>
                    <Typography.Text type="secondary"> / {c.weight}</Typography.Text>
                  </Typography.Text>
                ),
              },
            ]}
          />
        </Col>
      </Row>
    </Card>
  );
}
