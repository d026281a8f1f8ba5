import { describe, expect, it } from 'vitest';
import type { AccountValueResult, TierOverrideData, WhitespaceCellData } from '../../app/api/types';
import {
  churnReasonParams,
  currentTier,
  formatCriterionValue,
  formatScore,
  overrideActive,
  parseTierBasis,
  rawData,
  scoreWaterfall,
  sevenPSentence,
  whitespaceColumns,
} from './value-view';

type Contribution = AccountValueResult['contributions'][number];
const contribution = (key: Contribution['key'], weight: number, points: number): Contribution => ({
  key,
  value: null,
  normalised: weight > 0 ? points / weight : 0,
  weight,
  points,
});

describe('scoreWaterfall', () => {
  it('stacks each criterion on the ones before it', () => {
    const steps = scoreWaterfall([
      contribution('revenue_12m', 30, 27),
      contribution('margin_12m', 20, 12.34),
      contribution('potential', 0, 0),
      contribution('strategic_fit', 10, 7.5),
    ]);
    expect(steps).toEqual([
      { key: 'revenue_12m', base: 0, points: 27 },
      { key: 'margin_12m', base: 27, points: 12.3 },
      { key: 'strategic_fit', base: 39.3, points: 7.5 },
    ]);
  });

  it('is empty for no criteria', () => {
    expect(scoreWaterfall([])).toEqual([]);
  });
});

describe('formatScore', () => {
  it('rounds down, so a score never reads as reaching a threshold it missed', () => {
    expect(formatScore(74.97)).toBe('74.9');
    expect(formatScore(75)).toBe('75.0');
    expect(formatScore(0.1 + 0.2 + 74.7)).toBe('75.0');
    expect(formatScore(49.99)).toBe('49.9');
    expect(formatScore(0)).toBe('0.0');
  });
});

describe('tier in force', () => {
  const override = (tier: TierOverrideData['tier'], expiresAt: string | null): TierOverrideData => ({
    tier,
    reason: 'partner',
    expiresAt,
    createdBy: null,
    createdAt: '2026-01-01T00:00:00Z',
  });

  it('an override applies up to and including its last day', () => {
    expect(overrideActive(override('strategic', '2026-06-30'), '2026-06-30')).toBe(true);
    expect(overrideActive(override('strategic', '2026-06-30'), '2026-07-01')).toBe(false);
    expect(overrideActive(override('strategic', null), '2099-01-01')).toBe(true);
    expect(overrideActive(null, '2026-01-01')).toBe(false);
  });

  it('a live override wins over the computed tier; an expired one does not', () => {
    expect(currentTier({ computedTier: 'core' }, override('strategic', null), '2026-05-01')).toEqual({
      tier: 'strategic',
      overridden: true,
    });
    expect(currentTier({ computedTier: 'core' }, override('strategic', '2026-04-30'), '2026-05-01')).toEqual({
      tier: 'core',
      overridden: false,
    });
    // an override that agrees with the model is not marked
    expect(currentTier({ computedTier: 'core' }, override('core', null), '2026-05-01')).toEqual({
      tier: 'core',
      overridden: false,
    });
  });
});

describe('formatCriterionValue', () => {
  it('shows each criterion in its unit', () => {
    expect(formatCriterionValue('revenue_12m', 123_456_700, 'zh-CN')).toBe('¥123.46万');
    expect(formatCriterionValue('revenue_growth', 0.125, 'zh-CN')).toBe('+12.5%');
    expect(formatCriterionValue('revenue_growth', -0.2, 'en')).toBe('-20.0%');
    expect(formatCriterionValue('payment_behaviour', 0.92, 'en')).toBe('92.0%');
    expect(formatCriterionValue('market_influence', 4, 'en')).toBe('4 / 5');
    expect(formatCriterionValue('potential', null, 'en')).toBe('—');
  });
});

describe('churnReasonParams', () => {
  it('writes the recency reason from its own cadence', () => {
    expect(
      churnReasonParams(
        { code: 'recency_beyond_cadence', points: 25, data: { daysSinceLastOrder: 212, meanInterOrderDays: 45.4 } },
        'zh-CN',
      ),
    ).toEqual({ days: '212', cadence: '45' });
  });

  it('works out the revenue drop', () => {
    expect(
      churnReasonParams(
        { code: 'revenue_decline', points: 12, data: { revenueLast12: 60_000_000, revenuePrev12: 100_000_000 } },
        'zh-CN',
      ),
    ).toEqual({ current: '¥60万', previous: '¥100万', drop: '40.0%' });
  });

  it('gives overdue receivables with their share', () => {
    expect(
      churnReasonParams(
        { code: 'overdue_receivables', points: 8, data: { overdueAmount: 25_000_00, receivables: 100_000_00 } },
        'en',
      ),
    ).toEqual({ overdue: '¥25K', share: '25.0%' });
  });

  it('gives P(alive) as a percentage', () => {
    expect(churnReasonParams({ code: 'low_p_alive', points: 10, data: { pAlive: 0.234 } }, 'en')).toEqual({
      p: '23.4%',
    });
  });

  it('returns null when the data lacks what the sentence needs, and the raw data reads plainly', () => {
    const reason = { code: 'recency_beyond_cadence' as const, points: 5, data: { somethingElse: 3.25, gone: null } };
    expect(churnReasonParams(reason, 'en')).toBeNull();
    expect(rawData(reason.data)).toBe('somethingElse = 3.3, gone = —');
  });
});

describe('sevenPSentence', () => {
  it('writes each dimension from its detail', () => {
    expect(
      sevenPSentence({ key: 'persistency', value: 0.7, detail: { tenureYears: 4.26, activeMonths12: 9 } }, 'en'),
    ).toEqual({ text: 'persistency', params: { years: '4.3', months: '9' } });
    expect(sevenPSentence({ key: 'product', value: 0.3, detail: { categories: 3, of: 10 } }, 'en')).toEqual({
      text: 'product',
      params: { categories: '3', of: '10' },
    });
    expect(sevenPSentence({ key: 'performance', value: 0.5, detail: { growth: null } }, 'en')).toBeNull();
  });

  it('adds the agent channel to performance when the run knows it', () => {
    expect(
      sevenPSentence({ key: 'performance', value: 0.5, detail: { growth: 0.1, agentShare: 0.25 } }, 'zh-CN'),
    ).toEqual({ text: 'performanceWithAgent', params: { growth: '+10.0%', agent: '25.0%' } });
    expect(
      sevenPSentence({ key: 'performance', value: 0.5, detail: { growth: -0.1, agentShare: null } }, 'zh-CN'),
    ).toEqual({
      text: 'performance',
      params: { growth: '-10.0%' },
    });
  });
});

describe('whitespaceColumns', () => {
  const cell = (
    categoryName: string,
    state: WhitespaceCellData['state'],
    revenue = 0,
    lift?: number,
  ): WhitespaceCellData => ({
    categoryId: categoryName,
    categoryName,
    state,
    opportunityId: state === 'opportunity' ? `o-${categoryName}` : null,
    revenue,
    lastOrderDate: null,
    competitors: [],
    recommendation: lift === undefined ? null : { because: '轴承', support: 0.1, confidence: 0.5, lift, peers: 40 },
  });

  it('groups by state: potential by lift, bought by revenue, the rest by pinyin', () => {
    const columns = whitespaceColumns([
      cell('轴承', 'bought', 100),
      cell('电机', 'none'),
      cell('阀门', 'potential', 0, 1.2),
      cell('传感器', 'potential', 0, 2.5),
      cell('齿轮', 'bought', 900),
      cell('编码器', 'none'),
      cell('伺服', 'competitor'),
      cell('变频器', 'opportunity'),
    ]);
    expect(columns.opportunity.map((c) => c.opportunityId)).toEqual(['o-变频器']);
    expect(columns.potential.map((c) => c.categoryName)).toEqual(['传感器', '阀门']);
    expect(columns.bought.map((c) => c.categoryName)).toEqual(['齿轮', '轴承']);
    expect(columns.none.map((c) => c.categoryName)).toEqual(['编码器', '电机']);
    expect(columns.competitor.map((c) => c.categoryName)).toEqual(['伺服']);
  });
});

describe('parseTierBasis', () => {
  it('reads the basis a run records', () => {
    expect(parseTierBasis('score>=75')).toEqual({ kind: 'scoreAtLeast', value: '75' });
    expect(parseTierBasis('score<50')).toEqual({ kind: 'scoreBelow', value: '50' });
    expect(parseTierBasis('top 5%')).toEqual({ kind: 'top', value: '5' });
    expect(parseTierBasis('next 15%')).toEqual({ kind: 'next', value: '15' });
    expect(parseTierBasis('rest')).toEqual({ kind: 'rest' });
    expect(parseTierBasis('override')).toBeNull();
  });
});
