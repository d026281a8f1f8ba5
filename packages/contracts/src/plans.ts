import { z } from 'zod';
import { Tier } from './analytics.js';
import { Id, IsoDate, IsoDateTime, ListQueryBase, Money, Version } from './common.js';
import { Attitude, DecisionRole } from './enums.js';
import { UserRef } from './org.js';

/** Step 4 of the key-account map (策略制定和实施): account plans, their actions and adjustments. */

export const Strategy = z.enum(['product', 'price', 'promotion', 'channel']);
export type Strategy = z.infer<typeof Strategy>;
export const PlanStatus = z.enum(['draft', 'submitted', 'approved', 'closed']);
export type PlanStatus = z.infer<typeof PlanStatus>;
export const PlanActionStatus = z.enum(['not_started', 'in_progress', 'done', 'cancelled']);
export type PlanActionStatus = z.infer<typeof PlanActionStatus>;
export const PlanItemKind = z.enum(['long_term_agreement', 'joint_rd', 'benefit_sharing']);
export const GoalKind = z.enum(['revenue', 'margin', 'share_of_wallet', 'relationship', 'other']);
export const AdjustmentReason = z.enum([
  'customer_feedback',
  'market_change',
  'competition',
  'performance_gap',
  'other',
]);
export const VersionReason = z.enum(['initial', ...AdjustmentReason.options]);

const Text = (max: number) => z.string().trim().min(1).max(max);

export const PlanGoalInput = z
  .object({
    kind: GoalKind,
    label: Text(200),
    target: z
      .number()
      .int()
      .nonnegative()
      .nullable()
      .default(null)
      .describe('revenue and margin in fen; share of wallet in whole percent; null for relationship and other'),
    role: DecisionRole.nullable()
      .default(null)
      .describe('relationship goals: the decision role to cover with a strong, recently contacted contact'),
    note: z.string().trim().max(1000).nullable().default(null),
  })
  .strict();

export const PlanGoal = PlanGoalInput.extend({
  actual: z.number().nullable().describe('computed from orders and contacts for the plan year; never typed in'),
  met: z
    .boolean()
    .nullable()
    .describe(
      'relationship: covered; money: actual ≥ target, or during the year ≥ the share of the target for the time gone by; null before the year starts or without a target',
    ),
});

export const Swot = z
  .object({
    strengths: z.array(Text(500)).max(20),
    weaknesses: z.array(Text(500)).max(20),
    opportunities: z.array(Text(500)).max(20),
    threats: z.array(Text(500)).max(20),
  })
  .strict();

export const Strategies = z
  .object({
    product: z.string().trim().max(2000).describe('customised products and solutions'),
    price: z.string().trim().max(2000).describe('discount policy, tied to the account’s price sensitivity'),
    promotion: z.string().trim().max(2000).describe('events, value-added services'),
    channel: z.string().trim().max(2000).describe('direct or agent, coverage'),
  })
  .strict();

export const PlanActionInput = z
  .object({
    id: Id.optional().describe('an existing action to keep (and change); omit for a new one'),
    strategy: Strategy,
    title: Text(300),
    ownerId: Id,
    dueDate: IsoDate,
    resources: z.string().trim().max(1000).nullable().default(null),
    budget: Money.nonnegative().nullable().default(null),
  })
  .strict();

export const PlanItemInput = z
  .object({
    id: Id.optional().describe('an existing item to keep (and change); omit for a new one'),
    kind: PlanItemKind,
    title: Text(300),
    terms: Text(2000),
    startDate: IsoDate,
    endDate: IsoDate.nullable().default(null),
  })
  .strict();

/** The parts of a plan a draft edit or an adjustment may replace; a list given replaces the whole list. */
const PlanContent = z.object({
  title: Text(200).optional(),
  goals: z.array(PlanGoalInput).max(30).optional(),
  swot: Swot.optional(),
  strategies: Strategies.optional(),
  actions: z.array(PlanActionInput).max(200).optional().describe('actions left out are cancelled'),
  items: z.array(PlanItemInput).max(50).optional().describe('items left out are removed'),
});

export const CreatePlan = PlanContent.extend({
  year: z.number().int().min(2000).max(2100),
}).strict();
export const UpdatePlan = PlanContent.extend({ version: Version }).strict();
export const AdjustPlan = PlanContent.extend({
  version: Version,
  reasonKind: AdjustmentReason,
  reason: Text(2000).describe('why the plan changes (策略调整的原因)'),
}).strict();
export const PlanDecision = z.object({ version: Version, note: z.string().trim().max(1000).optional() }).strict();

export const PlanAction = z.object({
  id: Id,
  planId: Id,
  accountId: Id,
  strategy: Strategy,
  title: z.string(),
  owner: UserRef,
  dueDate: IsoDate,
  status: PlanActionStatus,
  resources: z.string().nullable(),
  budget: Money.nullable(),
  overdue: z.boolean().describe('not done or cancelled, and due before today'),
  doneAt: IsoDateTime.nullable(),
  version: z.number().int(),
});
export type PlanAction = z.infer<typeof PlanAction>;

export const PlanItem = z.object({
  id: Id,
  kind: PlanItemKind,
  title: z.string(),
  terms: z.string(),
  startDate: IsoDate,
  endDate: IsoDate.nullable(),
  contracts: z.array(z.object({ id: Id, code: z.string(), title: z.string() })),
});

export const ActionCompletion = z.object({
  due: z.number().int().describe('actions due in the period, cancelled ones excluded'),
  done: z.number().int().describe('of those, the ones done'),
  rate: z.number().nullable().describe('done ÷ due; null when nothing was due'),
});

export const Plan = z.object({
  id: Id,
  accountId: Id,
  accountName: z.string(),
  orgUnitId: Id,
  year: z.number().int(),
  title: z.string(),
  tier: Tier,
  needsApproval: z.boolean().describe('strategic plans need a director of the account’s org unit (or an admin)'),
  status: PlanStatus,
  goals: z.array(PlanGoal),
  swot: Swot,
  strategies: Strategies,
  actions: z.array(PlanAction),
  items: z.array(PlanItem),
  revision: z.number().int(),
  reviews: z.array(z.object({ quarter: z.number().int(), date: IsoDate })).describe('quarterly review dates'),
  completion: ActionCompletion.describe('actions due up to today'),
  submittedAt: IsoDateTime.nullable(),
  approvedAt: IsoDateTime.nullable(),
  approvedBy: UserRef.nullable(),
  approvalNote: z.string().nullable(),
  createdBy: UserRef.nullable(),
  version: z.number().int(),
  createdAt: IsoDateTime,
  updatedAt: IsoDateTime,
});
export type Plan = z.infer<typeof Plan>;

export const PlanSummary = z.object({
  id: Id,
  accountId: Id,
  accountName: z.string(),
  year: z.number().int(),
  title: z.string(),
  tier: Tier,
  status: PlanStatus,
  revision: z.number().int(),
  actions: z.number().int(),
  overdue: z.number().int(),
  completion: ActionCompletion,
  updatedAt: IsoDateTime,
});

export const PlanListQuery = ListQueryBase.extend({
  accountId: Id.optional(),
  year: z.coerce.number().int().optional(),
  status: PlanStatus.optional(),
  tier: Tier.optional(),
}).strict();

export const PlanActionListQuery = ListQueryBase.extend({
  overdue: z.stringbool().optional().describe('true: only actions past due and not done'),
  accountId: Id.optional(),
  ownerId: Id.optional(),
  strategy: Strategy.optional(),
  status: PlanActionStatus.optional(),
}).strict();

export const PlanActionRow = PlanAction.extend({
  accountName: z.string(),
  planYear: z.number().int(),
  daysOverdue: z.number().int().nullable(),
});

export const UpdatePlanAction = z
  .object({ version: Version, status: PlanActionStatus })
  .strict()
  .describe('execution: moving an action along does not make a new plan version');

export const PlanActionParams = z.object({ id: Id, actionId: Id }).strict();

export const PlanVersion = z.object({
  revision: z.number().int(),
  reasonKind: VersionReason,
  reason: z.string().nullable(),
  changedBy: UserRef.nullable(),
  changedAt: IsoDateTime,
});

export const PlanChange = z.object({
  section: z.enum(['title', 'goals', 'swot', 'strategies', 'actions', 'items']),
  change: z.enum(['added', 'removed', 'changed']),
  label: z.string().describe('what changed, e.g. the action’s title'),
  field: z.string().nullable().describe('for a changed record: which field'),
  before: z.string().nullable(),
  after: z.string().nullable(),
});
export type PlanChange = z.infer<typeof PlanChange>;

export const PlanDiffQuery = z
  .object({
    from: z.coerce.number().int().positive(),
    to: z.coerce.number().int().positive(),
  })
  .strict();

export const PlanDiff = z.object({
  from: PlanVersion,
  to: PlanVersion,
  changes: z.array(PlanChange),
});

export const PlanTemplate = z.object({
  tier: Tier,
  goals: z.array(PlanGoalInput),
  strategies: Strategies,
  actions: z.array(
    z.object({
      strategy: Strategy,
      title: z.string(),
      monthOfYear: z.number().int(),
      resources: z.string().nullable(),
    }),
  ),
});
export const TierParams = z.object({ tier: Tier }).strict();

/** Opportunities: deals staged along the customer's buying stages (seed 000 FAQ). */
export const BuyingStage = z.enum(['awareness', 'consideration', 'decision', 'purchase', 'renewal']);
export type BuyingStage = z.infer<typeof BuyingStage>;
export const OpportunityStatus = z.enum(['open', 'won', 'lost']);
export const OpportunityKind = z.enum(['new_business', 'cross_sell', 'upsell', 'renewal']);

/** The probability an opportunity gets when it enters a stage, unless the owner gives another. */
export const stageProbability: Record<BuyingStage, number> = {
  awareness: 10,
  consideration: 25,
  decision: 50,
  purchase: 80,
  renewal: 60,
};

export const BuyingCentreMember = z.object({
  contactId: Id,
  name: z.string(),
  title: z.string().nullable(),
  role: DecisionRole,
  stance: Attitude.nullable().describe('at the opportunity’s current stage; null when not yet recorded for it'),
  stances: z.array(z.object({ stage: BuyingStage, stance: Attitude, note: z.string().nullable() })),
  note: z.string().nullable(),
});

export const Opportunity = z.object({
  id: Id,
  accountId: Id,
  accountName: z.string(),
  title: z.string(),
  kind: OpportunityKind,
  amount: Money,
  currency: z.string(),
  categories: z.array(z.object({ id: Id, name: z.string() })),
  expectedClose: IsoDate,
  probability: z.number().int(),
  weighted: Money.describe('amount × probability'),
  stage: BuyingStage,
  status: OpportunityStatus,
  owner: UserRef,
  competitor: z.object({ id: Id, name: z.string() }).nullable(),
  closeReason: z.string().nullable(),
  closedOn: IsoDate.nullable(),
  source: z.object({
    kind: z.enum(['manual', 'recommendation']),
    runId: Id.nullable(),
    categoryId: Id.nullable(),
    evidence: z.record(z.string(), z.unknown()).nullable(),
  }),
  buyingCentre: z.array(BuyingCentreMember),
  version: z.number().int(),
  createdAt: IsoDateTime,
  updatedAt: IsoDateTime,
});
export type Opportunity = z.infer<typeof Opportunity>;

export const CreateOpportunity = z
  .object({
    title: Text(200),
    kind: OpportunityKind.default('new_business'),
    amount: Money.positive(),
    categoryIds: z.array(Id).max(20).default([]),
    expectedClose: IsoDate,
    stage: BuyingStage.default('awareness'),
    probability: z.number().int().min(0).max(100).optional().describe('default: the stage’s probability'),
    ownerId: Id.optional().describe('default: the caller'),
    competitorId: Id.nullable().default(null),
    fromRecommendation: Id.optional().describe(
      'the category of an analytics recommendation for this account (latest run): kept as the source',
    ),
  })
  .strict();

export const UpdateOpportunity = z
  .object({
    version: Version,
    title: Text(200).optional(),
    amount: Money.positive().optional(),
    categoryIds: z.array(Id).max(20).optional(),
    expectedClose: IsoDate.optional(),
    stage: BuyingStage.optional(),
    probability: z.number().int().min(0).max(100).optional(),
    ownerId: Id.optional(),
    competitorId: Id.nullable().optional(),
  })
  .strict();

export const CloseOpportunity = z
  .object({
    version: Version,
    outcome: z.enum(['won', 'lost']),
    reason: Text(1000).describe('why it was won or lost'),
    closedOn: IsoDate.optional().describe('default: today'),
    competitorId: Id.nullable().optional().describe('for a loss: who won it'),
  })
  .strict();

export const SetBuyingCentreMember = z
  .object({
    role: DecisionRole,
    stance: Attitude,
    stage: BuyingStage.optional().describe('default: the opportunity’s current stage'),
    note: z.string().trim().max(1000).nullable().default(null),
  })
  .strict();
export const OpportunityContactParams = z.object({ id: Id, contactId: Id }).strict();

export const OpportunityListQuery = ListQueryBase.extend({
  sort: z
    .enum(['expectedClose', '-expectedClose', 'amount', '-amount', 'updatedAt', '-updatedAt'])
    .default('expectedClose'),
  accountId: Id.optional(),
  status: OpportunityStatus.optional(),
  stage: BuyingStage.optional(),
  kind: OpportunityKind.optional(),
  ownerId: Id.optional(),
  fromRecommendation: z.stringbool().optional(),
}).strict();

export const PipelineQuery = z
  .object({
    ownerId: Id.optional(),
    orgUnitId: Id.optional(),
    year: z.coerce
      .number()
      .int()
      .min(2000)
      .max(2100)
      .optional()
      .describe('won and lost in this year; default this year'),
  })
  .strict();

export const Pipeline = z.object({
  stages: z.array(z.object({ stage: BuyingStage, count: z.number().int(), amount: Money, weighted: Money })),
  won: z.object({ count: z.number().int(), amount: Money }),
  lost: z.object({ count: z.number().int(), amount: Money }),
  winRate: z.number().nullable().describe('won ÷ (won + lost) by count, in the year'),
});

export const ForecastQuery = z
  .object({
    from: z
      .string()
      .regex(/^\d{4}-\d{2}$/)
      .optional()
      .describe('YYYY-MM, default the current month'),
    months: z.coerce.number().int().min(1).max(24).default(12),
    ownerId: Id.optional().describe('a KAM: their opportunities, against their own target'),
    orgUnitId: Id.optional().describe('an org unit: its subtree’s opportunities, against the unit’s target'),
  })
  .strict();

export const Forecast = z.object({
  target: z.object({ kind: z.enum(['org_unit', 'user']), id: Id, name: z.string() }).nullable(),
  months: z.array(
    z.object({
      month: z.string().describe('YYYY-MM'),
      weighted: Money.describe('open opportunities expected to close that month, × probability'),
      won: Money.describe('won that month'),
      target: Money.nullable(),
    }),
  ),
});

export const SalesTargetQuery = z
  .object({ orgUnitId: Id.optional(), userId: Id.optional(), year: z.coerce.number().int().min(2000).max(2100) })
  .strict();
export const SalesTargets = z.object({
  orgUnitId: Id.nullable(),
  userId: Id.nullable(),
  year: z.number().int(),
  months: z.array(Money.nullable()).length(12),
});
export const SetSalesTargets = z
  .object({
    orgUnitId: Id.optional(),
    userId: Id.optional(),
    year: z.number().int().min(2000).max(2100),
    months: z.array(Money.nonnegative().nullable()).length(12).describe('January to December; null clears a month'),
  })
  .strict();

/** Contracts (framework, long-term agreement, maintenance, project) and their renewal. */
export const ContractKind = z.enum(['framework', 'long_term_agreement', 'maintenance', 'project']);
export const ContractState = z.enum(['upcoming', 'active', 'expiring', 'expired', 'renewed']);

export const Contract = z.object({
  id: Id,
  accountId: Id,
  accountName: z.string(),
  code: z.string(),
  title: z.string(),
  kind: ContractKind,
  value: Money,
  currency: z.string(),
  startDate: IsoDate,
  endDate: IsoDate,
  renewalTerms: z.string().nullable(),
  autoRenew: z.boolean(),
  noticeDays: z.number().int().nullable(),
  state: ContractState.describe('expiring: ends within the alert window of the account’s tier'),
  daysToEnd: z.number().int(),
  planItems: z.array(z.object({ id: Id, title: z.string(), kind: PlanItemKind })),
  renewedBy: z.object({ id: Id, code: z.string() }).nullable(),
  version: z.number().int(),
  createdAt: IsoDateTime,
  updatedAt: IsoDateTime,
});

const ContractFields = {
  code: Text(50),
  title: Text(200),
  kind: ContractKind,
  value: Money.nonnegative(),
  startDate: IsoDate,
  endDate: IsoDate,
  renewalTerms: z.string().trim().max(2000).nullable().default(null),
  autoRenew: z.boolean().default(false),
  noticeDays: z.number().int().min(0).max(730).nullable().default(null),
  planItemIds: z.array(Id).max(20).default([]),
  renews: Id.optional().describe('the contract this one renews: that one then stops alerting'),
};
export const CreateContract = z.object(ContractFields).strict();
export const UpdateContract = z
  .object({
    version: Version,
    code: ContractFields.code.optional(),
    title: ContractFields.title.optional(),
    kind: ContractKind.optional(),
    value: Money.nonnegative().optional(),
    startDate: IsoDate.optional(),
    endDate: IsoDate.optional(),
    renewalTerms: z.string().trim().max(2000).nullable().optional(),
    autoRenew: z.boolean().optional(),
    noticeDays: z.number().int().min(0).max(730).nullable().optional(),
    planItemIds: z.array(Id).max(20).optional(),
  })
  .strict();

export const ContractListQuery = ListQueryBase.extend({
  sort: z.enum(['endDate', '-endDate', 'value', '-value']).default('endDate'),
  accountId: Id.optional(),
  kind: ContractKind.optional(),
  state: ContractState.optional(),
}).strict();
