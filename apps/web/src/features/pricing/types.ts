import type {
  DiscountDecision,
  DiscountGuidance,
  DiscountPreview,
  DiscountReport,
  DiscountRequest,
  DiscountRequestInput,
  EffectivePrice,
  PriceAgreement,
  PriceList,
  PricingRules,
} from '@kamap/contracts';
import type { z } from 'zod';

export type PriceListData = z.infer<typeof PriceList>;
export type PriceAgreementData = z.infer<typeof PriceAgreement>;
export type EffectivePriceData = z.infer<typeof EffectivePrice>;
export type DiscountGuidanceData = z.infer<typeof DiscountGuidance>;
export type DiscountPreviewData = z.infer<typeof DiscountPreview>;
export type DiscountRequestData = z.infer<typeof DiscountRequest>;
export type DiscountRequestBody = z.input<typeof DiscountRequestInput>;
export type DiscountDecisionBody = z.input<typeof DiscountDecision>;
export type DiscountReportData = z.infer<typeof DiscountReport>;
export type PricingRulesData = z.infer<typeof PricingRules>;
