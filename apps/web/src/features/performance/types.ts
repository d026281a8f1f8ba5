import type {
  ClubEvent,
  ClubEventDetail,
  CostToServe,
  CostToServeList,
  EventInvitation,
  KpiDefinition,
  KpiDrill,
  KpiRecord,
  KpiTarget,
  PerformanceSettings,
  Review,
  ReviewAction,
  ReviewCause,
  ReviewDetail,
  Scoreboard,
  ValueAddedService,
} from '@kamap/contracts';
import type { z } from 'zod';

export type ClubEventData = z.infer<typeof ClubEvent>;
export type ClubEventDetailData = z.infer<typeof ClubEventDetail>;
export type InvitationData = z.infer<typeof EventInvitation>;
export type ValueAddedServiceData = z.infer<typeof ValueAddedService>;
export type CostToServeData = z.infer<typeof CostToServe>;
export type CostToServeListData = z.infer<typeof CostToServeList>;
export type KpiDefinitionData = z.infer<typeof KpiDefinition>;
export type KpiTargetData = z.infer<typeof KpiTarget>;
export type KpiDrillData = z.infer<typeof KpiDrill>;
export type KpiRecordData = z.infer<typeof KpiRecord>;
export type ReviewData = z.infer<typeof Review>;
export type ReviewDetailData = z.infer<typeof ReviewDetail>;
export type ReviewActionData = z.infer<typeof ReviewAction>;
export type ReviewCauseData = z.infer<typeof ReviewCause>;
export type ScoreboardData = z.infer<typeof Scoreboard>;
export type PerformanceSettingsData = z.infer<typeof PerformanceSettings>;
