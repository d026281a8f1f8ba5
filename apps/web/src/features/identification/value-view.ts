import type {
  AccountValueResult,
  CriterionKeyValue,
  TierOverrideData,
  TierValue,
  WhitespaceCellData,
} from '../../app/api/types';
import { compareNames, formatMoneyShort, formatPercent } from '../../ui/format';
import { criterionUnit } from './config-draft';

type Contribution = AccountValueResult['contributions'][number];
type ChurnReason = AccountValueResult['churn']['reasons'][number];
type SevenP = AccountValueResult['sevenP'][number];

const round1 = (value: number) => Math.round(value * 10) / 10;

/** Values for a sentence's placeholders (never an i18next context or plural count). */
export type SentenceParams = Record<string, string> & { context?: undefined; count?: undefined };

/**
 * A score to one decimal, rounded down: 74.97 reads 74.9, so a score shown as 75.0 has really
 * reached a threshold of 75 (the epsilon absorbs float noise in a sum of points).
 */
export const formatScore = (score: number) => (Math.floor(score * 10 + 1e-6) / 10).toFixed(1);

export type WaterfallStep = { key: CriterionKeyValue; base: number; points: number };

/**
 * The score as a waterfall: each criterion's points stand on the sum of the ones before it (the
 * score itself is the last bar). Criteria with no weight are left out (they cannot add anything).
 */
export function scoreWaterfall(contributions: readonly Contribution[]): WaterfallStep[] {
  let running = 0;
  const steps: WaterfallStep[] = [];
  for (const c of contributions) {
    if (c.weight <= 0) continue;
    steps.push({ key: c.key, base: round1(running), points: round1(c.points) });
    running += c.points;
  }
  return steps;
}

/** Whether an override is in force on `today` (an expiry date is the last day it applies). */
export const overrideActive = (override: TierOverrideData | null, today: string): override is TierOverrideData =>
  override !== null && (override.expiresAt === null || override.expiresAt >= today);

/**
 * The tier that applies now: a live override wins over what the model computed. The run's own
 * effective tier may be older than an override set or cleared since.
 */
export function currentTier(
  result: Pick<AccountValueResult, 'computedTier'>,
  override: TierOverrideData | null,
  today: string,
): { tier: TierValue; overridden: boolean } {
  if (overrideActive(override, today))
    return { tier: override.tier, overridden: override.tier !== result.computedTier };
  return { tier: result.computedTier, overridden: false };
}

/** A criterion's raw value in its own unit: money, a percentage or a 1–5 rating. */
export function formatCriterionValue(key: CriterionKeyValue, value: number | null, language: string): string {
  if (value === null) return '—';
  switch (criterionUnit[key]) {
    case 'money':
      return formatMoneyShort(value, language);
    case 'rating':
      return `${round1(value)} / 5`;
    case 'ratio':
      return key === 'revenue_growth' ? signedPercent(value) : formatPercent(value);
  }
}

export const signedPercent = (ratio: number) => `${ratio > 0 ? '+' : ''}${formatPercent(ratio)}`;

const days = (value: number) => String(Math.round(value));

/** A number the reason's data carries under `key`, else null. */
function num(data: ChurnReason['data'], key: string): number | null {
  const value = data[key];
  return typeof value === 'number' && Number.isFinite(value) ? value : null;
}

/**
 * The values a churn reason's sentence needs, formatted ("上次下单 212 天前，自身下单间隔 45 天"), from
 * the data `@kamap/analytics` records with each reason; null when the data lacks them, in which case
 * the data is shown as it came (`rawData`).
 */
export function churnReasonParams(reason: ChurnReason, language: string): SentenceParams | null {
  const d = reason.data;
  const money = (fen: number) => formatMoneyShort(fen, language);
  switch (reason.code) {
    case 'recency_beyond_cadence': {
      const since = num(d, 'daysSinceLastOrder');
      const cadence = num(d, 'meanInterOrderDays');
      return since === null || cadence === null ? null : { days: days(since), cadence: days(cadence) };
    }
    case 'revenue_decline': {
      const current = num(d, 'revenueLast12');
      const previous = num(d, 'revenuePrev12');
      if (current === null || previous === null || previous <= 0) return null;
      return {
        current: money(current),
        previous: money(previous),
        drop: formatPercent((previous - current) / previous),
      };
    }
    case 'low_p_alive': {
      const p = num(d, 'pAlive');
      return p === null ? null : { p: formatPercent(p) };
    }
    case 'complaints_past_sla': {
      const count = num(d, 'complaintsPastSla');
      return count === null ? null : { complaints: String(count) };
    }
    case 'falling_satisfaction': {
      // change of the mean score on the 1–5 scale; negative is falling
      const trend = num(d, 'satisfactionTrend');
      return trend === null ? null : { delta: String(round1(Math.abs(trend))) };
    }
    case 'decision_maker_contact_lost': {
      const since = num(d, 'daysSinceDecisionMakerContact');
      return since === null ? null : { days: days(since) };
    }
    case 'competitor_share_rising': {
      // a fraction of the account's spend: +0.1 = ten percentage points
      const change = num(d, 'competitorShareChange');
      return change === null ? null : { delta: String(round1(Math.abs(change) * 100)) };
    }
    case 'overdue_receivables': {
      const overdue = num(d, 'overdueAmount');
      const receivables = num(d, 'receivables');
      if (overdue === null) return null;
      return {
        overdue: money(overdue),
        share: receivables !== null && receivables > 0 ? formatPercent(overdue / receivables) : '—',
      };
    }
  }
}

/** A reason's data as it came, for a reason whose sentence cannot be written from it. */
export const rawData = (data: Record<string, number | null>) =>
  Object.entries(data)
    .map(([key, value]) => `${key} = ${value === null ? '—' : round1(value)}`)
    .join(', ');

export type SevenPText = SevenP['key'] | 'performanceWithAgent';

/** The facts behind one of the 7P values: which sentence says them, and its values formatted. */
export function sevenPSentence(item: SevenP, language: string): { text: SevenPText; params: SentenceParams } | null {
  const at = (key: string) => num(item.detail, key);
  const say = (params: SentenceParams, text: SevenPText = item.key) => ({ text, params });
  switch (item.key) {
    case 'profiling': {
      const score = at('score');
      return score === null ? null : say({ score: formatScore(score) });
    }
    case 'persistency': {
      const years = at('tenureYears');
      const months = at('activeMonths12');
      return years === null || months === null ? null : say({ years: String(round1(years)), months: String(months) });
    }
    case 'profitability': {
      const rate = at('marginRate');
      return rate === null ? null : say({ rate: formatPercent(rate) });
    }
    case 'performance': {
      const growth = at('growth');
      const agentShare = at('agentShare');
      if (growth === null) return null;
      return agentShare === null
        ? say({ growth: signedPercent(growth) })
        : say({ growth: signedPercent(growth), agent: formatPercent(agentShare) }, 'performanceWithAgent');
    }
    case 'prospecting': {
      const potential = at('potential');
      return potential === null ? null : say({ potential: formatMoneyShort(potential, language) });
    }
    case 'product': {
      const categories = at('categories');
      const of = at('of');
      return categories === null || of === null ? null : say({ categories: String(categories), of: String(of) });
    }
    case 'promotion': {
      const discounted = at('discountedOrders');
      const orders = at('orders');
      return discounted === null || orders === null
        ? null
        : say({ discounted: String(discounted), orders: String(orders) });
    }
  }
}

type WhitespaceState = WhitespaceCellData['state'];
export const whitespaceStates: readonly WhitespaceState[] = [
  'potential',
  'opportunity',
  'competitor',
  'bought',
  'none',
];

/**
 * The whitespace grid by state, opportunities first: potential categories by lift (the strongest
 * recommendation on top), bought ones by revenue, the rest by name (pinyin).
 */
export function whitespaceColumns(cells: readonly WhitespaceCellData[]): Record<WhitespaceState, WhitespaceCellData[]> {
  const byName = (a: WhitespaceCellData, b: WhitespaceCellData) => compareNames(a.categoryName, b.categoryName);
  const order: Record<WhitespaceState, (a: WhitespaceCellData, b: WhitespaceCellData) => number> = {
    potential: (a, b) => (b.recommendation?.lift ?? 0) - (a.recommendation?.lift ?? 0) || byName(a, b),
    opportunity: byName,
    competitor: byName,
    bought: (a, b) => b.revenue - a.revenue || byName(a, b),
    none: byName,
  };
  return Object.fromEntries(
    whitespaceStates.map((state) => [state, cells.filter((c) => c.state === state).sort(order[state])]),
  ) as Record<WhitespaceState, WhitespaceCellData[]>;
}

export type TierBasis =
  | { kind: 'scoreAtLeast' | 'scoreBelow'; value: string }
  | { kind: 'top' | 'next'; value: string }
  | { kind: 'rest' };

/**
 * Why the model put the account in its tier, from the run's machine-readable basis (`score>=75`,
 * `score<50`, `top 5%`, `next 15%`, `rest`); null for anything else, which is then shown as it came.
 */
export function parseTierBasis(basis: string): TierBasis | null {
  const text = basis.trim();
  const score = /^score\s*(>=|<)\s*(\d+(?:\.\d+)?)$/.exec(text);
  if (score) return { kind: score[1] === '>=' ? 'scoreAtLeast' : 'scoreBelow', value: score[2] as string };
  const share = /^(top|next)\s+(\d+(?:\.\d+)?)%$/.exec(text);
  if (share) return { kind: share[1] as 'top' | 'next', value: share[2] as string };
  if (text === 'rest') return { kind: 'rest' };
  return null;
}
