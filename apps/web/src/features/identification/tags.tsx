import { Flex, Tag, Tooltip, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { AbcClassValue, CriterionKeyValue, QuadrantValue, RfmSegmentValue, TierValue } from '../../app/api/types';

/** Darkest for the accounts that matter most: the pyramid, tags and charts use the same colours. */
export const tierColor: Record<TierValue, string> = {
  strategic: '#1d4ed8',
  core: '#60a5fa',
  general: '#cbd5e1',
};

// one hue per criterion, the same in the weight bar and the table
export const criterionColor: Record<CriterionKeyValue, string> = {
  revenue_12m: '#1d4ed8',
  margin_12m: '#0891b2',
  revenue_growth: '#16a34a',
  potential: '#7c3aed',
  market_influence: '#d97706',
  strategic_fit: '#db2777',
  payment_behaviour: '#64748b',
};

const abcTagColor: Record<AbcClassValue, string> = { A: 'green', B: 'blue', C: 'orange', D: 'default' };

export function TierTag({ tier, computed, short }: { tier: TierValue; computed?: TierValue; short?: boolean }) {
  const { t } = useTranslation();
  const overridden = computed !== undefined && computed !== tier;
  const tag = (
    <Tag
      color={tier === 'strategic' ? tierColor.strategic : tier === 'core' ? 'blue' : 'default'}
      variant={tier === 'strategic' ? 'solid' : undefined}
      style={{ marginInlineEnd: 0 }}
    >
      {short ? t(`enum.tierShort.${tier}`) : t(`enum.tier.${tier}`)}
      {overridden && ' *'}
    </Tag>
  );
  if (!overridden) return tag;
  return <Tooltip title={t('results.overridden', { tier: t(`enum.tier.${computed}`) })}>{tag}</Tooltip>;
}

export function AbcTag({ abc }: { abc: AbcClassValue }) {
  return (
    <Tag color={abcTagColor[abc]} style={{ marginInlineEnd: 0, minWidth: 26, textAlign: 'center' }}>
      {abc}
    </Tag>
  );
}

const segmentColor: Record<RfmSegmentValue, string> = {
  champions: 'green',
  loyal: 'cyan',
  potential_loyalist: 'geekblue',
  new_customers: 'blue',
  promising: 'purple',
  need_attention: 'gold',
  about_to_sleep: 'orange',
  at_risk: 'volcano',
  cannot_lose: 'red',
  hibernating: 'default',
  lost: 'default',
};

export function SegmentTag({ segment }: { segment: RfmSegmentValue }) {
  const { t } = useTranslation();
  return (
    <Tag color={segmentColor[segment]} style={{ marginInlineEnd: 0 }}>
      {t(`enum.rfmSegment.${segment}`)}
    </Tag>
  );
}

export const quadrantColor: Record<QuadrantValue, string> = {
  strategic: '#1d4ed8',
  status: '#0891b2',
  development: '#7c3aed',
  streamline: '#94a3b8',
};

export function QuadrantTag({ quadrant }: { quadrant: QuadrantValue }) {
  const { t } = useTranslation();
  return (
    <Tag color={quadrantColor[quadrant]} variant="outlined" style={{ marginInlineEnd: 0 }}>
      {t(`enum.quadrant.${quadrant}`)}
    </Tag>
  );
}

/** 0–100: red from the alert threshold, amber from 60% of it, else quiet. */
export function churnColor(score: number, threshold: number): string {
  if (score >= threshold) return '#cf1322';
  if (score >= threshold * 0.6) return '#d48806';
  return '#64748b';
}

export function ChurnRisk({ score, threshold }: { score: number; threshold: number }) {
  const color = churnColor(score, threshold);
  return (
    <Flex align="center" gap={6}>
      <Typography.Text className="kamap-num" style={{ color, minWidth: 22, textAlign: 'right' }}>
        {score}
      </Typography.Text>
      <span style={{ width: 40, height: 4, borderRadius: 2, background: '#eef2f7', overflow: 'hidden' }}>
        <span style={{ display: 'block', width: `${Math.min(100, score)}%`, height: '100%', background: color }} />
      </span>
    </Flex>
  );
}
