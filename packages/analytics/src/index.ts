export { type AbcClass, type AbcInput, type AbcResult, abcClasses } from './abc.js';
export {
  type BgNbdFit,
  type BgNbdParams,
  type BgNbdRow,
  bgNbdExpectedPurchases,
  bgNbdLogLikelihood,
  bgNbdProbabilityAlive,
  fitBgNbd,
} from './bg-nbd.js';
export {
  type ChurnInput,
  type ChurnReason,
  type ChurnReasonCode,
  type ChurnWeights,
  churnRisk,
  DEFAULT_CHURN_WEIGHTS,
} from './churn-risk.js';
export { type ClvInput, type ClvPeriod, discountedClv } from './clv.js';
export { type Basket, type CrossSellOptions, crossSellRecommendations, type Recommendation } from './co-purchase.js';
export {
  fitGammaGamma,
  type GammaGammaFit,
  type GammaGammaParams,
  type GammaGammaRow,
  gammaGammaExpectedValue,
  gammaGammaLogLikelihood,
} from './gamma-gamma.js';
export {
  kaScores,
  type Normalisation,
  type ScoreContribution,
  type ScoreCriterion,
  type ScoredAccount,
} from './ka-score.js';
export { type NeedRatings, needPriority, P1_MIN, P2_MIN, type PriorityBand } from './need-priority.js';
export { type Invoice, type PaymentHabits, paymentHabits } from './payment-habits.js';
export { type PortfolioQuadrant, portfolioQuadrant } from './portfolio.js';
export { type RfmResult, type RfmRow, type RfmSegment, rfmScores, rfmSegment } from './rfm.js';
export {
  assignTiers,
  DEFAULT_TIER_CONFIG,
  effectiveTier,
  type Tier,
  type TierConfig,
  type TierOverride,
  type TierResult,
} from './tiers.js';
