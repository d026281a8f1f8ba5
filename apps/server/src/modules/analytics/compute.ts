import {
  abcClasses,
  assignTiers,
  type BgNbdParams,
  bgNbdProbabilityAlive,
  churnRisk,
  crossSellRecommendations,
  discountedClv,
  effectiveTier,
  fitBgNbd,
  fitGammaGamma,
  type GammaGammaParams,
  gammaGammaExpectedValue,
  kaScores,
  portfolioQuadrant,
  type Recommendation,
  rfmScores,
} from '@kamap/analytics';
import type { AccountValue, AnalysisConfig, CriterionKey, RunSummary } from '@kamap/contracts';
import type { z } from 'zod';
import { type AccountFeatures, daysBetween, KEY_ROLES } from './features.js';

/**
 * Turns every account's features into a run's results with `@kamap/analytics`. Pure: no I/O, so the
 * what-if preview and the run compute the very same numbers.
 */

type Result = NonNullable<AccountValue['result']>;
export type AccountOutcome = {
  accountId: string;
  score: number;
  computedTier: Result['computedTier'];
  tier: Result['tier'];
  abc: Result['abc']['abc'];
  revenue: number;
  margin: number;
  r: number;
  f: number;
  m: number;
  segment: Result['rfm']['segment'];
  churnRisk: number;
  clv: number | null;
  quadrant: Result['quadrant']['quadrant'];
  details: Omit<Result, 'computedTier' | 'tier' | 'score'>;
};

export type RunOutcome = {
  results: AccountOutcome[];
  recommendations: Recommendation[];
  fits: z.infer<typeof RunSummary>['fits'];
};

const WEEK = 7;
const WEEKS_PER_MONTH = 52 / 12;

/** The value each criterion measures, before normalisation (null when unknown). */
export function criterionValues(f: AccountFeatures): Record<CriterionKey, number | null> {
  const due = f.dueRecent + f.duePrev;
  return {
    revenue_12m: f.revenue12,
    margin_12m: f.margin12,
    revenue_growth: f.revenuePrev12 > 0 ? (f.revenue12 - f.revenuePrev12) / f.revenuePrev12 : null,
    potential: f.walletEstimate === null ? null : Math.max(f.walletEstimate - f.revenue12, 0),
    market_influence: f.marketInfluence,
    strategic_fit: f.strategicFit,
    payment_behaviour: due > 0 ? (f.onTimeRecent + f.onTimePrev) / due : null,
  };
}

/** Score and tier only: what the what-if preview needs. */
export function scoreAndTier(features: readonly AccountFeatures[], config: AnalysisConfig, asOf: string) {
  const scored = kaScores(
    features.map((f) => ({ id: f.id, values: criterionValues(f) })),
    config.criteria,
  );
  const tiers = assignTiers(scored, config.tier);
  return scored.map((s, i) => {
    const t = tiers[i] as (typeof tiers)[number];
    const override = (features[i] as AccountFeatures).override;
    return { ...s, computed: t, effective: effectiveTier(t.tier, override, asOf) };
  });
}

/** A percentile rank in [0, 1] for each value (nulls rank lowest), via the score's own normalisation. */
function percentiles(ids: readonly string[], values: readonly (number | null)[]): Map<string, number> {
  const ranked = kaScores(
    ids.map((id, i) => ({ id, values: { v: values[i] ?? null } })),
    [{ key: 'v', weight: 100, normalisation: 'percentile' }],
  );
  return new Map(ranked.map((r) => [r.id, r.score / 100]));
}

const clamp01 = (x: number) => Math.min(1, Math.max(0, x));

function safeFit<T>(fit: () => T): T | null {
  try {
    return fit();
  } catch {
    return null;
  }
}

export function computeRun(
  features: readonly AccountFeatures[],
  config: AnalysisConfig,
  asOf: string,
  categoryCount: number,
): RunOutcome {
  const ids = features.map((f) => f.id);
  const scored = scoreAndTier(features, config, asOf);
  const abcByAccount = new Map(
    abcClasses(
      features.map((f) => ({
        id: f.id,
        value: config.abc.metric === 'revenue' ? f.abcRevenue : f.abcMargin,
        orders: f.abcOrders,
      })),
      { a: config.abc.aCutoff, b: config.abc.bCutoff },
    ).map((r) => [r.id, r]),
  );
  const rfm = rfmScores(
    features.map((f) => ({
      id: f.id,
      recencyDays: f.lastOrder ? Math.max(0, daysBetween(f.lastOrder, asOf)) : null,
      frequency: f.rfmOrders,
      monetary: f.rfmRevenue,
    })),
  );

  // BG/NBD and Gamma-Gamma on the company's own history, in weeks; accounts need one order to count
  const buyers = features.filter((f) => f.firstOrder && f.lastOrder && daysBetween(f.firstOrder, asOf) > 0);
  const bgRow = (f: AccountFeatures) => {
    const T = daysBetween(f.firstOrder as string, asOf) / WEEK;
    return {
      x: f.ordersTotal - 1,
      tx: Math.min(T, daysBetween(f.firstOrder as string, f.lastOrder as string) / WEEK),
      T,
    };
  };
  const bg = buyers.length >= 20 ? safeFit(() => fitBgNbd(buyers.map(bgRow))) : null;
  // mean order value over all orders: the rollups keep totals, not each order
  const ggRow = (f: AccountFeatures) => ({
    x: f.ordersTotal - 1,
    monetary: f.revenueTotal / Math.max(1, f.ordersTotal),
  });
  const repeaters = buyers.filter((f) => f.ordersTotal > 1 && f.revenueTotal > 0);
  const gg = repeaters.length >= 20 ? safeFit(() => fitGammaGamma(repeaters.map(ggRow))) : null;
  const bgParams: BgNbdParams | null = bg?.converged ? { r: bg.r, alpha: bg.alpha, a: bg.a, b: bg.b } : null;
  const ggParams: GammaGammaParams | null = gg?.converged && gg.q > 1 ? { p: gg.p, q: gg.q, gamma: gg.gamma } : null;

  const attractivenessBase = percentiles(
    ids,
    features.map((f) => f.walletEstimate ?? f.revenue12),
  );
  const walletShares = percentiles(
    ids,
    features.map((f) => (f.walletEstimate && f.walletEstimate > 0 ? f.revenue12 / f.walletEstimate : null)),
  );
  const marginRates = percentiles(
    ids,
    features.map((f) => (f.revenue12 > 0 ? f.margin12 / f.revenue12 : null)),
  );
  const growth = percentiles(
    ids,
    features.map((f) => (f.revenuePrev12 > 0 ? (f.revenue12 - f.revenuePrev12) / f.revenuePrev12 : null)),
  );
  const potential = percentiles(
    ids,
    features.map((f) => (f.walletEstimate === null ? null : Math.max(0, f.walletEstimate - f.revenue12))),
  );

  const results = features.map((f, i): AccountOutcome => {
    const s = scored[i] as (typeof scored)[number];
    const abc = abcByAccount.get(f.id) as NonNullable<ReturnType<typeof abcByAccount.get>>;
    const cell = rfm[i] as (typeof rfm)[number];
    const recencyDays = f.lastOrder ? Math.max(0, daysBetween(f.lastOrder, asOf)) : null;

    let pAlive: number | null = null;
    let expectedOrders: number | null = null;
    let expectedOrderValue: number | null = null;
    let clv: number | null = null;
    if (bgParams && f.firstOrder && daysBetween(f.firstOrder, asOf) > 0) {
      const row = bgRow(f);
      pAlive = bgNbdProbabilityAlive(bgParams, row);
      expectedOrderValue = ggParams
        ? gammaGammaExpectedValue(ggParams, ggRow(f))
        : f.revenueTotal / Math.max(1, f.ordersTotal);
      const marginRate = f.revenueTotal > 0 ? clamp01(f.marginTotal / f.revenueTotal) : 0;
      const value = discountedClv({
        bgNbd: bgParams,
        row,
        expectedOrderValue,
        marginRate,
        horizonPeriods: config.clv.horizonMonths,
        periodLength: WEEKS_PER_MONTH,
        annualDiscountRate: config.clv.annualDiscountRate,
        periodsPerYear: 12,
      });
      expectedOrders = value.expectedOrders;
      clv = Math.round(value.clv);
    }

    const meanInterOrderDays =
      f.ordersTotal > 1 && f.firstOrder && f.lastOrder
        ? daysBetween(f.firstOrder, f.lastOrder) / (f.ordersTotal - 1)
        : null;
    const churn =
      f.ordersTotal === 0
        ? { score: 0, reasons: [] }
        : churnRisk(
            {
              daysSinceLastOrder: recencyDays,
              meanInterOrderDays,
              revenueLast12: f.revenue12,
              revenuePrev12: f.revenuePrev12,
              pAlive,
              complaintsPastSla: f.complaintsPastSla,
              satisfactionTrend:
                f.satisfactionRecent === null || f.satisfactionPrev === null
                  ? null
                  : f.satisfactionRecent - f.satisfactionPrev,
              daysSinceDecisionMakerContact:
                f.decisionMakers === 0
                  ? null
                  : f.decisionMakerLastContact
                    ? Math.max(0, daysBetween(f.decisionMakerLastContact, asOf))
                    : 365,
              competitorShareChange:
                f.competitorShare === null || f.competitorSharePrev === null
                  ? null
                  : f.competitorShare - f.competitorSharePrev,
              overdueAmount: f.overdue,
              receivables: f.receivables,
            },
            config.churn.weights,
          );

    const coverage = KEY_ROLES.filter((r) => f.coveredRoles.includes(r)).length / KEY_ROLES.length;
    const shareOfWallet = f.walletEstimate && f.walletEstimate > 0 ? f.revenue12 / f.walletEstimate : null;
    // relative to the portfolio: wallet estimates run far above what any supplier sells, so a raw
    // share of wallet would put nearly every account on the weak side
    const walletRank = walletShares.get(f.id);
    const strength = shareOfWallet === null || walletRank === undefined ? coverage : 0.6 * walletRank + 0.4 * coverage;
    const ratings = [f.marketInfluence, f.strategicFit].filter((x): x is number => x !== null).map((x) => (x - 1) / 4);
    const attractivenessParts = [attractivenessBase.get(f.id) ?? 0, ...ratings];
    const attractiveness = attractivenessParts.reduce((a, b) => a + b, 0) / attractivenessParts.length;
    const tenureYears = f.firstOrder ? daysBetween(f.firstOrder, asOf) / 365 : 0;

    return {
      accountId: f.id,
      score: s.score,
      computedTier: s.computed.tier,
      tier: s.effective.tier,
      abc: abc.abc,
      revenue: f.revenue12,
      margin: f.margin12,
      r: cell.r,
      f: cell.f,
      m: cell.m,
      segment: cell.segment,
      churnRisk: churn.score,
      clv,
      quadrant: portfolioQuadrant(strength, attractiveness),
      details: {
        contributions: s.contributions.map((c) => ({ ...c, key: c.key as CriterionKey })),
        tierBasis: s.computed.basis,
        rank: s.computed.rank,
        abc: { abc: abc.abc, metric: config.abc.metric, share: abc.share, cumulativeShare: abc.cumulativeShare },
        rfm: {
          r: cell.r,
          f: cell.f,
          m: cell.m,
          segment: cell.segment,
          recencyDays,
          frequency: f.rfmOrders,
          monetary: f.rfmRevenue,
        },
        revenue12m: f.revenue12,
        margin12m: f.margin12,
        revenuePrev12m: f.revenuePrev12,
        clv: {
          historicalMargin: f.marginTotal,
          expectedOrders,
          pAlive,
          expectedOrderValue,
          clv,
          horizonMonths: config.clv.horizonMonths,
        },
        payment: {
          dso: f.revenue90 > 0 ? Math.round((f.receivables / f.revenue90) * 90) : null,
          onTimeShare: f.dueRecent > 0 ? f.onTimeRecent / f.dueRecent : null,
          onTimeSharePrev: f.duePrev > 0 ? f.onTimePrev / f.duePrev : null,
          meanDaysLate: f.meanDaysLate === null ? null : Math.round(f.meanDaysLate * 10) / 10,
          overdueAmount: f.overdue,
          receivables: f.receivables,
        },
        churn,
        shareOfWallet: { revenue: f.revenue12, wallet: f.walletEstimate, share: shareOfWallet },
        quadrant: { quadrant: portfolioQuadrant(strength, attractiveness), strength, attractiveness },
        sevenP: [
          { key: 'profiling', value: clamp01(s.score / 100), detail: { score: s.score } },
          {
            key: 'persistency',
            value: clamp01(0.5 * Math.min(1, tenureYears / 3) + 0.5 * (f.activeMonths12 / 12)),
            detail: { tenureYears: Math.round(tenureYears * 10) / 10, activeMonths12: f.activeMonths12 },
          },
          {
            key: 'profitability',
            value: marginRates.get(f.id) ?? 0,
            detail: { marginRate: f.revenue12 > 0 ? f.margin12 / f.revenue12 : null },
          },
          {
            key: 'performance',
            value: growth.get(f.id) ?? 0,
            detail: {
              growth: f.revenuePrev12 > 0 ? (f.revenue12 - f.revenuePrev12) / f.revenuePrev12 : null,
              agentShare: f.revenue365 > 0 ? f.agentRevenue365 / f.revenue365 : null,
            },
          },
          {
            key: 'prospecting',
            value: potential.get(f.id) ?? 0,
            detail: { potential: f.walletEstimate === null ? null : Math.max(0, f.walletEstimate - f.revenue12) },
          },
          {
            key: 'product',
            value: categoryCount > 0 ? clamp01(f.categories.length / categoryCount) : 0,
            detail: { categories: f.categories.length, of: categoryCount },
          },
          {
            key: 'promotion',
            value: f.orders12 > 0 ? f.discountedOrders12 / f.orders12 : 0,
            detail: { discountedOrders: f.discountedOrders12, orders: f.orders12 },
          },
        ],
      },
    };
  });

  const recommendations = crossSellRecommendations(
    features
      .filter((f) => f.categories.length > 0)
      .map((f) => ({ id: f.id, peerGroup: f.industry ?? f.sizeBand ?? 'all', categories: f.categories })),
  );

  return {
    results,
    recommendations,
    fits: {
      bgNbd: bg && bgParams ? { ...bgParams, logLikelihood: bg.logLikelihood } : null,
      gammaGamma: gg && ggParams ? { ...ggParams, logLikelihood: gg.logLikelihood } : null,
    },
  };
}
