import { z } from 'zod';
import { Id, IsoDate, IsoDateTime, ListQueryBase, Rating, Tracked, Version } from './common.js';
import { UserRef } from './org.js';

/** The tiers of the analysis (repeated here so this file stands alone in the bundle graph). */
const ServiceTier = z.enum(['strategic', 'core', 'general']);

export const ComplaintSeverity = z.enum(['low', 'medium', 'high', 'critical']);
export type ComplaintSeverity = z.infer<typeof ComplaintSeverity>;
export const ComplaintChannel = z.enum(['phone', 'email', 'wechat', 'visit', 'web', 'other']);
export const ComplaintStatus = z.enum(['open', 'in_progress', 'resolved', 'closed']);
export type ComplaintStatus = z.infer<typeof ComplaintStatus>;
export const RootCause = z.enum([
  'product_quality',
  'delivery',
  'service',
  'billing',
  'technical',
  'communication',
  'other',
]);

/** Where a complaint stands against its SLA: due times, and whether each was met, is running or breached. */
export const SlaClock = z.object({
  responseDueAt: IsoDateTime,
  resolutionDueAt: IsoDateTime,
  response: z.enum(['met', 'running', 'breached']),
  resolution: z.enum(['met', 'running', 'breached']),
});

export const Complaint = z
  .object({
    id: Id,
    accountId: Id,
    accountName: z.string(),
    contact: z.object({ id: Id, name: z.string() }).nullable(),
    title: z.string(),
    description: z.string().nullable(),
    severity: ComplaintSeverity,
    channel: ComplaintChannel,
    status: ComplaintStatus,
    tier: ServiceTier.describe('the account tier when the complaint was received; it sets the SLA'),
    firstOwner: UserRef.describe('首问负责人: who received it; owns it until it is closed'),
    assignee: UserRef.nullable(),
    receivedAt: IsoDateTime,
    respondedAt: IsoDateTime.nullable(),
    resolvedAt: IsoDateTime.nullable(),
    closedAt: IsoDateTime.nullable(),
    sla: SlaClock,
    escalatedAt: IsoDateTime.nullable(),
    escalatedTo: UserRef.nullable(),
    rootCause: RootCause.nullable(),
    resolution: z.string().nullable(),
    followUpAt: IsoDateTime.nullable(),
    followUpSatisfaction: Rating.nullable(),
    followUpNotes: z.string().nullable(),
  })
  .extend(Tracked.shape);
export type Complaint = z.infer<typeof Complaint>;

export const ComplaintEvent = z.object({
  id: z.number().int(),
  kind: z.enum(['received', 'status', 'assigned', 'responded', 'escalated', 'follow_up', 'updated', 'need_raised']),
  fromStatus: ComplaintStatus.nullable(),
  toStatus: ComplaintStatus.nullable(),
  user: UserRef.nullable(),
  note: z.string().nullable(),
  at: IsoDateTime,
});

/** A need a complaint raised (its source is the complaint). */
export const RaisedNeed = z.object({
  id: Id,
  title: z.string(),
  status: z.enum(['open', 'planned', 'in_progress', 'met', 'deferred', 'rejected']),
  band: z.enum(['P1', 'P2', 'P3']),
  createdAt: IsoDateTime,
});

export const ComplaintDetail = Complaint.extend({
  history: z.array(ComplaintEvent),
  needs: z.array(RaisedNeed).describe('the needs this complaint raised'),
});

/** Raise a need from a complaint: what is left out is taken from the complaint (title, category from the root cause, urgency from the severity). */
export const RaiseNeedFromComplaint = z
  .object({
    title: z.string().trim().min(1).max(200).optional(),
    description: z.string().trim().max(5000).nullable().optional(),
    kind: z.enum(['explicit', 'implicit']).default('explicit'),
    category: z
      .enum(['product', 'price', 'delivery', 'quality', 'service', 'technical', 'relationship', 'other'])
      .optional(),
    importance: Rating.optional(),
    urgency: Rating.optional(),
    feasibility: Rating.optional(),
  })
  .strict();

export const ComplaintListQuery = ListQueryBase.extend({
  sort: z.enum(['receivedAt', '-receivedAt', 'resolutionDueAt', '-resolutionDueAt']).default('-receivedAt'),
  accountId: Id.optional(),
  status: ComplaintStatus.optional(),
  severity: ComplaintSeverity.optional(),
  open: z.stringbool().optional().describe('true: not yet resolved or closed'),
  breached: z.stringbool().optional().describe('true: response or resolution SLA breached'),
  mine: z.stringbool().optional().describe('true: I am its first owner or its assignee'),
}).strict();

export const CreateComplaint = z
  .object({
    accountId: Id,
    contactId: Id.nullable().default(null),
    title: z.string().trim().min(1).max(200),
    description: z.string().trim().max(10000).nullable().default(null),
    severity: ComplaintSeverity,
    channel: ComplaintChannel,
    receivedAt: IsoDateTime.optional().describe('default now'),
    assigneeId: Id.nullable().default(null),
  })
  .strict();

export const UpdateComplaint = z
  .object({
    version: Version,
    title: z.string().trim().min(1).max(200).optional(),
    description: z.string().trim().max(10000).nullable().optional(),
    severity: ComplaintSeverity.optional(),
    assigneeId: Id.nullable().optional(),
    status: ComplaintStatus.optional(),
    rootCause: RootCause.nullable().optional(),
    resolution: z.string().trim().max(10000).nullable().optional(),
    note: z.string().trim().max(2000).optional().describe('goes into the status history'),
  })
  .strict();

export const ComplaintFollowUp = z
  .object({
    version: Version,
    at: IsoDateTime.optional(),
    satisfaction: Rating,
    notes: z.string().trim().max(2000).nullable().default(null),
  })
  .strict();

export const SlaPolicy = z.object({
  tier: ServiceTier,
  severity: ComplaintSeverity,
  responseHours: z
    .number()
    .int()
    .min(1)
    .max(24 * 60),
  resolutionHours: z
    .number()
    .int()
    .min(1)
    .max(24 * 180),
});
export const SlaMatrix = z.object({ items: z.array(SlaPolicy) });
export const UpdateSlaMatrix = z
  .object({ items: z.array(SlaPolicy.strict()).min(1).max(12) })
  .strict()
  .refine((m) => m.items.every((p) => p.resolutionHours >= p.responseHours), {
    message: 'resolution hours must not be shorter than response hours',
    path: ['items'],
  });

/** KPIs of the back office (后台支撑部门): per group of complaints received in the window. */
export const ServiceKpiRow = z.object({
  key: z.string().describe('tier, or org unit id of the first owner'),
  label: z.string(),
  complaints: z.number().int(),
  closed: z.number().int(),
  responseSlaRate: z.number().nullable().describe('share (0–1) responded within SLA, of those due or responded'),
  resolutionSlaRate: z.number().nullable(),
  avgResponseHours: z.number().nullable(),
  avgResolutionHours: z.number().nullable(),
  avgFollowUpSatisfaction: z.number().nullable(),
  escalated: z.number().int(),
});
export const ServiceKpis = z.object({
  from: IsoDate,
  to: IsoDate,
  total: ServiceKpiRow,
  byTier: z.array(ServiceKpiRow),
  byTeam: z.array(ServiceKpiRow),
});
export const ServiceKpiQuery = z
  .object({ from: IsoDate.optional(), to: IsoDate.optional().describe('inclusive; default today') })
  .strict();

// ---- satisfaction surveys ----

export const SurveyKind = z.enum(['csat', 'nps']);
export const Survey = z.object({
  id: Id,
  accountId: Id,
  accountName: z.string(),
  contact: z.object({ id: Id, name: z.string() }),
  kind: SurveyKind,
  complaintId: Id.nullable(),
  sentBy: UserRef,
  sentAt: IsoDateTime,
  expiresAt: IsoDateTime,
  answeredAt: IsoDateTime.nullable(),
  score: z.number().int().nullable(),
  comment: z.string().nullable(),
});
export const SurveyListQuery = ListQueryBase.extend({
  sort: z.enum(['sentAt', '-sentAt']).default('-sentAt'),
  accountId: Id.optional(),
  kind: SurveyKind.optional(),
  answered: z.stringbool().optional(),
}).strict();
export const CreateSurvey = z
  .object({
    accountId: Id,
    contactId: Id,
    kind: SurveyKind,
    complaintId: Id.nullable().default(null),
    validDays: z.number().int().min(1).max(60).default(14),
  })
  .strict();
/** Returned once, when a survey is sent: the link holds the only copy of the token. */
export const SentSurvey = Survey.extend({ link: z.string().describe('one-time page; shown once, stored hashed') });

export const SurveyTrendPoint = z.object({
  month: z.string().describe('YYYY-MM'),
  responses: z.number().int(),
  csat: z.number().nullable().describe('mean CSAT 1–5'),
  nps: z.number().nullable().describe('NPS −100…100: % promoters (9–10) − % detractors (0–6)'),
});
export const SurveyResults = z.object({
  accountId: Id.nullable(),
  sent: z.number().int(),
  answered: z.number().int(),
  csat: z.number().nullable(),
  nps: z.number().nullable(),
  promoters: z.number().int(),
  passives: z.number().int(),
  detractors: z.number().int(),
  trend: z.array(SurveyTrendPoint),
});
export const SurveyResultsQuery = z
  .object({ accountId: Id.optional(), months: z.coerce.number().int().min(1).max(36).default(12) })
  .strict();

/** What the public page may show: the question and our company's name, nothing of the account's data. */
export const PublicSurvey = z.object({
  kind: SurveyKind,
  contactName: z.string(),
  expiresAt: IsoDateTime,
});
export const SurveyTokenParams = z.object({ token: z.string().min(20).max(100) }).strict();
export const SurveyAnswer = z
  .object({ score: z.number().int().min(0).max(10), comment: z.string().trim().max(2000).nullable().default(null) })
  .strict();
