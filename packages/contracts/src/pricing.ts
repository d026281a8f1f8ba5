import { z } from 'zod';
import { Tier } from './analytics.js';
import { Id, IsoDate, IsoDateTime, ListQueryBase, Money, Version } from './common.js';
import { PriceSensitivity } from './enums.js';
import { UserRef } from './org.js';

export const PriceListItem = z.object({
  productId: Id,
  productCode: z.string(),
  productName: z.string(),
  listPrice: Money,
  standardCost: Money,
});

export const PriceList = z.object({
  id: Id,
  name: z.string(),
  currency: z.string(),
  validFrom: IsoDate,
  validTo: IsoDate.nullable(),
  note: z.string().nullable(),
  current: z.boolean().describe('valid today'),
  items: z.array(PriceListItem),
  version: z.number().int(),
});

export const CreatePriceList = z
  .object({
    name: z.string().trim().min(2).max(100),
    validFrom: IsoDate,
    validTo: IsoDate.nullable().optional(),
    note: z.string().trim().max(500).optional(),
    items: z
      .array(z.object({ productId: Id, listPrice: Money.positive() }).strict())
      .min(1)
      .max(5000),
  })
  .strict();

export const PriceListQuery = ListQueryBase.extend({
  sort: z.enum(['validFrom', '-validFrom']).default('-validFrom'),
}).strict();

export const PriceAgreement = z.object({
  id: Id,
  accountId: Id,
  accountName: z.string(),
  productId: Id,
  productName: z.string(),
  price: Money,
  listPrice: Money.describe('the list price on the agreement’s first day'),
  validFrom: IsoDate,
  validTo: IsoDate,
  active: z.boolean(),
  note: z.string().nullable(),
  version: z.number().int(),
});

export const CreatePriceAgreement = z
  .object({
    productId: Id,
    price: Money.positive(),
    validFrom: IsoDate,
    validTo: IsoDate,
    note: z.string().trim().max(500).optional(),
  })
  .strict();

export const PriceAgreementQuery = ListQueryBase.extend({
  sort: z.enum(['validFrom', '-validFrom']).default('-validFrom'),
  accountId: Id.optional(),
  active: z.stringbool().optional(),
}).strict();

export const EffectivePrice = z.object({
  accountId: Id,
  productId: Id,
  date: IsoDate,
  listPrice: Money,
  listSource: z.enum(['price_list', 'product']),
  priceList: z.object({ id: Id, name: z.string() }).nullable(),
  agreement: z.object({ id: Id, price: Money, validTo: IsoDate }).nullable(),
  effectivePrice: Money,
  source: z.enum(['agreement', 'price_list', 'product']),
  standardCost: Money,
});

export const EffectivePriceQuery = z.object({ productId: Id, date: IsoDate.optional() }).strict();

export const ApprovalLevel = z.enum(['kam', 'director', 'admin']);
export type ApprovalLevel = z.infer<typeof ApprovalLevel>;
export const DiscountStatus = z.enum(['pending', 'approved', 'rejected', 'countered', 'withdrawn']);
export const Recommendation = z.enum(['approve', 'counter_offer', 'decline']);

export const PricingRules = z
  .object({
    approvalChain: z
      .record(Tier, z.array(z.object({ upToPct: z.number().min(0).max(100), level: ApprovalLevel })).max(3))
      .describe('per tier, ascending: who may approve up to which depth; beyond the last step the admin'),
    atRiskChurn: z.number().int().min(1).max(100).describe('churn risk from which an account counts as at risk'),
  })
  .strict();
export type PricingRules = z.infer<typeof PricingRules>;

export const DiscountGuidance = z.object({
  priceSensitivity: z.object({
    manual: PriceSensitivity.nullable(),
    computed: z.object({
      score: z.number().describe('0–100'),
      band: PriceSensitivity,
      orders: z.number().int().describe('orders in the last 24 months'),
      discountedShare: z.number().nullable().describe('share of those orders with a discount'),
      meanDiscount: z.number().nullable().describe('discount / (amount + discount)'),
      response: z
        .number()
        .nullable()
        .describe('mean amount of discounted orders / mean amount of undiscounted orders − 1'),
      competitorShare: z.number().nullable(),
    }),
  }),
  churn: z.object({
    risk: z.number().int().nullable(),
    atRisk: z.boolean(),
    reasons: z.array(z.object({ code: z.string(), points: z.number() })),
    asOf: IsoDate.nullable(),
  }),
  margin: z.object({
    unitCost: Money,
    basePrice: Money,
    requestedPrice: Money,
    unitMarginBefore: Money,
    unitMarginAfter: Money,
    marginRateAfter: z.number().nullable(),
    totalMarginAfter: Money,
    belowCost: z.boolean(),
  }),
  clv: Money.nullable(),
  contributionAfterCostToServe: Money.describe(
    'revenue − cost of goods − discounts − service, event and visit costs over the 12 months before the request',
  ),
  competitors: z.object({
    share: z.number().nullable().describe('competitors’ share of the account’s estimated volume'),
    presences: z.array(
      z.object({
        competitor: z.string(),
        category: z.string(),
        ourShare: z.number().nullable(),
        volume: Money.nullable(),
      }),
    ),
  }),
  peers: z.object({
    industry: z.string().nullable(),
    sizeBand: z.string().nullable(),
    accounts: z.number().int(),
    meanOrderDiscount: z.number().nullable().describe('their orders, last 12 months'),
    grantedRequests: z.number().int(),
    medianGrantedPct: z.number().nullable(),
    p75GrantedPct: z.number().nullable(),
  }),
  recommendation: z.object({
    action: Recommendation,
    reasons: z
      .array(z.object({ code: z.string(), values: z.record(z.string(), z.union([z.string(), z.number()])) }))
      .describe('why, as codes with their figures (the web app words them)'),
  }),
});
export type DiscountGuidance = z.infer<typeof DiscountGuidance>;

export const DiscountRequestInput = z
  .object({
    accountId: Id,
    productId: Id,
    quantity: z.number().positive().max(1e9),
    requestedPrice: Money.positive(),
    reason: z.string().trim().min(2).max(500),
    belowCostJustification: z.string().trim().min(10).max(500).optional(),
  })
  .strict();

/** The guidance before a request is filed: the same computation, nothing saved. */
export const DiscountPreviewInput = DiscountRequestInput.partial({ reason: true });

export const DiscountPreview = z.object({
  basePrice: Money,
  discountPct: z.number(),
  tier: Tier,
  requiredLevel: ApprovalLevel,
  guidance: DiscountGuidance,
});

export const DiscountRequest = z.object({
  id: Id,
  accountId: Id,
  accountName: z.string(),
  productId: Id,
  productName: z.string(),
  quantity: z.number(),
  basePrice: Money,
  requestedPrice: Money,
  unitCost: Money,
  discountPct: z.number(),
  discountAmount: Money,
  tier: Tier,
  requiredLevel: ApprovalLevel,
  reason: z.string(),
  belowCostJustification: z.string().nullable(),
  status: DiscountStatus,
  churnRisk: z.number().int().nullable(),
  recommendation: Recommendation,
  guidance: DiscountGuidance,
  requestedBy: UserRef,
  decidedBy: UserRef.nullable(),
  decidedAt: IsoDateTime.nullable(),
  decisionNote: z.string().nullable(),
  counterOffer: z.string().nullable(),
  canDecide: z.boolean().describe('whether the caller may decide it now'),
  createdAt: IsoDateTime,
  version: z.number().int(),
});

export const DiscountListQuery = ListQueryBase.extend({
  sort: z.enum(['createdAt', '-createdAt']).default('-createdAt'),
  status: DiscountStatus.optional(),
  accountId: Id.optional(),
  inbox: z.stringbool().optional().describe('only pending requests the caller may decide'),
}).strict();

export const DiscountDecision = z
  .object({
    version: Version,
    decision: z.enum(['approve', 'reject', 'counter']),
    note: z.string().trim().min(2).max(500),
    counterOffer: z
      .string()
      .trim()
      .min(2)
      .max(500)
      .optional()
      .describe('counter: the value-added service offered instead'),
  })
  .strict();

export const DiscountReportQuery = z
  .object({ from: IsoDate.optional(), to: IsoDate.optional() })
  .strict()
  .describe('defaults to the last full calendar quarter');

export const DiscountReport = z.object({
  from: IsoDate,
  to: IsoDate,
  atRiskChurn: z.number().int(),
  byTier: z.array(
    z.object({
      tier: Tier,
      granted: z.number().int(),
      meanPct: z.number().nullable(),
      discountAmount: Money,
      atRisk: z.number().int(),
      notAtRisk: z.number().int(),
      atRiskAmount: Money,
    }),
  ),
  totals: z.object({
    granted: z.number().int(),
    discountAmount: Money,
    atRiskAmount: Money,
    atRiskShare: z.number().nullable().describe('share of the discount amount that went to accounts at risk'),
    declined: z.number().int(),
  }),
  items: z.array(
    z.object({
      id: Id,
      accountId: Id,
      accountName: z.string(),
      tier: Tier,
      productName: z.string(),
      discountPct: z.number(),
      discountAmount: Money,
      churnRisk: z.number().int().nullable(),
      atRisk: z.boolean(),
      requiredLevel: ApprovalLevel,
      decidedBy: z.string().nullable(),
      decidedAt: IsoDateTime,
    }),
  ),
});
