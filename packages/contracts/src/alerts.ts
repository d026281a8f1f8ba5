import { z } from 'zod';
import { Id, IsoDateTime, ListQueryBase, Version } from './common.js';
import { UserRef } from './org.js';

const AlertTier = z.enum(['strategic', 'core', 'general']);

/** The rules an alert comes from; contract-expiring watches the plans module's contracts. */
/**
 * The rules an alert comes from. Care-task-overdue and contract-expiring arrive with the care and
 * contracts modules.
 */
export const AlertRule = z.enum([
  'churn_risk',
  'revenue_drop',
  'receivable_overdue',
  'sla_breached',
  'no_contact',
  'care_overdue',
  'contract_expiring',
  'channel_conflict',
]);
export type AlertRule = z.infer<typeof AlertRule>;
export const AlertStatus = z.enum(['open', 'acknowledged', 'snoozed', 'resolved']);

/** The figures an alert's reason stands on (by rule), from which the web words it in the reader's language. */
export const AlertFigures = z.record(z.string(), z.unknown()).describe('the figures behind the reason');

export const Alert = z.object({
  id: Id,
  accountId: Id,
  accountName: z.string(),
  tier: AlertTier,
  rule: AlertRule,
  status: AlertStatus,
  severity: z.enum(['warning', 'critical']),
  reason: z.string().describe('one line, in Chinese, why it fired'),
  data: AlertFigures,
  link: z.string().describe('where to act, a path in the web app'),
  owner: UserRef.nullable(),
  read: z.boolean().describe('whether the caller has opened it'),
  firstSeenAt: IsoDateTime,
  lastSeenAt: IsoDateTime,
  snoozedUntil: IsoDateTime.nullable(),
  acknowledgedAt: IsoDateTime.nullable(),
  resolvedAt: IsoDateTime.nullable(),
  version: z.number().int(),
});
export type Alert = z.infer<typeof Alert>;

export const AlertListQuery = ListQueryBase.extend({
  sort: z
    .enum(['priority', '-priority', 'lastSeenAt', '-lastSeenAt'])
    .default('-priority')
    .describe('priority: critical before warning, then strategic, core, general'),
  status: AlertStatus.optional(),
  active: z.stringbool().optional().describe('true: open or acknowledged (not snoozed, not resolved)'),
  rule: AlertRule.optional(),
  accountId: Id.optional(),
  unread: z.stringbool().optional(),
}).strict();

export const AlertAction = z
  .object({
    version: Version,
    action: z.enum(['acknowledge', 'resolve', 'snooze', 'reopen']),
    snoozeUntil: IsoDateTime.optional().describe('required for snooze'),
    note: z.string().trim().max(1000).optional(),
  })
  .strict();

export const AlertCounts = z.object({
  unread: z.number().int(),
  active: z.number().int(),
  byRule: z.record(z.string(), z.number().int()),
});

/** Thresholds per tier; a rule with `null` is off for that tier. */
export const AlertThresholds = z.object({
  tier: AlertTier,
  churnRisk: z.number().int().min(1).max(100).nullable().describe('alert when churn risk ≥ this'),
  revenueDropPct: z
    .number()
    .int()
    .min(1)
    .max(100)
    .nullable()
    .describe('alert when revenue fell more than this % vs the same period a year earlier'),
  revenueDropMinAmount: z
    .number()
    .int()
    .min(0)
    .max(1_000_000_000)
    .describe('…and at least this many yuan of six-month revenue were lost'),
  overdueDays: z
    .number()
    .int()
    .min(1)
    .max(3650)
    .nullable()
    .describe('alert when a receivable is overdue by more than this many days'),
  overdueMinAmount: z
    .number()
    .int()
    .min(0)
    .max(1_000_000_000)
    .describe('…and the account’s receivables overdue that long add up to at least this many yuan'),
  contactCadenceDays: z
    .number()
    .int()
    .min(1)
    .max(3650)
    .nullable()
    .describe('alert when no decision maker was contacted in this many days'),
  slaBreached: z.boolean().describe('alert on complaints past their SLA'),
  careOverdueDays: z
    .number()
    .int()
    .min(1)
    .max(365)
    .nullable()
    .describe('alert when a care task is past its due date by more than this many days'),
  contractExpiryDays: z
    .number()
    .int()
    .min(1)
    .max(730)
    .nullable()
    .optional()
    .describe('alert when a contract not yet renewed ends within this many days (left out: the default)'),
});
export const AlertSettings = z.object({ items: z.array(AlertThresholds) });
export const UpdateAlertSettings = z.object({ items: z.array(AlertThresholds.strict()).min(1).max(3) }).strict();

export const WebhookKind = z.enum(['wecom', 'dingtalk', 'feishu']);
export const WebhookTarget = z.object({
  id: Id,
  name: z.string(),
  kind: WebhookKind,
  url: z.string(),
  hasSecret: z.boolean(),
  minSeverity: z.enum(['warning', 'critical']),
  enabled: z.boolean(),
  version: z.number().int(),
  createdAt: IsoDateTime,
});
export const CreateWebhookTarget = z
  .object({
    name: z.string().trim().min(1).max(100),
    kind: WebhookKind,
    url: z.url({ protocol: /^https?$/ }).max(1000),
    secret: z
      .string()
      .trim()
      .min(1)
      .max(200)
      .nullable()
      .default(null)
      .describe('signing secret (DingTalk SEC…, Feishu)'),
    minSeverity: z.enum(['warning', 'critical']).default('warning'),
    enabled: z.boolean().default(true),
  })
  .strict();
export const UpdateWebhookTarget = z
  .object({
    version: Version,
    name: z.string().trim().min(1).max(100).optional(),
    url: z
      .url({ protocol: /^https?$/ })
      .max(1000)
      .optional(),
    secret: z.string().trim().min(1).max(200).nullable().optional(),
    minSeverity: z.enum(['warning', 'critical']).optional(),
    enabled: z.boolean().optional(),
  })
  .strict();

export const AllowedHost = z.object({
  host: z.string(),
  allowPrivate: z.boolean().describe('also allow private/loopback addresses for this host'),
  createdAt: IsoDateTime,
});
export const CreateAllowedHost = z
  .object({
    host: z
      .string()
      .trim()
      .toLowerCase()
      .min(1)
      .max(253)
      .regex(/^[a-z0-9.-]+$|^\[?[0-9a-f:]+\]?$/, 'a host name or IP address, without scheme or port'),
    allowPrivate: z.boolean().default(false),
  })
  .strict();
export const HostParams = z.object({ host: z.string().min(1).max(253) }).strict();

export const Delivery = z.object({
  id: z.number().int(),
  channel: z.enum(['webhook', 'email']),
  target: z.string(),
  status: z.enum(['sent', 'failed', 'refused']),
  attempts: z.number().int(),
  alerts: z.number().int(),
  httpStatus: z.number().int().nullable(),
  error: z.string().nullable(),
  at: IsoDateTime,
});
export const DeliveryListQuery = z
  .object({
    limit: z.coerce.number().int().min(1).max(200).default(50),
    cursor: z.string().max(100).optional(),
    status: z.enum(['sent', 'failed', 'refused']).optional(),
  })
  .strict();
export const EvaluationSummary = z.object({
  raised: z.number().int(),
  refreshed: z.number().int(),
  resolved: z.number().int(),
  woke: z.number().int(),
  byRule: z.record(z.string(), z.number().int()),
});
export const TestWebhookResult = z.object({ delivery: Delivery });
