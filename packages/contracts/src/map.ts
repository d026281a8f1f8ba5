import { z } from 'zod';
import { AlertFigures, AlertRule } from './alerts.js';
import { Tier } from './analytics.js';
import { Id, IsoDate, IsoDateTime, Money } from './common.js';
import { Industry } from './enums.js';
import { Period } from './performance.js';

/** The filters of the key-account map; every step, the attention list and the portfolio take them. */
export const MapQuery = z
  .object({
    orgUnitId: Id.optional().describe('the org unit and its subtree'),
    ownerId: Id.optional().describe('the KAM who owns the accounts'),
    industry: Industry.optional(),
    region: z.string().trim().min(1).max(20).optional().describe('province (省份)'),
    tier: Tier.optional().describe('tier in the latest analysis run'),
    period: Period.optional().describe('plans, reviews and the survey trend; default the current year'),
  })
  .strict();
export type MapQuery = z.infer<typeof MapQuery>;

export const MapStepKey = z.enum(['identify', 'needs', 'relationships', 'strategy', 'evaluate']);
export type MapStepKey = z.infer<typeof MapStepKey>;
export const MapStepParams = z.object({ step: MapStepKey }).strict();

/** Where the records behind a figure are listed: a web path and its URL filters. */
export const MapDrill = z.object({ path: z.string(), query: z.record(z.string(), z.string()) });
export type MapDrill = z.infer<typeof MapDrill>;

export const MapFigure = z.object({
  /** what the figure counts, e.g. `tier.strategic`, `complaints.breached`; the web's label key */
  key: z.string(),
  value: z.number().int().nonnegative(),
  amount: Money.nullable().describe('money behind the figure where there is some (revenue, pipeline)'),
  /** whether a non-zero value is bad news (overdue, breached, red) */
  tone: z.enum(['neutral', 'good', 'warning', 'danger']),
  drill: MapDrill,
});
export type MapFigure = z.infer<typeof MapFigure>;

export const MapTrendPoint = z.object({
  month: z.string().describe('YYYY-MM'),
  responses: z.number().int(),
  csat: z.number().nullable().describe('mean CSAT 1–5'),
  nps: z.number().nullable().describe('NPS −100…100'),
});

export const MapStep = z.object({
  step: MapStepKey,
  period: Period,
  figures: z.array(MapFigure),
  /** step 3: the satisfaction survey trend, month by month over the period */
  trend: z.array(MapTrendPoint),
});
export type MapStep = z.infer<typeof MapStep>;

export const AttentionReason = z.object({
  kind: z.enum(['alert', 'churn', 'complaint_breached', 'task_overdue', 'action_overdue']),
  /** the alert rule for `alert` */
  rule: AlertRule.nullable(),
  severity: z.enum(['warning', 'critical']).nullable(),
  /** the tier the alert was raised at (its thresholds) for `alert` */
  tier: Tier.nullable(),
  /** churn risk (0–100) for `churn`; how many for the overdue and breached kinds */
  value: z.number(),
  /** the alert's own sentence (zh-CN) where there is one */
  text: z.string().nullable(),
  /** the figures behind the alert for `alert` */
  data: AlertFigures.nullable(),
  points: z.number(),
  drill: MapDrill,
});

export const AttentionItem = z.object({
  accountId: Id,
  accountName: z.string(),
  tier: Tier.nullable(),
  ownerId: Id.nullable(),
  ownerName: z.string().nullable(),
  churnRisk: z.number().int().nullable(),
  revenue: Money.nullable().describe('last 12 months, latest run'),
  points: z.number().describe('rank: the sum of the reasons’ points, weighted by tier'),
  reasons: z.array(AttentionReason),
});
export type AttentionItem = z.infer<typeof AttentionItem>;

export const MapFeedAlert = z.object({
  id: Id,
  accountId: Id,
  accountName: z.string(),
  rule: AlertRule,
  severity: z.enum(['warning', 'critical']),
  tier: Tier,
  /** the alert's own sentence (zh-CN) */
  reason: z.string(),
  data: AlertFigures,
  lastSeenAt: IsoDateTime,
});

export const MapAttention = z.object({
  today: IsoDate,
  items: z.array(AttentionItem),
  alerts: z.array(MapFeedAlert),
  activeAlerts: z.number().int(),
});
export type MapAttention = z.infer<typeof MapAttention>;

export const MapBubble = z.object({
  accountId: Id,
  name: z.string(),
  tier: Tier,
  abc: z.enum(['A', 'B', 'C', 'D']),
  revenue: Money,
  churnRisk: z.number().int(),
  strength: z.number(),
  attractiveness: z.number(),
});

export const MapPortfolio = z.object({
  runId: Id.nullable(),
  asOf: IsoDate.nullable(),
  accounts: z.number().int().describe('accounts in the filter with a result in the latest run'),
  /** the largest accounts by revenue (at most 300), one bubble each */
  bubbles: z.array(MapBubble),
  pareto: z.array(z.object({ accountShare: z.number(), revenueShare: z.number() })),
  abc: z.array(
    z.object({
      abc: z.enum(['A', 'B', 'C', 'D']),
      accounts: z.number().int(),
      accountShare: z.number(),
      revenue: Money,
      revenueShare: z.number(),
      margin: Money,
      marginShare: z.number(),
    }),
  ),
});
export type MapPortfolio = z.infer<typeof MapPortfolio>;
