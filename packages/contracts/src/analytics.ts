import { z } from 'zod';
import { Id, IsoDate, IsoDateTime, ListQueryBase, Money, page } from './common.js';
import { DecisionRole } from './enums.js';
import { UserRef } from './org.js';

/** Step 1 of the key-account map: the model configuration, analysis runs and what they found. */

export const Tier = z.enum(['strategic', 'core', 'general']);
export type Tier = z.infer<typeof Tier>;
export const AbcClass = z.enum(['A', 'B', 'C', 'D']);
export const RfmSegment = z.enum([
  'champions',
  'loyal',
  'potential_loyalist',
  'new_customers',
  'promising',
  'need_attention',
  'about_to_sleep',
  'at_risk',
  'cannot_lose',
  'hibernating',
  'lost',
]);
export const PortfolioQuadrant = z.enum(['strategic', 'status', 'development', 'streamline']);
export const ChurnReasonCode = z.enum([
  'recency_beyond_cadence',
  'revenue_decline',
  'low_p_alive',
  'complaints_past_sla',
  'falling_satisfaction',
  'decision_maker_contact_lost',
  'competitor_share_rising',
  'overdue_receivables',
]);
export type ChurnReasonCode = z.infer<typeof ChurnReasonCode>;

/** What an identification criterion measures; each is computed from the account's rollups or profile. */
export const CriterionKey = z.enum([
  'revenue_12m',
  'margin_12m',
  'revenue_growth',
  'potential',
  'market_influence',
  'strategic_fit',
  'payment_behaviour',
]);
export type CriterionKey = z.infer<typeof CriterionKey>;

const Share = z.number().min(0).max(1);

export const AnalysisConfig = z
  .object({
    criteria: z
      .array(
        z
          .object({
            key: CriterionKey,
            weight: z.number().min(0).max(100),
            normalisation: z.enum(['percentile', 'cap', 'rating']),
            cap: z.number().positive().optional().describe('for normalisation "cap": the value that earns full points'),
          })
          .strict(),
      )
      .min(1)
      .max(CriterionKey.options.length)
      .refine((cs) => new Set(cs.map((c) => c.key)).size === cs.length, 'each criterion at most once')
      .refine((cs) => Math.abs(cs.reduce((s, c) => s + c.weight, 0) - 100) < 1e-6, 'the weights must add up to 100')
      .refine(
        (cs) => cs.every((c) => c.normalisation !== 'cap' || c.cap !== undefined),
        'a capped criterion needs cap',
      ),
    tier: z
      .object({
        mode: z.enum(['threshold', 'rank_share']),
        strategicMin: z.number().min(0).max(100),
        coreMin: z.number().min(0).max(100),
        strategicShare: Share,
        coreShare: Share,
      })
      .strict()
      .refine((t) => t.coreMin <= t.strategicMin, {
        message: 'coreMin must not exceed strategicMin',
        path: ['coreMin'],
      })
      .refine((t) => t.strategicShare + t.coreShare <= 1, {
        message: 'strategicShare + coreShare must not exceed 1',
        path: ['coreShare'],
      }),
    abc: z
      .object({
        metric: z.enum(['revenue', 'margin']),
        windowMonths: z.number().int().min(1).max(36),
        aCutoff: Share,
        bCutoff: Share,
      })
      .strict()
      .refine((a) => a.aCutoff < a.bCutoff, { message: 'aCutoff must be below bCutoff', path: ['aCutoff'] }),
    rfm: z.object({ windowMonths: z.number().int().min(1).max(36) }).strict(),
    clv: z
      .object({
        horizonMonths: z.number().int().min(1).max(120),
        annualDiscountRate: z.number().min(0).max(1),
      })
      .strict(),
    churn: z
      .object({
        weights: z.record(ChurnReasonCode, z.number().min(0).max(100)),
        alertThreshold: z.number().int().min(1).max(100).describe('score from which an account counts as at risk'),
      })
      .strict()
      .refine((c) => Math.abs(Object.values(c.weights).reduce((s, w) => s + w, 0) - 100) < 1e-6, {
        message: 'the churn weights must add up to 100',
        path: ['weights'],
      }),
  })
  .strict();
export type AnalysisConfig = z.infer<typeof AnalysisConfig>;

export const AnalysisConfigVersion = z.object({
  version: z.number().int().positive(),
  config: AnalysisConfig,
  note: z.string().nullable(),
  createdBy: UserRef.nullable(),
  createdAt: IsoDateTime,
});
export type AnalysisConfigVersion = z.infer<typeof AnalysisConfigVersion>;

export const SaveAnalysisConfig = z
  .object({
    config: AnalysisConfig,
    note: z.string().trim().max(500).nullable().default(null),
    basedOn: z.number().int().positive().describe('the version you edited (optimistic lock)'),
  })
  .strict();

export const RunSummary = z.object({
  accounts: z.number().int(),
  tiers: z.record(Tier, z.number().int()),
  abc: z.record(AbcClass, z.number().int()),
  atRisk: z.number().int(),
  tierMoves: z.number().int(),
  abcMoves: z.number().int(),
  newChurnRisks: z.number().int(),
  fits: z.object({
    bgNbd: z
      .object({ r: z.number(), alpha: z.number(), a: z.number(), b: z.number(), logLikelihood: z.number() })
      .nullable(),
    gammaGamma: z.object({ p: z.number(), q: z.number(), gamma: z.number(), logLikelihood: z.number() }).nullable(),
  }),
  durationMs: z.number().int(),
});

export const AnalysisRun = z.object({
  id: Id,
  asOf: IsoDate,
  configVersion: z.number().int(),
  trigger: z.enum(['cli', 'api', 'schedule']),
  status: z.enum(['running', 'done', 'failed']),
  previousRunId: Id.nullable(),
  summary: RunSummary.nullable(),
  error: z.string().nullable(),
  startedBy: UserRef.nullable(),
  startedAt: IsoDateTime,
  finishedAt: IsoDateTime.nullable(),
});
export type AnalysisRun = z.infer<typeof AnalysisRun>;

export const StartRun = z.object({ asOf: IsoDate.optional().describe('defaults to today') }).strict();

export const RunIdQuery = z.object({ runId: Id.optional().describe('defaults to the latest finished run') }).strict();

/** One account's headline results in a run: enough for lists, drill-downs and diffs. */
export const AccountResultSummary = z.object({
  accountId: Id,
  code: z.string(),
  name: z.string(),
  ownerName: z.string().nullable(),
  score: z.number(),
  tier: Tier,
  computedTier: Tier,
  abc: AbcClass,
  revenue: Money,
  margin: Money,
  rfmSegment: RfmSegment,
  churnRisk: z.number().int(),
  clv: Money.nullable(),
  quadrant: PortfolioQuadrant,
});
export type AccountResultSummary = z.infer<typeof AccountResultSummary>;

export const ResultListQuery = ListQueryBase.omit({ includeArchived: true })
  .extend({
    runId: Id.optional(),
    tier: Tier.optional(),
    abc: AbcClass.optional(),
    segment: RfmSegment.optional(),
    quadrant: PortfolioQuadrant.optional(),
    r: z.coerce.number().int().min(1).max(5).optional(),
    f: z.coerce.number().int().min(1).max(5).optional(),
    churnMin: z.coerce.number().int().min(0).max(100).optional(),
    sort: z.enum(['score', 'revenue', 'churn', 'clv']).default('score'),
  })
  .strict();
export const ResultPage = page(AccountResultSummary);

export const ChangeKind = z.enum(['tier', 'abc', 'churn']);
export const RunChange = z.object({
  accountId: Id,
  code: z.string(),
  name: z.string(),
  kind: ChangeKind,
  from: z.string().nullable(),
  to: z.string(),
  scoreBefore: z.number().nullable(),
  scoreAfter: z.number(),
  churnRisk: z.number().int(),
});
export const RunChangesQuery = ListQueryBase.pick({ limit: true, cursor: true })
  .extend({ kind: ChangeKind.optional() })
  .strict();
export const RunChangePage = page(RunChange);

export const Portfolio = z.object({
  run: AnalysisRun.nullable(),
  pyramid: z.array(z.object({ tier: Tier, accounts: z.number().int(), revenue: Money, margin: Money })),
  abc: z.array(
    z.object({
      abc: AbcClass,
      accounts: z.number().int(),
      accountShare: Share,
      revenue: Money,
      revenueShare: Share,
      margin: Money,
      marginShare: z.number(),
    }),
  ),
  /** Cumulative revenue share against cumulative account share, accounts ranked by revenue. */
  pareto: z.array(z.object({ accountShare: Share, revenueShare: Share })),
  rfm: z.array(z.object({ r: z.number().int(), f: z.number().int(), accounts: z.number().int(), revenue: Money })),
  segments: z.array(z.object({ segment: RfmSegment, accounts: z.number().int(), revenue: Money })),
  quadrants: z.array(z.object({ quadrant: PortfolioQuadrant, accounts: z.number().int(), revenue: Money })),
  atRisk: z.object({ accounts: z.number().int(), revenue: Money, aAccounts: z.number().int() }),
});
export type Portfolio = z.infer<typeof Portfolio>;

export const MigrationQuery = z.object({ from: Id, to: Id }).strict();
export const TierMigration = z.object({
  from: AnalysisRun,
  to: AnalysisRun,
  cells: z.array(z.object({ from: Tier.nullable(), to: Tier.nullable(), accounts: z.number().int() })),
});

export const PreviewResult = z.object({
  basedOnRun: AnalysisRun.nullable(),
  before: z.record(Tier, z.number().int()),
  after: z.record(Tier, z.number().int()),
  changed: z.number().int(),
  moves: z.array(
    z.object({
      accountId: Id,
      code: z.string(),
      name: z.string(),
      from: Tier,
      to: Tier,
      scoreBefore: z.number(),
      scoreAfter: z.number(),
    }),
  ),
});
export type PreviewResult = z.infer<typeof PreviewResult>;

export const Contribution = z.object({
  key: CriterionKey,
  value: z.number().nullable(),
  normalised: z.number(),
  weight: z.number(),
  points: z.number(),
});

export const TierOverride = z.object({
  tier: Tier,
  reason: z.string(),
  expiresAt: IsoDate.nullable(),
  createdBy: UserRef.nullable(),
  createdAt: IsoDateTime,
});
export const SetTierOverride = z
  .object({
    tier: Tier,
    reason: z.string().trim().min(2).max(500),
    expiresAt: IsoDate.nullable(),
  })
  .strict();

export const WhitespaceCell = z.object({
  categoryId: Id,
  categoryName: z.string(),
  state: z
    .enum(['bought', 'opportunity', 'competitor', 'potential', 'none'])
    .describe('opportunity: not bought yet, and an open opportunity covers the category'),
  opportunityId: Id.nullable().describe('an open opportunity of the account for this category'),
  revenue: Money,
  lastOrderDate: IsoDate.nullable(),
  competitors: z.array(
    z.object({ name: z.string(), estAnnualVolume: Money.nullable(), ourShare: z.number().nullable() }),
  ),
  recommendation: z
    .object({
      because: z.string(),
      support: z.number(),
      confidence: z.number(),
      lift: z.number(),
      peers: z.number().int(),
    })
    .nullable(),
});

export const AccountValue = z.object({
  run: AnalysisRun.nullable(),
  result: z
    .object({
      score: z.number(),
      contributions: z.array(Contribution),
      computedTier: Tier,
      tier: Tier,
      tierBasis: z.string(),
      rank: z.number().int(),
      abc: z.object({
        abc: AbcClass,
        metric: z.enum(['revenue', 'margin']),
        share: z.number(),
        cumulativeShare: z.number(),
      }),
      rfm: z.object({
        r: z.number().int(),
        f: z.number().int(),
        m: z.number().int(),
        segment: RfmSegment,
        recencyDays: z.number().int().nullable(),
        frequency: z.number().int(),
        monetary: Money,
      }),
      revenue12m: Money,
      margin12m: Money,
      revenuePrev12m: Money,
      clv: z.object({
        historicalMargin: Money,
        expectedOrders: z.number().nullable(),
        pAlive: z.number().nullable(),
        expectedOrderValue: z.number().nullable(),
        clv: Money.nullable(),
        horizonMonths: z.number().int(),
      }),
      payment: z.object({
        dso: z.number().nullable(),
        onTimeShare: z.number().nullable(),
        onTimeSharePrev: z.number().nullable(),
        meanDaysLate: z.number().nullable(),
        overdueAmount: Money,
        receivables: Money,
      }),
      churn: z.object({
        score: z.number().int(),
        reasons: z.array(
          z.object({ code: ChurnReasonCode, points: z.number(), data: z.record(z.string(), z.number().nullable()) }),
        ),
      }),
      shareOfWallet: z.object({ revenue: Money, wallet: Money.nullable(), share: z.number().nullable() }),
      quadrant: z.object({ quadrant: PortfolioQuadrant, strength: z.number(), attractiveness: z.number() }),
      sevenP: z.array(
        z.object({
          key: z.enum([
            'profiling',
            'persistency',
            'profitability',
            'performance',
            'prospecting',
            'product',
            'promotion',
          ]),
          value: Share,
          detail: z.record(z.string(), z.number().nullable()),
        }),
      ),
    })
    .nullable(),
  override: TierOverride.nullable(),
  coverage: z.object({
    covered: z.array(DecisionRole),
    missing: z.array(DecisionRole),
    share: Share,
    contacts: z.number().int(),
    strongContacts: z.number().int(),
    singleThreaded: z.boolean(),
  }),
  whitespace: z.array(WhitespaceCell),
});
export type AccountValue = z.infer<typeof AccountValue>;
