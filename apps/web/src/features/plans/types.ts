import type {
  BuyingStage,
  Contract,
  ContractKind,
  ContractState,
  Forecast,
  Opportunity,
  OpportunityKind,
  Pipeline,
  Plan,
  PlanActionRow,
  PlanActionStatus,
  PlanDiff,
  PlanStatus,
  PlanSummary,
  PlanVersion,
  Strategy,
} from '@kamap/contracts';
import type { z } from 'zod';

export type PlanData = z.infer<typeof Plan>;
export type PlanSummaryData = z.infer<typeof PlanSummary>;
export type PlanActionData = PlanData['actions'][number];
export type PlanActionRowData = z.infer<typeof PlanActionRow>;
export type PlanVersionData = z.infer<typeof PlanVersion>;
export type PlanDiffData = z.infer<typeof PlanDiff>;
export type PlanStatusValue = z.infer<typeof PlanStatus>;
export type PlanActionStatusValue = z.infer<typeof PlanActionStatus>;
export type StrategyValue = z.infer<typeof Strategy>;
export type OpportunityData = z.infer<typeof Opportunity>;
export type OpportunityKindValue = z.infer<typeof OpportunityKind>;
export type BuyingStageValue = z.infer<typeof BuyingStage>;
export type PipelineData = z.infer<typeof Pipeline>;
export type ForecastData = z.infer<typeof Forecast>;
export type ContractData = z.infer<typeof Contract>;
export type ContractKindValue = z.infer<typeof ContractKind>;
export type ContractStateValue = z.infer<typeof ContractState>;
