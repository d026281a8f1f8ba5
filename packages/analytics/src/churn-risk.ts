/**
 * Churn risk 0–100 with reason codes (DOMAIN.md, formulas). Each reason earns up to its weight
 * through a simple linear ramp from "no concern" to "full concern", so the account page can say
 * exactly why an account scores what it does.
 */

export type ChurnReasonCode =
  | 'recency_beyond_cadence'
  | 'revenue_decline'
  | 'low_p_alive'
  | 'complaints_past_sla'
  | 'falling_satisfaction'
  | 'decision_maker_contact_lost'
  | 'competitor_share_rising'
  | 'overdue_receivables';
/** The most points each reason can earn. */
export type ChurnWeights = Record<ChurnReasonCode, number>;
export const DEFAULT_CHURN_WEIGHTS: ChurnWeights = {
  recency_beyond_cadence: 25,
  revenue_decline: 20,
  low_p_alive: 15,
  complaints_past_sla: 10,
  falling_satisfaction: 5,
  decision_maker_contact_lost: 10,
  competitor_share_rising: 5,
  overdue_receivables: 10,
};
/**
 * null means unknown, and an unknown earns no points.
 * - satisfactionTrend: change of the mean satisfaction on the 1–5 scale (e.g. last 6 months
 *   against the 6 before); negative is falling.
 * - competitorShareChange: change of the competitors' share of the account's spend as a fraction
 *   (+0.1 = ten percentage points more).
 */
export type ChurnInput = {
  daysSinceLastOrder: number | null;
  meanInterOrderDays: number | null;
  revenueLast12: number;
  revenuePrev12: number;
  pAlive: number | null;
  complaintsPastSla: number;
  satisfactionTrend: number | null;
  daysSinceDecisionMakerContact: number | null;
  competitorShareChange: number | null;
  overdueAmount: number;
  receivables: number;
};
/** `points` are exact (not rounded); `data` is what the reason was computed from. */
export type ChurnReason = { code: ChurnReasonCode; points: number; data: Record<string, number | null> };

const CODES: readonly ChurnReasonCode[] = [
  'recency_beyond_cadence',
  'revenue_decline',
  'low_p_alive',
  'complaints_past_sla',
  'falling_satisfaction',
  'decision_maker_contact_lost',
  'competitor_share_rising',
  'overdue_receivables',
];
const WEIGHT_SUM_TOLERANCE = 1e-6;

/** 0 at or below `from`, 1 at or above `to`, linear in between (`from` > `to` ramps downwards). */
function ramp(value: number, from: number, to: number): number {
  return Math.min(1, Math.max(0, (value - from) / (to - from)));
}

/**
 * Each reason's share of its weight:
 *
 * | reason                       | 0 points at              | full points at              |
 * |------------------------------|--------------------------|-----------------------------|
 * | recency_beyond_cadence       | ≤ 1.5 × own cadence      | ≥ 4 × own cadence           |
 * | revenue_decline              | ≥ 0 % vs previous 12 m   | ≤ −50 %                     |
 * | low_p_alive                  | ≥ 0.8                    | ≤ 0.3                       |
 * | complaints_past_sla          | 0 (one earns half)       | ≥ 2                         |
 * | falling_satisfaction         | trend ≥ 0                | ≤ −1 point on the 1–5 scale |
 * | decision_maker_contact_lost  | ≤ 90 days                | ≥ 180 days                  |
 * | competitor_share_rising      | change ≤ 0               | ≥ +0.2 (20 points of share) |
 * | overdue_receivables          | nothing overdue          | all receivables overdue     |
 *
 * Recency needs a cadence (at least two orders); revenue decline needs revenue in the previous
 * 12 months. Only reasons with points are listed, most points first (ties in the order above);
 * score = round(Σ points). The weights may add up to less than 100 (a reason switched off) but
 * not more, so the score stays within 0–100.
 */
export function churnRisk(
  input: ChurnInput,
  weights: ChurnWeights = DEFAULT_CHURN_WEIGHTS,
): { score: number; reasons: ChurnReason[] } {
  checkWeights(weights);
  checkInput(input);
  const i = input;
  const recencyRatio =
    i.daysSinceLastOrder !== null && i.meanInterOrderDays !== null && i.meanInterOrderDays > 0
      ? i.daysSinceLastOrder / i.meanInterOrderDays
      : null;
  const revenueChange = i.revenuePrev12 > 0 ? i.revenueLast12 / i.revenuePrev12 - 1 : null;
  const overdueShare = i.receivables > 0 ? Math.min(1, Math.max(0, i.overdueAmount / i.receivables)) : null;

  const shares: Record<ChurnReasonCode, { share: number; data: Record<string, number | null> }> = {
    recency_beyond_cadence: {
      share: recencyRatio === null ? 0 : ramp(recencyRatio, 1.5, 4),
      data: { daysSinceLastOrder: i.daysSinceLastOrder, meanInterOrderDays: i.meanInterOrderDays, ratio: recencyRatio },
    },
    revenue_decline: {
      share: revenueChange === null ? 0 : ramp(revenueChange, 0, -0.5),
      data: { revenueLast12: i.revenueLast12, revenuePrev12: i.revenuePrev12, change: revenueChange },
    },
    low_p_alive: { share: i.pAlive === null ? 0 : ramp(i.pAlive, 0.8, 0.3), data: { pAlive: i.pAlive } },
    complaints_past_sla: {
      share: Math.min(2, i.complaintsPastSla) / 2,
      data: { complaintsPastSla: i.complaintsPastSla },
    },
    falling_satisfaction: {
      share: i.satisfactionTrend === null ? 0 : ramp(i.satisfactionTrend, 0, -1),
      data: { satisfactionTrend: i.satisfactionTrend },
    },
    decision_maker_contact_lost: {
      share: i.daysSinceDecisionMakerContact === null ? 0 : ramp(i.daysSinceDecisionMakerContact, 90, 180),
      data: { daysSinceDecisionMakerContact: i.daysSinceDecisionMakerContact },
    },
    competitor_share_rising: {
      share: i.competitorShareChange === null ? 0 : ramp(i.competitorShareChange, 0, 0.2),
      data: { competitorShareChange: i.competitorShareChange },
    },
    overdue_receivables: {
      share: overdueShare ?? 0,
      data: { overdueAmount: i.overdueAmount, receivables: i.receivables, share: overdueShare },
    },
  };

  const reasons = CODES.map((code) => ({ code, points: weights[code] * shares[code].share, data: shares[code].data }))
    .filter((r) => r.points > 0)
    .sort((u, v) => v.points - u.points || CODES.indexOf(u.code) - CODES.indexOf(v.code));
  const total = reasons.reduce((s, r) => s + r.points, 0);
  return { score: Math.min(100, Math.max(0, Math.round(total))), reasons };
}

function checkWeights(weights: ChurnWeights): void {
  let sum = 0;
  for (const code of CODES) {
    const w = weights[code];
    if (!(Number.isFinite(w) && w >= 0))
      throw new RangeError(`churn weight ${code} must be a non-negative number, got ${w}`);
    sum += w;
  }
  if (sum > 100 + WEIGHT_SUM_TOLERANCE)
    throw new RangeError(`churn weights must add up to at most 100, they add up to ${sum}`);
}

function checkInput(input: ChurnInput): void {
  for (const [name, v] of Object.entries(input)) {
    if (v !== null && !Number.isFinite(v)) throw new RangeError(`${name} must be a finite number or null, got ${v}`);
  }
  for (const name of ['complaintsPastSla', 'overdueAmount', 'receivables'] as const) {
    if (input[name] < 0) throw new RangeError(`${name} must not be negative, got ${input[name]}`);
  }
}
