import type {
  AbcClass,
  AccountListQuery,
  AccountResultSummary,
  AccountRollup,
  AccountValue,
  Alert,
  AlertCounts,
  AlertRule,
  AlertThresholds,
  AllowedHost,
  AnalysisConfig,
  AnalysisConfigVersion,
  AnalysisRun,
  Attitude,
  CalendarToken,
  CareConfig,
  ChangeKind,
  ChurnReasonCode,
  CompetitorPresence,
  Complaint,
  ComplaintChannel,
  ComplaintDetail,
  ComplaintEvent,
  ComplaintSeverity,
  ComplaintStatus,
  ContactChannel,
  ContactListQuery,
  CreateComplaint,
  CreateInsight,
  CreateInteraction,
  CreateWebhookTarget,
  CriterionKey,
  DecisionRole,
  Delivery,
  DossierAccess,
  Industry,
  Insight,
  InsightKind,
  Interaction,
  InteractionKind,
  InteractionListQuery,
  Lifecycle,
  LookupMatch,
  LookupResult,
  MapPerson,
  Need,
  NeedCategory,
  NeedKind,
  NeedListQuery,
  NeedSourceKind,
  NeedStats,
  NeedStatus,
  NeedTask,
  NewCalendarToken,
  Order,
  OrderChannel,
  OrderListQuery,
  OrderStatus,
  OrderSummary,
  OrgChartNode,
  OrgUnit,
  OverdueNeedTask,
  PhoneKind,
  Portfolio,
  PortfolioQuadrant,
  PreviewResult,
  PriceSensitivity,
  PriorityBand,
  Product,
  ProductCategory,
  ProductListQuery,
  PublicSurvey,
  RelationshipGap,
  RelationshipMap,
  ResultListQuery,
  RfmSegment,
  RootCause,
  RunChange,
  SentSurvey,
  ServiceKpiRow,
  ServiceKpis,
  SetTierOverride,
  SizeBand,
  SlaPolicy,
  Survey,
  SurveyKind,
  SurveyResults,
  Task,
  TaskKind,
  TaskListQuery,
  TaskStatus,
  TeamMember,
  TeamRole,
  Tier,
  TierMigration,
  TierOverride,
  TimelineEntry,
  UserRef,
  WebhookTarget,
  WhitespaceCell,
} from '@kamap/contracts';
import type { z } from 'zod';

// The contracts export schemas; these are the shapes on the wire that the web reads and writes.
export type {
  Account,
  AccountSummary,
  Contact,
  ContactSummary,
  CreateAccount,
  CreateContact,
  CurrentUser,
  Problem,
  Role,
  UpdateAccount,
  UpdateContact,
} from '@kamap/contracts';

export type LifecycleValue = z.infer<typeof Lifecycle>;
export type IndustryValue = z.infer<typeof Industry>;
export type SizeBandValue = z.infer<typeof SizeBand>;
export type PriceSensitivityValue = z.infer<typeof PriceSensitivity>;
export type TeamRoleValue = z.infer<typeof TeamRole>;
export type InsightKindValue = z.infer<typeof InsightKind>;
export type DecisionRoleValue = z.infer<typeof DecisionRole>;
export type AttitudeValue = z.infer<typeof Attitude>;
export type ContactChannelValue = z.infer<typeof ContactChannel>;
export type PhoneKindValue = z.infer<typeof PhoneKind>;
export type InteractionKindValue = z.infer<typeof InteractionKind>;
export type OrderChannelValue = z.infer<typeof OrderChannel>;
export type OrderStatusValue = z.infer<typeof OrderStatus>;
export type DossierAccessValue = z.infer<typeof DossierAccess>;

export type AccountRollupData = z.infer<typeof AccountRollup>;
export type TeamMemberData = z.infer<typeof TeamMember>;
export type InsightData = z.infer<typeof Insight>;
export type CreateInsightBody = z.input<typeof CreateInsight>;
export type OrgChartNodeData = z.infer<typeof OrgChartNode>;
export type TimelineEntryData = z.infer<typeof TimelineEntry>;
export type CompetitorPresenceData = z.infer<typeof CompetitorPresence>;
export type OrgUnitData = z.infer<typeof OrgUnit>;
export type UserRefData = z.infer<typeof UserRef>;
export type ProductData = z.infer<typeof Product>;
export type ProductCategoryData = z.infer<typeof ProductCategory>;
export type OrderSummaryData = z.infer<typeof OrderSummary>;
export type OrderData = z.infer<typeof Order>;
export type InteractionData = z.infer<typeof Interaction>;
export type CreateInteractionBody = z.input<typeof CreateInteraction>;
export type LookupResultData = z.infer<typeof LookupResult>;
export type LookupMatchData = z.infer<typeof LookupMatch>;

export type NeedData = z.infer<typeof Need>;
export type NeedTaskData = z.infer<typeof NeedTask>;
export type NeedStatsData = z.infer<typeof NeedStats>;
export type OverdueNeedTaskData = z.infer<typeof OverdueNeedTask>;
export type NeedStatusValue = z.infer<typeof NeedStatus>;
export type NeedKindValue = z.infer<typeof NeedKind>;
export type NeedCategoryValue = z.infer<typeof NeedCategory>;
export type NeedSourceKindValue = z.infer<typeof NeedSourceKind>;
export type PriorityBandValue = z.infer<typeof PriorityBand>;
export type TaskData = z.infer<typeof Task>;
export type TaskKindValue = z.infer<typeof TaskKind>;
export type TaskStatusValue = z.infer<typeof TaskStatus>;
export type CalendarTokenData = z.infer<typeof CalendarToken>;
export type NewCalendarTokenData = z.infer<typeof NewCalendarToken>;
export type CareConfigData = z.infer<typeof CareConfig>;
export type RelationshipMapData = z.infer<typeof RelationshipMap>;
export type MapPersonData = z.infer<typeof MapPerson>;
export type RelationshipGapData = z.infer<typeof RelationshipGap>;

export type TierValue = z.infer<typeof Tier>;
export type AbcClassValue = z.infer<typeof AbcClass>;
export type RfmSegmentValue = z.infer<typeof RfmSegment>;
export type QuadrantValue = z.infer<typeof PortfolioQuadrant>;
export type ChurnReasonCodeValue = z.infer<typeof ChurnReasonCode>;
export type CriterionKeyValue = z.infer<typeof CriterionKey>;
export type ChangeKindValue = z.infer<typeof ChangeKind>;
export type AnalysisConfigData = z.infer<typeof AnalysisConfig>;
export type AnalysisConfigVersionData = z.infer<typeof AnalysisConfigVersion>;
export type AnalysisRunData = z.infer<typeof AnalysisRun>;
export type AccountResultData = z.infer<typeof AccountResultSummary>;
export type RunChangeData = z.infer<typeof RunChange>;
export type PortfolioData = z.infer<typeof Portfolio>;
export type TierMigrationData = z.infer<typeof TierMigration>;
export type PreviewResultData = z.infer<typeof PreviewResult>;
export type AccountValueData = z.infer<typeof AccountValue>;
export type AccountValueResult = NonNullable<AccountValueData['result']>;
export type TierOverrideData = z.infer<typeof TierOverride>;
export type SetTierOverrideBody = z.input<typeof SetTierOverride>;
export type WhitespaceCellData = z.infer<typeof WhitespaceCell>;

/** Query strings as the browser sends them: every filter optional, defaults applied by the server. */
export type AccountListParams = Partial<z.input<typeof AccountListQuery>>;
export type ContactListParams = Partial<z.input<typeof ContactListQuery>>;
export type ProductListParams = Partial<z.input<typeof ProductListQuery>>;
export type OrderListParams = Partial<z.input<typeof OrderListQuery>>;
export type InteractionListParams = Partial<z.input<typeof InteractionListQuery>>;
export type NeedListParams = Partial<z.input<typeof NeedListQuery>>;
export type TaskListParams = Partial<z.input<typeof TaskListQuery>>;
export type ResultListParams = Partial<z.input<typeof ResultListQuery>>;

export type Page<T> = { items: T[]; nextCursor: string | null; total: number };
export type ItemList<T> = { items: T[] };

export type AlertData = z.infer<typeof Alert>;
export type AlertCountsData = z.infer<typeof AlertCounts>;
export type AlertRuleValue = z.infer<typeof AlertRule>;
export type AlertThresholdsData = z.infer<typeof AlertThresholds>;
export type AllowedHostData = z.infer<typeof AllowedHost>;
export type WebhookTargetData = z.infer<typeof WebhookTarget>;
export type CreateWebhookTargetBody = z.input<typeof CreateWebhookTarget>;
export type DeliveryData = z.infer<typeof Delivery>;
export type ComplaintData = z.infer<typeof Complaint>;
export type ComplaintDetailData = z.infer<typeof ComplaintDetail>;
export type ComplaintEventData = z.infer<typeof ComplaintEvent>;
export type ComplaintSeverityValue = z.infer<typeof ComplaintSeverity>;
export type ComplaintStatusValue = z.infer<typeof ComplaintStatus>;
export type ComplaintChannelValue = z.infer<typeof ComplaintChannel>;
export type RootCauseValue = z.infer<typeof RootCause>;
export type CreateComplaintBody = z.input<typeof CreateComplaint>;
export type SlaPolicyData = z.infer<typeof SlaPolicy>;
export type ServiceKpisData = z.infer<typeof ServiceKpis>;
export type ServiceKpiRowData = z.infer<typeof ServiceKpiRow>;
export type SurveyData = z.infer<typeof Survey>;
export type SentSurveyData = z.infer<typeof SentSurvey>;
export type SurveyResultsData = z.infer<typeof SurveyResults>;
export type PublicSurveyData = z.infer<typeof PublicSurvey>;
export type SurveyKindValue = z.infer<typeof SurveyKind>;
