import { describe, expect, it } from 'vitest';
import type { AnalysisConfigData } from '../../app/api/types';
import {
  churnWeightSum,
  configIssues,
  criteriaWeightSum,
  fromDraft,
  sameConfig,
  toDraft,
  weightSum,
} from './config-draft';

const config: AnalysisConfigData = {
  criteria: [
    { key: 'revenue_12m', weight: 30, normalisation: 'percentile' },
    { key: 'margin_12m', weight: 20, normalisation: 'percentile' },
    { key: 'revenue_growth', weight: 10, normalisation: 'percentile' },
    { key: 'potential', weight: 15, normalisation: 'percentile' },
    { key: 'market_influence', weight: 10, normalisation: 'rating' },
    { key: 'strategic_fit', weight: 10, normalisation: 'rating' },
    { key: 'payment_behaviour', weight: 5, normalisation: 'cap', cap: 1 },
  ],
  tier: { mode: 'threshold', strategicMin: 75, coreMin: 50, strategicShare: 0.05, coreShare: 0.15 },
  abc: { metric: 'revenue', windowMonths: 12, aCutoff: 0.8, bCutoff: 0.95 },
  rfm: { windowMonths: 12 },
  clv: { horizonMonths: 36, annualDiscountRate: 0.1 },
  churn: {
    weights: {
      recency_beyond_cadence: 25,
      revenue_decline: 20,
      low_p_alive: 15,
      complaints_past_sla: 10,
      falling_satisfaction: 5,
      decision_maker_contact_lost: 10,
      competitor_share_rising: 5,
      overdue_receivables: 10,
    },
    alertThreshold: 50,
  },
};

const withCriteria = (criteria: AnalysisConfigData['criteria']): AnalysisConfigData => ({ ...config, criteria });

describe('weightSum', () => {
  it('adds the weights as the user reads them (float steps do not leave 99.99999)', () => {
    expect(weightSum([33.3, 33.3, 33.4])).toBe(100);
    expect(weightSum([0.1, 0.2])).toBe(0.3);
    expect(weightSum([])).toBe(0);
    expect(weightSum([50, Number.NaN, 20])).toBe(70);
  });
});

describe('draft', () => {
  it('lists every criterion, an unused one with weight 0 and the normalisation that suits it', () => {
    const draft = toDraft(withCriteria([{ key: 'revenue_12m', weight: 100, normalisation: 'percentile' }]));
    expect(draft.criteria.map((c) => c.key)).toEqual([
      'revenue_12m',
      'margin_12m',
      'revenue_growth',
      'potential',
      'market_influence',
      'strategic_fit',
      'payment_behaviour',
    ]);
    expect(draft.criteria.find((c) => c.key === 'strategic_fit')).toEqual({
      key: 'strategic_fit',
      weight: 0,
      normalisation: 'rating',
    });
    expect(criteriaWeightSum(draft)).toBe(100);
  });

  it('sends only weighted criteria, and a cap only for capped ones', () => {
    const draft = toDraft(config);
    const edited = {
      ...draft,
      criteria: draft.criteria.map((c) =>
        c.key === 'payment_behaviour'
          ? { ...c, normalisation: 'percentile' as const }
          : c.key === 'potential'
            ? { ...c, weight: 0 }
            : c,
      ),
    };
    const sent = fromDraft(edited);
    expect(sent.criteria.map((c) => c.key)).not.toContain('potential');
    expect(sent.criteria.find((c) => c.key === 'payment_behaviour')).toEqual({
      key: 'payment_behaviour',
      weight: 5,
      normalisation: 'percentile',
    });
  });

  it('round-trips: the draft of a configuration sends that configuration', () => {
    expect(fromDraft(toDraft(config))).toEqual(config);
  });
});

describe('configIssues', () => {
  it('accepts the defaults', () => {
    expect(configIssues(toDraft(config))).toEqual([]);
  });

  it('names a criteria total that is not 100, with the running sum', () => {
    const draft = toDraft(config);
    draft.criteria[0] = { ...draft.criteria[0]!, weight: 35 };
    expect(configIssues(draft)).toEqual([{ path: 'criteria', code: 'weightSum', sum: 105 }]);
  });

  it('names a capped criterion without a cap', () => {
    const draft = toDraft(config);
    draft.criteria[2] = { key: 'revenue_growth', weight: 10, normalisation: 'cap' };
    expect(configIssues(draft)).toEqual([{ path: 'criteria.revenue_growth', code: 'capMissing' }]);
  });

  it('ignores a missing cap on an unused criterion (it is not sent)', () => {
    const draft = toDraft(
      withCriteria(
        config.criteria
          .filter((c) => c.key !== 'potential')
          .map((c) => (c.key === 'revenue_12m' ? { ...c, weight: 45 } : c)),
      ),
    );
    draft.criteria[3] = { key: 'potential', weight: 0, normalisation: 'cap' };
    expect(configIssues(draft)).toEqual([]);
  });

  it('names tier, ABC and churn rules that contradict each other', () => {
    const draft: AnalysisConfigData = {
      ...toDraft(config),
      tier: { ...config.tier, coreMin: 80, strategicShare: 0.6, coreShare: 0.5 },
      abc: { ...config.abc, aCutoff: 0.95 },
      churn: { ...config.churn, weights: { ...config.churn.weights, low_p_alive: 20 } },
    };
    expect(configIssues(draft).map((i) => i.path)).toEqual([
      'tier.coreMin',
      'tier.coreShare',
      'abc.aCutoff',
      'churn.weights',
    ]);
    expect(churnWeightSum(draft)).toBe(105);
  });

  it('falls back to the contract for anything else', () => {
    const draft = { ...toDraft(config), abc: { ...config.abc, windowMonths: 48 } };
    const issues = configIssues(draft);
    expect(issues).toHaveLength(1);
    expect(issues[0]).toMatchObject({ path: 'abc.windowMonths', code: 'invalid' });
  });
});

describe('sameConfig', () => {
  it('ignores criteria order and unused criteria', () => {
    const reordered = withCriteria([...config.criteria].reverse());
    expect(sameConfig(reordered, toDraft(config))).toBe(true);
  });

  it('sees a changed weight, rule or cap', () => {
    expect(sameConfig(config, { ...config, churn: { ...config.churn, alertThreshold: 60 } })).toBe(false);
    const capped = withCriteria(config.criteria.map((c) => (c.key === 'payment_behaviour' ? { ...c, cap: 0.9 } : c)));
    expect(sameConfig(config, capped)).toBe(false);
  });
});
