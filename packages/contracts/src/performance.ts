import { z } from 'zod';
import { Id, IsoDate, IsoDateTime, ListQueryBase, Money, Tracked, Version } from './common.js';
import { UserRef } from './org.js';

/** '2026' (a year), '2026-Q4' (a quarter) or '2026-11' (a month). */
export const Period = z
  .string()
  .regex(/^\d{4}(-Q[1-4]|-(0[1-9]|1[0-2]))?$/, 'a period: 2026, 2026-Q4 or 2026-11')
  .describe('2026, 2026-Q4 or 2026-11');

export const KpiKind = z.enum([
  'sales',
  'margin_rate',
  'growth',
  'share_of_wallet',
  'satisfaction',
  'complaint_sla_rate',
  'visit_coverage',
  'relationship_coverage',
  'plan_action_completion',
  'custom',
]);
export type KpiKind = z.infer<typeof KpiKind>;
export const KpiUnit = z.enum(['money', 'ratio', 'score', 'count']);
export const KpiMeasure = z.enum([
  'revenue',
  'margin',
  'cost',
  'discount',
  'quantity',
  'orders',
  'ordering_accounts',
  'visits',
  'complaints',
]);
export type KpiMeasure = z.infer<typeof KpiMeasure>;
export const KpiAggregation = z.enum(['total', 'per_account', 'share_of_total']);
export const KpiSubjectKind = z.enum(['account', 'kam', 'team', 'org_unit']);
export type KpiSubjectKind = z.infer<typeof KpiSubjectKind>;
export const KpiStatus = z.enum(['green', 'amber', 'red', 'none']);

export const KpiDefinition = z
  .object({
    id: Id,
    code: z.string(),
    name: z.string(),
    kind: KpiKind,
    unit: KpiUnit,
    higherIsBetter: z.boolean(),
    greenAt: z.number(),
    amberAt: z.number(),
    measure: KpiMeasure.nullable(),
    aggregation: KpiAggregation.nullable(),
    category: z.object({ id: Id, name: z.string() }).nullable(),
    province: z.string().nullable(),
    builtIn: z.boolean(),
  })
  .extend(Tracked.shape);

const thresholds = {
  greenAt: z.number().min(0).max(10),
  amberAt: z.number().min(0).max(10),
};
export const CreateCustomKpi = z
  .object({
    code: z
      .string()
      .trim()
      .regex(/^[a-z][a-z0-9_]{1,39}$/, 'lower-case letters, digits and _'),
    name: z.string().trim().min(1).max(100),
    measure: KpiMeasure,
    aggregation: KpiAggregation,
    categoryId: Id.nullable().optional().describe('order-line measures only: this category and those below it'),
    province: z.string().trim().min(1).max(20).nullable().optional().describe("the account's province"),
    higherIsBetter: z.boolean().optional(),
    ...thresholds,
  })
  .partial({ greenAt: true, amberAt: true })
  .strict();
export const UpdateKpiDefinition = z
  .object({ name: z.string().trim().min(1).max(100), higherIsBetter: z.boolean(), ...thresholds })
  .partial()
  .extend({ version: Version })
  .strict();

export const SubjectRef = z.object({ kind: KpiSubjectKind, id: Id, name: z.string() });

export const KpiActual = z.object({
  value: z.number().nullable(),
  /** why there is no value: no data in the period, or the KPI is not wired yet */
  missing: z.enum(['no_data']).nullable(),
  basis: z
    .object({
      code: z.enum([
        'orders',
        'orders_vs_year_before',
        'wallet_accounts',
        'csat_answers',
        'complaints_in_time',
        'accounts_visited',
        'accounts_covered',
        'records',
        'records_per_account',
        'records_of_total',
        'no_revenue',
        'no_revenue_year_before',
        'no_wallet',
        'no_csat',
        'no_complaint_due',
        'no_accounts',
        'nothing_in_total',
        'actions_done',
        'no_action_due',
      ]),
      counts: z.record(z.string(), z.number()),
    })
    .describe('what the value is computed from: a code and its counts, e.g. orders {orders: 12, accounts: 4}'),
});

export const KpiTarget = z
  .object({
    id: Id,
    kpi: z.object({ id: Id, code: z.string(), name: z.string(), kind: KpiKind, unit: KpiUnit, builtIn: z.boolean() }),
    subject: SubjectRef,
    period: Period,
    from: IsoDate,
    to: IsoDate,
    target: z.number(),
    actual: KpiActual,
    gap: z.number().nullable().describe('actual − target'),
    attainment: z.number().nullable().describe('actual ÷ target (target ÷ actual when lower is better)'),
    status: KpiStatus,
  })
  .extend(Tracked.shape);

export const KpiTargetListQuery = ListQueryBase.extend({
  period: Period.optional(),
  kpiId: Id.optional(),
  subjectKind: KpiSubjectKind.optional(),
  subjectId: Id.optional(),
  status: KpiStatus.optional(),
}).strict();
export const CreateKpiTarget = z
  .object({ kpiId: Id, subjectKind: KpiSubjectKind, subjectId: Id, period: Period, target: z.number().finite() })
  .strict();
export const UpdateKpiTarget = z.object({ version: Version, target: z.number().finite() }).strict();

/** One record behind an actual: an order, a survey, a complaint, or an account-level figure. */
export const KpiRecord = z.object({
  kind: z.enum(['order', 'survey', 'complaint', 'account', 'visit', 'action']),
  id: Id,
  accountId: Id,
  accountName: z.string(),
  date: IsoDate.nullable(),
  label: z.string(),
  value: z.number().nullable(),
  secondary: z.number().nullable().describe('the second figure: cost for an order, wallet for an account, …'),
  counts: z.boolean().nullable().describe('for rates: whether the record counts as met'),
});
export const KpiDrillQuery = z
  .object({
    kpiId: Id,
    subjectKind: KpiSubjectKind,
    subjectId: Id,
    period: Period,
    limit: z.coerce.number().int().min(1).max(500).default(100),
  })
  .strict();
export const KpiDrill = z.object({
  actual: KpiActual,
  from: IsoDate,
  to: IsoDate,
  items: z.array(KpiRecord),
  total: z.number().int(),
});

export const CostToServe = z.object({
  accountId: Id,
  accountName: z.string(),
  owner: UserRef.nullable(),
  from: IsoDate,
  to: IsoDate,
  grossRevenue: Money.describe('list value of what was sold: net revenue + discounts'),
  discounts: Money,
  revenue: Money.describe('net revenue (order amounts)'),
  costOfGoods: Money,
  grossMargin: Money,
  complaints: z.number().int(),
  complaintCost: Money,
  eventsAttended: z.number().int(),
  eventCost: Money,
  valueAddedServices: z.number().int(),
  valueAddedServiceCost: Money,
  visits: z.number().int(),
  visitCost: Money,
  costToServe: Money,
  contribution: Money.describe('gross margin − complaint, event, value-added-service and visit costs'),
  contributionRate: z.number().nullable(),
  clv: Money.nullable().describe('predicted CLV from the latest analysis run'),
});
export const CostToServeQuery = z.object({ period: Period }).strict();
export const CostToServeListQuery = ListQueryBase.pick({ limit: true, q: true })
  .extend({
    period: Period,
    sort: z
      .enum(['contribution', '-contribution', 'costToServe', '-costToServe', 'revenue', '-revenue'])
      .default('contribution'),
    profitable: z.stringbool().optional().describe('true: contribution ≥ 0; false: below zero'),
    ownerId: Id.optional(),
  })
  .strict();
export const CostToServeList = z.object({
  items: z.array(CostToServe),
  total: z.number().int(),
  unprofitable: z.number().int(),
  totals: z.object({ revenue: Money, grossMargin: Money, costToServe: Money, contribution: Money }),
});

export const SeverityCosts = z
  .object({ low: Money.min(0), medium: Money.min(0), high: Money.min(0), critical: Money.min(0) })
  .strict();
export const IncentivePoints = z
  .object({
    kpiGreen: z.number().min(0).max(1000),
    kpiAmber: z.number().min(0).max(1000),
    visit: z.number().min(0).max(1000),
    eventAttendee: z.number().min(0).max(1000),
    valueAddedService: z.number().min(0).max(1000),
    actionDoneOnTime: z.number().min(0).max(1000),
    gapClosed: z.number().min(0).max(1000),
  })
  .strict();
export const PerformanceSettings = z.object({
  visitCost: Money.min(0).describe('effort of one visit, in fen'),
  complaintCost: SeverityCosts.describe('handling effort of one complaint by severity, in fen'),
  incentivePoints: IncentivePoints,
  updatedAt: IsoDateTime.nullable(),
  updatedBy: UserRef.nullable(),
});
export const UpdatePerformanceSettings = z
  .object({ visitCost: Money.min(0), complaintCost: SeverityCosts, incentivePoints: IncentivePoints })
  .partial()
  .strict();

export const ReviewSubjectKind = z.enum(['account', 'kam', 'team']);
export const CauseCategory = z.enum(['product', 'price', 'service', 'relationship', 'competition', 'internal_process']);
export const CauseMethod = z.enum(['five_whys', 'fishbone']);
export const EvidenceKind = z.enum(['order', 'complaint', 'interaction', 'need']);
export const ActionStatus = z.enum(['open', 'in_progress', 'done', 'cancelled']);

export const ReviewGap = z.object({
  kpi: z.object({ id: Id, code: z.string(), name: z.string(), kind: KpiKind, unit: KpiUnit, builtIn: z.boolean() }),
  target: z.number(),
  actual: z.number().nullable(),
  gap: z.number().nullable(),
  attainment: z.number().nullable(),
  status: KpiStatus,
  snapshotAt: IsoDateTime,
});
export const Evidence = z.object({ kind: EvidenceKind, id: Id });
export const EvidenceView = Evidence.extend({ label: z.string(), date: IsoDate.nullable() });
export const ReviewCause = z
  .object({
    id: Id,
    kpiId: Id.nullable(),
    category: CauseCategory,
    method: CauseMethod,
    statement: z.string(),
    whys: z.array(z.string()),
    notes: z.string().nullable(),
    evidence: z.array(EvidenceView),
  })
  .extend(Tracked.shape);
/** Whether the KPI gap an action addressed closed by the subject's next review. */
export const ActionEffect = z.object({
  state: z.enum(['pending', 'closed', 'narrowed', 'not_closed', 'no_kpi']),
  nextReview: z.object({ id: Id, period: Period }).nullable(),
  gapBefore: z.number().nullable(),
  gapAfter: z.number().nullable(),
  statusBefore: KpiStatus.nullable(),
  statusAfter: KpiStatus.nullable(),
});
export const ReviewAction = z
  .object({
    id: Id,
    reviewId: Id,
    causeId: Id.nullable(),
    kpiId: Id.nullable(),
    measure: z.string(),
    owner: UserRef,
    dueDate: IsoDate,
    status: ActionStatus,
    doneOn: IsoDate.nullable(),
    overdue: z.boolean(),
    effect: ActionEffect,
  })
  .extend(Tracked.shape);
export const Review = z
  .object({
    id: Id,
    subject: SubjectRef,
    period: Period,
    heldOn: IsoDate,
    summary: z.string().nullable(),
    status: z.enum(['draft', 'closed']),
    redGaps: z.number().int(),
    causes: z.number().int(),
    actions: z.number().int(),
    openActions: z.number().int(),
  })
  .extend(Tracked.shape);
export const ReviewDetail = Review.extend({
  gaps: z.array(ReviewGap),
  problemAnalysis: z.array(ReviewCause),
  improvementActions: z.array(ReviewAction),
  previous: z
    .object({ id: Id, period: Period, actions: z.array(ReviewAction) })
    .nullable()
    .describe("the subject's previous review and whether its actions closed the gaps, read from this review"),
});
export const ReviewListQuery = ListQueryBase.extend({
  period: Period.optional(),
  subjectKind: ReviewSubjectKind.optional(),
  subjectId: Id.optional(),
  accountId: Id.optional(),
}).strict();
export const CreateReview = z
  .object({
    subjectKind: ReviewSubjectKind,
    subjectId: Id,
    period: Period,
    heldOn: IsoDate,
    summary: z.string().trim().max(5000).nullable().optional(),
  })
  .strict();
export const UpdateReview = z
  .object({ heldOn: IsoDate, summary: z.string().trim().max(5000).nullable(), status: z.enum(['draft', 'closed']) })
  .partial()
  .extend({ version: Version })
  .strict();
const causeFields = {
  kpiId: Id.nullable(),
  category: CauseCategory,
  method: CauseMethod,
  statement: z.string().trim().min(1).max(500),
  whys: z.array(z.string().trim().min(1).max(500)).max(7),
  notes: z.string().trim().max(5000).nullable(),
  evidence: z.array(Evidence).max(50),
};
export const CreateCause = z
  .object(causeFields)
  .partial({ kpiId: true, whys: true, notes: true, evidence: true })
  .strict();
export const UpdateCause = z.object(causeFields).partial().extend({ version: Version }).strict();
export const CauseParams = z.object({ id: Id, causeId: Id }).strict();
export const CreateAction = z
  .object({
    causeId: Id.nullable().optional(),
    kpiId: Id.nullable().optional(),
    measure: z.string().trim().min(1).max(500),
    ownerId: Id,
    dueDate: IsoDate,
  })
  .strict();
export const UpdateAction = z
  .object({
    version: Version,
    measure: z.string().trim().min(1).max(500).optional(),
    ownerId: Id.optional(),
    dueDate: IsoDate.optional(),
    status: ActionStatus.optional(),
  })
  .strict();
export const ActionParams = z.object({ id: Id, actionId: Id }).strict();
export const EvidenceSearchQuery = z.object({ kind: EvidenceKind, q: z.string().trim().max(100).optional() }).strict();

export const ScoreboardRow = z.object({
  kam: UserRef,
  orgUnitName: z.string(),
  accounts: z.number().int(),
  kpisGreen: z.number().int(),
  kpisAmber: z.number().int(),
  kpisRed: z.number().int(),
  visits: z.number().int(),
  eventAttendees: z.number().int(),
  valueAddedServices: z.number().int(),
  actionsDoneOnTime: z.number().int(),
  gapsClosed: z.number().int(),
  points: z.number(),
  rank: z.number().int(),
});
export const ScoreboardQuery = z.object({ period: Period }).strict();
export const Scoreboard = z.object({
  period: Period,
  from: IsoDate,
  to: IsoDate,
  points: IncentivePoints,
  items: z.array(ScoreboardRow),
});
