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

export type WaterfallStep = { key: CriterionKeyValue; base: number; points: number };

/**
 * The score as a waterfall: each criterion's points stand on the sum of the ones before it, and the
 * last bar is the score. Criteria with no weight are left out (they cannot add anything).
 */
export function scoreWaterfall(contributions: readonly Contribution[]): { steps: WaterfallStep[]; total: number } {
  let running = 0;
  const steps: WaterfallStep[] = [];
  for (const c of contributions) {
    if (c.weight <= 0) continue;
    steps.push({ key: c.key, base: round1(running), points: round1(c.points) });
    running += c.points;
  }
  return { steps, total: round1(running) };
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

/** The first of `keys` that the data carries as a number. */
function pick(data: ChurnReason['data'], keys: readonly string[]): number | null {
  for (const key of keys) {
    const value = data[key];
    if (typeof value === 'number' && Number.isFinite(value)) return value;
  }
  return null;
}

/**
 * The values a churn reason's sentence needs, formatted ("上次下单 212 天前，自身下单间隔 45 天"); null
 * when the reason's data lacks them, in which case the data is shown as it came (`rawData`).
 */
export function churnReasonParams(reason: ChurnReason, language: string): SentenceParams | null {
  const d = reason.data;
  const money = (fen: number) => formatMoneyShort(fen, language);
  switch (reason.code) {
    case 'recency_beyond_cadence': {
      const since = pick(d, ['daysSinceLastOrder', 'recencyDays']);
      const cadence = pick(d, ['meanInterOrderDays', 'cadenceDays']);
      return since === null || cadence === null ? null : { days: days(since), cadence: days(cadence) };
    }
    case 'revenue_decline': {
      const current = pick(d, ['revenueLast12', 'revenue12m', 'revenue']);
      const previous = pick(d, ['revenuePrev12', 'revenuePrev12m', 'revenuePrevious']);
      if (current === null || previous === null || previous <= 0) return null;
      return {
        current: money(current),
        previous: money(previous),
        drop: formatPercent((previous - current) / previous),
      };
    }
    case 'low_p_alive': {
      const p = pick(d, ['pAlive']);
      return p === null ? null : { p: formatPercent(p) };
    }
    case 'complaints_past_sla': {
      const count = pick(d, ['complaintsPastSla', 'complaints', 'count']);
      return count === null ? null : { complaints: String(count) };
    }
    case 'falling_satisfaction': {
      const trend = pick(d, ['satisfactionTrend', 'change', 'delta']);
      return trend === null ? null : { delta: String(round1(Math.abs(trend))) };
    }
    case 'decision_maker_contact_lost': {
      const since = pick(d, ['daysSinceDecisionMakerContact', 'daysSinceContact', 'days']);
      return since === null ? null : { days: days(since) };
    }
    case 'competitor_share_rising': {
      const change = pick(d, ['competitorShareChange', 'change', 'delta']);
      return change === null ? null : { delta: `${round1(Math.abs(change) * 100)}` };
    }
    case 'overdue_receivables': {
      const overdue = pick(d, ['overdueAmount', 'overdue']);
      const receivables = pick(d, ['receivables']);
      if (overdue === null) return null;
      return {
        overdue: money(overdue),
        share: receivables && receivables > 0 ? formatPercent(overdue / receivables) : '—',
      };
    }
  }
}

/** A reason's data as it came, for a reason whose sentence cannot be written from it. */
export const rawData = (data: Record<string, number | null>) =>
  Object.entries(data)
    .map(([key, value]) => `${key} = ${value === null ? '—' : round1(value)}`)
    .join(', ');

/** The facts behind one of the 7P values, formatted for its sentence. */
export function sevenPParams(item: SevenP, language: string): SentenceParams | null {
  const d = item.detail;
  const num = (key: string) => (typeof d[key] === 'number' ? (d[key] as number) : null);
  switch (item.key) {
    case 'profiling': {
      const score = num('score');
      return score === null ? null : { score: String(round1(score)) };
    }
    case 'persistency': {
      const years = num('tenureYears');
      const months = num('activeMonths12');
      return years === null || months === null ? null : { years: String(round1(years)), months: String(months) };
    }
    case 'profitability': {
      const rate = num('marginRate');
      return rate === null ? null : { rate: formatPercent(rate) };
    }
    case 'performance': {
      const growth = num('growth');
      return growth === null ? null : { growth: signedPercent(growth) };
    }
    case 'prospecting': {
      const potential = num('potential');
      return potential === null ? null : { potential: formatMoneyShort(potential, language) };
    }
    case 'product': {
      const categories = num('categories');
      const of = num('of');
      return categories === null || of === null ? null : { categories: String(categories), of: String(of) };
    }
    case 'promotion': {
      const discounted = num('discountedOrders');
      const orders = num('orders');
      return discounted === null || orders === null ? null : { discounted: String(discounted), orders: String(orders) };
    }
  }
}

type WhitespaceState = WhitespaceCellData['state'];
export const whitespaceStates: readonly WhitespaceState[] = ['potential', 'competitor', 'bought', 'none'];

/**
 * The whitespace grid as read for opportunities: potential first, then competitor-held, bought and
 * nothing; by name (pinyin) within a state, with the count of each state.
 */
export function whitespaceRows(cells: readonly WhitespaceCellData[]) {
  const rows = [...cells].sort(
    (a, b) =>
      whitespaceStates.indexOf(a.state) - whitespaceStates.indexOf(b.state) ||
      compareNames(a.categoryName, b.categoryName),
  );
  const counts = Object.fromEntries(
    whitespaceStates.map((s) => [s, cells.filter((c) => c.state === s).length]),
  ) as Record<WhitespaceState, number>;
  return { rows, counts };
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
