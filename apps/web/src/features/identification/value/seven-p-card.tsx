import { Card, Col, Flex, Progress, Row, Typography } from 'antd';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import type { AccountValueResult } from '../../../app/api/types';
import { EChart } from '../../../ui/charts/echart';
import { sevenPSentence } from '../value-view';

type SevenP = AccountValueResult['sevenP'][number];

function Detail({ item }: { item: SevenP }) {
  const { t, i18n } = useTranslation();
  const sentence = sevenPSentence(item, i18n.language);
  return (
    <Typography.Text type="secondary" style={{ fontSize: 12 }}>
      {sentence ? t(`value.sevenPText.${sentence.text}`, sentence.params) : '—'}
    </Typography.Text>
  );
}

/** The 7P profile (seed 002): each dimension 0–1 against the portfolio, on a radar and in words. */
export function SevenPCard({ sevenP }: { sevenP: AccountValueResult['sevenP'] }) {
  const { t } = useTranslation();
  const option = useMemo(
    () => ({
      color: ['#1d4ed8'],
      tooltip: {
        formatter: () => sevenP.map((p) => `${t(`enum.sevenP.${p.key}`)}: ${Math.round(p.value * 100)}`).join('<br/>'),
      },
      radar: {
        radius: '62%',
        center: ['50%', '54%'],
        indicator: sevenP.map((p) => ({ name: t(`enum.sevenP.${p.key}`), max: 1 })),
        axisName: { color: '#334155', fontSize: 12 },
        splitArea: { areaStyle: { color: ['#f8fafc', '#fff'] } },
        splitLine: { lineStyle: { color: '#e2e8f0' } },
        axisLine: { lineStyle: { color: '#e2e8f0' } },
      },
      series: [
        {
          type: 'radar',
          symbolSize: 5,
          areaStyle: { color: 'rgba(29, 78, 216, 0.18)' },
          data: [{ value: sevenP.map((p) => Math.round(p.value * 1000) / 1000), name: t('value.sevenPTitle') }],
        },
      ],
    }),
    [sevenP, t],
  );

  return (
    <Card size="small" variant="borderless" title={t('value.sevenPTitle')} style={{ height: '100%' }}>
      <Row gutter={[24, 16]} align="middle">
        <Col xs={24} lg={11}>
          <EChart option={option} height={300} label={t('value.sevenPTitle')} />
        </Col>
        <Col xs={24} lg={13}>
          <Flex vertical gap={8}>
            {sevenP.map((item) => (
              <Flex key={item.key} vertical gap={0}>
                <Flex align="center" gap={12}>
                  <Typography.Text strong style={{ width: 96, flex: 'none' }}>
                    {t(`enum.sevenP.${item.key}`)}
                  </Typography.Text>
                  <Progress
                    percent={Math.round(item.value * 100)}
                    size="small"
                    strokeColor="#1d4ed8"
                    showInfo={false}
                    style={{ flex: 1, margin: 0 }}
                  />
                  <Typography.Text className="kamap-num" style={{ width: 28, flex: 'none', textAlign: 'right' }}>
                    {Math.round(item.value * 100)}
                  </Typography.Text>
                </Flex>
                <Detail item={item} />
              </Flex>
            ))}
          </Flex>
        </Col>
      </Row>
    </Card>
  );
}
